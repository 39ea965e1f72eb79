package plugin

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/core"
)

// savedQuery is a query as a panel or an alert rule stores it, variables already interpolated.
type savedQuery struct {
	RefID      string `json:"refId"`
	Namespace  string `json:"namespace"`
	MetricName string `json:"metricName"`
	Dimensions []struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"dimensions"`
	Period string `json:"period"`
	Filter string `json:"filter"`
	Alias  string `json:"alias"`
	Hide   bool   `json:"hide"`
}

// parseQuery reads a saved query. Field rules are the core's to check, so that a bad field gets
// the same message in panels and in alert rules; only unreadable JSON stops here.
func parseQuery(refID string, raw json.RawMessage) (savedQuery, error) {
	var saved savedQuery
	if err := json.Unmarshal(raw, &saved); err != nil {
		return savedQuery{}, fmt.Errorf(
			"query %s cannot be read (%s): open it in the editor and save it again",
			refID, describeJSONError(err))
	}
	saved.RefID = refID
	return saved, nil
}

// coreQuery turns a saved query into the core's form, as the core's toCoreQuery does: each
// dimension value becomes a list (`{a,b}` is Grafana's multi-value form, `*` stays), trimmed and
// without repeats; period defaults to auto and filter to average.
func (s savedQuery) coreQuery() core.CoreQuery {
	dimensions := make([]core.DimensionFilter, len(s.Dimensions))
	for i, d := range s.Dimensions {
		dimensions[i] = core.DimensionFilter{
			Name:   strings.TrimSpace(d.Name),
			Values: splitValues(d.Value),
		}
	}
	query := core.CoreQuery{
		RefID:      s.RefID,
		Namespace:  strings.TrimSpace(s.Namespace),
		MetricName: strings.TrimSpace(s.MetricName),
		Dimensions: dimensions,
		Period:     s.Period,
		Filter:     s.Filter,
		Alias:      s.Alias,
	}
	if query.Period == "" {
		query.Period = "auto"
	}
	if query.Filter == "" {
		query.Filter = "average"
	}
	return query
}

func splitValues(value string) []string {
	text := strings.TrimSpace(value)
	parts := []string{text}
	if len(text) >= 2 && strings.HasPrefix(text, "{") && strings.HasSuffix(text, "}") {
		parts = strings.Split(text[1:len(text)-1], ",")
	}
	values := []string{}
	for _, part := range parts {
		v := strings.TrimSpace(part)
		if v != "" && !slices.Contains(values, v) {
			values = append(values, v)
		}
	}
	return values
}

// usesWildcard reports whether the query needs the catalog to resolve a `*` value.
func usesWildcard(query core.CoreQuery) bool {
	for _, d := range query.Dimensions {
		if slices.Contains(d.Values, "*") {
			return true
		}
	}
	return false
}
