import { formatDuration, formatInstant, formatPeriod } from './format';
import type { Plan, QueryPlan } from './types';

const WINDOWS_LISTED = 4;

/**
 * What was sent for one query, for the query inspector: metric, series count, period and why,
 * the windows, and the requests that carried its descriptors.
 */
export function executedQueryString(query: QueryPlan, plan: Plan): string {
  if (query.error) {
    return `${query.namespace} ${query.metricName}: not sent. ${query.error}`;
  }
  const lines = [
    `${query.namespace} ${query.metricName}, filter ${query.filter}, ` +
      `${query.keys.length} series`,
    `Period: ${formatPeriod(query.period)}, ${query.periodReason}`,
    windowsLine(query),
    batchesLine(query, plan),
  ];
  return lines.join('\n');
}

function windowsLine(query: QueryPlan): string {
  const windows = query.windows;
  if (windows.length === 0) {
    return 'Windows: none';
  }
  const listed = windows
    .slice(0, WINDOWS_LISTED)
    .map((w) => `${formatInstant(w.from)} to ${formatInstant(w.to)}`);
  const more =
    windows.length > WINDOWS_LISTED ? `, and ${windows.length - WINDOWS_LISTED} more` : '';
  const span = formatDuration(windows[windows.length - 1].to - windows[0].from);
  return `Windows: ${windows.length} covering ${span}: ${listed.join(', ')}${more}`;
}

function batchesLine(query: QueryPlan, plan: Plan): string {
  const ids = query.batchIds;
  if (ids.length === 0) {
    return 'Requests: none (no series to fetch)';
  }
  const shared = ids.some((id) => plan.batches[id].refIds.length > 1)
    ? ', shared with other queries'
    : '';
  return `Requests: ${ids.length} (batch ids ${ids.join(', ')})${shared}`;
}
