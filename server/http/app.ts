import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

import { MAX_BODY_BYTES, type Profile } from '../../src/ces';
import { Authenticator } from '../auth/authenticate';
import type { Credential } from '../auth/credentials';
import { handleError, handleNotFound } from './errorHandler';
import { NO_FAULTS, type FaultOptions } from './faults';
import { createGuard } from './guard';
import { RateLimiter } from './rateLimit';
import { requestLogHooks } from './requestLog';
import { alarmsRoute } from './routes/alarms';
import { batchRoute } from './routes/batch';
import { metricDataRoutes } from './routes/metricData';
import { listMetricsRoute } from './routes/metrics';
import type { MetricStore } from './store';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who called, once the guard has authenticated the request. */
    credential: Credential | null;
  }
}

/** Everything the service needs; the store stays owned by the caller. */
export interface ServiceOptions {
  store: MetricStore;
  credentials: Credential[];
  logger: Logger;
  profile?: Profile;
  /** Calls per minute per credential. */
  rateLimit?: number;
  /** A request whose body has not fully arrived after this many ms answers 408. */
  requestTimeoutMs?: number;
  faults?: FaultOptions;
  /** Adds a `Server-Timing: app;dur=<ms>` header to each answer. */
  timing?: boolean;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  now?: () => number;
  random?: () => number;
}

/** A running service. */
export interface Service {
  app: FastifyInstance;
  /** Base URL, e.g. `http://127.0.0.1:8090`. */
  url: string;
  close(): Promise<void>;
}

/** Default time for a request to arrive in full. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30000;
/** Default calls per minute per credential, as in the cloud. */
export const DEFAULT_RATE_LIMIT = 500;

/** Builds the service and starts listening. */
export async function createService(options: ServiceOptions): Promise<Service> {
  const app = buildApp(options);
  const url = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  return { app, url, close: () => app.close() };
}

/** Builds the fastify app without listening (tests inject requests into it). */
export function buildApp(options: ServiceOptions): FastifyInstance {
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const profile = options.profile ?? 'seed';
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: MAX_BODY_BYTES,
    genReqId: () => randomUUID(),
    // Node checks request timeouts on an interval (30 s by default): check often enough.
    serverFactory: (handler) =>
      createServer(
        {
          requestTimeout,
          headersTimeout: requestTimeout,
          connectionsCheckingInterval: Math.max(50, Math.min(1000, requestTimeout / 4)),
        },
        handler
      ),
  });

  app.decorateRequest('credential', null);
  // Every body is kept as raw bytes: signatures cover them, and handlers parse JSON themselves.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  requestLogHooks(app, options.timing ?? false);

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.register(async (api) => {
    api.addHook(
      'preHandler',
      createGuard({
        authenticator: new Authenticator(options.credentials),
        rateLimiter: new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT),
        faults: options.faults ?? NO_FAULTS,
        now,
        random: options.random ?? Math.random,
      })
    );
    batchRoute(api, options.store, profile, now);
    listMetricsRoute(api, options.store);
    metricDataRoutes(api, options.store, profile, now);
    alarmsRoute(api);
  });
  return app;
}
