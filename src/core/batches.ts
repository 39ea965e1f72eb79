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
 */
export function makeBatches(queries: BatchableQuery[], options: PlanOptions): Batching {
  const groups = groupDescriptors(queries);

  const batches: Batch[] = [];
  const batchIds: number[][] = queries.map(() => []);
  for (const group of groups) {
    for (const [start, end] of chunkBounds(group, options)) {
      const id = batches.length;
      const asked = new Set<number>();
      for (let i = start; i < end; i++) {
        group.askedBy[i].forEach((q) => asked.add(q));
      }
      const queryIndexes = [...asked].sort((a, b) => a - b);
      queryIndexes.forEach((q) => batchIds[q].push(id));
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
        refIds: unique(queryIndexes.map((q) => queries[q].refId)),
      });
    }
  }
  return { batches, batchIds };
}

function groupDescriptors(queries: BatchableQuery[]): Group[] {
  const groups: Group[] = [];
  const byId = new Map<string, Group>();
  queries.forEach((query, q) => {
    for (const window of query.windows) {
      const id = `${query.period}|${query.filter}|${window.from}|${window.to}`;
      let group = byId.get(id);
      if (!group) {
        group = {
          period: query.period,
          filter: query.filter,
          window,
          metrics: [],
          keys: [],
          askedBy: [],
          indexOfKey: new Map(),
        };
        byId.set(id, group);
        groups.push(group);
      }
      for (const descriptor of query.descriptors) {
        addDescriptor(group, query, descriptor, q);
      }
    }
  });
  return groups;
}

function addDescriptor(group: Group, query: BatchableQuery, d: Descriptor, q: number): void {
  const at = group.indexOfKey.get(d.key);
  if (at !== undefined) {
    if (!group.askedBy[at].includes(q)) {
      group.askedBy[at].push(q);
    }
    return;
  }
  group.indexOfKey.set(d.key, group.metrics.length);
  group.metrics.push({
    namespace: query.namespace,
    metric_name: query.metricName,
    dimensions: d.dimensions.map((x) => ({ name: x.name, value: x.value })),
  });
  group.keys.push(d.key);
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
  for (let i = 0; i < group.metrics.length; i++) {
    // Names and values are ASCII by the contract's patterns, so characters are bytes.
    const metricBytes = JSON.stringify(group.metrics[i]).length + (i > start ? 1 : 0);
    const full =
      i - start >= maxMetrics || (i > start && bytes + metricBytes > options.maxBodyBytes);
    if (full) {
      bounds.push([start, i]);
      start = i;
      bytes = baseBytes + JSON.stringify(group.metrics[i]).length;
    } else {
      bytes += metricBytes;
    }
  }
  if (group.metrics.length > start) {
    bounds.push([start, group.metrics.length]);
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

function unique(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) === i);
}
