package harness

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"
	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
)

const pluginID = "hwc-cloudeye-datasource"

// callTimeout bounds each gRPC call, so a hung backend fails the test instead of CI.
const callTimeout = 60 * time.Second

// dataSource describes a data source instance as Grafana sends it with every call.
type dataSource struct {
	uid       string
	secretKey string
	// token, when set, replaces AK/SK signing by the X-Auth-Token header.
	token    string
	jsonData map[string]any
}

// devDataSource is the data source a user would save for the reference service.
func devDataSource() dataSource {
	return dataSource{
		uid:       "cloudeye-dev",
		secretKey: devSecretKey,
		jsonData: map[string]any{
			"endpoint":             world.proxy.server.URL,
			"region":               "cn-north-4",
			"projectId":            devProject,
			"authType":             "aksk",
			"maxMetricsPerRequest": 10,
		},
	}
}

// pluginContext converts the instance with the SDK's own converter, as Grafana does.
func (ds dataSource) pluginContext(t *testing.T) *pluginv2.PluginContext {
	t.Helper()
	jsonData, err := json.Marshal(ds.jsonData)
	if err != nil {
		t.Fatal(err)
	}
	secrets := map[string]string{"accessKey": devAccessKey, "secretKey": ds.secretKey}
	if ds.token != "" {
		secrets = map[string]string{"token": ds.token}
	}
	return backend.ToProto().PluginContext(backend.PluginContext{
		OrgID:    1,
		PluginID: pluginID,
		DataSourceInstanceSettings: &backend.DataSourceInstanceSettings{
			UID:                     ds.uid,
			Name:                    "Huawei Cloud Eye",
			Type:                    pluginID,
			JSONData:                jsonData,
			DecryptedSecureJSONData: secrets,
			Updated:                 seedEnd,
		},
	})
}

func checkHealth(t *testing.T, ds dataSource) *pluginv2.CheckHealthResponse {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	response, err := world.backend.diagnostics.CheckHealth(ctx,
		&pluginv2.CheckHealthRequest{PluginContext: ds.pluginContext(t)})
	if err != nil {
		t.Fatalf("CheckHealth: %v", err)
	}
	return response
}

// resourceAnswer is a CallResource answer put back together from its stream of messages.
type resourceAnswer struct {
	status int
	body   []byte
}

func callResource(t *testing.T, ds dataSource, method, path string, body []byte) resourceAnswer {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	// Grafana sends the path alone and the query string only in the whole URL.
	pathOnly, _, _ := strings.Cut(path, "?")
	stream, err := world.backend.resource.CallResource(ctx, &pluginv2.CallResourceRequest{
		PluginContext: ds.pluginContext(t),
		Path:          pathOnly,
		Method:        method,
		Url:           "/api/datasources/uid/" + ds.uid + "/resources/" + path,
		Body:          body,
	})
	if err != nil {
		t.Fatalf("CallResource %s %s: %v", method, path, err)
	}

	var answer resourceAnswer
	for {
		message, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("CallResource %s %s: %v", method, path, err)
		}
		if message.Code != 0 {
			answer.status = int(message.Code)
		}
		answer.body = append(answer.body, message.Body...)
	}
	return answer
}

// getJSON calls a GET resource that must answer 200 and decodes its JSON body.
func getJSON[T any](t *testing.T, ds dataSource, path string) T {
	t.Helper()
	answer := callResource(t, ds, http.MethodGet, path, nil)
	if answer.status != http.StatusOK {
		t.Fatalf("GET %s answered %d: %s", path, answer.status, answer.body)
	}
	var value T
	if err := json.Unmarshal(answer.body, &value); err != nil {
		t.Fatalf("GET %s answered a body that is not the expected JSON: %v", path, err)
	}
	return value
}

// queryData sends the queries as one request and decodes each answer's Arrow frames with
// the SDK, as Grafana does before it evaluates an alert rule.
func queryData(t *testing.T, ds dataSource,
	queries ...backend.DataQuery) *backend.QueryDataResponse {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	request := backend.ToProto().QueryDataRequest(&backend.QueryDataRequest{Queries: queries})
	request.PluginContext = ds.pluginContext(t)
	response, err := world.backend.data.QueryData(ctx, request)
	if err != nil {
		t.Fatalf("QueryData: %v", err)
	}

	decoded := backend.NewQueryDataResponse()
	for refID, answer := range response.Responses {
		frames, err := data.UnmarshalArrowFrames(answer.Frames)
		if err != nil {
			t.Fatalf("frames of %s do not decode: %v", refID, err)
		}
		dataResponse := backend.DataResponse{
			Frames:      frames,
			Status:      backend.Status(answer.Status),
			ErrorSource: backend.ErrorSource(answer.ErrorSource),
		}
		if answer.Error != "" {
			dataResponse.Error = errors.New(answer.Error)
		}
		decoded.Responses[refID] = dataResponse
	}
	return decoded
}

// query builds a DataQuery from a saved query model with what Grafana sends for an alert
// rule: a one-second interval and 43200 points at most.
func query(refID string, model map[string]any, from, to time.Time) backend.DataQuery {
	model["refId"] = refID
	raw, err := json.Marshal(model)
	if err != nil {
		panic(err)
	}
	return backend.DataQuery{
		RefID:         refID,
		JSON:          raw,
		TimeRange:     backend.TimeRange{From: from, To: to},
		MaxDataPoints: 43200,
		Interval:      time.Second,
	}
}
