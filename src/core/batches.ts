import {
  budgetIntervalMs,
  periodString,
  type FilterName,
  type MetricRef,
  type Period,
} from '../ces';
import type { Batch, Descriptor, PlanOptions } from './types';
import type { Window } from './windows';

/** What batching needs of one planned query. */
export interface BatchableQuery {
  refId: string;
  namespace: string;
  metricName: string;
  period: Period;
  filter: FilterName;
  windows: Window[];
  descriptors: Descriptor[];
}

/** The batches of a request, and for each query (by index) the ids of its batches. */
export interface Batching {
  batches: Batch[];
  batchIds: number[][];
}

interface Group {
  period: Period;
  filter: FilterName;
  window: Window;
  metrics: MetricRef[];
  /** JSON length of each metric, measured once when it joins the group. */
  sizes: number[];
  keys: string[];
  /** Indexes of the queries that asked for each metric. */
  askedBy: number[][];
  indexOfKey: Map<string, number>;
}

/**
 * Groups descriptors by period, filter and window, keeps one descriptor per canonical key in a
 * group (several queries may share it), then cuts each group into requests of at most
 * `maxMetrics` metrics, within the datapoint budget when one is set, and within
 * `maxBodyBytes` of JSON. Groups come in the order queries and windows first name them, so the
 * same input always yields the same batches.
 *
 * The loops are plain index loops without closures: the Go backend runs this code in goja, an
 * interpreter, where per-item callbacks, spreads and iterators cost more than the work.
 */
export function makeBatches(queries: BatchableQuery[], options: PlanOptions): Batching {
  const groups = groupDescriptors(queries);

  const batches: Batch[] = [];
  const batchIds: number[][] = new Array(queries.length);
  for (let q = 0; q < queries.length; q++) {
    batchIds[q] = [];
  }
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    const bounds = chunkBounds(group, options);
    for (let c = 0; c < bounds.length; c++) {
      const [start, end] = bounds[c];
      const id = batches.length;
      const queryIndexes = askedIn(group, start, end);
      const refIds: string[] = [];
      for (let i = 0; i < queryIndexes.length; i++) {
        const q = queryIndexes[i];
        batchIds[q].push(id);
        const refId = queries[q].refId;
        if (!refIds.includes(refId)) {
          refIds.push(refId);
        }
      }
      batches.push({
        id,
        body: {
          metrics: group.metrics.slice(start, end),
          from: group.window.from,
          to: group.window.to,
          period: periodString(group.period),
          filter: group.filter,
        },
        keys: group.keys.slice(start, end),
        refIds,
      });
    }
  }
  return { batches, batchIds };
}

/** Indexes of the queries that asked for the metrics [start, end) of a group, ascending. */
function askedIn(group: Group, start: number, end: number): number[] {
  const asked: number[] = [];
  for (let i = start; i < end; i++) {
    const by = group.askedBy[i];
    for (let j = 0; j < by.length; j++) {
      if (!asked.includes(by[j])) {
        asked.push(by[j]);
      }
    }
  }
  return asked.length > 1 ? asked.sort((a, b) => a - b) : asked;
}

function groupDescriptors(queries: BatchableQuery[]): Group[] {
  const groups: Group[] = [];
  const byId = new Map<string, Group>();
  for (let q = 0; q < queries.length; q++) {
    const query = queries[q];
    const sizes = new MetricSizes();
    for (let w = 0; w < query.windows.length; w++) {
      const window = query.windows[w];
      const id = `${query.period}|${query.filter}|${window.from}|${window.to}`;
      let group = byId.get(id);
      if (!group) {
        group = {
          period: query.period,
          filter: query.filter,
          window,
          metrics: [],
          sizes: [],
          keys: [],
          askedBy: [],
          indexOfKey: new Map(),
        };
        byId.set(id, group);
        groups.push(group);
      }
      for (let d = 0; d < query.descriptors.length; d++) {
        addDescriptor(group, query, query.descriptors[d], d, q, sizes);
      }
    }
  }
  return groups;
}

/**
 * The JSON length of each descriptor's metric in a query, measured on first use: a query with
 * several windows adds the same metrics to several groups.
 */
class MetricSizes {
  private readonly sizes: number[] = [];

  of(d: number, metric: MetricRef): number {
    let size = this.sizes[d];
    if (size === undefined) {
      // Names and values are ASCII by the contract's patterns, so characters are bytes.
      size = JSON.stringify(metric).length;
      this.sizes[d] = size;
    }
    return size;
  }
}

function addDescriptor(
  group: Group,
  query: BatchableQuery,
  descriptor: Descriptor,
  d: number,
  q: number,
  sizes: MetricSizes
): void {
  const at = group.indexOfKey.get(descriptor.key);
  if (at !== undefined) {
    if (!group.askedBy[at].includes(q)) {
      group.askedBy[at].push(q);
    }
    return;
  }
  const dimensions: MetricRef['dimensions'] = new Array(descriptor.dimensions.length);
  for (let i = 0; i < dimensions.length; i++) {
    const x = descriptor.dimensions[i];
    dimensions[i] = { name: x.name, value: x.value };
  }
  const metric: MetricRef = {
    namespace: query.namespace,
    metric_name: query.metricName,
    dimensions,
  };
  group.indexOfKey.set(descriptor.key, group.metrics.length);
  group.metrics.push(metric);
  group.sizes.push(sizes.of(d, metric));
  group.keys.push(descriptor.key);
  group.askedBy.push([q]);
}

/** [start, end) ranges of a group's metrics, one per request. */
function chunkBounds(group: Group, options: PlanOptions): Array<[number, number]> {
  const maxMetrics = Math.min(options.maxMetrics, budgetCap(group, options));
  const emptyBody = {
    metrics: [],
    from: group.window.from,
    to: group.window.to,
    period: periodString(group.period),
    filter: group.filter,
  };
  const baseBytes = JSON.stringify(emptyBody).length;

  const bounds: Array<[number, number]> = [];
  let start = 0;
  let bytes = baseBytes;
  const sizes = group.sizes;
  for (let i = 0; i < sizes.length; i++) {
    const metricBytes = sizes[i] + (i > start ? 1 : 0);
    const full =
      i - start >= maxMetrics || (i > start && bytes + metricBytes > options.maxBodyBytes);
    if (full) {
      bounds.push([start, i]);
      start = i;
      bytes = baseBytes + sizes[i];
    } else {
      bytes += metricBytes;
    }
  }
  if (sizes.length > start) {
    bounds.push([start, sizes.length]);
  }
  return bounds;
}

/** Metrics one request of this group may carry under the datapoint budget (no budget: any). */
function budgetCap(group: Group, options: PlanOptions): number {
  if (options.datapointBudget <= 0) {
    return Number.MAX_SAFE_INTEGER;
  }
  const points = (group.window.to - group.window.from) / budgetIntervalMs(group.period);
  return Math.max(1, Math.floor(options.datapointBudget / Math.max(1, points)));
}
