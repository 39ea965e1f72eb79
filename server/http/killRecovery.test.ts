import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { api } from './testing';
import { exited, freePort, startServer, waitReady } from './processHelpers';

const HEADERS = { 'x-auth-token': 'dev-token', 'content-type': 'application/json' };
const POINTS = 50;

describe('durability', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ces-kill-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every acknowledged point of custom data survives kill -9 of the service', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const args = ['--port', String(port), '--db', join(dir, 'ces.db'), '--no-live'];
    const seedArgs = ['--seed-resources', '1', '--seed-days', '1'];
    const now = Date.now();
    const items = Array.from({ length: POINTS }, (_, i) => ({
      metric: {
        namespace: 'MINE.DURABLE',
        metric_name: 'writes',
        dimensions: [{ name: 'node', value: `n${i % 5}` }],
      },
      ttl: 86400,
      collect_time: now - 3600000 + i * 1000,
      value: i,
      unit: 'count',
    }));

    const first = startServer([...args, ...seedArgs]);
    await waitReady(url, first.child);
    for (let i = 0; i < POINTS; i += 10) {
      const response = await fetch(`${url}${api('metric-data')}`, {
        method: 'POST',
        headers: HEADERS,
        body: JSON.stringify(items.slice(i, i + 10)),
      });
      expect(response.status).toBe(201);
    }
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(first.child.signalCode).toBe('SIGKILL');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();

    const second = startServer(args);
    try {
      await waitReady(url, second.child);
      const metrics = Array.from({ length: 5 }, (_, n) => ({
        ...items[n].metric,
        dimensions: [{ name: 'node', value: `n${n}` }],
      }));
      const body = {
        metrics,
        from: now - 4 * 3600000,
        to: now + 60000,
        period: '1',
        filter: 'average',
      };
      const response = await fetch(`${url}${api('batch-query-metric-data')}`, {
        method: 'POST',
        headers: HEADERS,
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      const answer = (await response.json()) as {
        metrics: Array<{ datapoints: Array<{ average: number }> }>;
      };
      const values = answer.metrics.flatMap((m) => m.datapoints.map((p) => p.average));
      expect(values.sort((a, b) => a - b)).toEqual(items.map((item) => item.value));
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
  }, 120000);
});
