import type { FastifyInstance } from 'fastify';

import type { RequestLine } from '../log';

/**
 * Logs one line per request when its answer is sent, and with `timing` on, adds the time the
 * service spent on it as a `Server-Timing` header (read by the benchmark).
 */
export function requestLogHooks(app: FastifyInstance, timing: boolean) {
  if (timing) {
    app.addHook('onSend', async (_request, reply) => {
      reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(3)}`);
    });
  }
  app.addHook('onResponse', async (request, reply) => {
    const at = request.url.indexOf('?');
    const line: RequestLine = {
      method: request.method,
      path: at < 0 ? request.url : request.url.slice(0, at),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 100) / 100,
      credential: request.credential?.id ?? null,
      reqId: request.id,
    };
    app.log.info(line, 'request');
  });
}
