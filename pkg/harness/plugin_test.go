package harness

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/grafana/grafana-plugin-sdk-go/backend/grpcplugin"
	"github.com/hashicorp/go-hclog"
	goplugin "github.com/hashicorp/go-plugin"
)

// executableName is the file Grafana starts for this host: gpx_cloudeye_<os>_<arch>[.exe].
func executableName() string {
	name := fmt.Sprintf("gpx_cloudeye_%s_%s", runtime.GOOS, runtime.GOARCH)
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	return name
}

// backendProcess is the built executable, started and connected as Grafana does it.
type backendProcess struct {
	client      *goplugin.Client
	data        grpcplugin.DataClient
	diagnostics grpcplugin.DiagnosticsClient
	resource    grpcplugin.ResourceClient
	logs        *syncBuffer
}

// startBackend starts the executable at path with the SDK's handshake (protocol 2, the
// datasource magic cookie) over gRPC, and dispenses the three services Grafana uses.
func startBackend(path string) (*backendProcess, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("%s is missing: run `npm run build:backend` before the harness",
			filepath.Base(path))
	}

	logs := &syncBuffer{}
	client := goplugin.NewClient(&goplugin.ClientConfig{
		HandshakeConfig: goplugin.HandshakeConfig{
			ProtocolVersion:  grpcplugin.ProtocolVersion,
			MagicCookieKey:   grpcplugin.MagicCookieKey,
			MagicCookieValue: grpcplugin.MagicCookieValue,
		},
		VersionedPlugins: map[int]goplugin.PluginSet{
			grpcplugin.ProtocolVersion: {
				"data":        &grpcplugin.DataGRPCPlugin{},
				"diagnostics": &grpcplugin.DiagnosticsGRPCPlugin{},
				"resource":    &grpcplugin.ResourceGRPCPlugin{},
			},
		},
		Cmd:              exec.Command(path),
		AllowedProtocols: []goplugin.Protocol{goplugin.ProtocolGRPC},
		Logger: hclog.New(&hclog.LoggerOptions{
			Name: "gpx_cloudeye", Output: logs, Level: hclog.Trace, JSONFormat: true,
		}),
	})

	rpc, err := client.Client()
	if err != nil {
		client.Kill()
		return nil, fmt.Errorf("connect to the backend: %w", err)
	}
	p := &backendProcess{client: client, logs: logs}
	if err := dispense(rpc, "data", &p.data); err != nil {
		client.Kill()
		return nil, err
	}
	if err := dispense(rpc, "diagnostics", &p.diagnostics); err != nil {
		client.Kill()
		return nil, err
	}
	if err := dispense(rpc, "resource", &p.resource); err != nil {
		client.Kill()
		return nil, err
	}
	return p, nil
}

func dispense[T any](rpc goplugin.ClientProtocol, name string, into *T) error {
	raw, err := rpc.Dispense(name)
	if err != nil {
		return fmt.Errorf("dispense the %s service: %w", name, err)
	}
	client, ok := raw.(T)
	if !ok {
		return fmt.Errorf("the %s service has type %T", name, raw)
	}
	*into = client
	return nil
}

func (p *backendProcess) stop() { p.client.Kill() }

// syncBuffer collects the backend's log lines, written from go-plugin's reader goroutine.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

var _ io.Writer = (*syncBuffer)(nil)
