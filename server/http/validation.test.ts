import { BAD_BODY_PREFIX } from '../../src/ces';
import { api, batchBody, PROJECT, testApp, TOKEN, type TestApp } from './testing';

let t: TestApp;
beforeAll(() => {
  t = testApp();
});
afterAll(() => t.close());

function postBatch(body: unknown, headers: Record<string, string> = {}) {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  return t.app.inject({
    method: 'POST',
    url: api('batch-query-metric-data'),
    headers: { ...TOKEN, 'content-type': 'application/json', ...headers },
    payload,
  });
}

function expectBadBody(response: { statusCode: number; json(): any }, field: string) {
  expect(response.statusCode).toBe(400);
  const body = response.json();
  expect(body.http_code).toBe(400);
  expect(body.message.code).toBe('ces.0014');
  expect(body.message.details.startsWith(BAD_BODY_PREFIX)).toBe(true);
  expect(body.message.details).toContain(field);
  expect(body.encoded_authorization_message).toBeNull();
}

const metric = batchBody(1).metrics[0];
const withMetric = (change: Record<string, unknown>) =>
  batchBody(1, { metrics: [{ ...metric, ...change }] });

describe('batch query: every rule answers 400 ces.0014 naming the field', () => {
  it.each([
    ['metrics missing', batchBody(1, { metrics: undefined }), 'metrics'],
    ['metrics empty', batchBody(1, { metrics: [] }), 'metrics'],
    ['more than 10 metrics', batchBody(11), 'metrics'],
    ['namespace without a dot', withMetric({ namespace: 'SYSECS' }), 'metrics[0].namespace'],
    [
      'namespace over 32 characters',
      withMetric({ namespace: `S.${'E'.repeat(31)}` }),
      'metrics[0].namespace',
    ],
    [
      'metric name starting with a digit',
      withMetric({ metric_name: '1cpu' }),
      'metrics[0].metric_name',
    ],
    [
      'metric name over 64 characters',
      withMetric({ metric_name: 'c'.repeat(65) }),
      'metrics[0].metric_name',
    ],
    ['dimensions not an array', withMetric({ dimensions: {} }), 'metrics[0].dimensions'],
    [
      'more than 4 dimensions',
      withMetric({ dimensions: ['a', 'b', 'c', 'd', 'e'].map((n) => ({ name: n, value: 'v' })) }),
      'metrics[0].dimensions',
    ],
    [
      'dimension name with a dot',
      withMetric({ dimensions: [{ name: 'a.b', value: 'v' }] }),
      'metrics[0].dimensions[0].name',
    ],
    [
      'dimension value starting with _',
      withMetric({ dimensions: [{ name: 'a', value: '_v' }] }),
      'metrics[0].dimensions[0].value',
    ],
    [
      'dimension value over 256 characters',
      withMetric({ dimensions: [{ name: 'a', value: 'v'.repeat(257) }] }),
      'metrics[0].dimensions[0].value',
    ],
    ['from a string', batchBody(1, { from: '1' }), 'from'],
    ['from negative', batchBody(1, { from: -1 }), 'from'],
    ['to a fraction', batchBody(1, { to: 1.5 }), 'to'],
    ['to beyond a safe integer', batchBody(1, { to: 2 ** 60 }), 'to'],
    ['from equal to to', batchBody(1, { from: 1000, to: 1000 }), 'from'],
    ['from after to', batchBody(1, { from: 2000, to: 1000 }), 'from'],
    ['period a number', batchBody(1, { period: 300 }), 'period'],
    ['period not in the table', batchBody(1, { period: '60' }), 'period'],
    ['filter unknown', batchBody(1, { filter: 'median' }), 'filter'],
    ['body an array', [], 'body'],
    ['body null', null, 'body'],
  ])('%s', async (_rule, body, field) => {
    expectBadBody(await postBatch(body), field);
  });

  it('names every broken field at once', async () => {
    const response = await postBatch(batchBody(1, { period: 'x', filter: 'y' }));
    expectBadBody(response, '[period, filter]');
  });

  it('accepts 10 metrics and answers them in request order', async () => {
    const response = await postBatch(batchBody(10));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const values = response.json().metrics.map((m: any) => m.dimensions[0].value);
    expect(values).toEqual(batchBody(10).metrics.map((m) => m.dimensions[0].value));
  });
});

describe('batch query: bad bodies answer 400 saying what was wrong', () => {
  it.each([
    ['malformed JSON', '{"metrics": [', 'not valid JSON'],
    ['an empty body', '', 'empty'],
    ['a number as the body', '42', 'must be a JSON object'],
    ['deeply nested arrays', '['.repeat(100000) + ']'.repeat(100000), 'must be a JSON object'],
    [
      'deep nesting inside a field',
      JSON.stringify(batchBody(1)).replace('"average"', '['.repeat(5000) + ']'.repeat(5000)),
      'filter',
    ],
    ['a huge number', JSON.stringify(batchBody(1)).replace(/"from":\d+/, '"from":1e400'), 'from'],
    [
      'odd unicode in names',
      JSON.stringify(withMetric({ metric_name: 'cpu\u0000\ud800\u202e' })),
      'metric_name',
    ],
  ])('%s', async (_case, payload, says) => {
    const response = await postBatch(payload);
    expectBadBody(response, says);
    expect(response.body).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('a content type other than JSON answers 400 naming it', async () => {
    const response = await postBatch(batchBody(1), { 'content-type': 'text/plain' });
    expectBadBody(response, 'Content-Type must be application/json');
  });

  it('a body over 512 KB answers 413 APIGW.0201 in the gateway shape', async () => {
    const response = await postBatch(JSON.stringify({ pad: 'x'.repeat(512 * 1024) }));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({
      error_code: 'APIGW.0201',
      error_msg: expect.stringContaining('512 KB'),
      request_id: expect.any(String),
    });
  });
});

describe('paths, methods and project ids', () => {
  it('an unknown path answers 404 APIGW.0101', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: api('nothing-here'),
      headers: TOKEN,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error_code: 'APIGW.0101' });
  });

  it('an unknown method on a known path answers 404 APIGW.0101', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: api('metrics'), headers: TOKEN });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error_code: 'APIGW.0101' });
  });

  it('a malformed project id answers 400 ces.0003', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: api('alarms', 'bad_id!'),
      headers: TOKEN,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message.code).toBe('ces.0003');
  });
});

