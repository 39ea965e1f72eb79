/**
 * Benchmark of the translation core: planning 100 queries x 10 dimension values, and turning the
 * answers for 1,000 series x 1,440 points into results and frames, against JSON.parse of the
 * same answers. 1,440 points = period 300 over 5 days, so the seed rules split the range into
 * 5 one-day windows and the merge across windows is part of what is measured.
 * Run: npm run bench:core
 */
import './grafana-globals';

import type { BatchQueryResponse } from '../src/ces';
import {
  assemble,
  plan,
  shape,
  toOutcome,
  type BatchAnswer,
  type CoreQuery,
  type Plan,
} from '../src/core';
import { toDataFrames } from '../src/frames';

const T0 = Date.UTC(2024, 0, 1);
const DAY = 24 * 3600 * 1000;

function queries(period: CoreQuery['period']): CoreQuery[] {
  return Array.from({ length: 100 }, (_, q) => ({
    refId: `Q${q}`,
    namespace: 'SYS.ECS',
    metricName: 'cpu_util',
    dimensions: [
      {
        name: 'instance_id',
        values: Array.from({ length: 10 }, (_, i) => `ecs-${String(q * 10 + i).padStart(4, '0')}`),
      },
    ],
    period,
    filter: 'average',
  }));
}

/** Median of `runs` timings of `fn` in ms, after `warmup` untimed runs. */
function time(fn: () => unknown, warmup: number, runs: number): number {
  for (let i = 0; i < warmup; i++) {
    fn();
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/** The service's answers as text: one bucket per period from `from` (included) to `to` (not). */
function answerTexts(made: Plan): string[] {
  return made.batches.map((batch) => {
    const step = Number(batch.body.period) * 1000;
    const body: BatchQueryResponse = {
      metrics: batch.body.metrics.map((m, i) => {
        const datapoints = [];
        for (let t = batch.body.from; t < batch.body.to; t += step) {
          datapoints.push({
            timestamp: t,
            average: Math.round(((t / step + i * 7) % 1000) * 7) / 100,
          });
        }
        return { ...m, unit: '%', datapoints };
      }),
    };
    return JSON.stringify(body);
  });
}

function planning(): void {
  const input = { queries: queries('auto'), range: { from: T0, to: T0 + 6 * 3600 * 1000 } };
  const made = plan(input);
  const series = made.queries.reduce((n, q) => n + q.keys.length, 0);
  const ms = time(() => plan(input), 50, 200);
  console.log(
    `plan: ${series} series, ${made.batches.length} batches: ${ms.toFixed(2)} ms per plan`
  );
}

function converting(): void {
  const made = plan({ queries: queries('300'), range: { from: T0, to: T0 + 5 * DAY } });
  const texts = answerTexts(made);
  const megabytes = texts.reduce((n, t) => n + t.length, 0) / 1e6;
  const parse = (): BatchAnswer[] =>
    texts.map((text, batchId) => ({ batchId, status: 200, body: JSON.parse(text) }));
  const answers = parse();

  const results = assemble(made, answers);
  const points = results.reduce(
    (n, r) => n + r.series.reduce((m, s) => m + s.timestamps.length, 0),
    0
  );
  const seriesCount = results.reduce((n, r) => n + r.series.length, 0);

  const parseMs = time(parse, 3, 15);
  const assembleMs = time(() => assemble(made, answers), 3, 15);
  const framesMs = time(() => toDataFrames(assemble(made, answers)), 3, 15);
  const copyMs = time(() => copyLoop(answers), 3, 15);
  const shapeMs = time(() => shape(made, answers.map(toOutcome)), 3, 15);

  console.log(
    `answers: ${made.batches.length} batches, ${seriesCount} series, ${points} points, ` +
      `${megabytes.toFixed(1)} MB of JSON`
  );
  const row = (label: string, ms: number) =>
    console.log(
      `${label.padEnd(34)}${ms.toFixed(1).padStart(8)} ms  ${(ms / parseMs).toFixed(3)}x`
    );
  row('JSON.parse of the answers', parseMs);
  row('plain copy into typed arrays', copyMs);
  row('shape (answer heads only)', shapeMs);
  row('assemble (shape, merge and join)', assembleMs);
  row('assemble + toDataFrames', framesMs);
}

/** The reference point of the goal: copy every parsed point into typed arrays, nothing else. */
function copyLoop(answers: BatchAnswer[]): number {
  let sum = 0;
  for (const answer of answers) {
    if (!('body' in answer)) {
      continue;
    }
    for (const metric of answer.body.metrics) {
      const n = metric.datapoints.length;
      const times = new Float64Array(n);
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        times[i] = metric.datapoints[i].timestamp;
        values[i] = metric.datapoints[i].average ?? NaN;
      }
      sum += times.length + values.length;
    }
  }
  return sum;
}

planning();
converting();
