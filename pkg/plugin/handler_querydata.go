package plugin

import (
	"context"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/core"
	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/frames"
)

// panelRequest is what the queries of one plan share: Grafana usually sends one per request,
// but alert rules and time-shifted panels may mix ranges and point budgets.
type panelRequest struct {
	from, to      int64
	maxDataPoints int64
	intervalMs    int64
}

// QueryData answers each query of the request: frames, or the error that concerns it.
func (d *Datasource) QueryData(ctx context.Context, req *backend.QueryDataRequest) (
	*backend.QueryDataResponse, error) {
	response := backend.NewQueryDataResponse()
	if d.settingsErr != nil {
		for _, q := range req.Queries {
			response.Responses[q.RefID] = backend.ErrDataResponse(backend.StatusBadRequest,
				d.settingsErr.Error())
		}
		return response, nil
	}

	groups := map[panelRequest][]core.SavedQuery{}
	var order []panelRequest
	for _, q := range req.Queries {
		saved, err := parseQuery(q.RefID, q.JSON)
		if err != nil {
			response.Responses[q.RefID] = backend.ErrDataResponse(backend.StatusBadRequest,
				err.Error())
			continue
		}
		if saved.Hide {
			continue
		}
		key := panelRequest{
			from:          q.TimeRange.From.UnixMilli(),
			to:            q.TimeRange.To.UnixMilli(),
			maxDataPoints: q.MaxDataPoints,
			intervalMs:    q.Interval.Milliseconds(),
		}
		if _, seen := groups[key]; !seen {
			order = append(order, key)
		}
		groups[key] = append(groups[key], saved)
	}

	for _, key := range order {
		for refID, answer := range d.runPlan(ctx, key, groups[key]) {
			response.Responses[refID] = answer
		}
	}
	return response, nil
}

// runPlan plans the queries together (so shared descriptors are fetched once), sends the
// batches and answers each query.
func (d *Datasource) runPlan(ctx context.Context, panel panelRequest,
	saved []core.SavedQuery) map[string]backend.DataResponse {
	logger := backend.Logger.FromContext(ctx)
	started := time.Now()
	answers := make(map[string]backend.DataResponse, len(saved))

	queries, catalog := d.resolveWildcards(ctx, saved, answers)
	if len(queries) == 0 {
		return answers
	}

	input := core.SavedPlanInput{
		Queries: queries,
		Range:   core.TimeRange{From: panel.from, To: panel.to},
		Options: d.planOptions(panel),
		Catalog: catalog,
	}
	plan, err := d.engine.PlanSaved(ctx, input)
	if err != nil {
		failAll(answers, queries, backend.ErrDataResponse(backend.StatusInternal, err.Error()))
		return answers
	}
	planned := time.Since(started)

	batchAnswers := d.sendBatches(ctx, plan.Batches)
	fetched := time.Since(started)

	results, err := d.engine.Assemble(ctx, plan, batchAnswers)
	if err != nil {
		failAll(answers, queries, backend.ErrDataResponse(backend.StatusInternal, err.Error()))
		return answers
	}
	for _, result := range results {
		answers[result.RefID] = frames.Response(result)
	}

	logger.Info("Queries answered", "queries", len(queries), "batches", len(plan.Batches),
		"catalogMetrics", len(catalog), "planned", planned.String(), "fetched", fetched.String(),
		"elapsed", time.Since(started).String())
	return answers
}

// planOptions starts from the core's defaults and applies the data source and panel settings.
func (d *Datasource) planOptions(panel panelRequest) *core.PlanOptions {
	options := d.engine.DefaultOptions()
	options.MaxMetrics = d.settings.MaxMetricsPerRequest
	options.DatapointBudget = d.settings.DatapointBudget
	options.RawIntervalS = d.settings.RawIntervalSeconds
	if panel.maxDataPoints > 0 {
		options.MaxDataPoints = int(panel.maxDataPoints)
	}
	options.MinIntervalMs = int(panel.intervalMs)
	return &options
}

func failAll(answers map[string]backend.DataResponse, queries []core.SavedQuery,
	failure backend.DataResponse) {
	for _, q := range queries {
		answers[q.RefID] = failure
	}
}
