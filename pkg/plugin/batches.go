package plugin

import (
	"context"
	"errors"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"golang.org/x/sync/errgroup"

	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/ces"
	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/core"
)

// batchesInFlight bounds the calls one request makes at once: enough to hide latency, few
// enough that one dashboard does not use up the data source's calls per minute in a burst.
const batchesInFlight = 4

// sendBatches sends every batch of a plan and collects one answer per batch, in plan order.
// A failed batch is an answer too: the core gives its error to the queries it concerns.
func (d *Datasource) sendBatches(ctx context.Context, batches []core.Batch) []core.BatchAnswer {
	answers := make([]core.BatchAnswer, len(batches))
	var group errgroup.Group
	group.SetLimit(batchesInFlight)
	for i, batch := range batches {
		group.Go(func() error {
			answers[i] = d.sendBatch(ctx, batch)
			return nil
		})
	}
	_ = group.Wait()
	return answers
}

func (d *Datasource) sendBatch(ctx context.Context, batch core.Batch) core.BatchAnswer {
	logger := backend.Logger.FromContext(ctx)
	started := time.Now()

	response, err := d.client.BatchQuery(ctx, batch.Body)
	if err != nil {
		status, code, message := describeServiceError(err)
		var apiErr *ces.APIError
		if errors.As(err, &apiErr) {
			// The code travels apart: the frames say "code: message" once.
			message = apiErr.Message
		}
		logger.Warn("Batch failed", "batch", batch.ID, "status", status, "code", code,
			"elapsed", time.Since(started).String())
		return core.BatchAnswer{BatchID: batch.ID, Status: status,
			Err: &core.AnswerError{Code: code, Message: message}}
	}

	logger.Debug("Batch answered", "batch", batch.ID, "status", response.Status,
		"bytes", len(response.Body), "elapsed", time.Since(started).String())
	return core.BatchAnswer{BatchID: batch.ID, Status: response.Status, Body: response.Body}
}
