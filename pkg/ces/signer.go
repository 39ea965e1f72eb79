package ces

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
)

// SigningAlgorithm is the algorithm name CES expects in signatures and the Authorization header.
const SigningAlgorithm = "SDK-HMAC-SHA256"

// SdkDateFormat is the layout of the X-Sdk-Date header (UTC, basic ISO 8601).
const SdkDateFormat = "20060102T150405Z"

// HeaderSdkDate is the header carrying the signing instant.
const HeaderSdkDate = "X-Sdk-Date"

// HeaderProjectID is the optional header naming the project; signed so a server may trust it.
const HeaderProjectID = "X-Project-Id"

// Signer signs requests with an access key and secret key as SDK-HMAC-SHA256.
type Signer struct {
	AccessKey string
	SecretKey string
}

// Sign sets X-Sdk-Date and Authorization on req for the given body and instant. It signs host,
// content-type (when the request has a body), x-sdk-date and x-project-id (when present).
// The body must be the exact bytes that will be sent.
func (s Signer) Sign(req *http.Request, body []byte, now time.Time) {
	req.Header.Set(HeaderSdkDate, now.UTC().Format(SdkDateFormat))

	signed := []string{"host", "x-sdk-date"}
	if len(body) > 0 && req.Header.Get("Content-Type") != "" {
		signed = append(signed, "content-type")
	}
	if req.Header.Get(HeaderProjectID) != "" {
		signed = append(signed, "x-project-id")
	}
	s.SignHeaders(req, body, signed)
}

// SignHeaders signs req over exactly the named headers (x-sdk-date must already be set) and sets
// the Authorization header. Header names may be given in any case and order.
func (s Signer) SignHeaders(req *http.Request, body []byte, signed []string) {
	names := make([]string, len(signed))
	values := make(map[string]string, len(signed))
	for i, name := range signed {
		lower := strings.ToLower(name)
		names[i] = lower
		values[lower] = headerValue(req, lower)
	}
	sort.Strings(names)

	canonical := canonicalRequest(req.Method, req.URL.EscapedPath(), req.URL.RawQuery,
		names, values, body)
	signature := s.signature(req.Header.Get(HeaderSdkDate), canonical)

	req.Header.Set("Authorization", fmt.Sprintf("%s Access=%s, SignedHeaders=%s, Signature=%s",
		SigningAlgorithm, s.AccessKey, strings.Join(names, ";"), signature))
}

// signature is the hex HMAC-SHA256, keyed by the secret key, of the string to sign.
func (s Signer) signature(sdkDate, canonical string) string {
	digest := sha256.Sum256([]byte(canonical))
	toSign := SigningAlgorithm + "\n" + sdkDate + "\n" + hex.EncodeToString(digest[:])

	mac := hmac.New(sha256.New, []byte(s.SecretKey))
	mac.Write([]byte(toSign))
	return hex.EncodeToString(mac.Sum(nil))
}

// headerValue reads a header for signing; Go keeps the host outside req.Header.
func headerValue(req *http.Request, lowerName string) string {
	if lowerName == "host" {
		if req.Host != "" {
			return req.Host
		}
		return req.URL.Host
	}
	return strings.TrimSpace(req.Header.Get(lowerName))
}

// canonicalRequest joins the six parts CES hashes: method, URI, query, headers, signed names and
// the body digest. names must be sorted and lower case.
func canonicalRequest(method, escapedPath, rawQuery string, names []string,
	values map[string]string, body []byte) string {
	var headers strings.Builder
	for _, name := range names {
		headers.WriteString(name + ":" + strings.TrimSpace(values[name]) + "\n")
	}
	bodyDigest := sha256.Sum256(body)

	return strings.Join([]string{
		method,
		canonicalURI(escapedPath),
		canonicalQuery(rawQuery),
		headers.String(),
		strings.Join(names, ";"),
		hex.EncodeToString(bodyDigest[:]),
	}, "\n")
}

// canonicalURI re-encodes each decoded path segment strictly and ends the path with a slash.
func canonicalURI(escapedPath string) string {
	segments := strings.Split(escapedPath, "/")
	for i, segment := range segments {
		decoded, err := url.PathUnescape(segment)
		if err != nil {
			decoded = segment
		}
		segments[i] = strictEscape(decoded)
	}
	uri := strings.Join(segments, "/")
	if !strings.HasSuffix(uri, "/") {
		uri += "/"
	}
	return uri
}

// canonicalQuery sorts the decoded parameters by key then value and re-encodes them strictly.
func canonicalQuery(rawQuery string) string {
	params := parseQuery(rawQuery)
	keys := make([]string, 0, len(params))
	for key := range params {
		keys = append(keys, key)
	}
	sort.Strings(keys)

	var pairs []string
	for _, key := range keys {
		values := append([]string(nil), params[key]...)
		sort.Strings(values)
		for _, value := range values {
			pairs = append(pairs, strictEscape(key)+"="+strictEscape(value))
		}
	}
	return strings.Join(pairs, "&")
}

// parseQuery decodes every pair of a raw query; unlike url.ParseQuery it keeps a pair whose
// escapes are malformed (as written), because the server hashes every pair it receives.
func parseQuery(rawQuery string) url.Values {
	params := url.Values{}
	for _, pair := range strings.Split(rawQuery, "&") {
		if pair == "" {
			continue
		}
		key, value, _ := strings.Cut(pair, "=")
		if k, err := url.QueryUnescape(key); err == nil {
			key = k
		}
		if v, err := url.QueryUnescape(value); err == nil {
			value = v
		}
		params.Add(key, value)
	}
	return params
}

// strictEscape percent-encodes every byte except A-Za-z0-9-_.~ with upper-case hex.
func strictEscape(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var out strings.Builder
	out.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isUnreserved(c) {
			out.WriteByte(c)
			continue
		}
		out.WriteByte('%')
		out.WriteByte(hexDigits[c>>4])
		out.WriteByte(hexDigits[c&0x0f])
	}
	return out.String()
}

func isUnreserved(c byte) bool {
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		c == '-' || c == '_' || c == '.' || c == '~'
}
