import { plan } from './plan';
import { toCoreQuery } from './query';
import { agtDiskCatalog, ecsQuery, HOUR, instances, T0 } from './testkit';

const range = { from: T0, to: T0 + HOUR };

function dims(p: ReturnType<typeof plan>, q = 0): string[] {
  return p.queries[q].descriptors.map((d) => d.dimensions.map((x) => x.value).join('/'));
}

const catalog = agtDiskCatalog([
  ['ecs-0002', 'disk-b'],
  ['ecs-0001', 'disk-a'],
  ['ecs-0001', 'disk-b'],
  ['ecs-0003', 'disk-a'],
]);

describe('Expand: a query becomes the cartesian product of its dimension values', () => {
  it.each([
    ['one value per dimension', [['ecs-0001'], ['a']], ['ecs-0001/a']],
    [
      'two by two, first dimension outermost',
      [
        ['x1', 'x2'],
        ['a', 'b'],
      ],
      ['x1/a', 'x1/b', 'x2/a', 'x2/b'],
    ],
    ['repeated values counted once', [['x1', 'x1'], ['a']], ['x1/a']],
  ])('%s', (_name, values, expected) => {
    const query = ecsQuery({
      dimensions: [
        { name: 'instance_id', values: values[0] },
        { name: 'disk', values: values[1] },
      ],
    });
    expect(dims(plan({ queries: [query], range }))).toEqual(expected);
  });

  it('reads the multi-value form {a,b,c} of a saved query as three values', () => {
    const query = toCoreQuery({
      refId: 'A',
      namespace: 'SYS.ECS',
      metricName: 'cpu_util',
      dimensions: [{ name: 'instance_id', value: '{ecs-0001, ecs-0002,ecs-0003}' }],
    });
    expect(query.dimensions[0].values).toEqual(instances(3));
    expect(query.period).toBe('auto');
    expect(query.filter).toBe('average');
  });
});

describe('Expand: * is resolved against the catalog together with the other filters', () => {
  it.each([
    ['* alone takes every catalog metric, ordered by key', ['*'], ['*'], 4],
    ['* with a fixed disk keeps only that disk', ['*'], ['disk-a'], 2],
    ['a fixed instance with * disks', ['ecs-0001'], ['*'], 2],
    ['a value the catalog does not know matches nothing', ['ecs-0009'], ['*'], 0],
  ])('%s', (_name, instanceValues, diskValues, count) => {
    const query = ecsQuery({
      namespace: 'AGT.ECS',
      metricName: 'disk_usedPercent',
      dimensions: [
        { name: 'instance_id', values: instanceValues },
        { name: 'disk', values: diskValues },
      ],
    });
    const p = plan({ queries: [query], range, catalog });
    const keys = p.queries[0].keys;
    expect(keys).toHaveLength(count);
    expect(keys).toEqual([...keys].sort());
    for (const d of p.queries[0].descriptors) {
      if (instanceValues[0] !== '*') {
        expect(instanceValues).toContain(d.dimensions.find((x) => x.name === 'instance_id')?.value);
      }
      if (diskValues[0] !== '*') {
        expect(diskValues).toContain(d.dimensions.find((x) => x.name === 'disk')?.value);
      }
    }
  });

  it('warns when * matches nothing, and asks for the catalog when none was given', () => {
    const star = ecsQuery({ dimensions: [{ name: 'instance_id', values: ['*'] }] });
    const none = plan({ queries: [star], range, catalog: [] });
    expect(none.queries[0].notices.map((n) => n.severity)).toContain('warning');
    const missing = plan({ queries: [star], range });
    expect(missing.queries[0].error).toMatch(/catalog/);
    expect(missing.batches).toHaveLength(0);
  });
});

describe('Expand: the count per query is capped with a warning', () => {
  it('keeps the first maxSeriesPerQuery descriptors and says how many there were', () => {
    const query = ecsQuery({ dimensions: [{ name: 'instance_id', values: instances(30) }] });
    const p = plan({ queries: [query], range, options: { maxSeriesPerQuery: 25 } });
    expect(p.queries[0].keys).toHaveLength(25);
    const warning = p.queries[0].notices.find((n) => n.severity === 'warning');
    expect(warning?.text).toMatch(/30 series.*first 25/);
  });
});

describe('Expand: invalid names and values give a query error naming the field', () => {
  it.each([
    ['namespace', { namespace: 'ECS' }, 'namespace'],
    ['metric name', { metricName: '1cpu' }, 'metricName'],
    ['dimension name', { dimensions: [{ name: 'bad name', values: ['x'] }] }, 'dimensions[0].name'],
    [
      'dimension value',
      { dimensions: [{ name: 'instance_id', values: ['ok', 'no spaces'] }] },
      'dimensions[0].values[1]',
    ],
    ['no value', { dimensions: [{ name: 'instance_id', values: [] }] }, 'dimensions[0].values'],
    ['period', { period: '60' as never }, 'period'],
    ['filter', { filter: 'median' as never }, 'filter'],
  ])('a bad %s', (_name, fields, path) => {
    const good = ecsQuery({ refId: 'B' });
    const p = plan({ queries: [ecsQuery(fields), good], range });
    expect(p.queries[0].error).toContain(path);
    expect(p.queries[0].batchIds).toEqual([]);
    expect(p.queries[1].error).toBeUndefined();
    expect(p.batches.map((b) => b.refIds)).toEqual([['B']]);
  });

  it('a time range with from after to fails every query, and none is sent', () => {
    const p = plan({ queries: [ecsQuery()], range: { from: T0, to: T0 - 1 } });
    expect(p.queries[0].error).toMatch(/time range/);
    expect(p.batches).toEqual([]);
  });
});
