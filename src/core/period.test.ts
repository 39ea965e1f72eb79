import { MAX_RANGE_MS, PERIODS, periodString } from '../ces';
import { plan } from './plan';
import { DAY, ecsQuery, HOUR, instances, MINUTE, T0 } from './testkit';
import type { PlanOptions } from './types';

function chosen(rangeMs: number, options: Partial<PlanOptions> = {}, series = 1) {
  const query = ecsQuery({ dimensions: [{ name: 'instance_id', values: instances(series) }] });
  const p = plan({ queries: [query], range: { from: T0, to: T0 + rangeMs }, options });
  return p.queries[0];
}

describe('Period: auto picks the smallest rung whose maximum range covers the range', () => {
  it.each([
    [1, 1 * HOUR],
    [300, 12 * HOUR],
    [1200, 2 * DAY],
    [3600, 5 * DAY],
    [14400, 20 * DAY],
    [86400, 90 * DAY],
  ])('period %i for a range of %i ms', (period, rangeMs) => {
    const query = chosen(rangeMs);
    expect(query.period).toBe(period);
    expect(query.periodReason).toMatch(/^auto: the smallest period/);
    expect(query.windows).toHaveLength(1);
  });

  it.each(PERIODS.map((p) => [p]))(
    'period %i is chosen for exactly its maximum range (the range is inclusive)',
    (period) => {
      const options = { maxDataPoints: 1e9, rawIntervalS: 1 };
      expect(chosen(MAX_RANGE_MS[period], options).period).toBe(period);
    }
  );

  it('takes the largest period, and says so, when no rung covers the range', () => {
    const query = chosen(400 * DAY);
    expect(query.period).toBe(86400);
    expect(query.periodReason).toMatch(/no period covers/);
  });
});

describe('Period: auto respects maxDataPoints, the minimum interval and the raw interval', () => {
  it.each([
    ['raw counts at the raw interval: 1 h at 60 s is 60 points', {}, 1],
    ['60 points are too many for 30', { maxDataPoints: 30 }, 300],
    ['raw counted at 1 s is 3600 points, too many for 1000', { rawIntervalS: 1 }, 300],
    ['a 10 min minimum interval skips raw and 300', { minIntervalMs: 10 * MINUTE }, 1200],
  ])('%s', (_name, options, period) => {
    expect(chosen(HOUR, options).period).toBe(period);
  });

  it('the interval of a raw series is the raw interval', () => {
    expect(chosen(HOUR, { rawIntervalS: 60 }).intervalMs).toBe(60 * 1000);
    expect(chosen(12 * HOUR).intervalMs).toBe(300 * 1000);
  });

  it('under a datapoint budget the rung must cover the range for the metrics per request', () => {
    const options = { datapointBudget: 3000, maxMetrics: 500 };
    // 100 metrics: 300 s covers 3000 * 300 s / 100 = 2.5 h, 1200 s 10 h, 3600 s 30 h.
    expect(chosen(DAY, options, 100).period).toBe(3600);
    // One metric: 300 s covers 3000 * 300 s = 250 h.
    expect(chosen(DAY, options, 1).period).toBe(300);
  });
});

describe('Period: an explicit period is kept', () => {
  it.each(PERIODS.map((p) => [p]))('period %i set by the query', (period) => {
    const query = ecsQuery({ period: periodString(period) });
    const p = plan({ queries: [query], range: { from: T0, to: T0 + 30 * DAY } });
    expect(p.queries[0].period).toBe(period);
    expect(p.queries[0].periodReason).toBe('set by the query');
    expect(p.batches.every((b) => b.body.period === periodString(period))).toBe(true);
  });
});
