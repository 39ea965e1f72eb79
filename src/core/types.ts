/**
 * The core's plain-data interface. Everything here is JSON: the browser calls the core
 * directly, the Go backend passes the same shapes through a JavaScript engine.
 */

import type { BatchQueryRequest, FilterName, MetricInfo, PeriodString } from '../ces';

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
  /** Legend template: `{{metric_name}}`, `{{namespace}}`, `{{period}}`, `{{filter}}`, `{{<dimension>}}`. */
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
  /** refIds of the queries whose descriptors this batch carries. */
  refIds: string[];
}

/** What the plan decided for one query. */
export interface QueryPlan {
  refId: string;
  /** Chosen period in seconds, and why (for `auto`, which rung and the reason). */
  period: number;
  periodReason: string;
  /** Aligned windows covering the range, in time order. */
  windows: Array<{ from: number; to: number }>;
  /** Canonical keys of this query's descriptors, in series order. */
  keys: string[];
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
  | { batchId: number; status: number; body: import('../ces').BatchQueryResponse }
  | { batchId: number; status: number; error: { code?: string; message: string } };

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
  error?: { status: number; code?: string; message: string };
}
