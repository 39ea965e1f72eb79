import fc from 'fast-check';

import { clampRange, FILTERS, type FilterName, type MetricRef, type Period } from '../../src/ces';

import { Store, type PointInput } from './store';

const T0 = Date.UTC(2026, 0, 5);
const HOUR = 3600 * 1000;
const SPAN = 40 * HOUR;
const NOW = T0 + SPAN + 2 * 86400 * 1000;
const METRICS: MetricRef[] = ['alpha', 'beta', 'gamma'].map((name) => ({
  namespace: 'APP.Prop',
  metric_name: name,
  dimensions: [{ name: 'host', value: 'h1' }],
}));

interface Written {
  metric: number;
  timestamp: number;
  value: number;
}

const written = fc.record({
  metric: fc.integer({ min: 0, max: METRICS.length - 1 }),
  // A coarse grid makes duplicate timestamps and shared buckets common.
  timestamp: fc.oneof(
    fc.integer({ min: 0, max: SPAN - 1 }),
    fc.integer({ min: 0, max: 40 }).map((k) => k * HOUR)
  ),
  value: fc.oneof(
    fc.integer({ min: -5, max: 5 }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
  ),
});

function toInput(w: Written): PointInput {
  const ref = METRICS[w.metric];
  return {
    namespace: ref.namespace,
    metricName: ref.metric_name,
    dimensions: ref.dimensions,
    timestamp: T0 + w.timestamp,
    value: w.value,
    unit: 'ms',
  };
}

/** The brute-force answer: each bucket's filter value from every raw point in it. */
function bruteForce(points: Written[], metric: number, period: Period, filter: FilterName) {
  const { from } = clampRange({ from: T0, to: T0 + SPAN }, period, 'seed');
  const bucketMs = period * 1000;
  const buckets = new Map<number, number[]>();
  for (const p of points.filter((q) => q.metric === metric)) {
    const start = Math.floor((T0 + p.timestamp) / bucketMs) * bucketMs;
    if (start >= from && start < T0 + SPAN && start + bucketMs <= NOW) {
      buckets.set(start, [...(buckets.get(start) ?? []), p.value]);
    }
  }
  return [...buckets.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([timestamp, values]) => ({ timestamp, value: aggregate(values, filter), values }));
}

function aggregate(values: number[], filter: FilterName): number {
  const sum = values.reduce((a, b) => a + b, 0);
  const mean = sum / values.length;
  switch (filter) {
    case 'sum':
      return sum;
    case 'average':
      return mean;
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
    case 'variance':
      return values.reduce((a, x) => a + (x - mean) ** 2, 0) / values.length;
  }
}

/** Tolerance scaled by the magnitude of the values: floating sums differ by order of adding. */
function tolerance(values: number[], filter: FilterName): number {
  const scale = Math.max(1, ...values.map(Math.abs));
  if (filter === 'variance') {
    return 1e-9 * scale * scale;
  }
  return filter === 'sum' ? 1e-12 * scale * values.length * 4 : 1e-12 * scale * 4;
}

/** A number as it reads back from JSON text: JSON has no negative zero. */
function asJson(value: number): number {
  return value === 0 ? 0 : value;
}

function queryEverything(store: Store): void {
  for (const period of ['300', '1200', '3600', '14400', '86400'] as const) {
    for (const filter of FILTERS) {
      const req = { metrics: METRICS, from: T0, to: T0 + SPAN, period, filter };
      store.batchQueryJson('p', req, 'seed', NOW);
    }
  }
  const raw = { metrics: METRICS, from: T0 + SPAN - 4 * HOUR, to: T0 + SPAN, period: '1' as const };
  store.batchQueryJson('p', { ...raw, filter: 'max' }, 'seed', NOW);
}

describe('rollups agree with a brute-force computation over the raw points', () => {
  it('for every filter of every period, whatever the order, duplicates and signs', () => {
    fc.assert(
      fc.property(
        fc.array(written, { minLength: 1, maxLength: 150 }),
        fc.integer({ min: 1, max: 5 }),
        (points, chunks) => {
          const store = Store.open(':memory:');
          // Written in several transactions, so blocks are merged into as well as created.
          const size = Math.ceil(points.length / chunks);
          for (let at = 0; at < points.length; at += size) {
            store.addPoints('p', points.slice(at, at + size).map(toInput));
            // Answers served between writes must not outlive the blocks they were built from.
            queryEverything(store);
          }

          for (const period of [300, 1200, 3600, 14400, 86400] as const) {
            for (const filter of FILTERS) {
              const req = {
                metrics: METRICS,
                from: T0,
                to: T0 + SPAN,
                period: String(period) as '300',
                filter,
              };
              const answer = JSON.parse(store.batchQueryJson('p', req, 'seed', NOW));
              METRICS.forEach((_, m) => {
                const expected = bruteForce(points, m, period, filter);
                const got = answer.metrics[m].datapoints;
                expect(got.map((d: { timestamp: number }) => d.timestamp)).toEqual(
                  expected.map((e) => e.timestamp)
                );
                expected.forEach((e, k) => {
                  const diff = Math.abs(got[k][filter] - e.value);
                  expect(diff).toBeLessThanOrEqual(tolerance(e.values, filter));
                });
              });
            }
          }

          const rawReq = {
            metrics: METRICS,
            from: T0 + SPAN - 4 * HOUR,
            to: T0 + SPAN,
            period: '1' as const,
            filter: 'max' as const,
          };
          const raw = JSON.parse(store.batchQueryJson('p', rawReq, 'seed', NOW));
          METRICS.forEach((_, m) => {
            const expected = points
              .filter((p) => p.metric === m)
              .filter((p) => T0 + p.timestamp >= rawReq.from && T0 + p.timestamp < rawReq.to)
              .map((p) => ({ max: asJson(p.value), timestamp: T0 + p.timestamp }))
              .sort((a, b) => a.timestamp - b.timestamp);
            expect(raw.metrics[m].datapoints).toEqual(expected);
          });
          store.close();
        }
      ),
      { numRuns: 60 }
    );
  });
});
