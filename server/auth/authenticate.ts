import { sha256Hex, type SignableRequest } from './canonical';
import type { Credential } from './credentials';
import { isSignedAuthorization, parseSignatureHeader, verifySignature } from './verify';

/** Outcome of authentication: who called, or why the call is refused. */
export type Authenticated = { ok: true; credential: Credential } | { ok: false; reason: string };

/** Finds the caller of a request by its `X-Auth-Token` or its `SDK-HMAC-SHA256` signature. */
export class Authenticator {
  private readonly byAccessKey = new Map<string, Credential>();
  /** Keyed by the token's hash, so a lookup's timing says nothing about stored tokens. */
  private readonly byTokenHash = new Map<string, Credential>();

  constructor(credentials: Credential[]) {
    for (const credential of credentials) {
      if (credential.accessKey !== undefined) {
        this.byAccessKey.set(credential.accessKey, credential);
      }
      if (credential.token !== undefined) {
        this.byTokenHash.set(sha256Hex(credential.token), credential);
      }
    }
  }

  /** Authenticates a request; a token wins when both a token and a signature are sent. */
  authenticate(request: SignableRequest, nowMs: number): Authenticated {
    const token = request.headers['x-auth-token'];
    if (typeof token === 'string' && token !== '') {
      const credential = this.byTokenHash.get(sha256Hex(token));
      return credential
        ? { ok: true, credential }
        : { ok: false, reason: 'the token is not valid' };
    }

    const authorization = request.headers.authorization;
    if (typeof authorization !== 'string' || authorization === '') {
      return { ok: false, reason: 'send an X-Auth-Token or an SDK-HMAC-SHA256 Authorization' };
    }
    if (!isSignedAuthorization(authorization)) {
      return { ok: false, reason: 'the Authorization scheme must be SDK-HMAC-SHA256' };
    }
    const header = parseSignatureHeader(authorization);
    if (!header) {
      return { ok: false, reason: 'the Authorization header is malformed' };
    }
    const credential = this.byAccessKey.get(header.accessKey);
    if (!credential || credential.secretKey === undefined) {
      return { ok: false, reason: 'the access key is not known' };
    }
    const verified = verifySignature(request, header, credential.secretKey, nowMs);
    return verified.ok ? { ok: true, credential } : verified;
  }
}
