import { DATAPOINT_BUDGET, RAW_BUDGET_INTERVAL_S, type Profile } from './limits';
import { MAX_RANGE_MS, type Period } from './periods';

/** A time range in epoch ms, `from < to`. */
export interface TimeRange {
  from: number;
  to: number;
}

/** Interval a period counts at in the datapoint budget, in ms. */
export function budgetIntervalMs(period: Period): number {
  return (period === 1 ? RAW_BUDGET_INTERVAL_S : period) * 1000;
}

/**
 * The longest `to - from` the service serves for `metrics` metrics at `period`
 * before it silently moves `from` forward.
 */
export function maxRangeMs(period: Period, profile: Profile, metrics = 1): number {
  if (profile === 'seed') {
    return MAX_RANGE_MS[period];
  }
  return Math.floor((DATAPOINT_BUDGET * budgetIntervalMs(period)) / Math.max(1, metrics));
}

/**
 * What the service does to a requested range: clamp it to the longest range of the period
 * (moving `from`), then floor `from` to the period.
 */
export function clampRange(
  range: TimeRange,
  period: Period,
  profile: Profile,
  metrics = 1
): TimeRange {
  const longest = maxRangeMs(period, profile, metrics);
  const clampedFrom = range.to - range.from > longest ? range.to - longest : range.from;
  return { from: floorTo(clampedFrom, period), to: range.to };
}

/** `ms` floored to a multiple of the period (raw: unchanged). */
export function floorTo(ms: number, period: Period): number {
  const step = period * 1000;
  return period === 1 ? ms : Math.floor(ms / step) * step;
}

/** `ms` rounded up to a multiple of the period (raw: unchanged). */
export function ceilTo(ms: number, period: Period): number {
  const step = period * 1000;
  return period === 1 ? ms : Math.ceil(ms / step) * step;
}
