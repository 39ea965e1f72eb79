import { DataQueryResponse, LoadingState } from '@grafana/data';
import { Subscription } from 'rxjs';

import type { BatchQueryRequest } from './ces';
import { FakeBackendSrv } from './__mocks__/backendSrv';
import {
  answerFor,
  cpuQuery,
  instanceSettings,
  request,
  templateSrvWith,
} from './__mocks__/fixtures';
import { DataSource } from './datasource';
import type { CesQuery } from './types';

const backendSrv = new FakeBackendSrv();

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backendSrv,
}));

function ids(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `ecs-${String(i + 1).padStart(4, '0')}`);
}

function run(ds: DataSource, queries: CesQuery[]) {
  const packets: DataQueryResponse[] = [];
  let done = false;
  const subscription: Subscription = ds.query(request(queries)).subscribe({
    next: (packet) => packets.push(packet),
    complete: () => (done = true),
  });
  return { packets, subscription, isDone: () => done };
}

function answerBatch(index: number) {
  const call = backendSrv.callsTo('batch')[index];
  call.respond(200, answerFor(call.request.data as BatchQueryRequest));
}

beforeEach(() => {
  Object.assign(backendSrv, { calls: [], inFlight: 0, maxInFlight: 0, cancelled: 0 });
  backendSrv.autoAnswer = undefined;
  backendSrv.fetch.mockClear();
});

describe('DataSource.query', () => {
  it('sends each batch of the plan to the backend batch resource', () => {
    const ds = new DataSource(instanceSettings(), templateSrvWith());
    run(ds, [cpuQuery('A', ids(25))]);

    const calls = backendSrv.callsTo('batch');
    expect(calls.map((call) => call.request.url)).toEqual(
      Array(3).fill('/api/datasources/uid/ces-uid/resources/batch')
    );
    expect(calls.map((call) => call.request.method)).toEqual(['POST', 'POST', 'POST']);
    const sizes = calls.map((call) => (call.request.data as BatchQueryRequest).metrics.length);
    expect(sizes).toEqual([10, 10, 5]);
  });

  it('keeps at most the configured number of batches in flight', () => {
    const ds = new DataSource(instanceSettings(), templateSrvWith());
    ds.maxBatchesInFlight = 2;
    run(ds, [cpuQuery('A', ids(50))]);

    expect(backendSrv.callsTo('batch')).toHaveLength(2);
    answerBatch(0);
    expect(backendSrv.callsTo('batch')).toHaveLength(3);
    for (let i = 1; i < 5; i++) {
      answerBatch(i);
    }
    expect(backendSrv.callsTo('batch')).toHaveLength(5);
    expect(backendSrv.maxInFlight).toBe(2);
  });

  it('emits Streaming as batches land and Done after the last one', () => {
    const ds = new DataSource(instanceSettings(), templateSrvWith());
    const { packets, isDone } = run(ds, [cpuQuery('A', ids(10)), cpuQuery('B', ids(25).slice(10))]);

    expect(backendSrv.callsTo('batch')).toHaveLength(3);
    answerBatch(2);
    answerBatch(1);
    expect(packets.map((packet) => packet.state)).toEqual([
      LoadingState.Streaming,
      LoadingState.Streaming,
    ]);
    expect(isDone()).toBe(false);
    answerBatch(0);

    expect(packets.map((packet) => packet.state)).toEqual([
      LoadingState.Streaming,
      LoadingState.Streaming,
      LoadingState.Done,
    ]);
    expect(isDone()).toBe(true);
    expect(new Set(packets.map((packet) => packet.key)).size).toBe(3);
    const series = packets.flatMap((packet) => packet.data);
    expect(series.filter((frame) => frame.refId === 'A')).toHaveLength(10);
    expect(series.filter((frame) => frame.refId === 'B')).toHaveLength(15);
  });

  it('cancels the calls in flight when the panel unsubscribes, and starts no more', () => {
    const ds = new DataSource(instanceSettings(), templateSrvWith());
    ds.maxBatchesInFlight = 2;
    const { subscription } = run(ds, [cpuQuery('A', ids(40))]);
    answerBatch(0);

    subscription.unsubscribe();

    expect(backendSrv.cancelled).toBe(2);
    expect(backendSrv.inFlight).toBe(0);
    expect(backendSrv.callsTo('batch')).toHaveLength(3);
  });

  it('gives a failed batch error only to the queries it carried', () => {
    const ds = new DataSource(instanceSettings(), templateSrvWith());
    backendSrv.autoAnswer = (req) => {
      const body = req.data as BatchQueryRequest;
      return body.filter === 'max'
        ? {
            status: 400,
            data: { http_code: 400, message: { details: 'bad filter', code: 'ces.0014' } },
          }
        : { status: 200, data: answerFor(body) };
    };
    const { packets } = run(ds, [cpuQuery('A', ids(2), { filter: 'max' }), cpuQuery('B', ids(2))]);

    const last = packets[packets.length - 1];
    expect(last.state).toBe(LoadingState.Done);
    expect(last.errors).toEqual([
      expect.objectContaining({ refId: 'A', status: 400, message: 'bad filter (ces.0014)' }),
    ]);
    const frames = packets.flatMap((packet) => packet.data);
    expect(frames.filter((frame) => frame.refId === 'B' && frame.length > 0)).toHaveLength(2);
  });

  it('reads the catalog only for queries that use *, and resolves * from it', () => {
    const ds = new DataSource(instanceSettings(), templateSrvWith());
    backendSrv.autoAnswer = (req) =>
      req.url.endsWith('/catalog')
        ? {
            status: 200,
            data: ids(3).map((id) => ({
              namespace: 'SYS.ECS',
              metric_name: 'cpu_util',
              dimensions: [{ name: 'instance_id', value: id }],
              unit: '%',
            })),
          }
        : { status: 200, data: answerFor(req.data as BatchQueryRequest) };

    run(ds, [cpuQuery('A', ['ecs-0009'])]);
    expect(backendSrv.callsTo('catalog')).toHaveLength(0);

    run(ds, [cpuQuery('B', ['*'])]);
    const catalogCalls = backendSrv.callsTo('catalog');
    expect(catalogCalls).toHaveLength(1);
    expect(catalogCalls[0].request.params).toEqual({
      namespace: 'SYS.ECS',
      metric_name: 'cpu_util',
    });
    const lastBatch = backendSrv.callsTo('batch').pop()!.request.data as BatchQueryRequest;
    expect(lastBatch.metrics.map((metric) => metric.dimensions[0].value)).toEqual(ids(3));
  });

  it('answers Done with no data and no call when no query is runnable', () => {
    const ds = new DataSource(instanceSettings(), templateSrvWith());
    const { packets } = run(ds, [cpuQuery('A', ['ecs-0001'], { hide: true })]);

    expect(packets).toEqual([{ data: [], state: LoadingState.Done }]);
    expect(backendSrv.fetch).not.toHaveBeenCalled();
  });
});

