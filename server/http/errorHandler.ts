import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

import { ERROR_CODES } from '../../src/ces';
import { badBody, cesError, gatewayError, HttpError } from './errors';

/**
 * Maps every error to a CES or gateway body: HttpErrors as they are, framework errors about
 * the request to their 4xx, and anything else to a logged 500 `ces.0007` without details.
 */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const answer = error instanceof HttpError ? error : frameworkAnswer(error, request);
  if (answer.status >= 500 && !(error instanceof HttpError)) {
    request.log.error({ reqId: request.id, err: error }, 'internal error');
  }
  return reply.code(answer.status).headers(answer.headers).send(answer.body);
}

/** Unknown path or method: 404 `APIGW.0101`. */
export function handleNotFound(request: FastifyRequest, reply: FastifyReply) {
  const answer = gatewayError(
    404,
    ERROR_CODES.notFound,
    `No API matches ${request.method} ${request.url.split('?')[0].slice(0, 200)}.`,
    request.id
  );
  return reply.code(404).send(answer.body);
}

function frameworkAnswer(error: FastifyError, request: FastifyRequest): HttpError {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
    const message = 'The request body is larger than 512 KB.';
    return gatewayError(413, ERROR_CODES.bodyTooLarge, message, request.id);
  }
  const status = error.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const answer = badBody([{ path: '', message: error.message }]);
    return status === 400 ? answer : new HttpError(status, answer.body);
  }
  return cesError(500, ERROR_CODES.internal, 'Internal error; it has been logged.');
}
