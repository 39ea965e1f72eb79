import type { FastifyInstance } from 'fastify';

import { ERROR_CODES, validateListMetricsParams, type QueryParams } from '../../../src/ces';
import { badParameters, cesError } from '../errors';
import type { MetricStore } from '../store';

/** `GET /V1.0/{project_id}/metrics`: the catalog, paged by marker. */
export function listMetricsRoute(app: FastifyInstance, store: MetricStore) {
  app.get<{ Params: { project_id: string } }>('/V1.0/:project_id/metrics', async (request) => {
    const checked = validateListMetricsParams(request.query as QueryParams);
    if (!checked.ok) {
      const badMarker = checked.violations.find((v) => v.path === 'start');
      if (badMarker) {
        throw cesError(400, ERROR_CODES.badMarker, `The paging marker start ${badMarker.message}.`);
      }
      throw badParameters(checked.violations);
    }
    return store.listMetrics(request.params.project_id, checked.value);
  });
}
