package core

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"testing"
)

func TestEmbeddedBundleIsAFreshBuildOfTheCore(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node is not on PATH, so the embedded core bundle cannot be checked against "+
			"src/core: install Node.js (see package.json engines) and run npm run build:core "+
			"(%v)", err)
	}
	script := filepath.Join("..", "..", "scripts", "build-core-bundle.mjs")
	var stderr bytes.Buffer
	cmd := exec.Command(node, script, "--stdout")
	cmd.Stderr = &stderr
	fresh, err := cmd.Output()
	if err != nil {
		t.Fatalf("bundling src/core failed: %v\n%s", err, stderr.String())
	}
	if !bytes.Equal(fresh, []byte(bundleSource)) {
		t.Fatalf("pkg/core/bundle/core.js is not a fresh bundle of src/core "+
			"(%d bytes embedded, %d bytes fresh): run npm run build:core and commit the result",
			len(bundleSource), len(fresh))
	}
}

func TestEmbeddedBundleLoads(t *testing.T) {
	engine, err := NewEngine(Options{PoolSize: 1})
	if err != nil {
		t.Fatalf("NewEngine: %v", err)
	}
	if engine.DefaultOptions().MaxMetrics < 1 {
		t.Fatalf("DefaultOptions() = %+v, want the core's defaults", engine.DefaultOptions())
	}
	plan, err := engine.Plan(context.Background(), PlanInput{
		Queries: []CoreQuery{{RefID: "A", Namespace: "SYS.ECS", MetricName: "cpu_util",
			Dimensions: []DimensionFilter{{Name: "instance_id", Values: []string{"ecs-0001"}}},
			Period:     "300", Filter: "average"}},
		Range: TimeRange{From: 1_700_000_000_000, To: 1_700_003_600_000},
	})
	if err != nil {
		t.Fatalf("Plan: %v", err)
	}
	if len(plan.Batches) != 1 || len(plan.Queries) != 1 {
		t.Fatalf("plan = %+v, want one batch for one query", plan)
	}
}
