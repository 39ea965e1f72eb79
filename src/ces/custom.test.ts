import { isSystemNamespace, validateAddMetricData } from './custom';

const NOW = 1_750_000_000_000;
const item = (change: Record<string, unknown> = {}) => ({
  metric: { namespace: 'MINE.APP', metric_name: 'm', dimensions: [{ name: 'a', value: 'b' }] },
  ttl: 60,
  collect_time: NOW,
  value: 1.5,
  ...change,
});

describe('add-metric-data validation', () => {
  it('accepts a valid item', () => {
    expect(validateAddMetricData([item({ unit: 'count', type: 'float' })], NOW).ok).toBe(true);
  });

  it.each([
    ['ttl 0', item({ ttl: 0 }), '[0].ttl'],
    ['ttl over a week', item({ ttl: 604801 }), '[0].ttl'],
    [
      'collect_time over 3 days old',
      item({ collect_time: NOW - 3 * 86400000 - 1 }),
      '[0].collect_time',
    ],
    [
      'collect_time over 10 minutes ahead',
      item({ collect_time: NOW + 600001 }),
      '[0].collect_time',
    ],
    ['value not finite', item({ value: null }), '[0].value'],
    ['unit not a string', item({ unit: 5 }), '[0].unit'],
    ['type unknown', item({ type: 'long' }), '[0].type'],
    [
      'bad namespace',
      item({ metric: { namespace: 'x', metric_name: 'm', dimensions: [] } }),
      '[0].metric.namespace',
    ],
  ])('reports %s at its path', (_rule, bad, path) => {
    const outcome = validateAddMetricData([bad], NOW);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.violations.map((v) => v.path)).toContain(path);
  });

  it('refuses a body that is not a non-empty array', () => {
    expect(validateAddMetricData({}, NOW).ok).toBe(false);
    expect(validateAddMetricData([], NOW).ok).toBe(false);
  });

  it('system namespaces are those of SYS, AGT and SRE', () => {
    expect(['SYS.ECS', 'AGT.ECS', 'SRE.X', 'MINE.APP', 'SYSX.A'].map(isSystemNamespace)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
