/** What one query will cost for a time range, from the core's own plan. */

import type { MetricInfo } from '../ces';
import { plan } from '../core';
import type { CoreQuery, PlanOptions } from '../core/types';

/** Series, API calls and datapoints of a query, with the period the plan chose. */
export interface QueryCost {
  series: number;
  calls: number;
  datapoints: number;
  period: number;
  periodReason: string;
  /** Set when the query cannot be planned; the counts are then 0. */
  error?: string;
}

/** Plans the query alone over the range and counts what the plan would fetch. */
export function estimateCost(
  query: CoreQuery,
  range: { from: number; to: number },
  options: Partial<PlanOptions>,
  catalog?: MetricInfo[]
): QueryCost {
  const planned = plan({ queries: [query], range, options, catalog });
  const queryPlan = planned.queries[0];
  if (!queryPlan || queryPlan.error) {
    const error = queryPlan?.error ?? 'The query cannot be planned.';
    return { series: 0, calls: 0, datapoints: 0, period: 0, periodReason: '', error };
  }

  const stepMs = Math.max(1, queryPlan.intervalMs);
  const pointsPerSeries = queryPlan.windows.reduce(
    (points, window) => points + Math.ceil((window.to - window.from) / stepMs),
    0
  );
  const series = queryPlan.keys.length;
  return {
    series,
    calls: planned.batches.length,
    datapoints: series * pointsPerSeries,
    period: queryPlan.period,
    periodReason: queryPlan.periodReason,
  };
}

/** The sentence the editor shows under the query. */
export function costText(cost: QueryCost): string {
  if (cost.error) {
    return `Cannot plan this query: ${cost.error}`;
  }
  const count = (n: number, one: string, many: string) =>
    `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
  const period = cost.period === 1 ? 'raw' : `${cost.period} s`;
  return (
    `For the current range: ${count(cost.series, 'series', 'series')}, ` +
    `${count(cost.calls, 'API call', 'API calls')}, ` +
    `${count(cost.datapoints, 'datapoint', 'datapoints')} at period ${period} ` +
    `(${cost.periodReason}).`
  );
}
