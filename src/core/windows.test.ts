import { MAX_RANGE_MS, PERIODS, periodString, type Period } from '../ces';
import { plan } from './plan';
import { DAY, ecsQuery, HOUR, instances, MINUTE, T0 } from './testkit';

describe('Snap: from is floored to the period, to rounded up', () => {
  it.each([
    [300, T0 + 7 * MINUTE + 13, T0 + 3 * HOUR + 1, T0 + 5 * MINUTE, T0 + 3 * HOUR + 5 * MINUTE],
    [3600, T0 + 59 * MINUTE, T0 + 2 * HOUR, T0, T0 + 2 * HOUR],
    [1, T0 + 1500, T0 + HOUR + 1, T0 + 1000, T0 + HOUR + 1000],
  ])('period %i: %i..%i becomes %i..%i', (period, from, to, snappedFrom, snappedTo) => {
    const query = ecsQuery({ period: periodString(period as Period) });
    const p = plan({ queries: [query], range: { from, to } });
    expect(p.queries[0].windows).toEqual([{ from: snappedFrom, to: snappedTo }]);
    expect(p.batches[0].body).toMatchObject({ from: snappedFrom, to: snappedTo });
  });
});

describe('Windows: ranges longer than a period allows are split into aligned windows', () => {
  it('two days at period 300 are two windows of one day', () => {
    const query = ecsQuery({ period: '300' });
    const p = plan({ queries: [query], range: { from: T0, to: T0 + 2 * DAY } });
    expect(p.queries[0].windows).toEqual([
      { from: T0, to: T0 + DAY },
      { from: T0 + DAY, to: T0 + 2 * DAY },
    ]);
    expect(p.batches.map((b) => [b.body.from, b.body.to])).toEqual([
      [T0, T0 + DAY],
      [T0 + DAY, T0 + 2 * DAY],
    ]);
    expect(p.queries[0].notices.some((n) => /2 windows/.test(n.text))).toBe(true);
  });

  it.each(PERIODS.map((p) => [p]))(
    'period %i: its maximum range is one window, one period more is two',
    (period) => {
      const query = ecsQuery({ period: periodString(period) });
      const max = MAX_RANGE_MS[period];
      const one = plan({ queries: [query], range: { from: T0, to: T0 + max } });
      expect(one.queries[0].windows).toHaveLength(1);
      const step = period * 1000;
      const two = plan({ queries: [query], range: { from: T0, to: T0 + max + step } });
      const windows = two.queries[0].windows;
      expect(windows).toHaveLength(2);
      expect(windows[0].to).toBe(windows[1].from);
      for (const w of windows) {
        expect(w.to - w.from).toBeLessThanOrEqual(max);
        expect(w.from % step).toBe(0);
      }
    }
  );

  it('cuts at maxWindows, keeping the newest windows, with a warning', () => {
    const query = ecsQuery({ period: '300' });
    const p = plan({
      queries: [query],
      range: { from: T0, to: T0 + 5 * DAY },
      options: { maxWindows: 3 },
    });
    expect(p.queries[0].windows.map((w) => w.from)).toEqual([
      T0 + 2 * DAY,
      T0 + 3 * DAY,
      T0 + 4 * DAY,
    ]);
    const warning = p.queries[0].notices.find((n) => n.severity === 'warning');
    expect(warning?.text).toMatch(/newest 3 of 5 windows/);
  });
});

describe('Windows: under a datapoint budget every request stays within it', () => {
  it.each([
    ['100 metrics at 300 over a day', 100, '300', DAY],
    ['20 metrics raw over 4 h', 20, '1', 4 * HOUR],
    ['500 metrics at 3600 over 10 days', 500, '3600', 10 * DAY],
  ])('%s', (_name, count, period, rangeMs) => {
    const query = ecsQuery({
      period: period as '300',
      dimensions: [{ name: 'instance_id', values: instances(count) }],
    });
    const options = {
      datapointBudget: 3000,
      maxMetrics: 500,
      maxSeriesPerQuery: 1000,
      maxWindows: 100,
    };
    const p = plan({ queries: [query], range: { from: T0, to: T0 + rangeMs }, options });
    const intervalMs = (period === '1' ? 60 : Number(period)) * 1000;

    expect(p.queries[0].windows.length).toBeGreaterThan(1);
    for (const batch of p.batches) {
      const points = (batch.body.to - batch.body.from) / intervalMs;
      expect(batch.body.metrics.length * points).toBeLessThanOrEqual(3000);
    }
    const covered = p.queries[0].windows;
    expect(covered[0].from).toBe(T0);
    expect(covered[covered.length - 1].to).toBe(T0 + rangeMs);
  });
});
