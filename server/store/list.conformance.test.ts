import { formatMarker, parseMarker, type ListMetricsParams, type MetricInfo } from '../../src/ces';

import { Store, type PointInput } from './store';

const T0 = Date.UTC(2026, 0, 1);

function metric(namespace: string, metricName: string, id: string): PointInput {
  return {
    namespace,
    metricName,
    dimensions: [{ name: 'instance_id', value: id }],
    timestamp: T0,
    value: 1,
    unit: 'count',
  };
}

const SEEDED: PointInput[] = [
  ...['ecs-0001', 'ecs-0002', 'ecs-0003'].flatMap((id) => [
    metric('SYS.ECS', 'cpu_util', id),
    metric('SYS.ECS', 'mem_util', id),
  ]),
  metric('SYS.ELB', 'm1_cps', 'elb-0001'),
  metric('APP.Orders', 'placed', 'web-1'),
];

function list(store: Store, params: Partial<ListMetricsParams> = {}) {
  return store.listMetrics('p', { dimensions: [], limit: 1000, order: 'asc', ...params });
}

function markerOf(m: MetricInfo): string {
  return formatMarker({
    namespace: m.namespace,
    metricName: m.metric_name,
    dimensions: m.dimensions,
  });
}

/** Every page from the start, following the marker until a page is empty. */
function pages(store: Store, params: Partial<ListMetricsParams>) {
  const seen: MetricInfo[][] = [];
  let start: ListMetricsParams['start'];
  for (;;) {
    const page = list(store, { ...params, start });
    if (page.metrics.length === 0) {
      return seen;
    }
    seen.push(page.metrics);
    start = parseMarker(page.meta_data.marker);
  }
}

describe('list metrics', () => {
  let store: Store;
  beforeEach(() => {
    store = Store.open(':memory:');
    store.addPoints('p', SEEDED);
  });
  afterEach(() => store.close());

  it('orders metrics by their marker text', () => {
    const markers = list(store).metrics.map(markerOf);
    expect(markers).toEqual([...markers].sort());
    expect(markers).toHaveLength(SEEDED.length);
  });

  it('pages with start=<marker> and limit, visiting every metric once and in order', () => {
    const all = list(store).metrics;
    const paged = pages(store, { limit: 3 });
    expect(paged.map((p) => p.length)).toEqual([3, 3, 2]);
    expect(paged.flat()).toEqual(all);
  });

  it('pages in descending order with order=desc', () => {
    const all = list(store).metrics;
    expect(pages(store, { limit: 3, order: 'desc' }).flat()).toEqual([...all].reverse());
  });

  it('reports count of the page, marker of its last metric, and total of every match', () => {
    const page = list(store, { limit: 2 });
    expect(page.meta_data).toEqual({
      count: 2,
      marker: markerOf(page.metrics[1]),
      total: SEEDED.length,
    });
    const after = list(store, { limit: 2, start: parseMarker(page.meta_data.marker) });
    expect(after.meta_data.total).toBe(SEEDED.length);
  });

  it('answers an empty marker when the page is empty', () => {
    const last = list(store).metrics.at(-1)!;
    const page = list(store, { start: parseMarker(markerOf(last)) });
    expect(page).toEqual({ metrics: [], meta_data: { count: 0, marker: '', total: 8 } });
  });

  it('pages strictly after a marker that names no stored metric', () => {
    const start = parseMarker('SYS.ECS.cpu_util.instance_id:ecs-0001a')!;
    const page = list(store, { start, limit: 1 });
    expect(markerOf(page.metrics[0])).toBe('SYS.ECS.cpu_util.instance_id:ecs-0002');
  });

  it('filters by namespace, metric name and dimensions', () => {
    expect(list(store, { namespace: 'SYS.ECS' }).meta_data.total).toBe(6);
    expect(list(store, { namespace: 'SYS.ECS', metricName: 'cpu_util' }).meta_data.total).toBe(3);
    const byDim = list(store, { dimensions: [{ name: 'instance_id', value: 'ecs-0002' }] });
    expect(byDim.metrics.map((m) => m.metric_name)).toEqual(['cpu_util', 'mem_util']);
    expect(list(store, { namespace: 'SYS.RDS' }).meta_data).toEqual({
      count: 0,
      marker: '',
      total: 0,
    });
  });

  it('lists each metric with namespace, dimensions, metric_name and unit', () => {
    const [first] = list(store, { namespace: 'APP.Orders' }).metrics;
    expect(first).toEqual({
      namespace: 'APP.Orders',
      dimensions: [{ name: 'instance_id', value: 'web-1' }],
      metric_name: 'placed',
      unit: 'count',
    });
  });
});
