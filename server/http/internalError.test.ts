import { api, batchBody, testApp, TOKEN } from './testing';

describe('internal faults', () => {
  it('answer 500 ces.0007 without details, and are logged', async () => {
    const t = testApp();
    jest.spyOn(t.store, 'batchQueryBuffer').mockImplementation(() => {
      throw new Error('disk on fire at /var/lib/secret-path');
    });

    const response = await t.app.inject({
      method: 'POST',
      url: api('batch-query-metric-data'),
      headers: { ...TOKEN, 'content-type': 'application/json' },
      payload: JSON.stringify(batchBody(1)),
    });

    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      http_code: 500,
      message: { code: 'ces.0007', details: 'Internal error; it has been logged.' },
      encoded_authorization_message: null,
    });
    const logged = t.logLines().find((line) => line.msg === 'internal error');
    expect(JSON.stringify(logged)).toContain('disk on fire');
    await t.close();
  });
});
