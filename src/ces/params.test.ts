import {
  formatMarker,
  parseMarker,
  validateListMetricsParams,
  validateSingleMetricParams,
} from './params';

describe('paging marker', () => {
  it('formats as namespace.metric_name.key:value and parses back', () => {
    const marker = {
      namespace: 'AGT.ECS',
      metricName: 'disk_usedPercent',
      dimensions: [
        { name: 'mount_point', value: 'root' },
        { name: 'instance_id', value: 'ecs-0001' },
      ],
    };
    const text = formatMarker(marker);
    expect(text).toBe('AGT.ECS.disk_usedPercent.instance_id:ecs-0001,mount_point:root');
    expect(parseMarker(text)).toEqual({ ...marker, dimensions: [...marker.dimensions].reverse() });
  });

  it.each(['', 'SYS.ECS', 'SYS.ECS.cpu_util.instance_id', 'a.b.c.d.e', 'SYS.ECS.1x.k:v'])(
    'refuses %j',
    (text) => {
      expect(parseMarker(text)).toBeUndefined();
    }
  );
});

describe('list-metrics parameters', () => {
  it('defaults to 1000 items in ascending order', () => {
    expect(validateListMetricsParams({})).toEqual({
      ok: true,
      value: {
        dimensions: [],
        limit: 1000,
        order: 'asc',
        namespace: undefined,
        metricName: undefined,
        start: undefined,
      },
    });
  });

  it('reads dimension filters as name,value', () => {
    const outcome = validateListMetricsParams({ 'dim.0': 'instance_id,ecs-0001' });
    expect(outcome.ok && outcome.value.dimensions).toEqual([
      { name: 'instance_id', value: 'ecs-0001' },
    ]);
  });

  it('refuses a repeated parameter given as an array', () => {
    expect(validateListMetricsParams({ limit: ['1', '2'] }).ok).toBe(false);
  });
});

describe('single-metric parameters', () => {
  const good = {
    namespace: 'SYS.ECS',
    metric_name: 'cpu_util',
    'dim.0': 'instance_id,ecs-0001',
    from: '1000',
    to: '2000',
    period: '300',
    filter: 'max',
  };

  it('parses numbers and the period', () => {
    const outcome = validateSingleMetricParams(good);
    expect(outcome.ok && outcome.value).toMatchObject({
      from: 1000,
      to: 2000,
      period: 300,
      filter: 'max',
    });
  });

  it('requires dim.0 and refuses dim.4', () => {
    const { 'dim.0': _dropped, ...rest } = good;
    const outcome = validateSingleMetricParams({ ...rest, 'dim.4': 'a,b' });
    expect(!outcome.ok && outcome.violations.map((v) => v.path).sort()).toEqual(['dim.0', 'dim.4']);
  });

  it('refuses a number with a sign or exponent', () => {
    const outcome = validateSingleMetricParams({ ...good, from: '1e3', to: '-5' });
    expect(!outcome.ok && outcome.violations.map((v) => v.path)).toEqual(['from', 'to']);
  });
});
