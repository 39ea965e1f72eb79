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

/** Characters of a metric's JSON text around its strings: `{"namespace":"","metric_name":"",
 * "dimensions":[]}`. */
const METRIC_JSON_CHARS = 49;
/** Characters of a dimension's JSON text around its strings: `{"name":"","value":""}`. */
const DIMENSION_JSON_CHARS = 22;
/** The most characters JSON.stringify writes for one character of a string (`\u` + 4 digits). */
const MAX_ESCAPED_CHARS = 6;

/**
 * An upper bound of the length of `JSON.stringify(metrics)` less its two brackets, from string
 * lengths alone (every character counted as escaped): reading each character, or writing the
 * text, costs far more in goja than this sum.
 */
export function metricsJsonBound(metrics: MetricRef[]): number {
  let chars = Math.max(0, metrics.length - 1);
  for (let i = 0; i < metrics.length; i++) {
    const metric = metrics[i];
    const dimensions = metric.dimensions;
    let strings = metric.namespace.length + metric.metric_name.length;
    chars += METRIC_JSON_CHARS + Math.max(0, dimensions.length - 1);
    for (let d = 0; d < dimensions.length; d++) {
      strings += dimensions[d].name.length + dimensions[d].value.length;
      chars += DIMENSION_JSON_CHARS;
    }
    chars += MAX_ESCAPED_CHARS * strings;
  }
  return chars;
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
          keys: [],
          askedBy: [],
          indexOfKey: new Map(),
        };
        byId.set(id, group);
        groups.push(group);
      }
      for (let d = 0; d < query.descriptors.length; d++) {
        addDescriptor(group, query, query.descriptors[d], q);
      }
    }
  }
  return groups;
}

function addDescriptor(
  group: Group,
  query: BatchableQuery,
  descriptor: Descriptor,
  q: number
): void {
  const at = group.indexOfKey.get(descriptor.key);
  if (at !== undefined) {
    if (!group.askedBy[at].includes(q)) {
      group.askedBy[at].push(q);
    }
    return;
  }
  group.indexOfKey.set(descriptor.key, group.metrics.length);
  // The descriptor's own dimension list: expansion makes each one fresh, as {name, value}.
  group.metrics.push({
    namespace: query.namespace,
    metric_name: query.metricName,
    dimensions: descriptor.dimensions,
  });
  group.keys.push(descriptor.key);
  group.askedBy.push([q]);
}

/**
 * [start, end) ranges of a group's metrics, one per request. When the whole group fits in one
 * body, no request can pass the byte limit, and one JSON text of the group replaces measuring
 * each metric (which was most of the time of batching in goja).
 */
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
  const count = group.metrics.length;
  // Names and values are ASCII by the contract's patterns, so characters are bytes. The bound
  // settles the common case without writing the group's JSON text.
  const fits =
    baseBytes + metricsJsonBound(group.metrics) <= options.maxBodyBytes ||
    baseBytes - 2 + JSON.stringify(group.metrics).length <= options.maxBodyBytes;
  const maxBodyBytes = fits ? Infinity : options.maxBodyBytes;

  const bounds: Array<[number, number]> = [];
  let start = 0;
  let bytes = baseBytes;
  for (let i = 0; i < count; i++) {
    if (maxBodyBytes === Infinity) {
      if (i - start >= maxMetrics) {
        bounds.push([start, i]);
        start = i;
      }
      continue;
    }
    const size = JSON.stringify(group.metrics[i]).length;
    const metricBytes = size + (i > start ? 1 : 0);
    const full = i - start >= maxMetrics || (i > start && bytes + metricBytes > maxBodyBytes);
    if (full) {
      bounds.push([start, i]);
      start = i;
      bytes = baseBytes + size;
    } else {
      bytes += metricBytes;
    }
  }
  if (count > start) {
    bounds.push([start, count]);
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
