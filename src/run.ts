/**
 * Runs a plan: sends its batches with a bounded number in flight and emits each query's frames
 * as soon as every batch carrying it has landed.
 */

import { DataQueryError, DataQueryResponse, LoadingState } from '@grafana/data';
import { concat, defer, EMPTY, from, map, mergeMap, Observable, of } from 'rxjs';

import { assemble } from './core';
import type { Batch, BatchAnswer, Plan, QueryResult } from './core/types';
import { toDataFrames } from './frames';

/** Sends one batch; the observable must not error (a failure is an error answer). */
export type SendBatch = (batch: Batch) => Observable<BatchAnswer>;

/** How a plan is run. */
export interface RunOptions {
  send: SendBatch;
  maxInFlight: number;
  /** Errors found before planning (e.g. a catalog that could not be read), kept in every packet. */
  errors?: DataQueryError[];
}

/**
 * Emits one response packet per landed batch (keyed, so Grafana keeps the earlier ones):
 * `Streaming` until the last batch, then `Done`. Unsubscribing cancels the calls in flight.
 */
export function runPlan(plan: Plan, options: RunOptions): Observable<DataQueryResponse> {
  return defer(() => {
    const run = new PlanRun(plan, options.errors ?? []);
    const first = run.packetWithoutBatches();
    if (plan.batches.length === 0) {
      return of(first);
    }

    const leading = first.data.length > 0 || first.errors!.length > 0 ? of(first) : EMPTY;
    const landing = from(plan.batches).pipe(
      mergeMap((batch) => options.send(batch), Math.max(1, options.maxInFlight)),
      map((answer) => run.land(answer))
    );
    return concat(leading, landing);
  });
}

/** The state of one run: answers so far, and which queries still wait for which batches. */
class PlanRun {
  private readonly answers = new Map<number, BatchAnswer>();
  private readonly waiting = new Map<string, Set<number>>();
  private readonly errors: DataQueryError[];
  private landed = 0;

  constructor(
    private readonly plan: Plan,
    initialErrors: DataQueryError[]
  ) {
    this.errors = [...initialErrors];
    for (const query of plan.queries) {
      this.waiting.set(query.refId, new Set(query.batchIds));
    }
  }

  /** The packet of the queries that need no batch (planning errors, nothing to fetch). */
  packetWithoutBatches(): DataQueryResponse {
    const ready = this.plan.queries.filter((query) => query.batchIds.length === 0);
    const results = this.results(ready.map((query) => query.refId));
    const done = this.plan.batches.length === 0;
    return this.packet('planned', results, done);
  }

  /** Records one answer and builds the packet of the queries it completed. */
  land(answer: BatchAnswer): DataQueryResponse {
    this.answers.set(answer.batchId, answer);
    this.landed++;

    const completed: string[] = [];
    for (const [refId, batchIds] of this.waiting) {
      if (batchIds.delete(answer.batchId) && batchIds.size === 0) {
        completed.push(refId);
      }
    }

    const results = this.results(completed);
    return this.packet(
      `batch-${answer.batchId}`,
      results,
      this.landed === this.plan.batches.length
    );
  }

  private results(refIds: string[]): QueryResult[] {
    if (refIds.length === 0) {
      return [];
    }
    const wanted = new Set(refIds);
    const queries = this.plan.queries.filter((query) => wanted.has(query.refId));
    const batchIds = new Set(queries.flatMap((query) => query.batchIds));
    const answers = [...batchIds].map((id) => this.answers.get(id)!);
    return assemble({ batches: this.plan.batches, queries }, answers);
  }

  private packet(key: string, results: QueryResult[], done: boolean): DataQueryResponse {
    for (const result of results) {
      if (result.error) {
        this.errors.push(queryError(result));
      }
    }
    // Grafana keeps every keyed packet's data but only the latest packet's errors.
    return {
      key,
      data: toDataFrames(results),
      errors: [...this.errors],
      state: done ? LoadingState.Done : LoadingState.Streaming,
    };
  }
}

function queryError(result: QueryResult): DataQueryError {
  const { status, code, message } = result.error!;
  return { refId: result.refId, status, message: code ? `${message} (${code})` : message };
}
