import type { FastifyInstance } from 'fastify';

import {
  ERROR_CODES,
  isSystemNamespace,
  validateAddMetricData,
  validateSingleMetricParams,
  type AddMetricDataItem,
  type Profile,
  type QueryParams,
} from '../../../src/ces';
import { jsonBody } from '../body';
import { badBody, badParameters, cesError } from '../errors';
import type { MetricStore, PointInput } from '../store';

type ProjectParams = { Params: { project_id: string } };

/** `GET` (one metric's data) and `POST` (add custom data) on `/V1.0/{project_id}/metric-data`. */
export function metricDataRoutes(
  app: FastifyInstance,
  store: MetricStore,
  profile: Profile,
  now: () => number
) {
  app.get<ProjectParams>('/V1.0/:project_id/metric-data', async (request) => {
    const checked = validateSingleMetricParams(request.query as QueryParams);
    if (!checked.ok) {
      throw badParameters(checked.violations);
    }
    return store.singleMetric(request.params.project_id, checked.value, profile, now());
  });

  app.post<ProjectParams>('/V1.0/:project_id/metric-data', async (request, reply) => {
    const checked = validateAddMetricData(jsonBody(request), now());
    if (!checked.ok) {
      throw badBody(checked.violations);
    }
    const refused = checked.value.find((item) => isSystemNamespace(item.metric.namespace));
    if (refused) {
      const namespace = refused.metric.namespace;
      const details = `Custom data cannot be added to the system namespace ${namespace}.`;
      throw cesError(403, ERROR_CODES.systemNamespace, details);
    }
    store.addPoints(request.params.project_id, checked.value.map(toPoint));
    return reply.code(201).send();
  });
}

function toPoint(item: AddMetricDataItem): PointInput {
  return {
    namespace: item.metric.namespace,
    metricName: item.metric.metric_name,
    dimensions: item.metric.dimensions,
    timestamp: item.collect_time,
    value: item.value,
    unit: item.unit ?? '',
    ttlS: item.ttl,
  };
}
