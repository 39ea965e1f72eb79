import { timingSafeEqual } from 'node:crypto';

import {
  ALGORITHM,
  canonicalRequest,
  signature,
  stringToSign,
  type SignableRequest,
} from './canonical';

/** How far `X-Sdk-Date` may lie from the server's clock. */
export const MAX_SKEW_MS = 15 * 60 * 1000;

/** The parts of an `SDK-HMAC-SHA256` Authorization header. */
export interface SignatureHeader {
  accessKey: string;
  signedHeaders: string[];
  signature: string;
}

/** Outcome of a signature check: the access key that signed, or why the request is refused. */
export type Verified = { ok: true; accessKey: string } | { ok: false; reason: string };

const HEADER_PATTERN = new RegExp(
  '^SDK-HMAC-SHA256\\s+Access=([^,\\s]+)\\s*,\\s*SignedHeaders=([^,\\s]+)\\s*,' +
    '\\s*Signature=([0-9a-fA-F]+)\\s*$'
);
const DATE_PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** True when an Authorization header claims the SDK-HMAC-SHA256 scheme. */
export function isSignedAuthorization(value: string): boolean {
  return value.startsWith(ALGORITHM);
}

/** Parses an Authorization header; undefined when it is not a well-formed signature header. */
export function parseSignatureHeader(value: string): SignatureHeader | undefined {
  const match = HEADER_PATTERN.exec(value);
  if (!match) {
    return undefined;
  }
  const signedHeaders = match[2].toLowerCase().split(';');
  if (signedHeaders.some((name) => name === '')) {
    return undefined;
  }
  return { accessKey: match[1], signedHeaders, signature: match[3].toLowerCase() };
}

/** Epoch ms of an `X-Sdk-Date` value (`YYYYMMDDTHHMMSSZ`), or undefined when malformed. */
export function parseSdkDate(value: string): number | undefined {
  const match = DATE_PATTERN.exec(value);
  if (!match) {
    return undefined;
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const roundTrips = new Date(ms).getUTCDate() === day && new Date(ms).getUTCMonth() === month - 1;
  return roundTrips ? ms : undefined;
}

/**
 * Checks a signed request against the secret key of `header.accessKey`. The signed header list
 * is trusted as sent; it must include `x-sdk-date`, dated within 15 minutes of `nowMs`.
 */
export function verifySignature(
  request: SignableRequest,
  header: SignatureHeader,
  secretKey: string,
  nowMs: number
): Verified {
  if (!header.signedHeaders.includes('x-sdk-date')) {
    return { ok: false, reason: 'x-sdk-date must be among the signed headers' };
  }
  const sdkDate = single(request.headers['x-sdk-date']);
  const signedAt = sdkDate === undefined ? undefined : parseSdkDate(sdkDate);
  if (sdkDate === undefined || signedAt === undefined) {
    return { ok: false, reason: 'X-Sdk-Date must be a UTC time as YYYYMMDDTHHMMSSZ' };
  }
  if (Math.abs(nowMs - signedAt) > MAX_SKEW_MS) {
    return { ok: false, reason: 'the signature has expired: X-Sdk-Date is over 15 minutes off' };
  }

  const sorted = [...header.signedHeaders].sort();
  let canonical: string | undefined;
  try {
    canonical = canonicalRequest(request, sorted);
  } catch {
    return { ok: false, reason: 'the request path holds a malformed percent escape' };
  }
  if (canonical === undefined) {
    return { ok: false, reason: 'a signed header is missing from the request' };
  }

  const expected = Buffer.from(signature(secretKey, stringToSign(canonical, sdkDate)), 'hex');
  const given = Buffer.from(header.signature, 'hex');
  const matches = given.length === expected.length && timingSafeEqual(given, expected);
  return matches
    ? { ok: true, accessKey: header.accessKey }
    : { ok: false, reason: 'bad signature' };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
