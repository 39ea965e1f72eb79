package ces

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"golang.org/x/sync/singleflight"
	"golang.org/x/time/rate"
)

// Auth holds the credential: AK/SK signing or an IAM token.
type Auth struct {
	Kind      string // "aksk" or "token"
	AccessKey string
	SecretKey string
	Token     string
}

// Auth kinds.
const (
	AuthAKSK  = "aksk"
	AuthToken = "token"
)

// Config describes one data source's connection to CES; zero values take the defaults.
type Config struct {
	Endpoint  string // e.g. https://ces.cn-north-4.myhuaweicloud.com
	ProjectID string
	Region    string
	Auth      Auth

	CallsPerMinute int          // per data source; 0 = 500, the cloud's limit per API
	HTTPClient     *http.Client // from NewHTTPClient with the data source's options; nil = defaults
	MaxAttempts    int          // per call, first try included; 0 = 4
	MaxRetryWait   time.Duration
	CatalogTTL     time.Duration    // 0 = 5 minutes
	Now            func() time.Time // nil = time.Now
}

// Defaults applied by New for zero fields.
const (
	DefaultCallsPerMinute = 500
	DefaultMaxAttempts    = 4
	DefaultMaxRetryWait   = 20 * time.Second
	DefaultCatalogTTL     = 5 * time.Minute
)

var projectIDPattern = regexp.MustCompile(`^[a-zA-Z0-9-]{1,64}$`)

// Client calls CES for one data source; it is safe for concurrent use.
type Client struct {
	base      *url.URL
	projectID string
	auth      Auth
	http      *http.Client
	limiter   *rate.Limiter
	cpm       int
	retry     retryPolicy
	flights   singleflight.Group
	catalog   *catalogCache
	now       func() time.Time
}

// Response is the service's answer: its status, headers and body bytes.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// New validates cfg and builds a client; each error names the setting to fix.
func New(cfg Config) (*Client, error) {
	base, err := parseEndpoint(cfg.Endpoint)
	if err != nil {
		return nil, err
	}
	if !projectIDPattern.MatchString(cfg.ProjectID) {
		return nil, fmt.Errorf("project id %q is not valid: it must be 1 to 64 letters, digits "+
			"or hyphens", cfg.ProjectID)
	}
	if err := validateAuth(cfg.Auth); err != nil {
		return nil, err
	}
	if cfg.CallsPerMinute < 0 || cfg.MaxAttempts < 0 || cfg.MaxRetryWait < 0 ||
		cfg.CatalogTTL < 0 {
		return nil, errors.New("calls per minute, attempts, retry wait and catalog TTL " +
			"must not be negative")
	}
	cfg = withDefaults(cfg)

	httpClient := cfg.HTTPClient
	if httpClient == nil {
		if httpClient, err = NewHTTPClient(defaultHTTPOptions()); err != nil {
			return nil, fmt.Errorf("build the HTTP client: %w", err)
		}
	}
	return &Client{
		base:      base,
		projectID: cfg.ProjectID,
		auth:      cfg.Auth,
		http:      httpClient,
		limiter:   newLimiter(cfg.CallsPerMinute),
		cpm:       cfg.CallsPerMinute,
		retry:     newRetryPolicy(cfg.MaxAttempts, cfg.MaxRetryWait, cfg.Now),
		catalog:   newCatalogCache(cfg.CatalogTTL, cfg.Now),
		now:       cfg.Now,
	}, nil
}

func withDefaults(cfg Config) Config {
	if cfg.CallsPerMinute == 0 {
		cfg.CallsPerMinute = DefaultCallsPerMinute
	}
	if cfg.MaxAttempts == 0 {
		cfg.MaxAttempts = DefaultMaxAttempts
	}
	if cfg.MaxRetryWait == 0 {
		cfg.MaxRetryWait = DefaultMaxRetryWait
	}
	if cfg.CatalogTTL == 0 {
		cfg.CatalogTTL = DefaultCatalogTTL
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return cfg
}

func parseEndpoint(endpoint string) (*url.URL, error) {
	if strings.TrimSpace(endpoint) == "" {
		return nil, errors.New("the endpoint is missing: enter the CES URL, " +
			"e.g. https://ces.cn-north-4.myhuaweicloud.com")
	}
	base, err := url.Parse(strings.TrimSpace(endpoint))
	if err != nil || (base.Scheme != "https" && base.Scheme != "http") || base.Host == "" {
		return nil, fmt.Errorf("endpoint %q is not an http(s) URL: enter the CES URL, "+
			"e.g. https://ces.cn-north-4.myhuaweicloud.com", endpoint)
	}
	if base.User != nil {
		return nil, errors.New("the endpoint must not hold credentials: " +
			"enter them in the authentication fields")
	}
	if base.RawQuery != "" || base.Fragment != "" {
		return nil, fmt.Errorf("endpoint %q must not have a query or fragment", base.Redacted())
	}
	base.Path = strings.TrimSuffix(base.Path, "/")
	base.RawPath = ""
	return base, nil
}

func validateAuth(auth Auth) error {
	switch auth.Kind {
	case AuthAKSK:
		if auth.AccessKey == "" || auth.SecretKey == "" {
			return errors.New("AK/SK authentication needs both the access key and the " +
				"secret key: enter the missing one")
		}
	case AuthToken:
		if auth.Token == "" {
			return errors.New("token authentication needs a token: enter it")
		}
	default:
		return fmt.Errorf("authentication type %q is not known: choose aksk or token", auth.Kind)
	}
	return nil
}

// BatchQuery sends one batch-query-metric-data body (JSON) and returns the service's answer.
// A non-2xx answer returns both the Response (to forward as is) and an *APIError describing it;
// err alone means no answer was received (network, rate limit wait or context).
func (c *Client) BatchQuery(ctx context.Context, body []byte) (*Response, error) {
	resp, err := c.send(ctx, request{
		method: http.MethodPost,
		path:   "/batch-query-metric-data",
		body:   body,
		// The batch query only reads, so repeating it after a network error is harmless.
		idempotent: true,
	})
	if err != nil {
		return nil, err
	}
	return resp, c.answerError(resp)
}

// Ping calls GET /V1.0/{project}/alarms?limit=1: a cheap authenticated call for health checks.
func (c *Client) Ping(ctx context.Context) error {
	resp, err := c.send(ctx, request{
		method:     http.MethodGet,
		path:       "/alarms",
		query:      url.Values{"limit": {"1"}},
		idempotent: true,
	})
	if err != nil {
		return err
	}
	return c.answerError(resp)
}

// answerError is nil for a 2xx answer and an *APIError otherwise.
func (c *Client) answerError(resp *Response) error {
	if resp.Status >= 200 && resp.Status < 300 {
		return nil
	}
	return parseAPIError(resp.Status, resp.Body, c.projectID, c.auth.SecretKey, c.auth.Token)
}
