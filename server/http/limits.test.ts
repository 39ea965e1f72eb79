import { connect } from 'node:net';

import { DEV_CREDENTIAL } from '../auth/credentials';
import { createLogger } from '../log';
import { Store } from '../store/store';
import { createService } from './app';
import { NO_FAULTS } from './faults';
import { api, testApp, TOKEN } from './testing';

const alarms = { method: 'GET' as const, url: api('alarms'), headers: TOKEN };

describe('rate limit per credential', () => {
  it('answers 429 ces.0429 with Retry-After in seconds once the minute is used up', async () => {
    let now = 1_000_000;
    const t = testApp({ rateLimit: 3, now: () => now });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await t.app.inject(alarms)).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);

    const refused = await t.app.inject(alarms);
    expect(refused.json().message.code).toBe('ces.0429');
    expect(Number(refused.headers['retry-after'])).toBe(20);

    now += 20000;
    expect((await t.app.inject(alarms)).statusCode).toBe(200);
    await t.close();
  });

  it('counts each credential apart', async () => {
    const t = testApp({ rateLimit: 1, now: () => 5 });
    expect((await t.app.inject(alarms)).statusCode).toBe(200);
    expect((await t.app.inject(alarms)).statusCode).toBe(429);
    const other = {
      method: 'GET' as const,
      url: api('alarms', 'fedcba9876543210fedcba9876543210'),
    };
    const response = await t.app.inject({ ...other, headers: { 'x-auth-token': 'other-token' } });
    expect(response.statusCode).toBe(200);
    await t.close();
  });
});

describe('injected faults', () => {
  it.each([
    [429, { ...NO_FAULTS, p429: 1 }, 'ces.0429'],
    [500, { ...NO_FAULTS, p500: 1 }, 'ces.0007'],
    [503, { ...NO_FAULTS, p503: 1 }, 'ces.0503'],
  ])('answers %i when its probability is 1', async (status, faults, code) => {
    const t = testApp({ faults });
    const response = await t.app.inject(alarms);
    expect(response.statusCode).toBe(status);
    expect(response.json().message.code).toBe(code);
    await t.close();
  });

  it('mixes faults by their probabilities', async () => {
    const rolls = [0.05, 0.15, 0.25, 0.5];
    const t = testApp({
      faults: { ...NO_FAULTS, p429: 0.1, p500: 0.1, p503: 0.1 },
      random: () => rolls.shift()!,
    });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await t.app.inject(alarms)).statusCode);
    }
    expect(statuses).toEqual([429, 500, 503, 200]);
    await t.close();
  });

  it('adds the configured latency', async () => {
    const t = testApp({ faults: { ...NO_FAULTS, latencyMs: 150 } });
    const started = performance.now();
    expect((await t.app.inject(alarms)).statusCode).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    await t.close();
  });

  it('injects nothing by default', async () => {
    const t = testApp();
    const statuses = new Set<number>();
    for (let i = 0; i < 300; i++) {
      statuses.add((await t.app.inject(alarms)).statusCode);
    }
    expect([...statuses]).toEqual([200]);
    await t.close();
  });
});

describe('request timeout', () => {
  it('answers 408 when the body does not arrive in time', async () => {
    const store = Store.open(':memory:');
    const service = await createService({
      store,
      credentials: [DEV_CREDENTIAL],
      logger: createLogger(undefined, 'silent'),
      requestTimeoutMs: 300,
    });
    const { port } = new URL(service.url);

    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1');
      let received = '';
      socket.on('data', (chunk) => (received += chunk));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
      socket.write(
        `POST ${api('batch-query-metric-data')} HTTP/1.1\r\n` +
          'Host: x\r\nX-Auth-Token: dev-token\r\n' +
          'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"metrics":'
      );
    });

    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    await service.close();
    store.close();
  });
});
