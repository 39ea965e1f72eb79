import type { BatchQueryResponse } from '../ces';
import { toOutcome } from './answers';
import { joinParts } from './join';
import { shape } from './shape';
import type { BatchAnswer, Plan, QueryResult } from './types';

/**
 * Turns the answers of a plan's batches into each query's result: `shape` over the answers'
 * heads, then `joinParts` for every series. Answers may come in any order and some may be
 * missing (not answered yet).
 */
export function assemble(plan: Plan, answers: BatchAnswer[]): QueryResult[] {
  const bodies: Array<BatchQueryResponse | undefined> = [];
  for (const answer of answers) {
    if ('body' in answer) {
      bodies[answer.batchId] = answer.body;
    }
  }
  const shaped = shape(plan, answers.map(toOutcome));

  return shaped.queries.map((query) => {
    const result: QueryResult = {
      refId: query.refId,
      series: query.series.map((s) => {
        const points = joinParts(s, bodies);
        return {
          refId: query.refId,
          key: s.key,
          name: s.name,
          labels: s.labels,
          unit: s.unit,
          cesUnit: s.cesUnit,
          intervalMs: s.intervalMs,
          timestamps: points.timestamps,
          values: points.values,
        };
      }),
      notices: query.notices,
      executedQueryString: query.executedQueryString,
    };
    if (query.error) {
      result.error = query.error;
    }
    return result;
  });
}
