package plugin

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/ces"
)

// CheckHealth is the "Save & test" button: an authenticated call, then the catalog, so the user
// learns both that the credentials work and how many metrics they can see.
func (d *Datasource) CheckHealth(ctx context.Context, _ *backend.CheckHealthRequest) (
	*backend.CheckHealthResult, error) {
	logger := backend.Logger.FromContext(ctx)
	started := time.Now()
	if d.settingsErr != nil {
		return unhealthy(d.settingsErr.Error()), nil
	}

	if err := d.client.Ping(ctx); err != nil {
		logger.Warn("Health check failed", "step", "ping", "error", err)
		return unhealthy(d.healthAdvice(err)), nil
	}
	catalog, err := d.client.Catalog(ctx, "")
	if err != nil {
		logger.Warn("Health check failed", "step", "catalog", "error", err)
		return unhealthy(d.healthAdvice(err)), nil
	}

	logger.Info("Health check passed", "metrics", len(catalog),
		"elapsed", time.Since(started).String())
	return &backend.CheckHealthResult{
		Status: backend.HealthStatusOk,
		Message: fmt.Sprintf("Connected to %s for project %s: %d metrics visible.",
			d.settings.Endpoint, d.settings.ProjectID, len(catalog)),
	}, nil
}

// healthAdvice is the one sentence a user reads when the check fails: the service's own
// advice where it answered, else what to check about the endpoint.
func (d *Datasource) healthAdvice(err error) string {
	var apiErr *ces.APIError
	if errors.As(err, &apiErr) {
		return "Cloud Eye refused the check: " + apiErr.Error()
	}
	return fmt.Sprintf("Cannot reach %s: check the endpoint URL, proxy and network (%v)",
		d.settings.Endpoint, err)
}

func unhealthy(message string) *backend.CheckHealthResult {
	return &backend.CheckHealthResult{Status: backend.HealthStatusError, Message: message}
}
