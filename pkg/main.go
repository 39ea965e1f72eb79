// Command gpx_cloudeye is the backend of the Huawei Cloud Eye data source, started by Grafana.
package main

import (
	"os"

	"github.com/grafana/grafana-plugin-sdk-go/backend/datasource"
	"github.com/grafana/grafana-plugin-sdk-go/backend/log"

	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/plugin"
)

// pluginID must match the id in plugin.json: Grafana refuses a backend that answers for another.
const pluginID = "hwc-cloudeye-datasource"

func main() {
	err := datasource.Manage(pluginID, plugin.NewDatasource, datasource.ManageOpts{})
	if err != nil {
		log.DefaultLogger.Error("Backend stopped", "error", err)
		os.Exit(1)
	}
}
