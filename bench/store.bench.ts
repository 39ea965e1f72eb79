/**
 * Store benchmark: seeds a file-backed store with the defaults (20 resources, 7 days), then
 * times batchQueryBuffer (the bytes the service sends) for the three benchmark cases beside
 * JSON.stringify of the same answer, with the fragment cache emptied before each call (cold)
 * and kept (warm).
 * Run: npx tsx bench/store.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { BatchQueryRequest, MetricRef } from '../src/ces';
import { fleet } from '../server/seed/fleet';
import { seedStore } from '../server/seed/seed';
import { Store } from '../server/store/store';

const PROJECT = '0123456789abcdef0123456789abcdef';
const LONG_PROJECT = 'long-history';
const DAY = 86400_000;
const NOW = Math.floor(Date.now() / 60_000) * 60_000;
const ROUNDS = 400;

function ms(value: number): string {
  return `${value.toFixed(3)} ms`;
}

interface Timing {
  mean: number;
  p99: number;
}

/**
 * Times several pieces of work with their rounds interleaved, so that the load of a shared
 * machine falls on each alike.
 */
function timeTogether(works: Array<() => unknown>, rounds = ROUNDS): Timing[] {
  const samples = works.map(() => [] as number[]);
  for (let round = -50; round < rounds; round++) {
    works.forEach((work, w) => {
      const start = performance.now();
      work();
      if (round >= 0) {
        samples[w].push(performance.now() - start);
      }
    });
  }
  return samples.map((list) => {
    list.sort((a, b) => a - b);
    const mean = list.reduce((a, b) => a + b, 0) / list.length;
    return { mean, p99: list[Math.floor(list.length * 0.99)] };
  });
}

/** Ten metrics collected every minute (ELB and RDS), as dashboards ask for them. */
function tenMetrics(): MetricRef[] {
  return fleet(20)
    .filter((s) => s.namespace === 'SYS.ELB' || s.namespace === 'SYS.RDS')
    .slice(0, 10)
    .map((s) => ({ namespace: s.namespace, metric_name: s.metricName, dimensions: s.dimensions }));
}

/** 180 days of hourly points for the ten metrics, so the daily case reads 180 buckets each. */
function addLongHistory(store: Store, metrics: MetricRef[]): void {
  store.inTransaction(() => {
    for (const m of metrics) {
      const timestamps: number[] = [];
      const values: number[] = [];
      for (let t = NOW - 181 * DAY; t < NOW; t += 3600_000) {
        timestamps.push(t);
        values.push(50 + 40 * Math.sin(t / 7e6) + Math.random());
      }
      const series = {
        namespace: m.namespace,
        metricName: m.metric_name,
        dimensions: m.dimensions,
      };
      store.addSeriesPoints(LONG_PROJECT, { ...series, unit: 'count' }, timestamps, values);
    }
  });
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'ces-bench-'));
  const store = Store.open(join(dir, 'ces.db'));
  const seedStart = performance.now();
  const seeded = seedStore(store, {
    projectIds: [PROJECT],
    resources: 20,
    days: 7,
    seed: 1,
    nowMs: NOW,
  });
  const seedMs = performance.now() - seedStart;
  console.log(
    `seed: ${seeded.points} points in ${seeded.series} series, ${(seedMs / 1000).toFixed(1)} s`
  );

  const metrics = tenMetrics();
  addLongHistory(store, metrics);
  const cases: Array<{ name: string; project: string; req: BatchQueryRequest }> = [
    {
      name: '10 metrics x 1 day @300',
      project: PROJECT,
      req: { metrics, from: NOW - DAY, to: NOW, period: '300', filter: 'average' },
    },
    {
      name: '10 metrics x 180 days @86400',
      project: LONG_PROJECT,
      req: { metrics, from: NOW - 180 * DAY, to: NOW, period: '86400', filter: 'average' },
    },
    {
      name: '10 metrics x 4 h raw',
      project: PROJECT,
      req: { metrics, from: NOW - 4 * 3600_000, to: NOW, period: '1', filter: 'average' },
    },
  ];

  for (const c of cases) {
    const text = store.batchQueryJson(c.project, c.req, 'seed', NOW);
    const answer = JSON.parse(text) as { metrics: Array<{ datapoints: unknown[] }> };
    const points = answer.metrics.reduce((n, m) => n + m.datapoints.length, 0);
    const [stringify, cold, warm] = timeTogether([
      () => JSON.stringify(answer),
      () => {
        store.clearCaches();
        return store.batchQueryBuffer(c.project, c.req, 'seed', NOW);
      },
      () => store.batchQueryBuffer(c.project, c.req, 'seed', NOW),
    ]);
    console.log(
      `${c.name}: ${points} points, ${(text.length / 1024).toFixed(0)} KB\n` +
        `  JSON.stringify of the answer  mean ${ms(stringify.mean)} p99 ${ms(stringify.p99)}\n` +
        `  batchQueryBuffer, cold cache mean ${ms(cold.mean)} p99 ${ms(cold.p99)}` +
        ` (${(cold.mean / stringify.mean).toFixed(2)}x stringify)\n` +
        `  batchQueryBuffer, warm cache mean ${ms(warm.mean)} p99 ${ms(warm.p99)}` +
        ` (${(warm.mean / stringify.mean).toFixed(2)}x stringify)`
    );
  }

  store.close();
  rmSync(dir, { recursive: true, force: true });
}

main();
