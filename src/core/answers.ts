import { isRecord, type BatchQueryResponse } from '../ces';
import type { AnswerHead, BatchAnswer, BatchError, BatchOutcome } from './types';

/**
 * A batch answer from an HTTP status and parsed body: a 2xx with a `metrics` list is an
 * answer; anything else is an error carrying the service's code and message (CES error body
 * or API gateway error body), or a plain description when the body has neither.
 */
export function toBatchAnswer(batchId: number, status: number, body: unknown): BatchAnswer {
  const ok = status >= 200 && status < 300;
  if (ok && isRecord(body) && Array.isArray(body.metrics)) {
    return { batchId, status, body: body as unknown as BatchQueryResponse };
  }
  return { batchId, status, error: errorOf(status, body, ok) };
}

function errorOf(status: number, body: unknown, ok: boolean): BatchError {
  if (ok) {
    return { message: `The service answered ${status} without a metrics list.` };
  }
  if (isRecord(body) && isRecord(body.message)) {
    const code = typeof body.message.code === 'string' ? body.message.code : undefined;
    const details = typeof body.message.details === 'string' ? body.message.details : '';
    return withCode(code, details || `The service answered ${status}.`);
  }
  if (isRecord(body) && typeof body.error_code === 'string') {
    const message = typeof body.error_msg === 'string' ? body.error_msg : '';
    return withCode(body.error_code, message || `The service answered ${status}.`);
  }
  if (isRecord(body) && typeof body.message === 'string') {
    return { message: body.message };
  }
  return { message: `The service answered ${status}.` };
}

function withCode(code: string | undefined, message: string): BatchError {
  return code ? { code, message } : { message };
}

/** An answer reduced to what `shape` reads: each metric's names, unit and point count. */
export function toOutcome(answer: BatchAnswer): BatchOutcome {
  if ('error' in answer) {
    return { batchId: answer.batchId, status: answer.status, error: answer.error };
  }
  const metrics: AnswerHead[] = answer.body.metrics.map((m) => ({
    namespace: m.namespace,
    metric_name: m.metric_name,
    dimensions: Array.isArray(m.dimensions) ? m.dimensions : [],
    unit: typeof m.unit === 'string' ? m.unit : '',
    count: Array.isArray(m.datapoints) ? m.datapoints.length : 0,
  }));
  return { batchId: answer.batchId, status: answer.status, metrics };
}
