import { budgetIntervalMs, MAX_RANGE_MS, parsePeriod, PERIODS, type Period } from '../ces';
import { formatDuration, formatPeriod } from './format';
import type { CoreQuery, PlanOptions } from './types';

/** The period of one query and why it was chosen. */
export interface PeriodChoice {
  period: Period;
  /** Interval between two points of a series, in ms (raw: the raw collection interval). */
  intervalMs: number;
  reason: string;
}

/** Interval between two points at `period`, in ms; raw counts at the raw collection interval. */
export function pointIntervalMs(period: Period, options: PlanOptions): number {
  return (period === 1 ? options.rawIntervalS : period) * 1000;
}

/**
 * The longest range one request may cover at `period`: the seed table, or under a datapoint
 * budget the range at which `metrics` metrics exactly use it up.
 */
export function windowLimitMs(period: Period, metrics: number, options: PlanOptions): number {
  if (options.datapointBudget <= 0) {
    return MAX_RANGE_MS[period];
  }
  const perMetric = (options.datapointBudget * budgetIntervalMs(period)) / Math.max(1, metrics);
  return Math.floor(perMetric);
}

/**
 * Picks the period of a query. An explicit period is kept. `auto` takes the smallest period
 * whose one-request range covers `rangeMs`, whose points per series stay within
 * `maxDataPoints`, and whose interval is not finer than `minIntervalMs`; when none does, the
 * largest period (the range is then split into windows).
 */
export function choosePeriod(
  query: CoreQuery,
  rangeMs: number,
  metrics: number,
  options: PlanOptions
): PeriodChoice {
  const explicit = parsePeriod(query.period);
  if (explicit !== undefined) {
    return {
      period: explicit,
      intervalMs: pointIntervalMs(explicit, options),
      reason: 'set by the query',
    };
  }

  const perRequest = Math.max(1, Math.min(metrics, options.maxMetrics));
  for (const period of PERIODS) {
    const intervalMs = pointIntervalMs(period, options);
    const limitMs = windowLimitMs(period, perRequest, options);
    const points = Math.ceil(rangeMs / intervalMs);
    const fits =
      limitMs >= rangeMs && points <= options.maxDataPoints && intervalMs >= options.minIntervalMs;
    if (fits) {
      const limitText = options.datapointBudget > 0 ? 'budget range' : 'maximum range';
      const reason =
        `auto: the smallest period whose ${limitText} (${formatDuration(limitMs)}) covers ` +
        `the range (${formatDuration(rangeMs)}) with ${points} points per series ` +
        `(at most ${options.maxDataPoints})` +
        (options.minIntervalMs > 0
          ? ` and not finer than ${formatDuration(options.minIntervalMs)}`
          : '');
      return { period, intervalMs, reason };
    }
  }

  const largest = PERIODS[PERIODS.length - 1];
  return {
    period: largest,
    intervalMs: pointIntervalMs(largest, options),
    reason:
      `auto: no period covers the range (${formatDuration(rangeMs)}) in one request within ` +
      `${options.maxDataPoints} points per series; the largest, ${formatPeriod(largest)}, is used`,
  };
}
