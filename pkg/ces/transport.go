package ces

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

// maxResponseBytes bounds what one answer may hold, so a broken proxy cannot exhaust memory.
const maxResponseBytes = 64 << 20

// request is one CES call relative to /V1.0/{project}.
type request struct {
	method     string
	path       string
	query      url.Values
	body       []byte
	idempotent bool
}

// key identifies identical calls, so concurrent ones share one round trip.
func (r request) key() string {
	digest := sha256.Sum256(r.body)
	return r.method + " " + r.path + "?" + r.query.Encode() + " " + hex.EncodeToString(digest[:])
}

// send makes the call once for all identical callers in flight, with retries and the rate limit.
func (c *Client) send(ctx context.Context, r request) (*Response, error) {
	resp, shared, err := share(ctx, &c.flights, r.key(), c.sharedTimeout(),
		func(ctx context.Context) (*Response, error) {
			return c.retry.run(ctx, r.idempotent, func(ctx context.Context) (*Response, error) {
				return c.attempt(ctx, r)
			})
		})
	if err != nil && ctx.Err() != nil {
		return nil, fmt.Errorf("the CES call did not finish in time (calls are limited to %d "+
			"per minute, and retried after throttling): %w", c.cpm, err)
	}
	if shared && resp != nil {
		// Each caller gets its own body, so one caller's changes cannot reach another.
		clone := *resp
		clone.Body = bytes.Clone(resp.Body)
		clone.Header = resp.Header.Clone()
		resp = &clone
	}
	return resp, err
}

// sharedTimeout bounds a shared call that no caller waits for any more: every attempt at the
// client's timeout plus the retry waits.
func (c *Client) sharedTimeout() time.Duration {
	perAttempt := c.http.Timeout
	if perAttempt <= 0 {
		perAttempt = 30 * time.Second
	}
	return time.Duration(c.retry.maxAttempts)*perAttempt + c.retry.maxWait
}

// attempt makes one signed round trip after waiting for the rate limit.
func (c *Client) attempt(ctx context.Context, r request) (*Response, error) {
	logger := backend.Logger.FromContext(ctx)
	if err := c.waitTurn(ctx); err != nil {
		return nil, err
	}

	req, err := c.newRequest(ctx, r)
	if err != nil {
		return nil, err
	}
	started := time.Now()
	httpResp, err := c.http.Do(req)
	if err != nil {
		logger.Debug("CES call failed", "method", r.method, "path", r.path,
			"elapsed", time.Since(started), "error", err)
		return nil, transportError(ctx, c.base, err)
	}
	defer httpResp.Body.Close()

	body, err := io.ReadAll(io.LimitReader(httpResp.Body, maxResponseBytes+1))
	if err != nil {
		return nil, transportError(ctx, c.base, err)
	}
	if len(body) > maxResponseBytes {
		return nil, fmt.Errorf("the CES answer is larger than %d MB: query fewer metrics "+
			"or a shorter range", maxResponseBytes>>20)
	}
	logger.Debug("CES call", "method", r.method, "path", r.path, "status", httpResp.StatusCode,
		"bytes", len(body), "elapsed", time.Since(started))
	return &Response{Status: httpResp.StatusCode, Header: httpResp.Header, Body: body}, nil
}

// newRequest builds and authenticates one attempt; AK/SK signs with a fresh X-Sdk-Date.
func (c *Client) newRequest(ctx context.Context, r request) (*http.Request, error) {
	target := *c.base
	target.Path = c.base.Path + "/V1.0/" + c.projectID + r.path
	target.RawQuery = r.query.Encode()

	var body io.Reader = http.NoBody
	if len(r.body) > 0 {
		body = bytes.NewReader(r.body)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, target.String(), body)
	if err != nil {
		return nil, fmt.Errorf("build the CES request: %w", err)
	}
	if len(r.body) > 0 {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set(HeaderProjectID, c.projectID)

	if c.auth.Kind == AuthToken {
		req.Header.Set("X-Auth-Token", c.auth.Token)
	} else {
		Signer{AccessKey: c.auth.AccessKey, SecretKey: c.auth.SecretKey}.Sign(req, r.body, c.now())
	}
	return req, nil
}

// transportError says the endpoint could not be reached; when the context ended, that is the
// cause and the error passes through as is.
func transportError(ctx context.Context, base *url.URL, err error) error {
	if ctx.Err() != nil {
		return err
	}
	return &NetworkError{Endpoint: base.Redacted(), Err: err}
}

// NetworkError is a call that got no answer from CES.
type NetworkError struct {
	Endpoint string
	Err      error
}

// Error tells the user what to check.
func (e *NetworkError) Error() string {
	return fmt.Sprintf("could not reach CES at %s: check the endpoint URL, the network and "+
		"the proxy (%v)", e.Endpoint, e.Err)
}

// Unwrap exposes the cause.
func (e *NetworkError) Unwrap() error { return e.Err }
