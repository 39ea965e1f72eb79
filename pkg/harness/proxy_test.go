package harness

import (
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
)

// countingProxy sits between the plugin and the service and counts the batch requests it
// forwards, so a test sees how many calls the service received for one query.
type countingProxy struct {
	server *httptest.Server

	mu      sync.Mutex
	batches int
}

func newCountingProxy(target string) (*countingProxy, error) {
	targetURL, err := url.Parse(target)
	if err != nil {
		return nil, err
	}
	forward := httputil.NewSingleHostReverseProxy(targetURL)
	p := &countingProxy{}
	p.server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/batch-query-metric-data") {
			p.mu.Lock()
			p.batches++
			p.mu.Unlock()
		}
		forward.ServeHTTP(w, r)
	}))
	return p, nil
}

// takeBatches answers the batch requests counted since the last call, and starts again from 0.
func (p *countingProxy) takeBatches() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := p.batches
	p.batches = 0
	return n
}
