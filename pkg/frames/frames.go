// Package frames turns the core's query results into Grafana data frames: one time series
// frame per series, shaped as the frontend shapes them, so panels and alerts see the same.
package frames

import (
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/core"
)

// Field names of every series frame, the same as the frontend's.
const (
	TimeField  = "Time"
	ValueField = "Value"
)

// FromResult builds one frame per series of a query result. A result without series still
// gets one empty frame, so its notices and executed query reach the user.
func FromResult(r core.QueryResult) data.Frames {
	if len(r.Series) == 0 {
		frame := data.NewFrame(r.RefID)
		frame.RefID = r.RefID
		frame.Meta = queryMeta(r, true)
		return data.Frames{frame}
	}
	frames := make(data.Frames, len(r.Series))
	for i, series := range r.Series {
		// Notices ride on the first frame only: Grafana shows the notices of every frame, and
		// a query of many series would repeat each one per series.
		frames[i] = seriesFrame(r.RefID, series, queryMeta(r, i == 0))
	}
	return frames
}

// seriesFrame is the frame of one series: a time field and a labelled nullable number field.
func seriesFrame(refID string, series core.Series, meta *data.FrameMeta) *data.Frame {
	times := make([]time.Time, len(series.Timestamps))
	for i, ms := range series.Timestamps {
		times[i] = time.UnixMilli(ms).UTC()
	}
	interval := float64(series.IntervalMs)

	// The interval on both fields lets Grafana draw a missing bucket as a gap.
	timeField := data.NewField(TimeField, nil, times)
	timeField.Config = &data.FieldConfig{Interval: interval}
	valueField := data.NewField(ValueField, data.Labels(series.Labels), series.Values)
	valueField.Config = &data.FieldConfig{
		DisplayNameFromDS: series.Name,
		Unit:              series.Unit,
		Interval:          interval,
	}

	frame := data.NewFrame(series.Name, timeField, valueField)
	frame.RefID = refID
	frame.Meta = meta
	return frame
}

// queryMeta is the frame meta every frame of a query carries; notices only when asked.
func queryMeta(r core.QueryResult, withNotices bool) *data.FrameMeta {
	meta := &data.FrameMeta{
		Type:                data.FrameTypeTimeSeriesMulti,
		TypeVersion:         data.FrameTypeVersion{0, 1},
		ExecutedQueryString: r.ExecutedQueryString,
	}
	if withNotices && len(r.Notices) > 0 {
		meta.Notices = make([]data.Notice, len(r.Notices))
		for i, notice := range r.Notices {
			meta.Notices[i] = data.Notice{Severity: severity(notice.Severity), Text: notice.Text}
		}
	}
	return meta
}

// severity maps the core's severity words to the SDK's; an unknown word is shown as a warning
// rather than dropped.
func severity(word string) data.NoticeSeverity {
	switch word {
	case "info":
		return data.NoticeSeverityInfo
	case "error":
		return data.NoticeSeverityError
	}
	return data.NoticeSeverityWarning
}
