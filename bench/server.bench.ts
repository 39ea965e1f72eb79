/**
 * Load benchmark of the reference service: starts it in a child process on a seeded temporary
 * database, loads it with autocannon (16 connections) per case, and prints req/s and p50/p99.
 * For the first case it also prints the service's own time per request (Server-Timing) beside
 * the time JSON.stringify takes for the same answer.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import autocannon from 'autocannon';

import { exited, freePort, startServer, waitReady } from '../server/http/processHelpers';

const PROJECT = '0123456789abcdef0123456789abcdef';
const HEADERS = { 'x-auth-token': 'dev-token', 'content-type': 'application/json' };
const DAY = 86400000;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const RESOURCES = process.env.BENCH_RESOURCES ?? '2';
const WARMUP_S = 3;
/** A folder to write the service's CPU profile into (node --cpu-prof), when set. */
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF;

interface Case {
  name: string;
  rangeMs: number;
  period: string;
}

const CASES: Case[] = [
  { name: '10 metrics x 1 day, period 300', rangeMs: DAY, period: '300' },
  { name: '10 metrics x 180 days, period 86400', rangeMs: 180 * DAY, period: '86400' },
  { name: '10 metrics x 4 hours, raw (period 1)', rangeMs: 4 * 3600000, period: '1' },
];

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'ces-bench-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = ['--port', String(port), '--db', join(dir, 'ces.db'), '--no-live', '--timing'];
  const seedArgs = [
    '--seed-days',
    '180',
    '--seed-resources',
    RESOURCES,
    '--rate-limit',
    '1000000000',
  ];

  const seedingStarted = Date.now();
  const nodeArgs = CPU_PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', CPU_PROF_DIR] : [];
  const server = startServer([...args, ...seedArgs], { nodeArgs, discardLog: true });
  try {
    await waitReady(url, server.child, 30 * 60000);
    console.log(
      `seeded 180 days (${RESOURCES} SYS.ECS resources) in ${elapsedS(seedingStarted)} s`
    );
    const metrics = await pickMetrics(url);
    const to = Math.floor(Date.now() / 300000) * 300000;

    for (const [i, c] of CASES.entries()) {
      const body = JSON.stringify({
        metrics,
        from: to - c.rangeMs,
        to,
        period: c.period,
        filter: 'average',
      });
      const sample = await post(url, body);
      // A short unmeasured run first, so JIT and SQLite page cache are warm for every case.
      await load(url, body, WARMUP_S);
      const cpuBefore = cpuMs(server.child.pid);
      const waitBefore = runQueueWaitMs(server.child.pid);
      const clientBefore = process.cpuUsage();
      const loadStarted = performance.now();
      const result = await load(url, body, DURATION_S);
      const cpuPerRequest = (cpuMs(server.child.pid) - cpuBefore) / result.requests.total;
      const client = process.cpuUsage(clientBefore);
      const loadMs = performance.now() - loadStarted;
      // Time the service was ready to run but waited for a core that others held.
      const waitShare = ((runQueueWaitMs(server.child.pid) - waitBefore) * 100) / loadMs;
      // Share of one core the load generator used: near 100% means it, not the service, limits.
      const clientShare = (client.user + client.system) / 10 / loadMs;
      const points = sample.json.metrics.reduce((n: number, m: any) => n + m.datapoints.length, 0);
      console.log(
        `${c.name}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, ` +
          `p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}; ` +
          `answer ${(sample.text.length / 1024).toFixed(0)} KB, ${points} points; ` +
          `service CPU ${cpuPerRequest.toFixed(2)} ms/request; ` +
          `client CPU ${clientShare.toFixed(0)}% of a core; ` +
          `service waited for a core ${waitShare.toFixed(0)}% of the run; ` +
          `machine load ${loadavg()[0].toFixed(1)}`
      );
      if (i === 0) {
        await compareWithStringify(url, body, sample.json);
      }
    }
  } finally {
    server.child.kill('SIGTERM');
    await exited(server.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

function load(url: string, body: string, seconds: number) {
  return autocannon({
    url: `${url}/V1.0/${PROJECT}/batch-query-metric-data`,
    connections: 16,
    duration: seconds,
    method: 'POST',
    headers: HEADERS,
    body,
  });
}

/** Ten metrics of the catalog, SYS.ECS first. */
async function pickMetrics(url: string) {
  const response = await fetch(`${url}/V1.0/${PROJECT}/metrics?limit=1000`, { headers: HEADERS });
  const catalog = (await response.json()) as { metrics: Array<Record<string, unknown>> };
  const ecs = catalog.metrics.filter((m) => m.namespace === 'SYS.ECS');
  const rest = catalog.metrics.filter((m) => m.namespace !== 'SYS.ECS');
  return [...ecs, ...rest]
    .slice(0, 10)
    .map(({ namespace, metric_name, dimensions }) => ({ namespace, metric_name, dimensions }));
}

async function post(url: string, body: string) {
  const response = await fetch(`${url}/V1.0/${PROJECT}/batch-query-metric-data`, {
    method: 'POST',
    headers: HEADERS,
    body,
  });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`the service answered ${response.status}: ${text.slice(0, 300)}`);
  }
  return {
    text,
    json: JSON.parse(text),
    timing: serverTiming(response.headers.get('server-timing')),
  };
}

/** Median service time (one request at a time) against the median JSON.stringify time. */
async function compareWithStringify(url: string, body: string, answer: unknown) {
  const service: number[] = [];
  for (let i = 0; i < 300; i++) {
    service.push((await post(url, body)).timing);
  }
  const stringify: number[] = [];
  for (let i = 0; i < 300; i++) {
    const started = performance.now();
    JSON.stringify(answer);
    stringify.push(performance.now() - started);
  }
  const serviceMs = median(service);
  const stringifyMs = median(stringify);
  console.log(
    `  case 1 time per request in the service: ${serviceMs.toFixed(3)} ms (median of 300); ` +
      `JSON.stringify of the same answer: ${stringifyMs.toFixed(3)} ms; ` +
      `ratio ${(serviceMs / stringifyMs).toFixed(2)}`
  );
}

/** CPU time (user + system) a process has used, in ms; NaN where /proc is missing. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** Time a process has spent runnable but not running (kernel schedstat), in ms. */
function runQueueWaitMs(pid: number | undefined): number {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return NaN;
  }
}

function serverTiming(header: string | null): number {
  const match = /dur=([\d.]+)/.exec(header ?? '');
  return match ? Number(match[1]) : NaN;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function elapsedS(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}

main().catch((error: unknown) => {
  console.error(`benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
