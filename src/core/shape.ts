import { canonicalKey } from '../ces';
import { executedQueryString } from './executed';
import { seriesLabels, seriesName } from './naming';
import type {
  AnswerHead,
  BatchOutcome,
  Notice,
  Part,
  Plan,
  QueryError,
  QueryPlan,
  SeriesShape,
  Shaped,
  ShapedQuery,
} from './types';
import { grafanaUnit } from './units';

type FailedOutcome = Extract<BatchOutcome, { error: unknown }>;

/** Answers indexed by batch id, each with its metric indexes by canonical key. */
interface Answered {
  outcome: BatchOutcome;
  indexOf?: Map<string, number>;
}

/**
 * Shapes every query's series from the answers' heads (no datapoints): each descriptor's
 * pieces are found by canonical key, never by position, in window time order. A failed batch
 * gives its status, code and message to the queries it carried; a batch missing from
 * `outcomes` is taken as not answered yet and contributes nothing.
 */
export function shape(plan: Plan, outcomes: BatchOutcome[]): Shaped {
  const answered: Array<Answered | undefined> = [];
  for (const outcome of outcomes) {
    answered[outcome.batchId] = { outcome };
  }
  return { queries: plan.queries.map((query) => shapeQuery(query, plan, answered)) };
}

function shapeQuery(
  query: QueryPlan,
  plan: Plan,
  answered: Array<Answered | undefined>
): ShapedQuery {
  const executed = executedQueryString(query, plan);
  if (query.error) {
    return {
      refId: query.refId,
      notices: query.notices,
      executedQueryString: executed,
      error: { status: 400, message: query.error },
      series: [],
    };
  }

  const failed: FailedOutcome[] = [];
  for (const id of query.batchIds) {
    const outcome = answered[id]?.outcome;
    if (outcome !== undefined && 'error' in outcome) {
      failed.push(outcome);
    }
  }
  const notices: Notice[] = [...query.notices];
  const error = failed.length > 0 ? errorOf(failed[0]) : undefined;
  if (failed.length > 1) {
    notices.push({
      severity: 'error',
      text:
        `${failed.length} of ${query.batchIds.length} requests failed; ` +
        'the first error is shown.',
    });
  }

  const pieces = piecesByDescriptor(query, plan);
  const series: SeriesShape[] = [];
  const leftOut: string[] = [];
  query.descriptors.forEach((descriptor, d) => {
    const parts: Part[] = [];
    let answeredOnce = false;
    let cesUnit = '';
    for (const batchId of pieces[d]) {
      const found = answered[batchId];
      if (!found || 'error' in found.outcome) {
        continue;
      }
      answeredOnce = true;
      const index = indexIn(found).get(descriptor.key);
      if (index === undefined) {
        leftOut.push(descriptor.key);
        continue;
      }
      parts.push({ batchId, index });
      const head: AnswerHead = found.outcome.metrics[index];
      cesUnit = pickUnit(cesUnit, head.unit);
    }
    if (!answeredOnce) {
      return;
    }
    const unit = cesUnit === '' ? 'unknown' : cesUnit;
    series.push({
      key: descriptor.key,
      name: seriesName(query.alias, { ...query, dimensions: descriptor.dimensions }),
      labels: seriesLabels(descriptor.dimensions),
      unit: grafanaUnit(unit),
      cesUnit: unit,
      intervalMs: query.intervalMs,
      field: query.filter,
      parts,
    });
  });
  if (leftOut.length > 0) {
    notices.push({
      severity: 'warning',
      text:
        `The answers left out ${leftOut.length} requested metric ` +
        `${leftOut.length === 1 ? 'window' : 'windows'} (first: ${leftOut[0]}); ` +
        'those series have no data there.',
    });
  }

  const shaped: ShapedQuery = {
    refId: query.refId,
    notices,
    executedQueryString: executed,
    series,
  };
  if (error) {
    shaped.error = error;
  }
  return shaped;
}

/** For each descriptor of the query, the ids of the batches carrying it, in window order. */
function piecesByDescriptor(query: QueryPlan, plan: Plan): number[][] {
  const descriptorOf = new Map<string, number>();
  query.keys.forEach((key, d) => descriptorOf.set(key, d));

  const found: Array<Array<{ from: number; batchId: number }>> = query.keys.map(() => []);
  for (const batchId of query.batchIds) {
    const batch = plan.batches[batchId];
    for (const key of batch.keys) {
      const d = descriptorOf.get(key);
      if (d !== undefined) {
        found[d].push({ from: batch.body.from, batchId });
      }
    }
  }
  return found.map((list) => list.sort((a, b) => a.from - b.from).map((p) => p.batchId));
}

function indexIn(answered: Answered): Map<string, number> {
  if (!answered.indexOf) {
    const map = new Map<string, number>();
    const outcome = answered.outcome;
    if ('metrics' in outcome) {
      outcome.metrics.forEach((m, i) => {
        const key = canonicalKey(m.namespace, m.metric_name, m.dimensions);
        if (!map.has(key)) {
          map.set(key, i);
        }
      });
    }
    answered.indexOf = map;
  }
  return answered.indexOf;
}

/** The first known unit wins; `unknown` (an unknown metric in one window) gives way. */
function pickUnit(current: string, next: string): string {
  if (current === '' || current === 'unknown') {
    return next || current;
  }
  return current;
}

function errorOf(outcome: FailedOutcome): QueryError {
  const error: QueryError = { status: outcome.status, message: outcome.error.message };
  if (outcome.error.code) {
    error.code = outcome.error.code;
  }
  return error;
}
