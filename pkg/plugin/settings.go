package plugin

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"regexp"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

// Settings of one data source instance: the page's JSON data plus its decrypted secrets.
type Settings struct {
	Endpoint             string
	Region               string
	ProjectID            string
	AuthType             string
	MaxMetricsPerRequest int
	DatapointBudget      int
	RawIntervalSeconds   int
	CallsPerMinute       int
	TLSSkipVerify        bool

	// Secrets: kept out of every error, log line and String form.
	AccessKey string
	SecretKey string
	Token     string
}

// Defaults of the seed contract, used when the page leaves a field empty.
const (
	defaultMaxMetrics  = 10
	largestMaxMetrics  = 500
	defaultRawInterval = 60
	defaultCallsPerMin = 500
)

// jsonSettings is the page's JSON data; pointers tell an absent field from a zero.
type jsonSettings struct {
	Endpoint             string `json:"endpoint"`
	Region               string `json:"region"`
	ProjectID            string `json:"projectId"`
	AuthType             string `json:"authType"`
	MaxMetricsPerRequest *int   `json:"maxMetricsPerRequest"`
	DatapointBudget      *int   `json:"datapointBudget"`
	RawIntervalSeconds   *int   `json:"rawIntervalSeconds"`
	CallsPerMinute       *int   `json:"callsPerMinute"`
	TLSSkipVerify        bool   `json:"tlsSkipVerify"`
}

var projectIDPattern = regexp.MustCompile(`^[a-zA-Z0-9-]{1,64}$`)

// ParseSettings reads and checks the settings of a data source instance, naming the field at fault.
func ParseSettings(instance backend.DataSourceInstanceSettings) (Settings, error) {
	var page jsonSettings
	if len(instance.JSONData) > 0 {
		if err := json.Unmarshal(instance.JSONData, &page); err != nil {
			return Settings{}, fmt.Errorf(
				"settings are malformed (%s): save the data source page again",
				describeJSONError(err))
		}
	}

	settings := Settings{
		Endpoint:             page.Endpoint,
		Region:               page.Region,
		ProjectID:            page.ProjectID,
		AuthType:             page.AuthType,
		MaxMetricsPerRequest: orDefault(page.MaxMetricsPerRequest, defaultMaxMetrics),
		DatapointBudget:      orDefault(page.DatapointBudget, 0),
		RawIntervalSeconds:   orDefault(page.RawIntervalSeconds, defaultRawInterval),
		CallsPerMinute:       orDefault(page.CallsPerMinute, defaultCallsPerMin),
		TLSSkipVerify:        page.TLSSkipVerify,
		AccessKey:            instance.DecryptedSecureJSONData["accessKey"],
		SecretKey:            instance.DecryptedSecureJSONData["secretKey"],
		Token:                instance.DecryptedSecureJSONData["token"],
	}
	if settings.AuthType == "" {
		settings.AuthType = "aksk"
	}

	if err := settings.check(); err != nil {
		return Settings{}, err
	}
	return settings, nil
}

func (s Settings) check() error {
	if s.Endpoint == "" {
		return errors.New("endpoint is missing: set the CES endpoint URL on the data source page")
	}
	endpoint, err := url.Parse(s.Endpoint)
	schemeOK := err == nil && (endpoint.Scheme == "https" || endpoint.Scheme == "http")
	if !schemeOK || endpoint.Host == "" {
		return fmt.Errorf(
			"endpoint %q is not a URL: set it like https://ces.cn-north-4.myhuaweicloud.com",
			s.Endpoint)
	}
	if s.ProjectID == "" {
		return errors.New("project id is missing: set it on the data source page")
	}
	if !projectIDPattern.MatchString(s.ProjectID) {
		return errors.New("project id is malformed: use up to 64 letters, digits and dashes")
	}
	if s.MaxMetricsPerRequest < 1 || s.MaxMetricsPerRequest > largestMaxMetrics {
		return fmt.Errorf("metrics per request must be between 1 and %d, not %d",
			largestMaxMetrics, s.MaxMetricsPerRequest)
	}
	if s.DatapointBudget < 0 {
		return errors.New("datapoint budget must be 0 (off) or a positive number such as 3000")
	}
	if s.RawIntervalSeconds < 1 {
		return errors.New("raw interval must be a positive number of seconds, such as 60")
	}
	if s.CallsPerMinute < 1 {
		return errors.New("calls per minute must be a positive number, such as 500")
	}
	return s.checkAuth()
}

func (s Settings) checkAuth() error {
	switch s.AuthType {
	case "aksk":
		if s.AccessKey == "" {
			return errors.New("access key is missing: set it on the data source page")
		}
		if s.SecretKey == "" {
			return errors.New("secret key is missing: set it on the data source page")
		}
	case "token":
		if s.Token == "" {
			return errors.New("token is missing: set it on the data source page")
		}
	default:
		return fmt.Errorf("authentication type %q is unknown: choose aksk or token", s.AuthType)
	}
	return nil
}

// String describes the settings for logs, without the secrets.
func (s Settings) String() string {
	return fmt.Sprintf("endpoint=%s project=%s region=%s auth=%s", s.Endpoint, s.ProjectID,
		s.Region, s.AuthType)
}

func orDefault(value *int, fallback int) int {
	if value == nil {
		return fallback
	}
	return *value
}

// describeJSONError names the field whose type is wrong, without echoing any value.
func describeJSONError(err error) string {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) && typeErr.Field != "" {
		return fmt.Sprintf("%s must be %s", typeErr.Field, kindName(typeErr.Type.Kind()))
	}
	return "not valid JSON"
}

func kindName(kind reflect.Kind) string {
	switch kind {
	case reflect.Int:
		return "a whole number"
	case reflect.Bool:
		return "true or false"
	default:
		return "text"
	}
}
