/**
 * Writes the parity vectors: each case's input and the service's answers are written out here;
 * the expected plan bodies and results come from the core and were checked by hand where the
 * case is small enough (see README.md). Run: npx tsx testdata/parity/generate.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Datapoint, MetricData } from '../../src/ces';
import {
  assemble,
  plan,
  toBatchAnswer,
  type Batch,
  type CoreQuery,
  type PlanInput,
} from '../../src/core';
import { agtDiskCatalog, DAY, ecsQuery, HOUR, T0 } from '../../src/core/testkit';


/** What the service answers for one batch: a status and a JSON body. */
interface HttpAnswer {
  status: number;
  body: unknown;
}

type Answerer = (batch: Batch) => HttpAnswer;

interface Case {
  name: string;
  input: PlanInput;
  answer: Answerer;
}

function q(refId: string, fields: Partial<CoreQuery>): CoreQuery {
  return ecsQuery({ refId, ...fields });
}

/** A value that depends on the metric and the time, with two decimals. */
function valueAt(metric: MetricData | Batch['body']['metrics'][number], t: number): number {
  let seed = 0;
  for (const c of metric.dimensions.map((d) => d.value).join('/')) {
    seed = (seed * 31 + c.charCodeAt(0)) % 1000;
  }
  return Math.round(((t / 60000 + seed * 7) % 1000) * 10 + 25) / 100;
}

/** Points every `stepS` seconds from `from` to `to`, both included, under `field`. */
function points(batch: Batch, i: number, field: string, stepS: number): Datapoint[] {
  const list: Datapoint[] = [];
  for (let t = batch.body.from; t <= batch.body.to; t += stepS * 1000) {
    list.push({ timestamp: t, [field]: valueAt(batch.body.metrics[i], t) });
  }
  return list;
}

/** The service's answer: one entry per metric in request order, bucket stamps at their start. */
function serviceAnswer(
  unit: string,
  options: { rawStepS?: number; rawField?: string } = {}
): Answerer {
  return (batch) => {
    const period = Number(batch.body.period);
    const step = period === 1 ? (options.rawStepS ?? 60) : period;
    const field = period === 1 ? (options.rawField ?? 'average') : batch.body.filter;
    return {
      status: 200,
      body: {
        metrics: batch.body.metrics.map((m, i) => ({
          ...m,
          unit,
          datapoints: points(batch, i, field, step),
        })),
      },
    };
  };
}

function elbs(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `elb-${String(i + 1).padStart(4, '0')}`);
}

/** JSON with one datapoint per line and number lists on one line, so a reviewer can read it. */
function readable(value: unknown): string {
  return JSON.stringify(value, null, 1)
    .replace(
      /\{\s*("timestamp": -?\d+)(,\s*"\w+": [-\d.e+]+)?\s*\}/g,
      (_m, t, v) => `{${t}${v ? v.replace(/\s+/g, ' ') : ''}}`
    )
    .replace(
      /\[\s*(-?[\d.e+]+(?:,\s*-?[\d.e+]+)*)\s*\]/g,
      (_m, list: string) => `[${list.split(/,\s*/).join(', ')}]`
    );
}

const agtCatalog = agtDiskCatalog([
  ['ecs-0003', 'vda'],
  ['ecs-0001', 'vda'],
  ['ecs-0001', 'vdb'],
  ['ecs-0002', 'vda'],
]);

