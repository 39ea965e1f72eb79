package plugin

import (
	"context"
	"slices"
	"strings"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/core"
)

// resolveWildcards reads the catalog of each namespace in which a query asks for `*`, so the
// core can expand it. A query whose catalog cannot be read is answered with that error here and
// left out of the plan; the others go on.
func (d *Datasource) resolveWildcards(ctx context.Context, queries []core.SavedQuery,
	answers map[string]backend.DataResponse) ([]core.SavedQuery, []core.MetricInfo) {
	var namespaces []string
	for _, q := range queries {
		if q.UsesWildcard() && !slices.Contains(namespaces, strings.TrimSpace(q.Namespace)) {
			namespaces = append(namespaces, strings.TrimSpace(q.Namespace))
		}
	}
	if len(namespaces) == 0 {
		return queries, nil
	}

	var catalog []core.MetricInfo
	failed := map[string]backend.DataResponse{}
	for _, namespace := range namespaces {
		metrics, err := d.client.Catalog(ctx, namespace)
		if err != nil {
			failed[namespace] = serviceFailure(err)
			continue
		}
		catalog = append(catalog, coreCatalog(metrics)...)
	}

	planned := queries[:0:0]
	for _, q := range queries {
		if failure, ok := failed[strings.TrimSpace(q.Namespace)]; ok && q.UsesWildcard() {
			answers[q.RefID] = failure
			continue
		}
		planned = append(planned, q)
	}
	return planned, catalog
}
