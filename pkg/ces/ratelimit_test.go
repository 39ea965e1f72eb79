package ces

import (
	"context"
	"errors"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestLimiterAllowsAtMostTheCallsPerMinuteInAnyMinute(t *testing.T) {
	tests := []struct {
		name          string
		callsPerMin   int
		wantBurst     int
		wantPerMinute float64
	}{
		{"the cloud's 500 calls", 500, 50, 450},
		{"a small limit", 20, 2, 18},
		{"a limit below ten keeps a burst of one", 5, 1, 4},
		{"a large limit", 6000, 600, 5400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			limiter := newLimiter(tt.callsPerMin)

			perMinute := float64(limiter.Limit()) * 60
			if limiter.Burst() != tt.wantBurst || math.Abs(perMinute-tt.wantPerMinute) > 1e-6 {
				t.Errorf("burst %d, refill %.3f/min; want %d and %.0f", limiter.Burst(),
					perMinute, tt.wantBurst, tt.wantPerMinute)
			}
			if total := float64(limiter.Burst()) + perMinute; total > float64(tt.callsPerMin)+1e-9 {
				t.Errorf("a minute could see %.1f calls, more than %d", total, tt.callsPerMin)
			}
		})
	}
}

func TestCallsWaitForTheRateLimitWithinTheContext(t *testing.T) {
	calls := 0
	client := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		calls++
		_, _ = w.Write([]byte(`{}`))
	}, func(cfg *Config) { cfg.CallsPerMinute = 10 })

	if err := client.Ping(context.Background()); err != nil {
		t.Fatalf("the first call should pass at once: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	started := time.Now()
	err := client.Ping(ctx)

	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "10 per minute") {
		t.Errorf("error = %v, want the deadline, with the rate limit named", err)
	}
	if calls != 1 || time.Since(started) > time.Second {
		t.Errorf("the service saw %d calls; the refused call took %v", calls,
			time.Since(started))
	}
}
