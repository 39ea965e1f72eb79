package plugin

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/ces"
)

// maxDimensionFilters is how many dim.N filters list-metrics takes (dim.0 to dim.2).
const maxDimensionFilters = 3

// catalogRequest is what a catalog resource asks for: a namespace, maybe a metric, and
// dimension filters the listed metrics must match.
type catalogRequest struct {
	namespace  string
	metricName string
	filters    []ces.Dimension
}

func (d *Datasource) handleNamespaces(w http.ResponseWriter, r *http.Request) {
	metrics, err := d.client.Catalog(r.Context(), "")
	if err != nil {
		writeServiceError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, distinct(metrics, func(m ces.MetricInfo) []string {
		return []string{m.Namespace}
	}))
}

func (d *Datasource) handleMetrics(w http.ResponseWriter, r *http.Request) {
	d.serveCatalog(w, r, func(metrics []ces.MetricInfo) any {
		return distinct(metrics, func(m ces.MetricInfo) []string { return []string{m.MetricName} })
	})
}

func (d *Datasource) handleDimensionKeys(w http.ResponseWriter, r *http.Request) {
	d.serveCatalog(w, r, func(metrics []ces.MetricInfo) any {
		return distinct(metrics, func(m ces.MetricInfo) []string {
			names := make([]string, len(m.Dimensions))
			for i, dim := range m.Dimensions {
				names[i] = dim.Name
			}
			return names
		})
	})
}

func (d *Datasource) handleDimensionValues(w http.ResponseWriter, r *http.Request) {
	key := r.URL.Query().Get("key")
	if key == "" {
		writeMessage(w, http.StatusBadRequest, "key is required: name the dimension to list")
		return
	}
	d.serveCatalog(w, r, func(metrics []ces.MetricInfo) any {
		return distinct(metrics, func(m ces.MetricInfo) []string {
			for _, dim := range m.Dimensions {
				if dim.Name == key {
					return []string{dim.Value}
				}
			}
			return nil
		})
	})
}

func (d *Datasource) handleCatalog(w http.ResponseWriter, r *http.Request) {
	d.serveCatalog(w, r, func(metrics []ces.MetricInfo) any {
		if metrics == nil {
			return []ces.MetricInfo{}
		}
		return metrics
	})
}

// serveCatalog reads the request's filters, the namespace's catalog, keeps the matching
// metrics and answers what answer makes of them.
func (d *Datasource) serveCatalog(w http.ResponseWriter, r *http.Request,
	answer func([]ces.MetricInfo) any) {
	request, err := parseCatalogRequest(r.URL.Query())
	if err != nil {
		writeMessage(w, http.StatusBadRequest, err.Error())
		return
	}
	metrics, err := d.client.Catalog(r.Context(), request.namespace)
	if err != nil {
		writeServiceError(w, err)
		return
	}
	var matching []ces.MetricInfo
	for _, m := range metrics {
		if request.matches(m) {
			matching = append(matching, m)
		}
	}
	writeJSON(w, http.StatusOK, answer(matching))
}

func parseCatalogRequest(query url.Values) (catalogRequest, error) {
	request := catalogRequest{
		namespace:  query.Get("namespace"),
		metricName: query.Get("metric_name"),
	}
	if request.namespace == "" {
		return catalogRequest{}, fmt.Errorf("namespace is required, e.g. namespace=SYS.ECS")
	}
	for i := range maxDimensionFilters {
		param := fmt.Sprintf("dim.%d", i)
		value := query.Get(param)
		if value == "" {
			continue
		}
		name, dimValue, ok := strings.Cut(value, ",")
		if !ok || name == "" || dimValue == "" {
			return catalogRequest{}, fmt.Errorf("%s must be name,value, e.g. instance_id,ecs-0001",
				param)
		}
		request.filters = append(request.filters, ces.Dimension{Name: name, Value: dimValue})
	}
	return request, nil
}

// matches tells whether a catalog metric is of the requested namespace and metric and has
// every filtered dimension with its value.
func (c catalogRequest) matches(m ces.MetricInfo) bool {
	if m.Namespace != c.namespace || (c.metricName != "" && m.MetricName != c.metricName) {
		return false
	}
	for _, filter := range c.filters {
		if !slices.Contains(m.Dimensions, filter) {
			return false
		}
	}
	return true
}

// distinct collects the strings pick finds in each metric, sorted and without repeats; never
// nil, so the browser always gets a JSON array.
func distinct(metrics []ces.MetricInfo, pick func(ces.MetricInfo) []string) []string {
	values := []string{}
	for _, m := range metrics {
		values = append(values, pick(m)...)
	}
	slices.Sort(values)
	return slices.Compact(values)
}
