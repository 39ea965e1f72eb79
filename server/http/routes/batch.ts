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
      const answer = store.batchQueryJson(request.params.project_id, checked.value, profile, now());
      // Encoded here, once: the store's text is built from cached pieces, and sending it as a
      // string would walk those pieces twice (for Content-Length, then for the socket write).
      return reply.type('application/json').send(Buffer.from(answer, 'utf8'));
    }
  );
}
