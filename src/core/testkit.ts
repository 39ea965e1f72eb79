/** Builders shared by the core's tests: queries, ranges and answers that echo a plan. */
import type { Datapoint, MetricInfo } from '../ces';
import type { Batch, BatchAnswer, CoreQuery, Plan } from './types';

/** Midnight UTC, 1 January 2024: every test range starts here. */
export const T0 = Date.UTC(2024, 0, 1);
export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A valid query of SYS.ECS cpu_util, with the given fields replaced. */
export function ecsQuery(fields: Partial<CoreQuery> = {}): CoreQuery {
  return {
    refId: 'A',
    namespace: 'SYS.ECS',
    metricName: 'cpu_util',
    dimensions: [{ name: 'instance_id', values: ['ecs-0001'] }],
    period: 'auto',
    filter: 'average',
    ...fields,
  };
}

/** An AGT.ECS disk_usedPercent catalog: one metric per [instance id, disk] pair, in that order. */
export function agtDiskCatalog(pairs: Array<[string, string]>): MetricInfo[] {
  return pairs.map(([instance, disk]) => ({
    namespace: 'AGT.ECS',
    metric_name: 'disk_usedPercent',
    unit: '%',
    dimensions: [
      { name: 'instance_id', value: instance },
      { name: 'disk', value: disk },
    ],
  }));
}

/** `count` instance ids from `ecs-0001` on (or starting at `first`). */
export function instances(count: number, first = 1): string[] {
  return Array.from({ length: count }, (_, i) => `ecs-${String(first + i).padStart(4, '0')}`);
}

/** Points of one requested metric of a batch. */
export type PointSource = (batch: Batch, index: number) => Datapoint[];

/** One bucket per period over the batch window, valued by bucket number; `to` included. */
export const everyBucket: PointSource = (batch) => {
  const step = Number(batch.body.period) * 1000;
  const points: Datapoint[] = [];
  for (let t = batch.body.from; t <= batch.body.to; t += step) {
    points.push({ timestamp: t, [batch.body.filter]: t / step });
  }
  return points;
};

/** A 200 answer for every batch, echoing its metrics in request order with the given points. */
export function echoAnswers(
  plan: Plan,
  points: PointSource = everyBucket,
  unit = '%'
): BatchAnswer[] {
  return plan.batches.map((batch) => ({
    batchId: batch.id,
    status: 200,
    body: {
      metrics: batch.body.metrics.map((m, i) => ({ ...m, unit, datapoints: points(batch, i) })),
    },
  }));
}
