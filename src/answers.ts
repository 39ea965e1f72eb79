/** Turns what came back from a backend resource (an answer or a failure) into core terms. */

import type { FetchResponse } from '@grafana/runtime';

import { toBatchAnswer as coreBatchAnswer } from './core';
import type { BatchAnswer } from './core/types';

/** Code and message of a failed call. */
export interface CallError {
  code?: string;
  message: string;
}

const UNREACHABLE = 'The Grafana server could not be reached; check the connection and retry.';

/** A 2xx answer with metrics is the batch's answer; anything else is its error answer. */
export function toBatchAnswer(batchId: number, response: FetchResponse<unknown>): BatchAnswer {
  return coreBatchAnswer(batchId, response.status, response.data);
}

/** A failed call (Grafana's FetchError, or anything thrown) as the error answer of its batch. */
export function failedBatch(batchId: number, failure: unknown): BatchAnswer {
  const record = asRecord(failure);
  const status = typeof record?.status === 'number' ? record.status : 0;
  if (status > 0) {
    // The service's error body comes through the backend unchanged; the core reads it.
    return coreBatchAnswer(batchId, status, record?.data);
  }
  const message = typeof record?.message === 'string' && record.message ? record.message : '';
  return { batchId, status, error: { message: message || UNREACHABLE } };
}

/** Code and message of any failed resource call, read as a batch's error would be. */
export function callError(failure: unknown): CallError {
  const answer = failedBatch(0, failure);
  return 'error' in answer ? answer.error : { message: UNREACHABLE };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}
