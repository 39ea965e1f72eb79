/**
 * The core's plain-data interface. Everything here is JSON: the browser calls the core
 * directly, the Go backend passes the same shapes through a JavaScript engine.
 */

import type {
  BatchQueryRequest,
  BatchQueryResponse,
  Dimension,
  FilterName,
  MetricInfo,
  PeriodString,
} from '../ces';

/** A dimension filter of a query after template interpolation: one or more values, or `*`. */
export interface DimensionFilter {
  name: string;
  /** Values to fetch; `*` means every value the catalog knows (with the other filters). */
  values: string[];
}

/** One query as the user wrote it, variables already interpolated. */
export interface CoreQuery {
  refId: string;
  namespace: string;
  metricName: string;
  dimensions: DimensionFilter[];
  period: 'auto' | PeriodString;
  filter: FilterName;
  /**
   * Legend template: `{{metric_name}}`, `{{namespace}}`, `{{period}}`, `{{filter}}`,
   * `{{<dimension name>}}`.
   */
  alias?: string;
}

/** Settings that shape a plan; each has a default (see `defaultOptions`). */
export interface PlanOptions {
  /** Metrics per batch request (10 under the seed rules). */
  maxMetrics: number;
  /** Largest batch body in bytes (512 KB). */
  maxBodyBytes: number;
  /** 0 = off (seed rule: max range per period); 3000 = the current cloud's datapoint budget. */
  datapointBudget: number;
  /** Raw collection interval in seconds, used to count raw points (default 60). */
  rawIntervalS: number;
  /** Points per series the panel wants at most (Grafana's maxDataPoints). */
  maxDataPoints: number;
  /** Finest interval the panel allows, in ms (Grafana's min interval); 0 = none. */
  minIntervalMs: number;
  /** Descriptors per query before the expansion is cut. */
  maxSeriesPerQuery: number;
  /** Windows per descriptor before the range is cut. */
  maxWindows: number;
}

/** Input of `plan`. */
export interface PlanInput {
  queries: CoreQuery[];
  /** Dashboard time range, epoch ms. */
  range: { from: number; to: number };
  options?: Partial<PlanOptions>;
  /** Catalog entries used to resolve `*`; only needed when a query uses it. */
  catalog?: MetricInfo[];
}

/** A notice shown to the user with a query's frames (Grafana's frame notices). */
export interface Notice {
  severity: 'info' | 'warning' | 'error';
  text: string;
}

/** One API request of the plan. */
export interface Batch {
  /** Index in `Plan.batches`. */
  id: number;
  body: BatchQueryRequest;
  /** Canonical keys of `body.metrics`, in the same order. */
  keys: string[];
  /** refIds of the queries whose descriptors this batch carries. */
  refIds: string[];
}

/** One metric to fetch, as a query expanded it. */
export interface Descriptor {
  key: string;
  dimensions: Dimension[];
}

/** What the plan decided for one query. */
export interface QueryPlan {
  refId: string;
  namespace: string;
  metricName: string;
  filter: FilterName;
  alias?: string;
  /** Chosen period in seconds, and why (for `auto`, which rung and the reason). */
  period: number;
  periodReason: string;
  /** Interval between points of one series in ms: the period, or the raw interval for raw. */
  intervalMs: number;
  /** Aligned windows covering the range, in time order. */
  windows: Array<{ from: number; to: number }>;
  /** Canonical keys of this query's descriptors, in series order. */
  keys: string[];
  /** This query's descriptors, in series order (parallel to `keys`). */
  descriptors: Descriptor[];
  /** ids of the batches that carry this query's descriptors. */
  batchIds: number[];
  notices: Notice[];
  /** Set when the query cannot be planned (it then has no batches). */
  error?: string;
}

/** Output of `plan`. */
export interface Plan {
  batches: Batch[];
  queries: QueryPlan[];
}

/** What came back for one batch: the service's answer, or its error. */
export type BatchAnswer =
  | { batchId: number; status: number; body: BatchQueryResponse }
  | { batchId: number; status: number; error: BatchError };

/** Why a batch failed: the service's code (when it gave one) and message. */
export interface BatchError {
  code?: string;
  message: string;
}

/** One metric of an answer without its datapoints: what `shape` needs from an answer. */
export interface AnswerHead {
  namespace: string;
  metric_name: string;
  dimensions: Dimension[];
  unit: string;
  /** How many datapoints the answer holds for this metric. */
  count: number;
}

/** A batch answer reduced to its heads, so a host can keep the datapoints out of the core. */
export type BatchOutcome =
  | { batchId: number; status: number; error: BatchError }
  | { batchId: number; status: number; metrics: AnswerHead[] };

/** Where one piece of a series sits: batch id and metric index within that batch's answer. */
export interface Part {
  batchId: number;
  index: number;
}

/** A series without its points: everything but the join of datapoints. */
export interface SeriesShape {
  key: string;
  name: string;
  labels: Record<string, string>;
  unit: string;
  cesUnit: string;
  intervalMs: number;
  /** Datapoint field holding the value (the filter); `average` is the fallback. */
  field: FilterName;
  /** The pieces of this series in window time order. */
  parts: Part[];
}

/** One query's result without points. */
export interface ShapedQuery {
  refId: string;
  notices: Notice[];
  executedQueryString: string;
  error?: QueryError;
  series: SeriesShape[];
}

/** Output of `shape`. */
export interface Shaped {
  queries: ShapedQuery[];
}

/** Points of one series after the join. */
export interface Points {
  timestamps: number[];
  values: Array<number | null>;
}

/** An error of a query: from a failed batch (its HTTP status), or from planning (status 400). */
export interface QueryError {
  status: number;
  code?: string;
  message: string;
}

/** One answer line for one descriptor, windows joined. */
export interface Series {
  refId: string;
  key: string;
  name: string;
  labels: Record<string, string>;
  /** Grafana unit id, mapped from the CES unit. */
  unit: string;
  /** The CES unit as answered (`unknown` for an unknown metric). */
  cesUnit: string;
  intervalMs: number;
  timestamps: number[];
  values: Array<number | null>;
}

/** Everything one query gets back. */
export interface QueryResult {
  refId: string;
  series: Series[];
  notices: Notice[];
  /** What was sent: period and why, windows, batches. */
  executedQueryString: string;
  /** Errors of the batches that carried this query's descriptors. */
  error?: QueryError;
}
