import { Authenticator } from './authenticate';
import type { SignableRequest } from './canonical';
import { DEV_CREDENTIAL } from './credentials';
import { authorization, sdkDate } from './sign';
import { MAX_SKEW_MS, parseSdkDate, parseSignatureHeader } from './verify';

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);
const { accessKey, secretKey } = DEV_CREDENTIAL as Required<typeof DEV_CREDENTIAL>;
const authenticator = new Authenticator([DEV_CREDENTIAL]);

function request(headers: Record<string, string>, body = '{"a":1}'): SignableRequest {
  return {
    method: 'POST',
    path: '/V1.0/p/batch-query-metric-data',
    query: 'x=1',
    headers: { host: 'localhost', 'content-type': 'application/json', ...headers },
    body: Buffer.from(body),
  };
}

function signed(signedHeaders: string[], at = NOW, secret = secretKey): SignableRequest {
  const unsigned = request({ 'x-sdk-date': sdkDate(at) });
  const header = authorization(unsigned, signedHeaders, accessKey, secret);
  return { ...unsigned, headers: { ...unsigned.headers, authorization: header } };
}

describe('request authentication', () => {
  it('accepts a signature over x-sdk-date alone', () => {
    expect(authenticator.authenticate(signed(['x-sdk-date']), NOW)).toMatchObject({ ok: true });
  });

  it('accepts a signature that also covers host and content-type', () => {
    const outcome = authenticator.authenticate(signed(['host', 'content-type', 'x-sdk-date']), NOW);
    expect(outcome).toMatchObject({ ok: true, credential: { id: 'dev' } });
  });

  it('refuses a signature that leaves x-sdk-date unsigned', () => {
    expect(authenticator.authenticate(signed(['host']), NOW)).toEqual({
      ok: false,
      reason: 'x-sdk-date must be among the signed headers',
    });
  });

  it('refuses a date more than 15 minutes off, either way', () => {
    const late = signed(['x-sdk-date'], NOW - MAX_SKEW_MS - 1000);
    const early = signed(['x-sdk-date'], NOW + MAX_SKEW_MS + 1000);
    expect(authenticator.authenticate(late, NOW)).toMatchObject({ ok: false, reason: /expired/ });
    expect(authenticator.authenticate(early, NOW)).toMatchObject({ ok: false, reason: /expired/ });
    expect(authenticator.authenticate(late, NOW - 2000)).toMatchObject({ ok: true });
  });

  it('refuses a signature made with another secret key', () => {
    const forged = signed(['x-sdk-date'], NOW, 'not-the-secret');
    expect(authenticator.authenticate(forged, NOW)).toEqual({ ok: false, reason: 'bad signature' });
  });

  it('refuses a signed request whose signed header was changed in transit', () => {
    const original = signed(['host', 'x-sdk-date']);
    const changed = { ...original, headers: { ...original.headers, host: 'elsewhere' } };
    expect(authenticator.authenticate(changed, NOW)).toEqual({
      ok: false,
      reason: 'bad signature',
    });
  });

  it('refuses an unknown access key, a malformed header and another scheme', () => {
    const cases = [
      'SDK-HMAC-SHA256 Access=NOPE, SignedHeaders=x-sdk-date, Signature=ab',
      'SDK-HMAC-SHA256 junk',
      'Basic dXNlcg==',
    ];
    for (const value of cases) {
      const outcome = authenticator.authenticate(request({ authorization: value }), NOW);
      expect(outcome.ok).toBe(false);
    }
  });

  it('accepts the dev token and refuses any other token', () => {
    expect(authenticator.authenticate(request({ 'x-auth-token': 'dev-token' }), NOW)).toMatchObject(
      {
        ok: true,
      }
    );
    expect(authenticator.authenticate(request({ 'x-auth-token': 'dev-token2' }), NOW)).toEqual({
      ok: false,
      reason: 'the token is not valid',
    });
  });

  it('refuses a request with neither token nor signature', () => {
    expect(authenticator.authenticate(request({}), NOW).ok).toBe(false);
  });

  it('never puts a secret or token in a refusal reason', () => {
    const outcomes = [
      authenticator.authenticate(signed(['x-sdk-date'], NOW, 'wrong'), NOW),
      authenticator.authenticate(request({ 'x-auth-token': 'secret-token-xyz' }), NOW),
    ];
    for (const outcome of outcomes) {
      expect(JSON.stringify(outcome)).not.toMatch(/secret-token-xyz|devsecretkey|wrong/);
    }
  });
});

describe('signature header and date parsing', () => {
  it('reads the access key, signed headers and signature', () => {
    const header = 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=Host;X-Sdk-Date, Signature=ABCD';
    expect(parseSignatureHeader(header)).toEqual({
      accessKey: 'AK',
      signedHeaders: ['host', 'x-sdk-date'],
      signature: 'abcd',
    });
  });

  it('reads X-Sdk-Date as UTC and refuses impossible dates', () => {
    expect(parseSdkDate('20250601T120000Z')).toBe(NOW);
    expect(parseSdkDate('20250231T120000Z')).toBeUndefined();
    expect(parseSdkDate('2025-06-01T12:00:00Z')).toBeUndefined();
  });
});
