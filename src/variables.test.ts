import { FakeBackendSrv } from './__mocks__/backendSrv';
import { instanceSettings, templateSrvWith } from './__mocks__/fixtures';
import { DataSource } from './datasource';
import type { CesVariableQuery } from './types';

const backendSrv = new FakeBackendSrv();

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backendSrv,
}));

beforeEach(() => {
  backendSrv.calls = [];
  backendSrv.autoAnswer = () => ({ status: 200, data: ['one', 'two'] });
});

function find(query: Omit<CesVariableQuery, 'refId'>) {
  const ds = new DataSource(instanceSettings(), templateSrvWith({ ns: 'SYS.ECS', host: 'ecs-1' }));
  return ds.metricFindQuery({ refId: 'V', ...query });
}

describe('variable queries', () => {
  it.each<[string, Omit<CesVariableQuery, 'refId'>, string, Record<string, string>]>([
    ['namespaces', { kind: 'namespaces' }, 'namespaces', {}],
    [
      'metrics of a namespace',
      { kind: 'metrics', namespace: '$ns' },
      'metrics',
      { namespace: 'SYS.ECS' },
    ],
    [
      'dimension names of a metric',
      { kind: 'dimensionKeys', namespace: 'SYS.ECS', metricName: 'cpu_util' },
      'dimension-keys',
      { namespace: 'SYS.ECS', metric_name: 'cpu_util' },
    ],
    [
      'dimension values narrowed by the other dimensions',
      {
        kind: 'dimensionValues',
        namespace: 'SYS.ELB',
        metricName: 'm1_cps',
        dimensionKey: 'lbaas_listener_id',
        dimensions: [{ name: 'lbaas_instance_id', value: '$host' }],
      },
      'dimension-values',
      {
        namespace: 'SYS.ELB',
        metric_name: 'm1_cps',
        key: 'lbaas_listener_id',
        'dim.0': 'lbaas_instance_id,ecs-1',
      },
    ],
  ])('lists %s from the backend catalog resource', async (_name, query, path, params) => {
    const values = await find(query);

    expect(values).toEqual([
      { text: 'one', value: 'one' },
      { text: 'two', value: 'two' },
    ]);
    expect(backendSrv.calls).toHaveLength(1);
    expect(backendSrv.calls[0].request.url).toBe(`/api/datasources/uid/ces-uid/resources/${path}`);
    expect(backendSrv.calls[0].request.params).toEqual(params);
  });

  it('lists the periods and filters without calling the backend', async () => {
    const periods = await find({ kind: 'periods' });
    const filters = await find({ kind: 'filters' });

    expect(periods.map((p) => p.value)).toEqual([
      'auto',
      '1',
      '300',
      '1200',
      '3600',
      '14400',
      '86400',
    ]);
    expect(filters.map((f) => f.value)).toEqual(['average', 'max', 'min', 'sum', 'variance']);
    expect(backendSrv.calls).toHaveLength(0);
  });

  it('lists nothing while the namespace a kind needs is missing', async () => {
    expect(await find({ kind: 'metrics', namespace: '' })).toEqual([]);
    expect(backendSrv.calls).toHaveLength(0);
  });
});
