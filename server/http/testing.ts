import { Writable } from 'node:stream';

import type { FastifyInstance, InjectOptions } from 'fastify';

import { DEV_CREDENTIAL, type Credential } from '../auth/credentials';
import { authorization, sdkDate } from '../auth/sign';
import { createLogger } from '../log';
import { Store } from '../store/store';
import { buildApp, type ServiceOptions } from './app';

/** The dev project, which the dev credential may use. */
export const PROJECT = DEV_CREDENTIAL.projects[0];
/** A project only {@link OTHER} may use. */
export const OTHER_PROJECT = 'fedcba9876543210fedcba9876543210';
/** A credential of another tenant. */
export const OTHER: Credential = { id: 'other', projects: [OTHER_PROJECT], token: 'other-token' };
/** Headers that authenticate as the dev credential. */
export const TOKEN = { 'x-auth-token': 'dev-token' };

/** An app over an in-memory store, with its log lines captured. */
export interface TestApp {
  app: FastifyInstance;
  store: Store;
  logLines: () => Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** Builds the service for a test; `options` override the defaults. */
export function testApp(options: Partial<ServiceOptions> = {}): TestApp {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const store = Store.open(':memory:');
  const app = buildApp({
    store,
    credentials: [DEV_CREDENTIAL, OTHER],
    logger: createLogger(sink),
    ...options,
  });
  return {
    app,
    store,
    logLines: () => lines.map((line) => JSON.parse(line)),
    close: async () => {
      await app.close();
      store.close();
    },
  };
}

/** A request signed with the dev AK/SK over `signedHeaders` (x-sdk-date is always added). */
export function signedRequest(
  request: { method: 'GET' | 'POST'; url: string; body?: string; headers?: Record<string, string> },
  signedHeaders: string[] = [],
  atMs = Date.now(),
  secretKey = DEV_CREDENTIAL.secretKey!
): InjectOptions {
  const [path, query = ''] = request.url.split('?');
  const headers: Record<string, string> = {
    host: 'localhost:80',
    ...request.headers,
    'x-sdk-date': sdkDate(atMs),
  };
  const body = Buffer.from(request.body ?? '');
  const names = [...new Set([...signedHeaders, 'x-sdk-date'])];
  headers.authorization = authorization(
    { method: request.method, path, query, headers, body },
    names,
    DEV_CREDENTIAL.accessKey!,
    secretKey
  );
  return { method: request.method, url: request.url, headers, body };
}

/** A valid batch-query body for `metrics` SYS.ECS cpu_util metrics. */
export function batchBody(metrics = 1, overrides: Record<string, unknown> = {}) {
  const to = Date.now();
  return {
    metrics: Array.from({ length: metrics }, (_, i) => ({
      namespace: 'SYS.ECS',
      metric_name: 'cpu_util',
      dimensions: [{ name: 'instance_id', value: `ecs-${String(i + 1).padStart(4, '0')}` }],
    })),
    from: to - 3600000,
    to,
    period: '300',
    filter: 'average',
    ...overrides,
  };
}

/** Path of an endpoint of the dev project. */
export function api(endpoint: string, project = PROJECT): string {
  return `/V1.0/${project}/${endpoint}`;
}
