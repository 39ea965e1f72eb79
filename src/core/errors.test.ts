import { toBatchAnswer } from './answers';
import { assemble } from './assemble';
import { plan } from './plan';
import { echoAnswers, ecsQuery, HOUR, instances, T0 } from './testkit';
import type { BatchAnswer } from './types';

const range = { from: T0, to: T0 + HOUR };
const cesError = {
  http_code: 400,
  message: {
    details: 'Some content in message body is not correct, error message: [filter]',
    code: 'ces.0014',
  },
  encoded_authorization_message: null,
};

function failing(answers: BatchAnswer[], batchId: number, status: number, body: unknown) {
  return answers.map((a) => (a.batchId === batchId ? toBatchAnswer(batchId, status, body) : a));
}

describe('Errors: a failed batch belongs to the queries whose descriptors it carried', () => {
  it('a failed batch gives its status, code and message to its query; others keep data', () => {
    const queries = [ecsQuery({ refId: 'A' }), ecsQuery({ refId: 'B', filter: 'max' })];
    const p = plan({ queries, range });
    const [a, b] = assemble(p, failing(echoAnswers(p), 0, 400, cesError));

    expect(a.error).toEqual({ status: 400, code: 'ces.0014', message: cesError.message.details });
    expect(a.series).toEqual([]);
    expect(b.error).toBeUndefined();
    expect(b.series).toHaveLength(1);
  });

  it('a batch shared by two queries fails both', () => {
    const queries = [ecsQuery({ refId: 'A' }), ecsQuery({ refId: 'B' })];
    const p = plan({ queries, range });
    const results = assemble(
      p,
      failing(echoAnswers(p), 0, 429, { error_code: 'ces.0429', error_msg: 'slow down' })
    );
    expect(results.map((r) => r.error?.code)).toEqual(['ces.0429', 'ces.0429']);
  });

  it('a query keeps the series of its batches that succeeded, with the error beside them', () => {
    const query = ecsQuery({ dimensions: [{ name: 'instance_id', values: instances(15) }] });
    const p = plan({ queries: [query], range });
    const [result] = assemble(p, failing(echoAnswers(p), 1, 503, 'Service Unavailable'));
    expect(result.error).toEqual({ status: 503, message: 'The service answered 503.' });
    expect(result.series).toHaveLength(10);
  });

  it('an invalid query is an error of its own, with status 400, and sends nothing', () => {
    const p = plan({
      queries: [ecsQuery({ metricName: 'cpu util' }), ecsQuery({ refId: 'B' })],
      range,
    });
    const [bad, good] = assemble(p, echoAnswers(p));
    expect(bad.error?.status).toBe(400);
    expect(bad.error?.message).toMatch(/metricName/);
    expect(bad.executedQueryString).toMatch(/not sent/);
    expect(good.series).toHaveLength(1);
  });
});

describe('Errors: the executed query text says what was sent', () => {
  it('names the period and why, the windows and the batches', () => {
    const query = ecsQuery({
      period: '300',
      dimensions: [{ name: 'instance_id', values: instances(12) }],
    });
    const p = plan({ queries: [query], range: { from: T0, to: T0 + 2 * 24 * HOUR } });
    const text = assemble(p, echoAnswers(p))[0].executedQueryString;
    expect(text).toMatch(/12 series/);
    expect(text).toMatch(/Period: 300 s, set by the query/);
    expect(text).toMatch(/Windows: 2 /);
    expect(text).toMatch(/Requests: 4 \(batch ids 0, 1, 2, 3\)/);
  });
});
