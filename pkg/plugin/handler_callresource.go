package plugin

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

// CallResource serves the resources the browser calls through Grafana: the signed batch
// forward and the catalog lists behind the editors and template variables.
func (d *Datasource) CallResource(ctx context.Context, req *backend.CallResourceRequest,
	sender backend.CallResourceResponseSender) error {
	return d.resources.CallResource(ctx, req, sender)
}

// resourceRoutes maps each resource path to its handler.
func (d *Datasource) resourceRoutes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /batch", d.handleBatch)
	mux.HandleFunc("GET /namespaces", d.handleNamespaces)
	mux.HandleFunc("GET /metrics", d.handleMetrics)
	mux.HandleFunc("GET /dimension-keys", d.handleDimensionKeys)
	mux.HandleFunc("GET /dimension-values", d.handleDimensionValues)
	mux.HandleFunc("GET /catalog", d.handleCatalog)
	return d.requireSettings(mux)
}

// requireSettings answers every resource with the settings error while the settings are wrong.
func (d *Datasource) requireSettings(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if d.settingsErr != nil {
			writeMessage(w, http.StatusBadRequest, d.settingsErr.Error())
			return
		}
		next.ServeHTTP(w, r)
	})
}

// writeServiceError answers a failed CES call with the service's status and advice.
func writeServiceError(w http.ResponseWriter, err error) {
	status, _, message := describeServiceError(err)
	writeMessage(w, status, message)
}

// writeMessage answers {"message": ...}, the shape Grafana's frontend shows as the error text.
func writeMessage(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, map[string]string{"message": message})
}

func writeJSON(w http.ResponseWriter, status int, value any) {
	body, err := json.Marshal(value)
	if err != nil {
		status = http.StatusInternalServerError
		body = []byte(`{"message":"the answer could not be encoded"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
