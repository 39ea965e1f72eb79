import type {
  BatchQueryRequest,
  ListMetricsParams,
  ListMetricsResponse,
  MetricDataResponse,
  Profile,
  SingleMetricParams,
} from '../../src/ces';
import type { PointInput } from '../store/store';

export type { PointInput };

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
