import { DEV_CREDENTIAL } from '../auth/credentials';
import { api, batchBody, signedRequest, testApp, TOKEN } from './testing';

describe('request log', () => {
  it('writes one JSON line a request: method, path, status, ms and credential id', async () => {
    const t = testApp();
    await t.app.inject({ method: 'GET', url: `${api('alarms')}?limit=1`, headers: TOKEN });
    await t.app.inject({ method: 'GET', url: api('alarms') });

    const lines = t.logLines().filter((line) => line.msg === 'request');
    expect(lines).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: api('alarms'),
        status: 200,
        credential: 'dev',
      }),
      expect.objectContaining({
        method: 'GET',
        path: api('alarms'),
        status: 401,
        credential: null,
      }),
    ]);
    expect(typeof lines[0].ms).toBe('number');
    await t.close();
  });

  it('never holds a token, a secret key, a signature or a body', async () => {
    const t = testApp();
    const marker = 'bodymarker0042';
    const body = JSON.stringify(batchBody(1, { filter: marker }));
    const signed = signedRequest({
      method: 'POST',
      url: api('batch-query-metric-data'),
      body,
      headers: { 'content-type': 'application/json' },
    });
    const signature = String(signed.headers!.authorization).split('Signature=')[1];
    await t.app.inject(signed);
    await t.app.inject({
      method: 'GET',
      url: api('alarms'),
      headers: { 'x-auth-token': 'leaked-token-77' },
    });
    await t.app.inject({ method: 'GET', url: api('alarms'), headers: TOKEN });

    const log = t
      .logLines()
      .map((line) => JSON.stringify(line))
      .join('\n');
    expect(t.logLines().filter((line) => line.msg === 'request')).toHaveLength(3);
    for (const secret of [
      DEV_CREDENTIAL.secretKey!,
      'dev-token',
      'leaked-token-77',
      signature,
      marker,
    ]) {
      expect(log).not.toContain(secret);
    }
    await t.close();
  });
});
