import {
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  signature,
  stringToSign,
} from './canonical';

const DATE = '20060102T150405Z';

function sign(method: string, path: string, query: string, body: string): string {
  const request = { method, path, query, headers: { 'x-sdk-date': DATE }, body: Buffer.from(body) };
  const canonical = canonicalRequest(request, ['x-sdk-date']);
  return signature('SecretKey', stringToSign(canonical!, DATE));
}

describe('SDK-HMAC-SHA256 canonical request', () => {
  it('signs the GET test vector of the contract', () => {
    expect(sign('GET', '/path', 'limit=1', '')).toBe(
      '5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624'
    );
  });

  it('signs the POST test vector of the contract over the exact body bytes', () => {
    expect(sign('POST', '/path', 'key=value', '{"Name":"test","Id":1}\n')).toBe(
      'cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59'
    );
  });

  it('encodes each path segment, keeps only A-Za-z0-9-_.~ and appends a slash', () => {
    expect(canonicalUri('/V1.0/a b/c%3Ad')).toBe('/V1.0/a%20b/c%3Ad/');
    expect(canonicalUri("/x/!'()*~")).toBe('/x/%21%27%28%29%2A~/');
    expect(canonicalUri('/already/')).toBe('/already/');
  });

  it('sorts the query by key, then value, encoding both', () => {
    expect(canonicalQuery('b=2&a=z&a=y&c=x%20y')).toBe('a=y&a=z&b=2&c=x%20y');
    expect(canonicalQuery('')).toBe('');
  });

  it('trims signed header values and joins the sorted names with ;', () => {
    const request = {
      method: 'get',
      path: '/p',
      query: '',
      headers: { host: ' h ', 'x-sdk-date': DATE },
      body: Buffer.alloc(0),
    };
    const lines = canonicalRequest(request, ['host', 'x-sdk-date'])!.split('\n');
    expect(lines.slice(0, 6)).toEqual(['GET', '/p/', '', 'host:h', `x-sdk-date:${DATE}`, '']);
    expect(lines[6]).toBe('host;x-sdk-date');
  });

  it('gives no canonical request when a signed header is missing', () => {
    const request = { method: 'GET', path: '/', query: '', headers: {}, body: Buffer.alloc(0) };
    expect(canonicalRequest(request, ['host'])).toBeUndefined();
  });
});
