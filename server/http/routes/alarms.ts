import type { FastifyInstance } from 'fastify';

import type { ListAlarmsResponse } from '../../../src/ces';

const NO_ALARMS: ListAlarmsResponse = {
  metric_alarms: [],
  meta_data: { count: 0, marker: '', total: 0 },
};

/** `GET /V1.0/{project_id}/alarms`: no alarms; clients call it as a health check. */
export function alarmsRoute(app: FastifyInstance) {
  app.get('/V1.0/:project_id/alarms', async () => NO_ALARMS);
}