describe('DataSource.applyTemplateVariables', () => {
  it('turns a multi-value variable in a dimension into one descriptor per value', () => {
    const ds = new DataSource(
      instanceSettings(),
      templateSrvWith({ host: ['ecs-0001', 'ecs-0002'] })
    );
    const query = cpuQuery('A', ['$host']);

    expect(ds.applyTemplateVariables(query, {}).dimensions).toEqual([
      { name: 'instance_id', value: '{ecs-0001,ecs-0002}' },
    ]);
    run(ds, [query]);
    const body = backendSrv.callsTo('batch')[0].request.data as BatchQueryRequest;
    expect(body.metrics.map((metric) => metric.dimensions[0].value)).toEqual([
      'ecs-0001',
      'ecs-0002',
    ]);
  });

  it('keeps a single-value variable plain and replaces namespace, metric and period', () => {
    const ds = new DataSource(
      instanceSettings(),
      templateSrvWith({ host: ['ecs-0007'], ns: 'SYS.RDS', metric: 'rds001_cpu_util', p: '3600' })
    );
    const query = cpuQuery('A', ['$host'], {
      namespace: '$ns',
      metricName: '$metric',
      period: '$p' as CesQuery['period'],
    });

    expect(ds.applyTemplateVariables(query, {})).toMatchObject({
      namespace: 'SYS.RDS',
      metricName: 'rds001_cpu_util',
      period: '3600',
      dimensions: [{ name: 'instance_id', value: 'ecs-0007' }],
    });
    expect(query.namespace).toBe('$ns');
  });
});

describe('DataSource.filterQuery', () => {
  const ds = new DataSource(instanceSettings(), templateSrvWith());

  it.each([
    ['a complete query', cpuQuery('A', ['ecs-0001']), true],
    ['a hidden query', cpuQuery('A', ['ecs-0001'], { hide: true }), false],
    ['a query without namespace', cpuQuery('A', ['ecs-0001'], { namespace: '' }), false],
    ['a query without metric', cpuQuery('A', ['ecs-0001'], { metricName: '' }), false],
    ['a query with a dimension name but no value', cpuQuery('A', [''], {}), false],
    [
      'a query with an empty row just added',
      {
        ...cpuQuery('A', ['ecs-0001']),
        dimensions: [
          { name: 'instance_id', value: 'ecs-0001' },
          { name: '', value: '' },
        ],
      },
      true,
    ],
  ])('decides for %s', (_name, query, runs) => {
    expect(ds.filterQuery(query as CesQuery)).toBe(runs);
  });
});

describe('DataSource.getDefaultQuery', () => {
  it('starts a new query at period auto and filter average, without dimensions', () => {
    const ds = new DataSource(instanceSettings(), templateSrvWith());
    expect(ds.getDefaultQuery()).toMatchObject({
      period: 'auto',
      filter: 'average',
      dimensions: [],
    });
  });
});
