/** Wire types of the CES v1 API, spelled as the service spells them. */

import type { FilterName } from './filters';
import type { PeriodString } from './periods';

/** One dimension of a metric: `{name, value}`. */
export interface Dimension {
  name: string;
  value: string;
}

/** A metric as CES names it. */
export interface MetricRef {
  namespace: string;
  metric_name: string;
  dimensions: Dimension[];
}

/** Body of `POST /V1.0/{project_id}/batch-query-metric-data`. */
export interface BatchQueryRequest {
  metrics: MetricRef[];
  from: number;
  to: number;
  period: PeriodString;
  filter: FilterName;
}

/** One datapoint: its timestamp and the field named by the filter (raw: maybe `average`). */
export interface Datapoint {
  timestamp: number;
  average?: number;
  max?: number;
  min?: number;
  sum?: number;
  variance?: number;
}

/** One metric in a batch answer. */
export interface MetricData extends MetricRef {
  unit: string;
  datapoints: Datapoint[];
}

/** Answer 200 of the batch query. */
export interface BatchQueryResponse {
  metrics: MetricData[];
}

/** A metric of the catalog, as `GET /V1.0/{pid}/metrics` lists it. */
export interface MetricInfo extends MetricRef {
  unit: string;
}

/** Answer of `GET /V1.0/{pid}/metrics`. */
export interface ListMetricsResponse {
  metrics: MetricInfo[];
  meta_data: { count: number; marker: string; total: number };
}

/** One point of `GET /V1.0/{pid}/metric-data`: the unit rides in each point. */
export interface SingleDatapoint extends Datapoint {
  unit: string;
}

/** Answer of `GET /V1.0/{pid}/metric-data`. */
export interface MetricDataResponse {
  datapoints: SingleDatapoint[];
  metric_name: string;
}

/** One item of the `POST /V1.0/{pid}/metric-data` body. */
export interface AddMetricDataItem {
  metric: MetricRef;
  ttl: number;
  collect_time: number;
  value: number;
  unit?: string;
  type?: 'int' | 'float';
}

/** Answer of `GET /V1.0/{pid}/alarms`. */
export interface ListAlarmsResponse {
  metric_alarms: unknown[];
  meta_data: { count: number; marker: string; total: number };
}

/** Error body of the CES endpoints. */
export interface CesErrorBody {
  http_code: number;
  message: { details: string; code: string };
  encoded_authorization_message: null;
}

/** Error body of the API gateway (auth, unknown path, body too large). */
export interface GatewayErrorBody {
  error_code: string;
  error_msg: string;
  request_id: string;
}
