package harness

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// update rewrites the golden files from what the backend answers now.
var update = flag.Bool("update", false, "rewrite testdata/golden from the current answers")

// world is what every harness test talks to: the service, the proxy that counts its batch
// requests, and the backend executable.
var world struct {
	root    string
	service *service
	proxy   *countingProxy
	backend *backendProcess
}

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(runHarness(m))
}

// runHarness starts the world once for all tests and always stops it. A missing executable
// is a failure, never a skip: CI must not pass without having run the backend.
func runHarness(m *testing.M) int {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		return fail(err)
	}
	world.root = root
	executable := filepath.Join(root, "dist", executableName())
	if _, err := os.Stat(executable); err != nil {
		return fail(fmt.Errorf("%s is missing: run `npm run build:backend` before the harness",
			executable))
	}

	dir, err := os.MkdirTemp("", "cloudeye-harness-")
	if err != nil {
		return fail(err)
	}
	defer os.RemoveAll(dir)

	if world.service, err = startService(root, dir); err != nil {
		return fail(err)
	}
	defer world.service.stop()
	if world.proxy, err = newCountingProxy(world.service.url); err != nil {
		return fail(err)
	}
	defer world.proxy.server.Close()
	if world.backend, err = startBackend(executable); err != nil {
		return fail(err)
	}
	defer world.backend.stop()

	code := m.Run()
	if err := checkLogs(world.backend.logs.String()); err != nil {
		return fail(err)
	}
	return code
}

// checkLogs holds the backend's whole log, from every test, to the rule that no secret key
// ever reaches it; an empty log would prove nothing, so it fails too.
func checkLogs(logs string) error {
	if logs == "" {
		return errors.New("the backend wrote no log at all")
	}
	for _, secret := range []string{devSecretKey, wrongSecretKey} {
		if i := strings.Index(logs, secret); i >= 0 {
			return fmt.Errorf("the backend log holds a secret key: …%s…",
				logs[max(0, i-200):min(len(logs), i+200)])
		}
	}
	return nil
}

func fail(err error) int {
	fmt.Fprintf(os.Stderr, "FAIL harness: %v\n", err)
	return 1
}