describe('list metrics: URL parameters', () => {
  const list = (query: string) =>
    t.app.inject({ method: 'GET', url: `${api('metrics')}?${query}`, headers: TOKEN });

  it.each([
    ['limit 0', 'limit=0', 'limit'],
    ['limit over 1000', 'limit=1001', 'limit'],
    ['order other than asc or desc', 'order=up', 'order'],
    ['bad namespace', 'namespace=ecs', 'namespace'],
    ['dim.3 (only dim.0 to dim.2)', 'dim.3=a,b', 'dim.3'],
    ['dim without a comma', 'dim.0=instance_id', 'dim.0'],
  ])('%s answers 400 ces.0013 naming it', async (_rule, query, field) => {
    const response = await list(query);
    expect(response.statusCode).toBe(400);
    expect(response.json().message.code).toBe('ces.0013');
    expect(response.json().message.details).toContain(`[${field}]`);
  });

  it('a bad paging marker answers 400 ces.0006', async () => {
    const response = await list('start=not-a-marker');
    expect(response.statusCode).toBe(400);
    expect(response.json().message.code).toBe('ces.0006');
  });

  it('answers a page with meta_data', async () => {
    const response = await list('limit=5');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      metrics: expect.any(Array),
      meta_data: expect.any(Object),
    });
  });
});

describe('single metric: URL parameters', () => {
  const get = (query: string) =>
    t.app.inject({ method: 'GET', url: `${api('metric-data')}?${query}`, headers: TOKEN });
  const good =
    'namespace=SYS.ECS&metric_name=cpu_util&dim.0=instance_id,ecs-0001&period=300&filter=average';

  it('a missing dim.0 answers 400 ces.0013 naming it', async () => {
    const response = await get(
      'namespace=SYS.ECS&metric_name=cpu_util&from=1&to=2&period=300&filter=average'
    );
    expect(response.json().message).toMatchObject({
      code: 'ces.0013',
      details: expect.stringContaining('dim.0'),
    });
  });

  it('from >= to answers 400 naming from', async () => {
    const response = await get(`${good}&from=5000&to=5000`);
    expect(response.statusCode).toBe(400);
    expect(response.json().message.details).toContain('[from]');
  });

  it('answers datapoints with the unit in each', async () => {
    const response = await get(`${good}&from=${Date.now() - 3600000}&to=${Date.now()}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      metric_name: 'cpu_util',
      datapoints: expect.any(Array),
    });
  });
});

describe('add metric data', () => {
  const post = (body: unknown) =>
    t.app.inject({
      method: 'POST',
      url: api('metric-data'),
      headers: { ...TOKEN, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
  const item = (change: Record<string, unknown> = {}) => ({
    metric: {
      namespace: 'MINE.APP',
      metric_name: 'queue_depth',
      dimensions: [{ name: 'app', value: 'web-1' }],
    },
    ttl: 3600,
    collect_time: Date.now() - 60000,
    value: 42,
    unit: 'count',
    ...change,
  });

  it('answers 201 with an empty body, and the data is listed and queryable at once', async () => {
    const response = await post([item()]);
    expect(response.statusCode).toBe(201);
    expect(response.body).toBe('');

    const listed = await t.app.inject({
      method: 'GET',
      url: `${api('metrics')}?namespace=MINE.APP`,
      headers: TOKEN,
    });
    expect(listed.json().metrics).toEqual([
      expect.objectContaining({ metric_name: 'queue_depth', unit: 'count' }),
    ]);
    const query = batchBody(1, {
      metrics: [item().metric],
      period: '1',
      from: Date.now() - 3600000,
    });
    const answer = await postBatch(query);
    expect(answer.json().metrics[0].datapoints).toEqual([
      { average: 42, timestamp: expect.any(Number) },
    ]);
  });

  it.each([
    ['ttl 0', [item({ ttl: 0 })], '[0].ttl'],
    [
      'collect_time 4 days ago',
      [item({ collect_time: Date.now() - 4 * 86400000 })],
      '[0].collect_time',
    ],
    ['value a string', [item({ value: '1' })], '[0].value'],
    ['type other than int or float', [item({ type: 'double' })], '[0].type'],
    ['an object instead of an array', item(), 'body'],
  ])('%s answers 400 ces.0014 naming it', async (_rule, body, field) => {
    expectBadBody(await post(body), field);
  });

  it('refuses a system namespace with 403 ces.0009', async () => {
    const response = await post([item({ metric: { ...item().metric, namespace: 'SYS.ECS' } })]);
    expect(response.statusCode).toBe(403);
    expect(response.json().message.code).toBe('ces.0009');
  });
});

describe('health', () => {
  it('GET /healthz answers 200 without credentials', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('GET alarms answers an empty list', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `${api('alarms')}?limit=1`,
      headers: TOKEN,
    });
    expect(response.json()).toEqual({
      metric_alarms: [],
      meta_data: { count: 0, marker: '', total: 0 },
    });
  });

  it('the project of the dev credential is the dev project', () => {
    expect(PROJECT).toBe('0123456789abcdef0123456789abcdef');
  });
});
