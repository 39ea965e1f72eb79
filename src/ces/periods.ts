/** Periods of the batch query, in seconds; `1` means raw points. */
export const PERIODS = [1, 300, 1200, 3600, 14400, 86400] as const;

/** One of {@link PERIODS}. */
export type Period = (typeof PERIODS)[number];

/** A period as the wire carries it: a string. */
export type PeriodString = '1' | '300' | '1200' | '3600' | '14400' | '86400';

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Seed rule: the longest `to - from` the service accepts per period before it moves `from`. */
export const MAX_RANGE_MS: Readonly<Record<Period, number>> = {
  1: 4 * HOUR_MS,
  300: DAY_MS,
  1200: 3 * DAY_MS,
  3600: 10 * DAY_MS,
  14400: 30 * DAY_MS,
  86400: 180 * DAY_MS,
};

/** True when `value` is a period in seconds. */
export function isPeriod(value: unknown): value is Period {
  return typeof value === 'number' && (PERIODS as readonly number[]).includes(value);
}

/** The period a wire string names, or undefined when it names none. */
export function parsePeriod(value: unknown): Period | undefined {
  if (typeof value !== 'string' || !/^[0-9]{1,5}$/.test(value)) {
    return undefined;
  }
  const seconds = Number(value);
  return isPeriod(seconds) ? seconds : undefined;
}

/** The wire string of a period. */
export function periodString(period: Period): PeriodString {
  return String(period) as PeriodString;
}

/** Length of one bucket in ms. Raw data has no bucket: its length is 1 ms (no flooring). */
export function bucketMs(period: Period): number {
  return period * 1000;
}
