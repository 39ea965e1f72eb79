import { connect } from 'node:net';

import fc from 'fast-check';

import { DEV_CREDENTIAL } from '../auth/credentials';
import { createLogger } from '../log';
import { Store } from '../store/store';
import { createService } from './app';
import { api, batchBody, PROJECT, signedRequest, testApp } from './testing';

const endpoints = ['batch-query-metric-data', 'metrics', 'metric-data', 'alarms', 'nothing'];
const valid = batchBody(3);

/** Values of every JSON type, including the awkward ones. */
const anything = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(1e308, -1e308, -1, 2 ** 53 + 1, 0.5, '', '\u0000', '\ud800', '\u202e'),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.integer({ min: 1, max: 60 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)))
);

/** A batch body with some fields swapped for arbitrary values. */
const mutatedBatch = fc
  .record({
    metrics: fc.oneof(
      fc.constant(valid.metrics),
      fc.array(
        fc.record({
          namespace: fc.oneof(fc.constant('SYS.ECS'), anything),
          metric_name: fc.oneof(fc.constant('cpu_util'), anything),
          dimensions: fc.oneof(
            fc.constant(valid.metrics[0].dimensions),
            fc.array(fc.record({ name: anything, value: anything }), { maxLength: 6 }),
            anything
          ),
        }),
        { maxLength: 12 }
      ),
      anything
    ),
    from: fc.oneof(fc.constant(valid.from), anything, fc.double()),
    to: fc.oneof(fc.constant(valid.to), anything, fc.integer()),
    period: fc.oneof(fc.constantFrom('1', '300', '86400', '60'), anything),
    filter: fc.oneof(fc.constantFrom('average', 'variance', 'p99'), anything),
  })
  .map((body) => JSON.stringify(body));

/** Add-metric-data bodies with arbitrary items. */
const customData = fc
  .array(
    fc.record({
      metric: fc.oneof(
        fc.constant({
          namespace: 'MINE.APP',
          metric_name: 'm',
          dimensions: [{ name: 'a', value: 'b' }],
        }),
        anything
      ),
      ttl: fc.oneof(fc.constant(60), anything),
      collect_time: fc.oneof(fc.constant(Date.now()), anything),
      value: anything,
      unit: fc.option(anything),
      type: fc.option(anything),
    }),
    { maxLength: 5 }
  )
  .map((items) => JSON.stringify(items));

const body = fc.oneof(
  mutatedBatch,
  customData,
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 500 }),
  fc.string({ maxLength: 200 }).map((s) => `{"metrics":${s}`)
);

const headerValue = fc.string({ maxLength: 80 }).filter((s) => s.trim() === s);
const headers = fc.record(
  {
    'x-auth-token': fc.oneof(fc.constant('dev-token'), headerValue),
    'content-type': fc.oneof(
      fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'text/plain',
        'multipart/form-data'
      ),
      headerValue
    ),
    authorization: fc.oneof(
      headerValue,
      headerValue.map((s) => `SDK-HMAC-SHA256 ${s}`)
    ),
    'x-sdk-date': fc.oneof(fc.constant('20250601T120000Z'), headerValue),
    'x-project-id': fc.oneof(fc.constant(PROJECT), headerValue),
  },
  { requiredKeys: [] }
);

const query = fc
  .dictionary(
    fc.oneof(
      fc.constantFrom(
        'namespace',
        'metric_name',
        'dim.0',
        'dim.5',
        'start',
        'limit',
        'order',
        'from',
        'to',
        'period',
        'filter'
      ),
      fc.string({ maxLength: 8 })
    ),
    fc.string({ maxLength: 40 }),
    { maxKeys: 6 }
  )
  .map((params) => new URLSearchParams(params).toString());

const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'POST', 'PUT', 'DELETE'),
  project: fc.oneof(fc.constant(PROJECT), fc.string({ maxLength: 70 }).map(encodeURIComponent)),
  endpoint: fc.constantFrom(...endpoints),
  query,
  headers,
  body,
});

describe('fuzzing the service with generated requests', () => {
  it('answers 10,000 generated bodies and headers without a 5xx, and stays alive', async () => {
    const t = testApp({ rateLimit: 1e9 });
    const seen = new Map<number, number>();
    const runs = Number(process.env.FUZZ_RUNS ?? 10000);
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const payload = r.method === 'GET' || r.method === 'DELETE' ? undefined : r.body;
        const response = await t.app.inject({
          method: r.method as 'GET',
          url: `/V1.0/${r.project}/${r.endpoint}${r.query ? `?${r.query}` : ''}`,
          headers: r.headers,
          payload,
        });
        seen.set(response.statusCode, (seen.get(response.statusCode) ?? 0) + 1);
        expect(response.statusCode).toBeLessThan(500);
        expect(response.body).not.toMatch(/\n\s+at /);
      }),
      { numRuns: runs }
    );

    // The generator must reach the handlers, not only the auth and routing checks.
    expect(seen.get(400)).toBeGreaterThan(runs / 20);
    expect(seen.get(401)).toBeGreaterThan(runs / 20);
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    await t.close();
  }, 600000);

  it('answers signed requests with fuzzed bodies over a real socket without a 5xx', async () => {
    const store = Store.open(':memory:');
    const service = await createService({
      store,
      credentials: [DEV_CREDENTIAL],
      logger: createLogger(undefined, 'silent'),
      rateLimit: 1e9,
    });
    const { host } = new URL(service.url);
    const samples = fc.sample(fc.oneof(mutatedBatch, body), { numRuns: 300, seed: 7 });

    for (const sample of samples) {
      const signed = signedRequest(
        {
          method: 'POST',
          url: api('batch-query-metric-data'),
          body: sample,
          headers: { 'content-type': 'application/json', host },
        },
        ['host', 'content-type']
      );
      const response = await fetch(`${service.url}${signed.url}`, {
        method: 'POST',
        headers: signed.headers as Record<string, string>,
        body: sample,
      });
      await response.arrayBuffer();
      expect(response.status).toBeLessThan(500);
      expect(response.status).not.toBe(401);
    }

    await sendRaw(service.url, 'GARBAGE\r\n\r\n');
    await sendRaw(service.url, `POST ${api('metrics')} HTTP/1.1\r\nContent-Length: -5\r\n\r\n`);
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    await service.close();
    store.close();
  }, 120000);
});

function sendRaw(url: string, text: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    socket.on('data', (chunk) => (received += chunk));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
    socket.end(text);
  });
}
