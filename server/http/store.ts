import type {
  BatchQueryRequest,
  Dimension,
  ListMetricsParams,
  ListMetricsResponse,
  MetricDataResponse,
  Profile,
  SingleMetricParams,
} from '../../src/ces';

/** One point to store, as the add-metric-data endpoint hands it over. */
export interface PointInput {
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  timestamp: number;
  value: number;
  unit: string;
  ttlS?: number;
}

/** What the HTTP layer needs of the store; the SQLite store provides exactly this. */
export interface MetricStore {
  addPoints(projectId: string, points: PointInput[]): void;
  /** The batch answer as UTF-8 JSON bytes. */
  batchQueryBuffer(
    projectId: string,
    req: BatchQueryRequest,
    profile: Profile,
    nowMs: number
  ): Buffer;
  listMetrics(projectId: string, params: ListMetricsParams): ListMetricsResponse;
  singleMetric(
    projectId: string,
    params: SingleMetricParams,
    profile: Profile,
    nowMs: number
  ): MetricDataResponse;
}
