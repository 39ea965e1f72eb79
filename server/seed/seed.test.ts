import {
  NAMESPACES,
  type BatchQueryRequest,
  type FilterName,
  type MetricInfo,
} from '../../src/ces';
import { Store } from '../store/store';

import { fleet } from './fleet';
import { seedStore, startLiveAppender, type SeedOptions } from './seed';

const NOW = Date.UTC(2026, 0, 10, 12, 3, 20);
const OPTIONS: SeedOptions = {
  projectIds: ['p1'],
  resources: 4,
  days: 1,
  seed: 7,
  nowMs: NOW,
};
const DAY = 86400 * 1000;

function seeded(options: SeedOptions = OPTIONS): Store {
  const store = Store.open(':memory:');
  seedStore(store, options);
  return store;
}

function catalog(store: Store, projectId = 'p1'): MetricInfo[] {
  return store.listMetrics(projectId, { dimensions: [], limit: 1000, order: 'asc' }).metrics;
}

function daily(store: Store, metrics: MetricInfo[], filter: FilterName) {
  const req: BatchQueryRequest = {
    metrics,
    from: NOW - 2 * DAY,
    to: NOW + DAY,
    period: '86400',
    filter,
  };
  const answer = JSON.parse(store.batchQueryJson('p1', req, 'current', NOW + 2 * DAY));
  return answer.metrics as Array<{ unit: string; datapoints: Array<Record<string, number>> }>;
}

describe('seeding', () => {
  it('fills every project with every namespace and metric of the contract', () => {
    const projectIds = ['p1', 'p2'];
    const store = seeded({ ...OPTIONS, projectIds });
    for (const projectId of projectIds) {
      const listed = catalog(store, projectId);
      for (const spec of NAMESPACES) {
        const names = new Set(
          listed.filter((m) => m.namespace === spec.namespace).map((m) => m.metric_name)
        );
        expect([...names].sort()).toEqual(spec.metrics.map((m) => m.name).sort());
      }
    }
    store.close();
  });

  it('names resources like ecs-0001, with fewer resources outside SYS.ECS', () => {
    const ids = (namespace: string) =>
      new Set(
        fleet(20)
          .filter((s) => s.namespace === namespace)
          .map((s) => s.dimensions[0].value)
      );
    expect(ids('SYS.ECS').size).toBe(20);
    expect([...ids('SYS.ECS')][0]).toBe('ecs-0001');
    expect([...ids('SYS.ELB')]).toEqual([
      'elb-0001',
      'elb-0002',
      'elb-0003',
      'elb-0004',
      'elb-0005',
    ]);
    expect([...ids('SYS.VPC')][0]).toBe('eip-0001');
    const disks = fleet(20).filter((s) => s.metricName === 'disk_usedPercent');
    expect(disks[0].dimensions.map((d) => d.name)).toEqual(['instance_id', 'mount_point', 'disk']);
  });

  it('stores days of history at each metric raw interval, and reports the counts', () => {
    const store = Store.open(':memory:');
    const counts = seedStore(store, OPTIONS);
    const perDay = fleet(OPTIONS.resources).reduce((n, s) => n + DAY / (s.rawIntervalS * 1000), 0);
    expect(counts).toEqual({ points: perDay, series: catalog(store).length });
    store.close();
  });

  it('is deterministic for a seed number, and differs between seed numbers', () => {
    const metrics = catalog(seeded()).slice(0, 10);
    const answer = (seed: number) =>
      JSON.stringify(daily(seeded({ ...OPTIONS, seed }), metrics, 'sum'));
    expect(answer(7)).toBe(answer(7));
    expect(answer(7)).not.toBe(answer(8));
  });

  it('keeps values within the bounds of their unit', () => {
    const store = seeded();
    const metrics = catalog(store);
    for (let at = 0; at < metrics.length; at += 10) {
      const batch = metrics.slice(at, at + 10);
      const lows = daily(store, batch, 'min');
      const highs = daily(store, batch, 'max');
      batch.forEach((metric, k) => {
        expect(lows[k].datapoints.length).toBeGreaterThan(0);
        lows[k].datapoints.forEach((d) => expect(d.min).toBeGreaterThanOrEqual(0));
        if (metric.unit === '%') {
          highs[k].datapoints.forEach((d) => expect(d.max).toBeLessThanOrEqual(100));
        }
      });
    }
    store.close();
  });

  it('varies over the day: a series is not flat', () => {
    const store = seeded();
    const [cpu] = catalog(store).filter((m) => m.metric_name === 'cpu_util');
    const req: BatchQueryRequest = {
      metrics: [cpu],
      from: NOW - DAY,
      to: NOW,
      period: '3600',
      filter: 'average',
    };
    const points = JSON.parse(store.batchQueryJson('p1', req, 'seed', NOW)).metrics[0].datapoints;
    const values = points.map((d: { average: number }) => d.average);
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(5);
    store.close();
  });
});

describe('live appender', () => {
  it('appends the points whose time has come since the last stored one', () => {
    const now = Date.now();
    const options = { ...OPTIONS, nowMs: now - 30 * 60_000 };
    const store = seeded(options);
    const elb = fleet(options.resources).find((s) => s.namespace === 'SYS.ELB')!;
    expect(store.lastTimestamp('p1', elb)).toBeLessThanOrEqual(now - 29 * 60_000);

    const appender = startLiveAppender(store, options);
    appender.stop();

    expect(store.lastTimestamp('p1', elb)).toBeGreaterThan(now - 60_000);
    store.close();
  });
});
