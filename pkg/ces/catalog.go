package ces

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// MetricInfo is one metric of the catalog: a namespace, a name and its dimension values.
type MetricInfo struct {
	Namespace  string      `json:"namespace"`
	MetricName string      `json:"metric_name"`
	Dimensions []Dimension `json:"dimensions"`
	Unit       string      `json:"unit"`
}

// Dimension is one name and value of a metric.
type Dimension struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// catalogPageSize is the largest page CES serves.
const catalogPageSize = 1000

// maxCatalogPages stops a service whose markers keep changing without end (a million metrics).
const maxCatalogPages = 1000

// catalogPage is one answer of GET /metrics.
type catalogPage struct {
	Metrics  []MetricInfo `json:"metrics"`
	MetaData struct {
		Marker string `json:"marker"`
	} `json:"meta_data"`
}

// catalogCache keeps each namespace's catalog for a while; safe for concurrent use.
type catalogCache struct {
	ttl     time.Duration
	now     func() time.Time
	mu      sync.Mutex
	entries map[string]catalogEntry
	loads   singleflight.Group
}

type catalogEntry struct {
	metrics []MetricInfo
	read    time.Time
}

func newCatalogCache(ttl time.Duration, now func() time.Time) *catalogCache {
	return &catalogCache{ttl: ttl, now: now, entries: map[string]catalogEntry{}}
}

func (c *catalogCache) get(namespace string) ([]MetricInfo, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	entry, ok := c.entries[namespace]
	if !ok || c.now().Sub(entry.read) >= c.ttl {
		return nil, false
	}
	return entry.metrics, true
}

func (c *catalogCache) put(namespace string, metrics []MetricInfo) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[namespace] = catalogEntry{metrics: metrics, read: c.now()}
}

// Catalog returns every metric of a namespace ("" = all namespaces), read through all pages and
// cached for the catalog TTL. Concurrent misses share one read. The returned slice is the
// caller's; the MetricInfo values in it are shared and must not be modified.
func (c *Client) Catalog(ctx context.Context, namespace string) ([]MetricInfo, error) {
	if metrics, ok := c.catalog.get(namespace); ok {
		return slices.Clone(metrics), nil
	}

	metrics, _, err := share(ctx, &c.catalog.loads, namespace, c.sharedTimeout()*4,
		func(ctx context.Context) ([]MetricInfo, error) {
			// A read that ended between this caller's miss and this load already filled it.
			if metrics, ok := c.catalog.get(namespace); ok {
				return metrics, nil
			}
			metrics, err := c.readCatalog(ctx, namespace)
			if err == nil {
				c.catalog.put(namespace, metrics)
			}
			return metrics, err
		})
	if err != nil {
		return nil, err
	}
	return slices.Clone(metrics), nil
}

// readCatalog pages with start=<marker> until a page has no metrics. A marker that was seen
// before would loop for ever, so it is an error; an empty marker ends the catalog.
func (c *Client) readCatalog(ctx context.Context, namespace string) ([]MetricInfo, error) {
	var metrics []MetricInfo
	seen := map[string]bool{}
	marker := ""
	for page := 1; page <= maxCatalogPages; page++ {
		answer, err := c.readCatalogPage(ctx, namespace, marker)
		if err != nil {
			return nil, fmt.Errorf("reading page %d of the metric catalog: %w", page, err)
		}
		if len(answer.Metrics) == 0 {
			return metrics, nil
		}
		metrics = append(metrics, answer.Metrics...)

		next := answer.MetaData.Marker
		if next == "" {
			return metrics, nil
		}
		if seen[next] {
			return nil, fmt.Errorf("CES answered the paging marker %q twice in the metric "+
				"catalog, so it cannot be read to the end", next)
		}
		seen[next] = true
		marker = next
	}
	return nil, fmt.Errorf("the metric catalog has more than %d pages: choose a namespace",
		maxCatalogPages)
}

func (c *Client) readCatalogPage(ctx context.Context, namespace, marker string) (
	*catalogPage, error) {
	query := url.Values{"limit": {strconv.Itoa(catalogPageSize)}}
	if namespace != "" {
		query.Set("namespace", namespace)
	}
	if marker != "" {
		query.Set("start", marker)
	}

	resp, err := c.send(ctx, request{method: http.MethodGet, path: "/metrics", query: query,
		idempotent: true})
	if err != nil {
		return nil, err
	}
	if err := c.answerError(resp); err != nil {
		return nil, err
	}

	var answer catalogPage
	if err := json.Unmarshal(resp.Body, &answer); err != nil {
		return nil, fmt.Errorf("the answer is not a metric list (%v): check that the endpoint "+
			"is CES", err)
	}
	return &answer, nil
}