const cases: Case[] = [
  {
    name: 'single-series-auto-raw',
    input: { queries: [q('A', {})], range: { from: T0, to: T0 + HOUR / 4 } },
    answer: serviceAnswer('%', { rawStepS: 300 }),
  },
  {
    name: 'cartesian-with-alias-templates',
    input: {
      queries: [
        q('A', {
          namespace: 'AGT.ECS',
          metricName: 'disk_usedPercent',
          dimensions: [
            { name: 'instance_id', values: ['ecs-0001', 'ecs-0002'] },
            { name: 'disk', values: ['vda', 'vdb'] },
          ],
          period: '300',
          filter: 'max',
          alias:
            '{{namespace}}:{{metric_name}} {{instance_id}}/{{disk}} ' +
            '({{filter}} {{period}}) {{nope}}',
        }),
      ],
      range: { from: T0, to: T0 + 15 * 60 * 1000 },
    },
    answer: serviceAnswer('%'),
  },
  {
    name: 'star-resolved-against-catalog',
    input: {
      queries: [
        q('A', {
          namespace: 'AGT.ECS',
          metricName: 'disk_usedPercent',
          dimensions: [
            { name: 'instance_id', values: ['*'] },
            { name: 'disk', values: ['vda'] },
          ],
          period: '300',
        }),
      ],
      range: { from: T0 + 1234, to: T0 + 10 * 60 * 1000 + 5 },
      catalog: [
        ...agtCatalog,
        {
          namespace: 'AGT.ECS',
          metric_name: 'cpu_usage',
          unit: '%',
          dimensions: [{ name: 'instance_id', value: 'ecs-0009' }],
        },
      ],
    },
    answer: serviceAnswer('%'),
  },
  {
    name: 'multi-window-edge-points',
    input: {
      queries: [q('A', { period: '300', metricName: 'network_vm_connections' })],
      range: { from: T0, to: T0 + 2 * DAY },
    },
    answer: serviceAnswer('count'),
  },
  {
    name: 'raw-average-fallback',
    input: {
      queries: [q('A', { period: '1', filter: 'max' })],
      range: { from: T0, to: T0 + 5 * 60 * 1000 },
    },
    answer: (batch) => ({
      status: 200,
      body: {
        metrics: batch.body.metrics.map((m) => ({
          ...m,
          unit: '%',
          datapoints: [
            { timestamp: T0, average: 1.5 },
            { timestamp: T0 + 60000, max: 2.5 },
            { timestamp: T0 + 120000 },
            { timestamp: T0 + 180000, average: 3.5, max: 4.5 },
          ],
        })),
      },
    }),
  },
  {
    name: 'failed-batch-error-attached',
    input: {
      queries: [
        q('A', {
          dimensions: [{ name: 'instance_id', values: ['ecs-0001', 'ecs-0002'] }],
          period: '300',
        }),
        q('B', { filter: 'sum', period: '300' }),
      ],
      range: { from: T0, to: T0 + 10 * 60 * 1000 },
    },
    answer: (batch) =>
      batch.body.filter === 'sum'
        ? {
            status: 400,
            body: {
              http_code: 400,
              message: {
                details: 'Some content in message body is not correct, error message: [filter]',
                code: 'ces.0014',
              },
              encoded_authorization_message: null,
            },
          }
        : serviceAnswer('%')(batch),
  },
  {
    name: 'shuffled-answers',
    input: {
      queries: [
        q('A', {
          dimensions: [
            {
              name: 'instance_id',
              values: ['ecs-0001', 'ecs-0002', 'ecs-0003', 'ecs-0004', 'ecs-0005', 'ecs-0006'],
            },
            { name: 'zone', values: ['az1', 'az2'] },
          ],
          period: '1200',
        }),
      ],
      range: { from: T0, to: T0 + HOUR },
    },
    answer: (batch) => {
      const answer = serviceAnswer('%')(batch) as {
        status: number;
        body: { metrics: MetricData[] };
      };
      const metrics = answer.body.metrics;
      // A fixed shuffle: odd positions first, each metric's dimensions reversed.
      const shuffled = [
        ...metrics.filter((_, i) => i % 2 === 1),
        ...metrics.filter((_, i) => i % 2 === 0),
      ];
      shuffled.forEach((m) => (m.dimensions = [...m.dimensions].reverse()));
      return { status: 200, body: { metrics: shuffled } };
    },
  },
  {
    name: 'datapoint-budget-windows',
    input: {
      queries: [
        q('A', {
          namespace: 'SYS.ELB',
          metricName: 'mb_l7_qps',
          dimensions: [{ name: 'lbaas_instance_id', values: elbs(20) }],
          period: '1',
        }),
      ],
      range: { from: T0, to: T0 + 4 * HOUR },
      options: { datapointBudget: 3000, maxMetrics: 500 },
    },
    answer: serviceAnswer('count/s', { rawStepS: 600 }),
  },
  {
    name: 'duplicates-across-queries',
    input: {
      queries: [
        q('A', {
          dimensions: [
            {
              name: 'instance_id',
              values: ['ecs-0001', 'ecs-0002', 'ecs-0003', 'ecs-0004', 'ecs-0005', 'ecs-0006'],
            },
          ],
          period: '300',
        }),
        q('B', {
          dimensions: [
            {
              name: 'instance_id',
              values: ['ecs-0002', 'ecs-0003', 'ecs-0004', 'ecs-0005', 'ecs-0006'],
            },
          ],
          period: '300',
          alias: '{{instance_id}}',
        }),
      ],
      range: { from: T0, to: T0 + 10 * 60 * 1000 },
    },
    answer: serviceAnswer('byte/s'),
  },
  {
    name: 'missing-and-unknown-metrics',
    input: {
      queries: [
        q('A', {
          dimensions: [{ name: 'instance_id', values: ['ecs-0001', 'ecs-0002', 'ecs-0404'] }],
          period: '300',
        }),
      ],
      range: { from: T0, to: T0 + 10 * 60 * 1000 },
    },
    answer: (batch) => {
      const answer = serviceAnswer('%')(batch) as {
        status: number;
        body: { metrics: MetricData[] };
      };
      const [first, , unknown] = answer.body.metrics;
      return {
        status: 200,
        body: { metrics: [first, { ...unknown, unit: 'unknown', datapoints: [] }] },
      };
    },
  },
  {
    name: 'invalid-query-beside-a-valid-one',
    input: {
      queries: [
        q('A', { dimensions: [{ name: 'instance_id', values: ['bad value!'] }] }),
        q('B', { period: '3600' }),
      ],
      range: { from: T0, to: T0 + 2 * HOUR },
    },
    answer: serviceAnswer('%'),
  },
];

for (const c of cases) {
  const made = plan(c.input);
  const answers: Record<string, HttpAnswer> = {};
  for (const batch of made.batches) {
    answers[batch.id] = c.answer(batch);
  }
  const results = assemble(
    made,
    made.batches.map((b) => toBatchAnswer(b.id, answers[b.id].status, answers[b.id].body))
  );
  const vector = {
    name: c.name,
    input: c.input,
    answers,
    expected: {
      plan: { batchCount: made.batches.length, bodies: made.batches.map((b) => b.body) },
      results,
    },
  };
  writeFileSync(join(__dirname, `${c.name}.json`), readable(vector) + '\n');
}
