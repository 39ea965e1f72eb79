import {
  api,
  batchBody,
  OTHER_PROJECT,
  signedRequest,
  testApp,
  TOKEN,
  type TestApp,
} from './testing';

let t: TestApp;
beforeAll(() => {
  t = testApp();
});
afterAll(() => t.close());

const batch = { method: 'POST' as const, url: api('batch-query-metric-data') };
const json = { 'content-type': 'application/json' };

function expectUnauthorized(response: { statusCode: number; json(): any }) {
  expect(response.statusCode).toBe(401);
  expect(response.json()).toEqual({
    error_code: 'APIGW.0301',
    error_msg: expect.stringMatching(/^Unauthorized: /),
    request_id: expect.any(String),
  });
}

describe('authentication answers 401 APIGW.0301 in the gateway shape', () => {
  it('when no credential is sent', async () => {
    expectUnauthorized(await t.app.inject({ method: 'GET', url: api('alarms') }));
  });

  it('when the token is not known', async () => {
    const headers = { 'x-auth-token': 'not-a-token' };
    expectUnauthorized(await t.app.inject({ method: 'GET', url: api('alarms'), headers }));
  });

  it('when the signature does not match', async () => {
    const request = signedRequest({ method: 'GET', url: api('alarms') }, [], Date.now(), 'bad');
    expectUnauthorized(await t.app.inject(request));
  });

  it('when the signature has expired (X-Sdk-Date over 15 minutes old)', async () => {
    const request = signedRequest(
      { method: 'GET', url: api('alarms') },
      [],
      Date.now() - 16 * 60000
    );
    expectUnauthorized(await t.app.inject(request));
  });

  it('when the body was changed after signing', async () => {
    const body = JSON.stringify(batchBody(1));
    const request = signedRequest({ ...batch, body, headers: json }, ['content-type']);
    expectUnauthorized(await t.app.inject({ ...request, body: `${body} ` }));
  });

  it('before looking at the body: a bad body without credentials is still 401', async () => {
    const response = await t.app.inject({ ...batch, headers: json, payload: '{not json' });
    expectUnauthorized(response);
  });
});

describe('signatures are verified over the signed header list the client chose', () => {
  it.each([
    ['x-sdk-date only', []],
    ['host signed', ['host']],
    ['content-type signed', ['content-type']],
    ['host and content-type signed', ['host', 'content-type']],
  ])('accepts a batch query with %s', async (_case, headers) => {
    const body = JSON.stringify(batchBody(2));
    const response = await t.app.inject(signedRequest({ ...batch, body, headers: json }, headers));
    expect(response.statusCode).toBe(200);
    expect(response.json().metrics).toHaveLength(2);
  });

  it('accepts a signed GET with a query string', async () => {
    const request = signedRequest({ method: 'GET', url: `${api('metrics')}?limit=2&order=desc` });
    expect((await t.app.inject(request)).statusCode).toBe(200);
  });
});

describe('project access', () => {
  it('a credential without access to the path project answers 403 ces.0017', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: api('alarms', OTHER_PROJECT),
      headers: TOKEN,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({
      http_code: 403,
      message: { code: 'ces.0017', details: expect.any(String) },
      encoded_authorization_message: null,
    });
  });

  it('an X-Project-Id naming another project answers 403 ces.0017', async () => {
    const headers = { ...TOKEN, 'x-project-id': OTHER_PROJECT };
    const response = await t.app.inject({ method: 'GET', url: api('alarms'), headers });
    expect(response.json().message.code).toBe('ces.0017');
  });

  it('the other credential reaches its own project', async () => {
    const headers = { 'x-auth-token': 'other-token' };
    const response = await t.app.inject({
      method: 'GET',
      url: api('alarms', OTHER_PROJECT),
      headers,
    });
    expect(response.statusCode).toBe(200);
  });
});
