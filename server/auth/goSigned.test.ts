import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Authenticator } from './authenticate';

interface SignedCase {
  name: string;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string;
  accessKey: string;
  secretKey: string;
  now: number;
  /** Whether the verifier must accept the case; cases without it are valid signatures. */
  ok?: boolean;
}

const file = join(__dirname, '../../testdata/signing/go-signed.json');
const cases: SignedCase[] = JSON.parse(readFileSync(file, 'utf8'));

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

describe('requests signed by the independent Go signer', () => {
  it('the vector file holds cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: verdict matches', (_name, signed) => {
    const authenticator = new Authenticator([
      { id: 'go', projects: [], accessKey: signed.accessKey, secretKey: signed.secretKey },
    ]);
    const request = {
      method: signed.method,
      path: signed.path,
      query: signed.query,
      headers: lowerCased(signed.headers),
      body: Buffer.from(signed.body, 'utf8'),
    };
    const outcome = authenticator.authenticate(request, signed.now);
    expect(outcome).toEqual(
      signed.ok === false
        ? { ok: false, reason: expect.any(String) }
        : expect.objectContaining({ ok: true })
    );
  });

  it('refuses each case once its body is changed by one byte', () => {
    const withBody = cases.filter((c) => c.body.length > 0 && c.ok !== false);
    expect(withBody.length).toBeGreaterThan(0);
    for (const signed of withBody) {
      const authenticator = new Authenticator([
        { id: 'go', projects: [], accessKey: signed.accessKey, secretKey: signed.secretKey },
      ]);
      const request = {
        method: signed.method,
        path: signed.path,
        query: signed.query,
        headers: lowerCased(signed.headers),
        body: Buffer.from(`${signed.body} `, 'utf8'),
      };
      expect(authenticator.authenticate(request, signed.now)).toEqual({
        ok: false,
        reason: 'bad signature',
      });
    }
  });
});
