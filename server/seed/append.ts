import { canonicalKey } from '../../src/ces';

import type { Store } from '../store/store';

import type { SeedSeries } from './fleet';
import { shapeOf, valueAt } from './shapes';

/**
 * Stores a series' points at its raw interval after `afterMs` up to `untilMs` (both on the
 * interval grid), and answers how many.
 */
export function appendSeries(
  store: Store,
  projectId: string,
  series: SeedSeries,
  seed: number,
  afterMs: number,
  untilMs: number
): number {
  const stepMs = series.rawIntervalS * 1000;
  const first = Math.floor(afterMs / stepMs) * stepMs + stepMs;
  const count = Math.max(0, Math.floor((untilMs - first) / stepMs) + 1);
  if (count === 0) {
    return 0;
  }
  const shape = shapeOf(
    seed,
    canonicalKey(series.namespace, series.metricName, series.dimensions),
    series.unit
  );
  const timestamps = new Float64Array(count);
  const values = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    timestamps[k] = first + k * stepMs;
    values[k] = valueAt(shape, timestamps[k]);
  }
  store.addSeriesPoints(projectId, series, timestamps, values);
  return count;
}
