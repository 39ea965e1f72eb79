// Package plugin serves Grafana's calls for the Cloud Eye data source: queries, health checks and
// the resources the editors use. It plans with the shared core and fetches through the CES client.
package plugin

import (
	"context"
	"fmt"
	"net/http"
	"sync"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/instancemgmt"
	"github.com/grafana/grafana-plugin-sdk-go/backend/resource/httpadapter"

	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/ces"
	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/core"
)

// cesClient is what the handlers need from the CES client; tests put a fake in its place.
type cesClient interface {
	BatchQuery(ctx context.Context, body []byte) (*ces.Response, error)
	Catalog(ctx context.Context, namespace string) ([]ces.MetricInfo, error)
	Ping(ctx context.Context) error
}

// planner is what QueryData needs from the core engine.
type planner interface {
	DefaultOptions() core.PlanOptions
	PlanSaved(ctx context.Context, in core.SavedPlanInput) (*core.Plan, error)
	Assemble(ctx context.Context, plan *core.Plan,
		answers []core.BatchAnswer) ([]core.QueryResult, error)
}

// Datasource is one configured Cloud Eye data source: its settings, client and planner.
type Datasource struct {
	settings Settings
	// settingsErr is kept rather than returned by the factory, so each call can show the user
	// what to fix instead of Grafana's generic "plugin unavailable".
	settingsErr error
	client      cesClient
	engine      planner
	httpClient  *http.Client
	resources   backend.CallResourceHandler
}

var (
	_ backend.QueryDataHandler      = (*Datasource)(nil)
	_ backend.CheckHealthHandler    = (*Datasource)(nil)
	_ backend.CallResourceHandler   = (*Datasource)(nil)
	_ instancemgmt.InstanceDisposer = (*Datasource)(nil)
)

// sharedEngine compiles the core bundle once per process: every data source plans with it.
var sharedEngine = sync.OnceValues(func() (*core.Engine, error) {
	return core.NewEngine(core.Options{})
})

// Engine returns the core engine every data source of this process plans with; benchmarks
// read its Stats to tell the time spent in JavaScript.
func Engine() (*core.Engine, error) {
	return sharedEngine()
}

// NewDatasource is the SDK's instance factory, called when a data source is created or saved.
func NewDatasource(ctx context.Context, instance backend.DataSourceInstanceSettings) (
	instancemgmt.Instance, error) {
	engine, err := sharedEngine()
	if err != nil {
		return nil, fmt.Errorf("load the query core: %w", err)
	}

	settings, err := ParseSettings(instance)
	if err != nil {
		return newDatasource(Settings{}, err, nil, engine), nil
	}

	httpClient, err := newHTTPClient(ctx, instance)
	if err != nil {
		return nil, err
	}
	client, err := ces.New(clientConfig(settings, httpClient))
	if err != nil {
		return newDatasource(settings, err, nil, engine), nil
	}
	ds := newDatasource(settings, nil, client, engine)
	ds.httpClient = httpClient
	return ds, nil
}

func newDatasource(settings Settings, settingsErr error, client cesClient,
	engine planner) *Datasource {
	ds := &Datasource{settings: settings, settingsErr: settingsErr, client: client, engine: engine}
	ds.resources = httpadapter.New(ds.resourceRoutes())
	return ds
}

// newHTTPClient builds the client from the SDK's options (proxy, timeouts, TLS); TLS
// verification stays on unless the page sets tlsSkipVerify.
func newHTTPClient(ctx context.Context, instance backend.DataSourceInstanceSettings) (
	*http.Client, error) {
	options, err := instance.HTTPClientOptions(ctx)
	if err != nil {
		return nil, fmt.Errorf("read the HTTP options of the data source: %w", err)
	}
	return ces.NewHTTPClient(options)
}

func clientConfig(settings Settings, httpClient *http.Client) ces.Config {
	return ces.Config{
		Endpoint:  settings.Endpoint,
		ProjectID: settings.ProjectID,
		Region:    settings.Region,
		Auth: ces.Auth{
			Kind:      settings.AuthType,
			AccessKey: settings.AccessKey,
			SecretKey: settings.SecretKey,
			Token:     settings.Token,
		},
		CallsPerMinute: settings.CallsPerMinute,
		HTTPClient:     httpClient,
	}
}

// Dispose releases the instance's idle connections when Grafana replaces its settings.
func (d *Datasource) Dispose() {
	if d.httpClient != nil {
		d.httpClient.CloseIdleConnections()
	}
}
