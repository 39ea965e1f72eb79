package harness

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"
)

// Dev credentials the reference service accepts (its documented defaults).
const (
	devProject   = "0123456789abcdef0123456789abcdef"
	devAccessKey = "DEVACCESSKEY00000000"
	devSecretKey = "devsecretkey0000000000000000000000000000"
	devToken     = "dev-token"

	// wrongSecretKey is a secret key of the right shape that the service does not know.
	wrongSecretKey = "wrongsecret0000000000000000000000000000000"
)

// The seeded store: 25 ECS instances, a month of history up to seedEnd, from seed number 7.
// A fixed end (rather than the service's clock) makes every answer, and so every golden
// file, the same on every run.
const (
	seedResources = 25
	seedDays      = 31
	seedNumber    = 7
)

// seedEnd is 2026-06-01T00:00:00Z, the last seeded instant.
var seedEnd = time.UnixMilli(1780272000000).UTC()

// seedScript fills a fresh database with the service's own seeding code, ending at a fixed
// instant; the service then finds the store full and seeds nothing itself.
const seedScript = `
import storeModule from './server/store/store.ts';
import seedModule from './server/seed/seed.ts';
import credentialsModule from './server/auth/credentials.ts';
const [db, resources, days, seed, nowMs] = process.argv.slice(1);
const store = storeModule.Store.open(db);
seedModule.seedStore(store, {
  projectIds: credentialsModule.DEV_CREDENTIAL.projects,
  resources: Number(resources), days: Number(days), seed: Number(seed), nowMs: Number(nowMs),
});
store.close();
`

// seedDatabase writes the seeded store at dbPath.
func seedDatabase(root, dbPath string) error {
	cmd := exec.Command("node", "--import", "tsx", "--input-type=module", "-e", seedScript, dbPath,
		strconv.Itoa(seedResources), strconv.Itoa(seedDays), strconv.Itoa(seedNumber),
		strconv.FormatInt(seedEnd.UnixMilli(), 10))
	cmd.Dir = root
	if output, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("seed the reference service's store: %w\n%s", err, output)
	}
	return nil
}

// service is a reference CES service started for the tests, on a fresh database.
type service struct {
	url string
	cmd *exec.Cmd
	log *os.File
}

// startService seeds a database in dir, starts the reference service on it from the
// repository root and waits until it is ready. Its output goes to a file in dir, shown when it
// does not come up.
func startService(root, dir string) (*service, error) {
	dbPath := filepath.Join(dir, "ces.db")
	if err := seedDatabase(root, dbPath); err != nil {
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	logFile, err := os.Create(filepath.Join(dir, "service.log"))
	if err != nil {
		return nil, err
	}

	// node --import tsx runs the service in one process, so stopping it leaves no child behind.
	cmd := exec.Command("node", "--import", "tsx", "server/main.ts",
		"--port", strconv.Itoa(port),
		"--db", dbPath,
		"--seed-resources", strconv.Itoa(seedResources),
		"--seed-days", strconv.Itoa(seedDays),
		"--seed-number", strconv.Itoa(seedNumber),
		"--no-live",
		// The benchmark calls far more often than the cloud's 500 calls a minute.
		"--rate-limit", "1000000000")
	cmd.Dir = root
	cmd.Stdout = logFile
	cmd.Stderr = logFile
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start the reference service (is Node installed?): %w", err)
	}

	s := &service{url: fmt.Sprintf("http://127.0.0.1:%d", port), cmd: cmd, log: logFile}
	if err := s.waitReady(3 * time.Minute); err != nil {
		s.stop()
		output, _ := os.ReadFile(logFile.Name())
		return nil, fmt.Errorf("%w; its output:\n%s", err, output)
	}
	return s, nil
}

func (s *service) waitReady(limit time.Duration) error {
	exited := make(chan error, 1)
	go func() { exited <- s.cmd.Wait() }()

	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.url+"/healthz", nil)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case err := <-exited:
			return fmt.Errorf("the reference service exited before it was ready: %v", err)
		case <-ctx.Done():
			return fmt.Errorf("the reference service did not answer /healthz within %s", limit)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

func (s *service) stop() {
	_ = s.cmd.Process.Kill()
	_ = s.log.Close()
}

func freePort() (int, error) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer listener.Close()
	return listener.Addr().(*net.TCPAddr).Port, nil
}
