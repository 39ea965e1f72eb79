package ces

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestIdenticalCallsInFlightShareOneRoundTrip(t *testing.T) {
	var calls atomic.Int32
	release, open := gate()
	defer open()
	client := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		<-release
		_, _ = w.Write([]byte(`{"metrics":[]}`))
	}, nil)
	body := []byte(`{"metrics":[],"period":"1"}`)

	var wg sync.WaitGroup
	bodies := make([]string, 3)
	for i := range bodies {
		wg.Go(func() {
			resp, err := client.BatchQuery(context.Background(), body)
			if err == nil {
				bodies[i] = string(resp.Body)
			}
		})
	}
	waitFor(t, func() bool { return calls.Load() >= 1 })
	// The followers need a moment to join the call the leader started.
	time.Sleep(100 * time.Millisecond)
	open()
	wg.Wait()

	if calls.Load() != 1 {
		t.Errorf("the service saw %d calls, want 1", calls.Load())
	}
	for i, got := range bodies {
		if got != `{"metrics":[]}` {
			t.Errorf("caller %d got %q", i, got)
		}
	}
}

func TestOneCallerLeavingDoesNotCancelTheSharedCall(t *testing.T) {
	release, open := gate()
	defer open()
	var serverSawCancel atomic.Bool
	client := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		<-release
		serverSawCancel.Store(r.Context().Err() != nil)
		_, _ = w.Write([]byte(`{"metrics":[]}`))
	}, nil)
	body := []byte(`{"metrics":[],"period":"300"}`)

	leaderCtx, cancelLeader := context.WithCancel(context.Background())
	leaderErr := make(chan error, 1)
	go func() {
		_, err := client.BatchQuery(leaderCtx, body)
		leaderErr <- err
	}()
	time.Sleep(50 * time.Millisecond)
	follower := make(chan *Response, 1)
	go func() {
		resp, _ := client.BatchQuery(context.Background(), body)
		follower <- resp
	}()
	time.Sleep(50 * time.Millisecond)
	cancelLeader()

	if err := <-leaderErr; !errors.Is(err, context.Canceled) {
		t.Errorf("the leaving caller got %v, want context.Canceled", err)
	}
	open()
	if resp := <-follower; resp == nil || resp.Status != 200 || serverSawCancel.Load() {
		t.Errorf("the remaining caller got %+v (server saw a cancel: %v), want the 200 answer",
			resp, serverSawCancel.Load())
	}
}

// gate holds handlers until opened; tests also defer open, so a failed test cannot leave the
// server (closed in a cleanup, after the defers) waiting for ever.
func gate() (<-chan struct{}, func()) {
	release := make(chan struct{})
	var once sync.Once
	return release, func() { once.Do(func() { close(release) }) }
}

func waitFor(t *testing.T, condition func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !condition() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 5 s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}
