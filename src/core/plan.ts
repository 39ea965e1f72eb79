import { makeBatches, type BatchableQuery } from './batches';
import { checkQuery, violationText } from './check';
import { expandQuery } from './expand';
import { formatDuration, formatInstant, formatPeriod } from './format';
import { resolveOptions } from './options';
import { choosePeriod } from './period';
import type { CoreQuery, Notice, Plan, PlanInput, PlanOptions, QueryPlan } from './types';
import { snapRange, splitWindows, type Window } from './windows';

/**
 * Plans the API requests for a set of queries over one time range: expands each query, picks
 * its period, snaps and splits the range into windows, then batches the descriptors of all
 * queries together. A query that cannot be planned gets an error and no batches; the others
 * are planned as usual.
 */
export function plan(input: PlanInput): Plan {
  const options = resolveOptions(input.options);
  const rangeError = checkRange(input.range);

  const planned: QueryPlan[] = [];
  const batchable: BatchableQuery[] = [];
  const batchableAt: number[] = [];
  for (const query of input.queries) {
    const one = planQuery(query, input, options, rangeError);
    planned.push(one.plan);
    if (one.batchable) {
      batchableAt.push(planned.length - 1);
      batchable.push(one.batchable);
    }
  }

  const { batches, batchIds } = makeBatches(batchable, options);
  batchIds.forEach((ids, i) => {
    planned[batchableAt[i]].batchIds = ids;
  });
  return { batches, queries: planned };
}

interface PlannedQuery {
  plan: QueryPlan;
  batchable?: BatchableQuery;
}

function planQuery(
  query: CoreQuery,
  input: PlanInput,
  options: PlanOptions,
  rangeError: string | undefined
): PlannedQuery {
  const base: QueryPlan = {
    refId: query.refId,
    namespace: query.namespace,
    metricName: query.metricName,
    filter: query.filter,
    period: 0,
    periodReason: '',
    intervalMs: 0,
    windows: [],
    keys: [],
    descriptors: [],
    batchIds: [],
    notices: [],
  };
  if (query.alias) {
    base.alias = query.alias;
  }
  const violations = rangeError ? [] : checkQuery(query);
  const error = rangeError ?? (violations.length > 0 ? violationText(violations) : undefined);
  if (error) {
    return { plan: { ...base, error } };
  }

  const expansion = expandQuery(query, input.catalog, options.maxSeriesPerQuery);
  if (expansion.error) {
    return { plan: { ...base, error: expansion.error } };
  }
  const descriptors = expansion.descriptors;
  const notices: Notice[] = [...expansion.notices];

  const rangeMs = input.range.to - input.range.from;
  const choice = choosePeriod(query, rangeMs, descriptors.length, options);
  const perRequest = Math.max(1, Math.min(descriptors.length, options.maxMetrics));
  const snapped = snapRange(input.range, choice.period);
  const split = splitWindows(snapped, choice.period, perRequest, options);
  notices.push(...windowNotices(split.windows, split.needed, split.spanMs));
  if (query.period === 'auto') {
    notices.push({
      severity: 'info',
      text: `Period ${formatPeriod(choice.period)} chosen (${choice.reason}).`,
    });
  }

  const queryPlan: QueryPlan = {
    ...base,
    period: choice.period,
    periodReason: choice.reason,
    intervalMs: choice.intervalMs,
    windows: split.windows,
    keys: descriptors.map((d) => d.key),
    descriptors,
    notices,
  };
  if (descriptors.length === 0) {
    return { plan: queryPlan };
  }
  return {
    plan: queryPlan,
    batchable: {
      refId: query.refId,
      namespace: query.namespace,
      metricName: query.metricName,
      period: choice.period,
      filter: query.filter,
      windows: split.windows,
      descriptors,
    },
  };
}

function windowNotices(windows: Window[], needed: number, spanMs: number): Notice[] {
  const notices: Notice[] = [];
  if (needed > 1) {
    notices.push({
      severity: 'info',
      text:
        `The range is longer than one request may cover (${formatDuration(spanMs)}); ` +
        `it is fetched in ${needed} windows.`,
    });
  }
  if (windows.length < needed) {
    const kept = windows[0];
    notices.push({
      severity: 'warning',
      text:
        `Only the newest ${windows.length} of ${needed} windows are fetched: ` +
        `data before ${formatInstant(kept.from)} is left out.`,
    });
  }
  return notices;
}

function checkRange(range: PlanInput['range'] | undefined): string | undefined {
  const valid =
    range !== undefined &&
    Number.isSafeInteger(range.from) &&
    Number.isSafeInteger(range.to) &&
    range.from >= 0 &&
    range.from < range.to;
  return valid
    ? undefined
    : 'Invalid time range: from and to must be epoch milliseconds with from before to.';
}
