package plugin

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

// maxBatchBytes is the largest body CES accepts; a larger one is refused before it is signed.
const maxBatchBytes = 512 * 1024

// handleBatch forwards one batch body, signed, and answers exactly what the service answered.
// It refuses what the service would refuse for size, so the panel learns why before a call.
func (d *Datasource) handleBatch(w http.ResponseWriter, r *http.Request) {
	logger := backend.Logger.FromContext(r.Context())
	started := time.Now()

	body, err := io.ReadAll(io.LimitReader(r.Body, maxBatchBytes+1))
	if err != nil {
		writeMessage(w, http.StatusBadRequest, "the batch body could not be read")
		return
	}
	if len(body) > maxBatchBytes {
		writeMessage(w, http.StatusBadRequest,
			"the batch body is larger than 512 KB: query fewer metrics per request")
		return
	}
	var head struct {
		Metrics []json.RawMessage `json:"metrics"`
	}
	if err := json.Unmarshal(body, &head); err != nil {
		writeMessage(w, http.StatusBadRequest, "the batch body is not a JSON batch query: "+
			describeJSONError(err))
		return
	}
	if len(head.Metrics) > d.settings.MaxMetricsPerRequest {
		writeMessage(w, http.StatusBadRequest, fmt.Sprintf(
			"the batch holds %d metrics, more than the %d per request this data source allows",
			len(head.Metrics), d.settings.MaxMetricsPerRequest))
		return
	}

	response, err := d.client.BatchQuery(r.Context(), body)
	if response == nil {
		logger.Warn("Batch forward failed", "metrics", len(head.Metrics), "error", err)
		writeServiceError(w, err)
		return
	}
	logger.Debug("Batch forwarded", "metrics", len(head.Metrics), "status", response.Status,
		"elapsed", time.Since(started).String())
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(response.Status)
	_, _ = w.Write(response.Body)
}
