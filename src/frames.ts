/** Core results -> Grafana data frames: one time + number frame per series. */

import { DataFrame, DataFrameType, FieldType, QueryResultMeta } from '@grafana/data';

import type { QueryResult, Series } from './core/types';

const TIME_FIELD = 'Time';
const VALUE_FIELD = 'Value';

/** Frames of every query result, in result order; a query without series still gets one frame. */
export function toDataFrames(results: QueryResult[]): DataFrame[] {
  const frames: DataFrame[] = [];
  for (const result of results) {
    appendQueryFrames(result, frames);
  }
  return frames;
}

function appendQueryFrames(result: QueryResult, frames: DataFrame[]): void {
  // Notices ride on the first frame only: Grafana shows the notices of every frame, and a
  // query of a thousand series would otherwise repeat each one a thousand times.
  const firstMeta = queryMeta(result, true);
  if (result.series.length === 0) {
    frames.push({
      refId: result.refId,
      name: result.refId,
      fields: [],
      length: 0,
      meta: firstMeta,
    });
    return;
  }
  for (let i = 0; i < result.series.length; i++) {
    const meta = i === 0 ? firstMeta : queryMeta(result, false);
    frames.push(seriesFrame(result.refId, result.series[i], meta));
  }
}

function queryMeta(result: QueryResult, withNotices: boolean): QueryResultMeta {
  const meta: QueryResultMeta = {
    type: DataFrameType.TimeSeriesMulti,
    typeVersion: [0, 1],
    executedQueryString: result.executedQueryString,
  };
  if (withNotices && result.notices.length > 0) {
    meta.notices = result.notices.map((notice) => ({
      severity: notice.severity,
      text: notice.text,
    }));
  }
  return meta;
}

// The core's arrays are used as they are: copying 1,440 points per series would cost more than
// everything else this function does.
function seriesFrame(refId: string, series: Series, meta: QueryResultMeta): DataFrame {
  return {
    refId,
    name: series.name,
    length: series.timestamps.length,
    meta,
    fields: [
      {
        name: TIME_FIELD,
        type: FieldType.time,
        config: { interval: series.intervalMs },
        values: series.timestamps,
      },
      {
        name: VALUE_FIELD,
        type: FieldType.number,
        labels: series.labels,
        config: {
          displayNameFromDS: series.name,
          unit: series.unit,
          interval: series.intervalMs,
        },
        values: series.values,
      },
    ],
  };
}
