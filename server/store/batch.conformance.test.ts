import {
  FILTERS,
  MAX_RANGE_MS,
  type BatchQueryRequest,
  type MetricRef,
  type PeriodString,
} from '../../src/ces';

import { Store, type PointInput } from './store';

const DAY = 86400 * 1000;
const T0 = Date.UTC(2026, 0, 1);
const CPU: MetricRef = {
  namespace: 'SYS.ECS',
  metric_name: 'cpu_util',
  dimensions: [{ name: 'instance_id', value: 'ecs-0001' }],
};

function point(ref: MetricRef, timestamp: number, value: number): PointInput {
  return {
    namespace: ref.namespace,
    metricName: ref.metric_name,
    dimensions: ref.dimensions,
    timestamp,
    value,
    unit: '%',
  };
}

function query(store: Store, req: Partial<BatchQueryRequest>, nowMs: number, current = false) {
  const body: BatchQueryRequest = {
    metrics: [CPU],
    from: T0,
    to: T0 + DAY,
    period: '300',
    filter: 'average',
    ...req,
  };
  return JSON.parse(store.batchQueryJson('p', body, current ? 'current' : 'seed', nowMs));
}

function timestamps(answer: { metrics: Array<{ datapoints: Array<{ timestamp: number }> }> }) {
  return answer.metrics[0].datapoints.map((d) => d.timestamp);
}

describe('batch query', () => {
  let store: Store;
  beforeEach(() => {
    store = Store.open(':memory:');
  });
  afterEach(() => store.close());

  describe('range clamp per period', () => {
    const end = T0 + 200 * DAY;

    it.each(['1', '300', '1200', '3600', '14400', '86400'] as PeriodString[])(
      'under the seed profile, period %s serves at most its maximum range before to',
      (period) => {
        const p = Number(period) as keyof typeof MAX_RANGE_MS;
        const step = Math.max(60_000, p * 1000);
        const from = end - MAX_RANGE_MS[p] - 3 * step;
        const points: PointInput[] = [];
        for (let t = from; t < end; t += step) {
          points.push(point(CPU, t, 1));
        }
        store.addPoints('p', points);

        const got = timestamps(query(store, { from: T0, to: end, period }, end + 2 * DAY));
        expect(got[0]).toBe(end - MAX_RANGE_MS[p]);
      }
    );

    it('under the current profile, clamps to 3000 datapoints shared by the metrics', () => {
      const points: PointInput[] = [];
      for (let t = T0; t < T0 + 3 * DAY; t += 300_000) {
        points.push(point(CPU, t, 1));
      }
      store.addPoints('p', points);
      const to = T0 + 3 * DAY;
      const twenty = Array.from({ length: 20 }, () => CPU);

      const got = timestamps(query(store, { metrics: twenty, from: T0, to }, to + DAY, true));
      // 3000 points x 300 s / 20 metrics = 45,000 s.
      expect(got[0]).toBe(to - 45_000_000);
      expect(timestamps(query(store, { from: T0, to }, to + DAY, true))[0]).toBe(T0);
    });
  });

  it('floors from to the period', () => {
    store.addPoints('p', [point(CPU, T0 + 3600_000, 5)]);
    const got = timestamps(
      query(store, { from: T0 + 3600_000 + 1234, period: '3600' }, T0 + 2 * DAY)
    );
    expect(got).toEqual([T0 + 3600_000]);
  });

  it('stamps each bucket at its start', () => {
    store.addPoints('p', [point(CPU, T0 + 1200_000 + 777_000, 5)]);
    expect(timestamps(query(store, { period: '1200' }, T0 + 2 * DAY))).toEqual([T0 + 1200_000]);
  });

  it('serves a bucket only once its period has passed', () => {
    store.addPoints('p', [point(CPU, T0 + 10_000, 1), point(CPU, T0 + 310_000, 2)]);
    expect(timestamps(query(store, {}, T0 + 600_000 - 1))).toEqual([T0]);
    expect(timestamps(query(store, {}, T0 + 600_000))).toEqual([T0, T0 + 300_000]);
  });

  it('serves only buckets that hold data', () => {
    store.addPoints('p', [point(CPU, T0, 1), point(CPU, T0 + 3 * 300_000, 2)]);
    expect(timestamps(query(store, {}, T0 + DAY))).toEqual([T0, T0 + 900_000]);
  });

  it('treats to as exclusive: a bucket starting at to is not served', () => {
    store.addPoints('p', [point(CPU, T0, 1), point(CPU, T0 + 300_000, 2)]);
    expect(timestamps(query(store, { to: T0 + 300_000 }, T0 + DAY))).toEqual([T0]);
  });

  it.each(FILTERS)('gives each point only the field of the filter (%s)', (filter) => {
    store.addPoints('p', [point(CPU, T0, 1), point(CPU, T0 + 1, 3)]);
    const [datapoint] = query(store, { filter }, T0 + DAY).metrics[0].datapoints;
    const expected = { average: 2, sum: 4, min: 1, max: 3, variance: 1 }[filter];
    expect(datapoint).toEqual({ [filter]: expected, timestamp: T0 });
  });

  it('answers period 1 with the raw points in range, under the name of the filter', () => {
    store.addPoints('p', [point(CPU, T0 + 5, 7), point(CPU, T0 + 2, 9), point(CPU, T0 + DAY, 1)]);
    const answer = query(store, { period: '1', filter: 'min', to: T0 + 3600_000 }, T0);
    expect(answer.metrics[0].datapoints).toEqual([
      { min: 9, timestamp: T0 + 2 },
      { min: 7, timestamp: T0 + 5 },
    ]);
  });

  it('answers an unknown metric with empty datapoints and unit unknown', () => {
    const unknown = { ...CPU, metric_name: 'no_such_metric' };
    const answer = query(store, { metrics: [unknown] }, T0 + DAY);
    expect(answer).toEqual({ metrics: [{ ...unknown, unit: 'unknown', datapoints: [] }] });
  });

  it('answers the metrics in request order, matching dimensions in any order', () => {
    const disk = {
      namespace: 'AGT.ECS',
      metric_name: 'disk_usedPercent',
      dimensions: [
        { name: 'instance_id', value: 'ecs-0001' },
        { name: 'mount_point', value: 'root' },
      ],
    };
    store.addPoints('p', [point(CPU, T0, 1), point(disk, T0, 2)]);
    const reversed = { ...disk, dimensions: [...disk.dimensions].reverse() };
    const answer = query(store, { metrics: [reversed, CPU, disk] }, T0 + DAY);
    expect(answer.metrics.map((m: { datapoints: unknown[] }) => m.datapoints)).toEqual([
      [{ average: 2, timestamp: T0 }],
      [{ average: 1, timestamp: T0 }],
      [{ average: 2, timestamp: T0 }],
    ]);
    expect(answer.metrics[0].dimensions).toEqual(reversed.dimensions);
    expect(answer.metrics[1].unit).toBe('%');
  });

  it('keeps the data of each project apart', () => {
    store.addPoints('other', [point(CPU, T0, 1)]);
    expect(query(store, {}, T0 + DAY).metrics[0].unit).toBe('unknown');
  });
});
