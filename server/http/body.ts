import type { FastifyRequest } from 'fastify';

import { badBody } from './errors';

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/**
 * The request body as JSON. The body arrives as raw bytes (the signature covers those exact
 * bytes), so it is parsed here, after authentication; anything unparsable answers 400.
 */
export function jsonBody(request: FastifyRequest): unknown {
  const type = request.headers['content-type'];
  if (typeof type !== 'string' || !JSON_TYPE.test(type)) {
    throw badBody([
      { path: '', message: `Content-Type must be application/json, got ${shown(type)}` },
    ]);
  }
  if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
    throw badBody([{ path: '', message: 'is empty; send a JSON document' }]);
  }
  try {
    return JSON.parse(request.body.toString('utf8'));
  } catch (error) {
    throw badBody([{ path: '', message: `is not valid JSON (${(error as Error).message})` }]);
  }
}

function shown(type: string | undefined): string {
  return type === undefined ? 'none' : JSON.stringify(type.slice(0, 60));
}
