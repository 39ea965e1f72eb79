package ces

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

// Backoff bounds: the first retry waits up to retryBase, each later one up to twice as long,
// never more than retryCap (full jitter: a uniform wait between zero and the bound).
const (
	retryBase = 250 * time.Millisecond
	retryCap  = 8 * time.Second
)

// retryPolicy decides whether and how long to wait before trying a call again.
type retryPolicy struct {
	maxAttempts int
	maxWait     time.Duration // total of all waits of one call
	now         func() time.Time
	sleep       func(context.Context, time.Duration) error
	jitter      func(bound time.Duration) time.Duration // uniform in [0, bound]
}

func newRetryPolicy(maxAttempts int, maxWait time.Duration, now func() time.Time) retryPolicy {
	return retryPolicy{
		maxAttempts: maxAttempts,
		maxWait:     maxWait,
		now:         now,
		sleep:       sleepContext,
		jitter: func(bound time.Duration) time.Duration {
			return rand.N(bound + 1)
		},
	}
}

// retryableStatus lists the answers that say "try again later": throttled, unavailable and
// request timeout. Other errors would fail the same way again.
func retryableStatus(status int) bool {
	return status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable ||
		status == http.StatusRequestTimeout
}

// run calls attempt until it succeeds, fails for good, or the attempts, the total wait or the
// context run out; it returns the last outcome. Network errors are retried only for
// idempotent calls, since the service may have acted on the lost request.
func (p retryPolicy) run(ctx context.Context, idempotent bool,
	attempt func(context.Context) (*Response, error)) (*Response, error) {
	var waited time.Duration
	for n := 1; ; n++ {
		resp, err := attempt(ctx)

		retryable := (err == nil && retryableStatus(resp.Status)) ||
			(err != nil && idempotent && ctx.Err() == nil && isNetworkError(err))
		if !retryable || n >= p.maxAttempts {
			return resp, err
		}
		wait, ok := p.wait(n, resp, p.maxWait-waited)
		if !ok || endsFirst(ctx, wait) {
			return resp, err
		}

		backend.Logger.FromContext(ctx).Warn("CES call retried", "attempt", n+1,
			"status", statusOf(resp), "wait", wait, "waited", waited)
		if p.sleep(ctx, wait) != nil {
			return resp, err
		}
		waited += wait
	}
}

// wait is the pause before attempt n+1: Retry-After when the service sent one, else full
// jitter. It is not ok when the pause does not fit in the remaining wait budget.
func (p retryPolicy) wait(n int, resp *Response, remaining time.Duration) (time.Duration, bool) {
	if resp != nil {
		if after, ok := retryAfter(resp.Header.Get("Retry-After"), p.now()); ok {
			return after, after <= remaining
		}
	}
	bound := min(retryCap, retryBase<<min(n-1, 16))
	wait := p.jitter(min(bound, remaining))
	return wait, remaining > 0
}

// endsFirst reports whether the context's deadline comes before the wait is over, so giving up
// now is better than sleeping only to fail.
func endsFirst(ctx context.Context, wait time.Duration) bool {
	deadline, ok := ctx.Deadline()
	return ok && time.Until(deadline) < wait
}

// retryAfter reads a Retry-After value in seconds or as an HTTP date (relative to now).
func retryAfter(value string, now time.Time) (time.Duration, bool) {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0, false
	}
	if seconds, err := strconv.Atoi(value); err == nil {
		return time.Duration(max(seconds, 0)) * time.Second, true
	}
	if at, err := http.ParseTime(value); err == nil {
		return max(at.Sub(now), 0), true
	}
	return 0, false
}

func isNetworkError(err error) bool {
	var network *NetworkError
	return errors.As(err, &network)
}

func statusOf(resp *Response) int {
	if resp == nil {
		return 0
	}
	return resp.Status
}

func sleepContext(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}
