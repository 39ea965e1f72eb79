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
)

// seedResources and seedDays size the seeded store: 25 ECS instances, a month of history.
const (
	seedResources = 25
	seedDays      = 31
	seedNumber    = 7
)

// service is a reference CES service started for the tests, on a fresh database.
type service struct {
	url string
	cmd *exec.Cmd
	log *os.File
}

// startService starts the reference service from the repository root and waits until it is
// ready. Its output goes to a file in dir, shown when it does not come up.
func startService(root, dir string) (*service, error) {
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
		"--db", filepath.Join(dir, "ces.db"),
		"--seed-resources", strconv.Itoa(seedResources),
		"--seed-days", strconv.Itoa(seedDays),
		"--seed-number", strconv.Itoa(seedNumber),
		"--no-live")
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
