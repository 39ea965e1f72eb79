import type { FastifyInstance } from 'fastify';

import { maxMetrics, validateBatchQuery, type Profile } from '../../../src/ces';
import { jsonBody } from '../body';
import { badBody } from '../errors';
import type { MetricStore } from '../store';

/** `POST /V1.0/{project_id}/batch-query-metric-data`: the store's answer, sent as it is. */
export function batchRoute(
  app: FastifyInstance,
  store: MetricStore,
  profile: Profile,
  now: () => number
) {
  const rules = { maxMetrics: maxMetrics(profile) };
  app.post<{ Params: { project_id: string } }>(
    '/V1.0/:project_id/batch-query-metric-data',
    async (request, reply) => {
      const checked = validateBatchQuery(jsonBody(request), rules);
      if (!checked.ok) {
        throw badBody(checked.violations);
      }
      const projectId = request.params.project_id;
      // The store answers in bytes copied from cached encoded pieces: nothing is encoded here.
      const answer = store.batchQueryBuffer(projectId, checked.value, profile, now());
      return reply.type('application/json').send(answer);
    }
  );
}
