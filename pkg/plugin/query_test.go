package plugin

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		name     string
		saved    string
		wantErr  string
		wildcard bool
	}{
		{"a single value needs no catalog",
			`{"namespace":"SYS.ECS","metricName":"cpu_util",
			  "dimensions":[{"name":"instance_id","value":"ecs-1"}]}`, "", false},
		{"a multi-value needs no catalog",
			`{"dimensions":[{"name":"instance_id","value":"{ecs-1,ecs-2}"}]}`, "", false},
		{"a wildcard needs the catalog",
			`{"dimensions":[{"name":"instance_id","value":"*"}]}`, "", true},
		{"a wildcard inside a multi-value needs the catalog",
			`{"dimensions":[{"name":"instance_id","value":"{ecs-1,*}"}]}`, "", true},
		{"unreadable JSON says which query and what to do",
			`{"dimensions":"instance_id"}`, "query A cannot be read", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			saved, err := parseQuery("A", json.RawMessage(tt.saved))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if saved.RefID != "A" {
				t.Errorf("refId = %q, want the request's A", saved.RefID)
			}
			if got := saved.UsesWildcard(); got != tt.wildcard {
				t.Errorf("UsesWildcard() = %v, want %v", got, tt.wildcard)
			}
		})
	}
}
