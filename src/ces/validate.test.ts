import fc from 'fast-check';

import { validateBatchQuery } from './validate';

const valid = {
  metrics: [
    {
      namespace: 'SYS.ECS',
      metric_name: 'cpu_util',
      dimensions: [{ name: 'instance_id', value: 'ecs-0001' }],
    },
  ],
  from: 1000,
  to: 2000,
  period: '300',
  filter: 'average',
};

function paths(body: unknown, maxMetrics = 10): string[] {
  const outcome = validateBatchQuery(body, { maxMetrics });
  return outcome.ok ? [] : outcome.violations.map((v) => v.path);
}

describe('batch-query validation', () => {
  it('accepts a valid body', () => {
    expect(validateBatchQuery(valid)).toEqual({ ok: true, value: valid });
  });

  it('reports each broken field with its path', () => {
    const body = {
      ...valid,
      metrics: [
        valid.metrics[0],
        { namespace: 'A', metric_name: '9', dimensions: [{ name: 'x', value: '' }] },
      ],
      period: 60,
      filter: 'avg',
    };
    expect(paths(body)).toEqual([
      'metrics[1].namespace',
      'metrics[1].metric_name',
      'metrics[1].dimensions[0].value',
      'period',
      'filter',
    ]);
  });

  it('refuses more metrics than the profile allows', () => {
    const eleven = { ...valid, metrics: Array(11).fill(valid.metrics[0]) };
    expect(paths(eleven)).toEqual(['metrics']);
    expect(paths(eleven, 500)).toEqual([]);
  });

  it('refuses repeated dimension names', () => {
    const dims = [
      { name: 'a', value: '1' },
      { name: 'a', value: '2' },
    ];
    expect(paths({ ...valid, metrics: [{ ...valid.metrics[0], dimensions: dims }] })).toEqual([
      'metrics[0].dimensions[1].name',
    ]);
  });

  it('refuses from >= to', () => {
    expect(paths({ ...valid, from: 2000 })).toEqual(['from']);
  });

  it('never throws and always explains, whatever the body', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        const outcome = validateBatchQuery(body);
        return outcome.ok || outcome.violations.every((v) => v.message.length > 0);
      }),
      { numRuns: 2000 }
    );
  });
});
