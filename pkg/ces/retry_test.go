package ces

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"testing"
	"time"
)

// outcome is one scripted attempt: an answer with an optional Retry-After, or a network error.
type outcome struct {
	status     int
	retryAfter string
	network    bool
}

var fakeNow = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

func TestRetryPolicy(t *testing.T) {
	tests := []struct {
		name         string
		outcomes     []outcome
		idempotent   bool
		maxAttempts  int
		maxWait      time.Duration
		wantAttempts int
		wantWaits    []time.Duration
		wantStatus   int // 0 when the last outcome is a network error
	}{
		{
			name:         "a 503 is retried after a jittered wait, then the 200 is returned",
			outcomes:     []outcome{{status: 503}, {status: 200}},
			wantAttempts: 2,
			wantWaits:    []time.Duration{250 * time.Millisecond},
			wantStatus:   200,
		},
		{
			name:         "the jitter bound doubles per attempt",
			outcomes:     []outcome{{status: 408}, {status: 429}, {status: 503}, {status: 200}},
			wantAttempts: 4,
			wantWaits: []time.Duration{250 * time.Millisecond, 500 * time.Millisecond,
				time.Second},
			wantStatus: 200,
		},
		{
			name:         "the jitter bound stops at the cap",
			outcomes:     repeat(outcome{status: 503}, 8),
			maxAttempts:  8,
			maxWait:      time.Minute,
			wantAttempts: 8,
			wantWaits: []time.Duration{250 * time.Millisecond, 500 * time.Millisecond,
				time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 8 * time.Second},
			wantStatus: 503,
		},
		{
			name:         "Retry-After in seconds is honoured instead of the jitter",
			outcomes:     []outcome{{status: 429, retryAfter: "3"}, {status: 200}},
			wantAttempts: 2,
			wantWaits:    []time.Duration{3 * time.Second},
			wantStatus:   200,
		},
		{
			name: "Retry-After as an HTTP date waits until that instant",
			outcomes: []outcome{
				{status: 503, retryAfter: fakeNow.Add(7 * time.Second).Format(http.TimeFormat)},
				{status: 200},
			},
			wantAttempts: 2,
			wantWaits:    []time.Duration{7 * time.Second},
			wantStatus:   200,
		},
		{
			name:         "a Retry-After longer than the wait budget ends the retries",
			outcomes:     []outcome{{status: 429, retryAfter: "60"}, {status: 200}},
			maxWait:      10 * time.Second,
			wantAttempts: 1,
			wantStatus:   429,
		},
		{
			name: "the waits of one call stay within the budget",
			outcomes: []outcome{{status: 503, retryAfter: "4"}, {status: 503, retryAfter: "4"},
				{status: 503, retryAfter: "4"}, {status: 200}},
			maxWait:      10 * time.Second,
			wantAttempts: 3,
			wantWaits:    []time.Duration{4 * time.Second, 4 * time.Second},
			wantStatus:   503,
		},
		{
			name:         "the attempts are bounded",
			outcomes:     repeat(outcome{status: 408}, 5),
			maxAttempts:  3,
			wantAttempts: 3,
			wantWaits:    []time.Duration{250 * time.Millisecond, 500 * time.Millisecond},
			wantStatus:   408,
		},
		{
			name:         "a 500 is not retried",
			outcomes:     []outcome{{status: 500}, {status: 200}},
			wantAttempts: 1,
			wantStatus:   500,
		},
		{
			name:         "a 401 is not retried",
			outcomes:     []outcome{{status: 401}, {status: 200}},
			wantAttempts: 1,
			wantStatus:   401,
		},
		{
			name:         "a network error is retried for an idempotent call",
			outcomes:     []outcome{{network: true}, {status: 200}},
			idempotent:   true,
			wantAttempts: 2,
			wantWaits:    []time.Duration{250 * time.Millisecond},
			wantStatus:   200,
		},
		{
			name:         "a network error is not retried for a call that may change state",
			outcomes:     []outcome{{network: true}, {status: 200}},
			wantAttempts: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			policy, waits := fakePolicy(tt.maxAttempts, tt.maxWait)
			attempts := 0
			resp, err := policy.run(context.Background(), tt.idempotent,
				func(context.Context) (*Response, error) {
					next := tt.outcomes[attempts]
					attempts++
					return next.result()
				})

			if attempts != tt.wantAttempts {
				t.Errorf("attempts = %d, want %d", attempts, tt.wantAttempts)
			}
			if !reflect.DeepEqual(*waits, tt.wantWaits) {
				t.Errorf("waits = %v, want %v", *waits, tt.wantWaits)
			}
			if got := statusOf(resp); got != tt.wantStatus {
				t.Errorf("status = %d, want %d", got, tt.wantStatus)
			}
			if (err != nil) != (tt.wantStatus == 0) {
				t.Errorf("err = %v, want an error only when there is no answer", err)
			}
		})
	}
}

