/** Turns what came back for one batch (an answer or a failure) into the core's BatchAnswer. */

import type { FetchResponse } from '@grafana/runtime';

import type { BatchQueryResponse } from './ces';
import type { BatchAnswer } from './core/types';

/** Code and message of a failed call, read from whichever error body came back. */
export interface CallError {
  code?: string;
  message: string;
}

/** A 2xx answer carries metrics; anything else becomes an error answer of that batch. */
export function toBatchAnswer(batchId: number, response: FetchResponse<unknown>): BatchAnswer {
  if (response.status >= 200 && response.status < 300 && hasMetrics(response.data)) {
    return { batchId, status: response.status, body: response.data };
  }
  return failedBatch(batchId, response);
}

/** A failed call (a FetchError or anything thrown) as the error answer of its batch. */
export function failedBatch(batchId: number, failure: unknown): BatchAnswer {
  const status = readStatus(failure);
  return { batchId, status, error: callError(failure, status) };
}

/**
 * Reads the code and message from the bodies the backend may answer: the CES error body, the
 * API gateway's body, or the backend's own `{message}`; falls back to the HTTP status.
 */
export function callError(failure: unknown, status = readStatus(failure)): CallError {
  const record = asRecord(failure);
  const body = asRecord(record?.data);
  const cesMessage = asRecord(body?.message);

  if (cesMessage && typeof cesMessage.details === 'string') {
    return withCode(cesMessage.code, cesMessage.details);
  }
  if (body && typeof body.error_msg === 'string') {
    return withCode(body.error_code, body.error_msg);
  }
  if (body && typeof body.message === 'string' && body.message !== '') {
    return withCode(body.code, body.message);
  }
  if (body && typeof body.error === 'string' && body.error !== '') {
    return { message: body.error };
  }
  if (record && typeof record.message === 'string' && record.message !== '') {
    return { message: record.message };
  }
  if (status > 0) {
    const statusText = typeof record?.statusText === 'string' ? ` ${record.statusText}` : '';
    return { message: `The backend answered HTTP ${status}${statusText}.` };
  }
  return { message: 'The backend could not be reached; check that Grafana is running.' };
}

function hasMetrics(data: unknown): data is BatchQueryResponse {
  return Array.isArray(asRecord(data)?.metrics);
}

function readStatus(failure: unknown): number {
  const status = asRecord(failure)?.status;
  return typeof status === 'number' ? status : 0;
}

function withCode(code: unknown, message: string): CallError {
  return typeof code === 'string' && code !== '' ? { code, message } : { message };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}
