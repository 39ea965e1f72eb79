import { canonicalKey } from '../ces';
import { executedQueryString } from './executed';
import { seriesLabels, seriesName, type NameContext } from './naming';
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
  // One naming context per query, its dimensions swapped per series: goja interprets this
  // code, and spreading the query for each series was a large part of shape's time.
  const context: NameContext = {
    namespace: query.namespace,
    metricName: query.metricName,
    period: query.period,
    filter: query.filter,
    dimensions: [],
  };
  const units = new UnitCache();
  const descriptors = query.descriptors;
  for (let d = 0; d < descriptors.length; d++) {
    const descriptor = descriptors[d];
    const batchIds = pieces[d];
    const parts: Part[] = [];
    let answeredOnce = false;
    let cesUnit = '';
    for (let p = 0; p < batchIds.length; p++) {
      const batchId = batchIds[p];
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
      continue;
    }
    const unit = cesUnit === '' ? 'unknown' : cesUnit;
    context.dimensions = descriptor.dimensions;
    series.push({
      key: descriptor.key,
      name: seriesName(query.alias, context),
      labels: seriesLabels(descriptor.dimensions),
      unit: units.grafana(unit),
      cesUnit: unit,
      intervalMs: query.intervalMs,
      field: query.filter,
      parts,
    });
  }
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

/**
 * For each descriptor of the query, the ids of the batches carrying it, in window order.
 * Written as plain loops: goja interprets the core, where closures and temporary objects per
 * key cost more than the work itself.
 */
function piecesByDescriptor(query: QueryPlan, plan: Plan): number[][] {
  const keys = query.keys;
  const descriptorOf = new Map<string, number>();
  const found: number[][] = new Array(keys.length);
  for (let d = 0; d < keys.length; d++) {
    descriptorOf.set(keys[d], d);
    found[d] = [];
  }
  let sorted = true;
  const batchIds = query.batchIds;
  for (let b = 0; b < batchIds.length; b++) {
    const batchId = batchIds[b];
    const batch = plan.batches[batchId];
    const from = batch.body.from;
    const batchKeys = batch.keys;
    for (let k = 0; k < batchKeys.length; k++) {
      const d = descriptorOf.get(batchKeys[k]);
      if (d === undefined) {
        continue;
      }
      const list = found[d];
      if (list.length > 0 && plan.batches[list[list.length - 1]].body.from > from) {
        sorted = false;
      }
      list.push(batchId);
    }
  }
  if (!sorted) {
    const fromOf = (id: number) => plan.batches[id].body.from;
    for (const list of found) {
      list.sort((a, b) => fromOf(a) - fromOf(b));
    }
  }
  return found;
}

function indexIn(answered: Answered): Map<string, number> {
  if (!answered.indexOf) {
    const map = new Map<string, number>();
    const outcome = answered.outcome;
    if ('metrics' in outcome) {
      const metrics = outcome.metrics;
      for (let i = 0; i < metrics.length; i++) {
        const m = metrics[i];
        const key = canonicalKey(m.namespace, m.metric_name, m.dimensions);
        if (!map.has(key)) {
          map.set(key, i);
        }
      }
    }
    answered.indexOf = map;
  }
  return answered.indexOf;
}

/** Grafana unit ids looked up once per CES unit: a query's series mostly share one unit. */
class UnitCache {
  private ces = '';
  private id = '';

  grafana(cesUnit: string): string {
    if (this.id === '' || cesUnit !== this.ces) {
      this.ces = cesUnit;
      this.id = grafanaUnit(cesUnit);
    }
    return this.id;
  }
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
