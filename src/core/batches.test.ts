import { MAX_BODY_BYTES } from '../ces';
import { metricsJsonBound } from './batches';
import { plan } from './plan';
import { ecsQuery, HOUR, instances, T0 } from './testkit';

const range = { from: T0, to: T0 + HOUR };

describe('Batch: at most maxMetrics descriptors per request, in a stable order', () => {
  it('25 series go out as batches of 10, 10 and 5, in query order', () => {
    const values = instances(25);
    const query = ecsQuery({ dimensions: [{ name: 'instance_id', values }] });
    const p = plan({ queries: [query], range });
    expect(p.batches.map((b) => b.body.metrics.length)).toEqual([10, 10, 5]);
    const sent = p.batches.flatMap((b) => b.body.metrics.map((m) => m.dimensions[0].value));
    expect(sent).toEqual(values);
    expect(p.batches.map((b) => b.id)).toEqual([0, 1, 2]);
    expect(p.queries[0].batchIds).toEqual([0, 1, 2]);
  });

  it('the same input always gives the same batches', () => {
    const queries = [
      ecsQuery({ dimensions: [{ name: 'instance_id', values: instances(13) }] }),
      ecsQuery({
        refId: 'B',
        filter: 'max',
        dimensions: [{ name: 'instance_id', values: instances(4) }],
      }),
    ];
    expect(plan({ queries, range })).toEqual(plan({ queries, range }));
  });
});

describe('Batch: duplicates across the queries of one request are sent once', () => {
  it.each([
    ['11 descriptors of two queries naming 6 metrics', instances(6), instances(5, 2), 6],
    ['the same 10 metrics in both queries', instances(10), instances(10), 10],
  ])('%s make one request', (_name, a, b, metrics) => {
    const queries = [
      ecsQuery({ refId: 'A', dimensions: [{ name: 'instance_id', values: a }] }),
      ecsQuery({ refId: 'B', dimensions: [{ name: 'instance_id', values: b }] }),
    ];
    const p = plan({ queries, range });
    expect(p.batches).toHaveLength(1);
    expect(p.batches[0].body.metrics).toHaveLength(metrics);
    expect(p.batches[0].refIds).toEqual(['A', 'B']);
    expect(p.queries.map((q) => q.batchIds)).toEqual([[0], [0]]);
  });

  it('keeps apart what differs in filter or period', () => {
    const queries = [
      ecsQuery({ refId: 'A' }),
      ecsQuery({ refId: 'B', filter: 'max' }),
      ecsQuery({ refId: 'C', period: '300' }),
    ];
    const p = plan({ queries, range });
    expect(p.batches.map((b) => [b.body.filter, b.body.period, b.refIds])).toEqual([
      ['average', '1', ['A']],
      ['max', '1', ['B']],
      ['average', '300', ['C']],
    ]);
  });
});

describe('Batch: a body that would pass 512 KB is split', () => {
  it('500 metrics with four 256-character dimension values need two requests', () => {
    const long = (i: number, d: string) => `${d}${String(i).padStart(4, '0')}`.padEnd(256, 'x');
    const queries = Array.from({ length: 5 }, (_, q) =>
      ecsQuery({
        refId: `Q${q}`,
        dimensions: ['a', 'b', 'c', 'd'].map((d) => ({
          name: d,
          values:
            d === 'a' ? Array.from({ length: 100 }, (_, i) => long(q * 100 + i, d)) : [long(0, d)],
        })),
      })
    );
    const p = plan({ queries, range, options: { maxMetrics: 500 } });

    const sizes = p.batches.map((b) => JSON.stringify(b.body).length);
    expect(p.batches.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(p.batches.reduce((n, b) => n + b.body.metrics.length, 0)).toBe(500);
    // Each request is filled as far as the limit allows: one more metric would pass it.
    const first = p.batches[0];
    const next = p.batches[1].body.metrics[0];
    const grown = { ...first.body, metrics: [...first.body.metrics, next] };
    expect(JSON.stringify(grown).length).toBeGreaterThan(MAX_BODY_BYTES);
  });
});

describe('Batch: the size bound of a group never reads less than its JSON text', () => {
  const metric = (namespace: string, metricName: string, dims: Array<[string, string]>) => ({
    namespace,
    metric_name: metricName,
    dimensions: dims.map(([name, value]) => ({ name, value })),
  });
  const textLength = (metrics: Array<ReturnType<typeof metric>>) =>
    JSON.stringify(metrics).length - 2;

  it('is exact when every string is empty, so its fixed parts are those JSON writes', () => {
    for (const metrics of [
      [],
      [metric('', '', [])],
      [metric('', '', [['', '']])],
      [
        metric('', '', [
          ['', ''],
          ['', ''],
        ]),
        metric('', '', []),
      ],
    ]) {
      expect(metricsJsonBound(metrics)).toBe(textLength(metrics));
    }
  });

  it.each([
    ['ordinary names', metric('SYS.ECS', 'cpu_util', [['instance_id', 'ecs-0001']])],
    ['quotes and backslashes', metric('A"B', 'c\\d', [['"', '\\"']])],
    ['control characters', metric('\u0000\u001f', '\n\t', [['\b', '\f\r']])],
    ['non-ASCII and lone surrogates', metric('é中', '\ud800', [['\udc00x', '😀']])],
  ])('holds for %s', (_, m) => {
    const metrics = [m, m];
    expect(metricsJsonBound(metrics)).toBeGreaterThanOrEqual(textLength(metrics));
  });
});
