import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Database from 'better-sqlite3';

import type { BatchQueryRequest } from '../../src/ces';

import { Store, type PointInput } from './store';

const NOW = Date.UTC(2026, 0, 10, 12);
const ORDERS = {
  namespace: 'APP.Orders',
  metricName: 'placed',
  dimensions: [{ name: 'shop', value: 'eu-1' }],
};
const REQUEST: BatchQueryRequest = {
  metrics: [{ namespace: 'APP.Orders', metric_name: 'placed', dimensions: ORDERS.dimensions }],
  from: NOW - 3600_000,
  to: NOW,
  period: '300',
  filter: 'sum',
};

function custom(timestamp: number, value: number, ttlS?: number): PointInput {
  return { ...ORDERS, timestamp, value, unit: 'count', ttlS };
}

function sums(store: Store, nowMs: number, req: Partial<BatchQueryRequest> = {}) {
  const answer = JSON.parse(store.batchQueryJson('p', { ...REQUEST, ...req }, 'seed', nowMs));
  return answer.metrics[0].datapoints;
}

describe('custom data', () => {
  it('is listed and queryable as soon as it is added', () => {
    const store = Store.open(':memory:');
    expect(store.isEmpty()).toBe(true);
    store.addPoints('p', [custom(NOW - 900_000, 3), custom(NOW - 890_000, 4)]);

    expect(store.isEmpty()).toBe(false);
    expect(store.listMetrics('p', { dimensions: [], limit: 10, order: 'asc' }).metrics).toEqual([
      {
        namespace: 'APP.Orders',
        dimensions: ORDERS.dimensions,
        metric_name: 'placed',
        unit: 'count',
      },
    ]);
    expect(sums(store, NOW)).toEqual([{ sum: 7, timestamp: NOW - 900_000 }]);
    const single = store.singleMetric(
      'p',
      { ...ORDERS, from: NOW - 3600_000, to: NOW, period: 300, filter: 'max' },
      'seed',
      NOW
    );
    expect(single).toEqual({
      datapoints: [{ max: 4, timestamp: NOW - 900_000, unit: 'count' }],
      metric_name: 'placed',
    });
    store.close();
  });

  it('is no longer served once its ttl has run out, in raw points and in every rollup', () => {
    const store = Store.open(':memory:');
    store.addPoints('p', [custom(NOW - 900_000, 3, 60), custom(NOW - 890_000, 4, 3600)]);

    expect(sums(store, NOW - 841_000, { period: '1' })).toEqual([
      { sum: 3, timestamp: NOW - 900_000 },
      { sum: 4, timestamp: NOW - 890_000 },
    ]);
    expect(sums(store, NOW)).toEqual([{ sum: 4, timestamp: NOW - 900_000 }]);
    expect(sums(store, NOW, { period: '1' })).toEqual([{ sum: 4, timestamp: NOW - 890_000 }]);
    expect(sums(store, NOW, { period: '86400', from: NOW - 86400_000 })).toEqual([]);
    expect(sums(store, NOW + 2 * 86400_000, { period: '86400', from: NOW - 86400_000 })).toEqual(
      []
    );
    store.close();
  });
});

describe('durability', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ces-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('has points committed to the database file when addPoints returns', () => {
    const path = join(dir, 'nested', 'ces.db');
    const store = Store.open(path);
    store.addPoints('p', [custom(NOW - 900_000, 3)]);

    // A second connection sees only what was committed to the WAL, not the writer's memory.
    const reader = new Database(path, { readonly: true });
    expect(reader.prepare('SELECT value FROM points').pluck().all()).toEqual([3]);
    expect(reader.pragma('journal_mode', { simple: true })).toBe('wal');
    reader.close();
    store.close();
  });

  it('serves the same answers after the store is opened again', () => {
    const path = join(dir, 'ces.db');
    const first = Store.open(path);
    first.addPoints('p', [custom(NOW - 900_000, 3), custom(NOW - 100_000, 5)]);
    const before = sums(first, NOW);
    first.close();

    const again = Store.open(path);
    expect(sums(again, NOW)).toEqual(before);
    expect(again.isEmpty()).toBe(false);
    again.close();
  });
});
