import type { BatchQueryResponse, Datapoint } from '../ces';
import type { Points, SeriesShape } from './types';

/**
 * Joins the points of one series from its parts, in order: a point is appended when its
 * timestamp is greater than the last appended one (windows share edge buckets), with the value
 * of the series' field, or `average` when that field is not a number (raw answers); a point
 * with neither is skipped. Missing buckets stay missing: no zeros are filled in.
 * `bodies` is indexed by batch id. The Go backend re-implements exactly this loop.
 */
export function joinParts(
  series: SeriesShape,
  bodies: ReadonlyArray<BatchQueryResponse | undefined>
): Points {
  const lists: Datapoint[][] = [];
  let total = 0;
  for (const part of series.parts) {
    const points = bodies[part.batchId]?.metrics[part.index]?.datapoints;
    if (Array.isArray(points)) {
      lists.push(points);
      total += points.length;
    }
  }

  const timestamps: number[] = new Array(total);
  const values: number[] = new Array(total);
  const field = series.field;
  let n = 0;
  let last = -Infinity;
  for (const points of lists) {
    for (let i = 0; i < points.length; i++) {
      const point = points[i];
      const t = point.timestamp;
      if (!(t > last)) {
        continue;
      }
      let v = point[field];
      if (typeof v !== 'number') {
        v = point.average;
        if (typeof v !== 'number') {
          continue;
        }
      }
      timestamps[n] = t;
      values[n] = v;
      n++;
      last = t;
    }
  }
  timestamps.length = n;
  values.length = n;
  return { timestamps, values };
}
