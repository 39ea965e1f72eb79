import { createHash, createHmac } from 'node:crypto';

/** The signing algorithm name, as it appears in `Authorization` and the string to sign. */
export const ALGORITHM = 'SDK-HMAC-SHA256';

/** What a signature covers: one HTTP request as the client sent it. */
export interface SignableRequest {
  method: string;
  /** The path as sent, percent-encoded or not (each segment is decoded, then re-encoded). */
  path: string;
  /** The raw query string without `?` (may be empty). */
  query: string;
  /** Header values by lower-case name. */
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

/** Percent-encodes everything but `A-Za-z0-9-_.~`, with upper-case hex, as the signers do. */
export function encodeComponent(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${hex(c)}`);
}

function hex(char: string): string {
  return char.charCodeAt(0).toString(16).toUpperCase();
}

/** The canonical URI: each segment encoded, and a `/` at the end. Throws on bad escapes. */
export function canonicalUri(path: string): string {
  const encoded = path
    .split('/')
    .map((segment) => encodeComponent(decodeURIComponent(segment)))
    .join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

/** The canonical query: pairs encoded, sorted by key then value, joined `k=v` with `&`. */
export function canonicalQuery(query: string): string {
  const pairs = [...new URLSearchParams(query)].map(
    ([key, value]) => [encodeComponent(key), encodeComponent(value)] as const
  );
  pairs.sort(([ak, av], [bk, bv]) => compare(ak, bk) || compare(av, bv));
  return pairs.map(([key, value]) => `${key}=${value}`).join('&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The canonical request for `signedHeaders` (lower case, sorted), or undefined when a signed
 * header is missing from the request.
 */
export function canonicalRequest(
  request: SignableRequest,
  signedHeaders: string[]
): string | undefined {
  let headerBlock = '';
  for (const name of signedHeaders) {
    const raw = request.headers[name];
    if (raw === undefined) {
      return undefined;
    }
    const value = Array.isArray(raw) ? raw.join(',') : raw;
    headerBlock += `${name}:${value.trim()}\n`;
  }
  return [
    request.method.toUpperCase(),
    canonicalUri(request.path),
    canonicalQuery(request.query),
    headerBlock,
    signedHeaders.join(';'),
    sha256Hex(request.body),
  ].join('\n');
}

/** The string an HMAC signs: algorithm, the `X-Sdk-Date` value, hash of the canonical request. */
export function stringToSign(canonical: string, sdkDate: string): string {
  return `${ALGORITHM}\n${sdkDate}\n${sha256Hex(canonical)}`;
}

/** Hex HMAC-SHA256 of the string to sign, keyed by the secret key. */
export function signature(secretKey: string, toSign: string): string {
  return createHmac('sha256', secretKey).update(toSign).digest('hex');
}

/** Lower-case hex SHA-256. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
