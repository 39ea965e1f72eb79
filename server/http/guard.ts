import type { FastifyReply, FastifyRequest } from 'fastify';

import { ERROR_CODES, isProjectId } from '../../src/ces';
import type { Authenticator } from '../auth/authenticate';
import type { Credential } from '../auth/credentials';
import { cesError, gatewayError, type HttpError } from './errors';
import { pickFault, type FaultOptions } from './faults';
import type { RateLimiter } from './rateLimit';

/** What the guard needs: who may call, how often, and which faults to inject. */
export interface GuardDeps {
  authenticator: Authenticator;
  rateLimiter: RateLimiter;
  faults: FaultOptions;
  now: () => number;
  random: () => number;
}

const EMPTY = Buffer.alloc(0);

/**
 * Runs before every `/V1.0` handler, in the order the cloud answers: authentication (401),
 * project id (400), project access (403), rate limit (429), then injected faults.
 */
export function createGuard(deps: GuardDeps) {
  return async function guard(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const credential = authenticate(request, deps);
    request.credential = credential;

    const projectId = (request.params as { project_id?: string }).project_id;
    if (!isProjectId(projectId)) {
      throw cesError(400, ERROR_CODES.badProject, 'The project id in the path is not valid.');
    }
    const claimed = request.headers['x-project-id'];
    const claimsOther = claimed !== undefined && claimed !== projectId;
    if (claimsOther || !credential.projects.includes(projectId)) {
      throw cesError(
        403,
        ERROR_CODES.noProjectAccess,
        'The credential has no access to this project.'
      );
    }

    const admission = deps.rateLimiter.take(credential.id, deps.now());
    if (!admission.ok) {
      throw tooManyRequests(admission.retryAfterS);
    }

    if (deps.faults.latencyMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, deps.faults.latencyMs));
    }
    const fault = pickFault(deps.faults, deps.random);
    if (fault !== undefined) {
      throw injected(fault);
    }
    reply.header('x-request-id', request.id);
  };
}

function authenticate(request: FastifyRequest, deps: GuardDeps): Credential {
  const [path, query = ''] = splitUrl(request.url);
  const body = Buffer.isBuffer(request.body) ? request.body : EMPTY;
  const signable = { method: request.method, path, query, headers: request.headers, body };
  const outcome = deps.authenticator.authenticate(signable, deps.now());
  if (!outcome.ok) {
    throw gatewayError(
      401,
      ERROR_CODES.unauthorized,
      `Unauthorized: ${outcome.reason}.`,
      request.id
    );
  }
  return outcome.credential;
}

function splitUrl(url: string): [string, string?] {
  const at = url.indexOf('?');
  return at < 0 ? [url] : [url.slice(0, at), url.slice(at + 1)];
}

function tooManyRequests(retryAfterS: number): HttpError {
  const error = cesError(429, ERROR_CODES.tooManyRequests, 'Too many requests; retry later.');
  error.headers['retry-after'] = String(retryAfterS);
  return error;
}

function injected(status: 429 | 500 | 503): HttpError {
  if (status === 429) {
    return tooManyRequests(1);
  }
  if (status === 500) {
    return cesError(500, ERROR_CODES.internal, 'Internal error (injected fault).');
  }
  return cesError(503, 'ces.0503', 'Service unavailable (injected fault).');
}
