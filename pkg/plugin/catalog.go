package plugin

import (
	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/ces"
	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/core"
)

// coreCatalog gives catalog entries to the core, which resolves `*` against them.
func coreCatalog(metrics []ces.MetricInfo) []core.MetricInfo {
	out := make([]core.MetricInfo, len(metrics))
	for i, m := range metrics {
		dimensions := make([]core.Dimension, len(m.Dimensions))
		for j, d := range m.Dimensions {
			dimensions[j] = core.Dimension{Name: d.Name, Value: d.Value}
		}
		out[i] = core.MetricInfo{
			Namespace:  m.Namespace,
			MetricName: m.MetricName,
			Dimensions: dimensions,
			Unit:       m.Unit,
		}
	}
	return out
}