func TestRetryStopsWhenTheContextEnds(t *testing.T) {
	tests := []struct {
		name      string
		ctx       func() (context.Context, context.CancelFunc)
		wantWaits int
	}{
		{
			name: "a context cancelled during the wait returns the last answer",
			ctx: func() (context.Context, context.CancelFunc) {
				return context.WithCancel(context.Background())
			},
			wantWaits: 1,
		},
		{
			name: "a deadline before the end of the wait does not wait at all",
			ctx: func() (context.Context, context.CancelFunc) {
				return context.WithTimeout(context.Background(), time.Second)
			},
			wantWaits: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := tt.ctx()
			defer cancel()
			policy := newRetryPolicy(4, time.Minute, func() time.Time { return fakeNow })
			waits := 0
			policy.sleep = func(ctx context.Context, d time.Duration) error {
				waits++
				cancel()
				return ctx.Err()
			}
			attempts := 0
			resp, err := policy.run(ctx, true, func(context.Context) (*Response, error) {
				attempts++
				return outcome{status: 429, retryAfter: "5"}.result()
			})

			if attempts != 1 || waits != tt.wantWaits {
				t.Errorf("attempts = %d, waits = %d; want 1 attempt and %d waits",
					attempts, waits, tt.wantWaits)
			}
			if err != nil || statusOf(resp) != 429 {
				t.Errorf("got %v, %v; want the 429 answer", resp, err)
			}
		})
	}
}

func TestRetryAfterParsing(t *testing.T) {
	tests := []struct {
		name   string
		value  string
		want   time.Duration
		wantOK bool
	}{
		{"seconds", "12", 12 * time.Second, true},
		{"surrounding spaces", " 2 ", 2 * time.Second, true},
		{"negative seconds wait nothing", "-5", 0, true},
		{"HTTP date", fakeNow.Add(time.Minute).Format(http.TimeFormat), time.Minute, true},
		{"HTTP date in the past waits nothing", fakeNow.Add(-time.Hour).Format(http.TimeFormat),
			0, true},
		{"absent", "", 0, false},
		{"garbage", "soon", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := retryAfter(tt.value, fakeNow)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("retryAfter(%q) = %v, %v; want %v, %v", tt.value, got, ok, tt.want,
					tt.wantOK)
			}
		})
	}
}

// fakePolicy records waits instead of sleeping, and always jitters to the bound, so the
// backoff growth is visible.
func fakePolicy(maxAttempts int, maxWait time.Duration) (retryPolicy, *[]time.Duration) {
	if maxAttempts == 0 {
		maxAttempts = DefaultMaxAttempts
	}
	if maxWait == 0 {
		maxWait = DefaultMaxRetryWait
	}
	policy := newRetryPolicy(maxAttempts, maxWait, func() time.Time { return fakeNow })
	var waits []time.Duration
	policy.sleep = func(_ context.Context, d time.Duration) error {
		waits = append(waits, d)
		return nil
	}
	policy.jitter = func(bound time.Duration) time.Duration { return bound }
	return policy, &waits
}

func (o outcome) result() (*Response, error) {
	if o.network {
		return nil, &NetworkError{Endpoint: "https://ces.example.com", Err: errors.New("reset")}
	}
	header := http.Header{}
	if o.retryAfter != "" {
		header.Set("Retry-After", o.retryAfter)
	}
	return &Response{Status: o.status, Header: header}, nil
}

func repeat(o outcome, n int) []outcome {
	outcomes := make([]outcome, n)
	for i := range outcomes {
		outcomes[i] = o
	}
	return outcomes
}
