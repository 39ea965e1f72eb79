package harness

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

// matchGolden compares a whole query response, frames decoded from Arrow, with
// testdata/golden/<name>.json. The JSON is re-encoded with sorted keys so that the map order
// of the answers does not matter; -update rewrites the file.
func matchGolden(t *testing.T, name string, response *backend.QueryDataResponse) {
	t.Helper()
	encoded, err := json.Marshal(response)
	if err != nil {
		t.Fatalf("encode the response: %v", err)
	}
	var canonical any
	if err := json.Unmarshal(encoded, &canonical); err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(canonical, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')

	path := filepath.Join(world.root, "testdata", "golden", name+".json")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file missing (%v): run go test ./pkg/harness -update and review it", err)
	}
	if !bytes.Equal(got, want) {
		gotPath := filepath.Join(os.TempDir(), "cloudeye-golden-"+name+".json")
		_ = os.WriteFile(gotPath, got, 0o644)
		t.Errorf("the response differs from %s; the answer is in %s (diff them)", path, gotPath)
	}
}
