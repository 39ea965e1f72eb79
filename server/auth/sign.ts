import {
  ALGORITHM,
  canonicalRequest,
  signature,
  stringToSign,
  type SignableRequest,
} from './canonical';

/** `X-Sdk-Date` for a time: UTC `YYYYMMDDTHHMMSSZ`. */
export function sdkDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * The Authorization header for a request whose headers already hold `x-sdk-date` and every
 * header in `signedHeaders`. Tests and the benchmark sign with it; the service only verifies.
 */
export function authorization(
  request: SignableRequest,
  signedHeaders: string[],
  accessKey: string,
  secretKey: string
): string {
  const sorted = [...signedHeaders].sort();
  const canonical = canonicalRequest(request, sorted);
  if (canonical === undefined) {
    throw new Error(`a signed header is missing: ${sorted.join(';')}`);
  }
  const date = String(request.headers['x-sdk-date']);
  const sig = signature(secretKey, stringToSign(canonical, date));
  return `${ALGORITHM} Access=${accessKey}, SignedHeaders=${sorted.join(';')}, Signature=${sig}`;
}
