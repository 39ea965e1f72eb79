import { MAX_BODY_BYTES, MAX_METRICS_SEED } from '../ces';
import type { PlanOptions } from './types';

/** The plan settings used where a caller gives none: the seed rules of the contract. */
export const defaultOptions: PlanOptions = {
  maxMetrics: MAX_METRICS_SEED,
  maxBodyBytes: MAX_BODY_BYTES,
  datapointBudget: 0,
  rawIntervalS: 60,
  maxDataPoints: 1000,
  minIntervalMs: 0,
  maxSeriesPerQuery: 100,
  maxWindows: 10,
};

/**
 * The caller's options over the defaults. A missing, non-finite or out-of-range number falls
 * back to its default, so a bad setting can never make the plan loop or divide by zero.
 */
export function resolveOptions(options: Partial<PlanOptions> | undefined): PlanOptions {
  const given = options ?? {};
  const pick = (name: keyof PlanOptions, min: number): number => {
    const value = given[name];
    return typeof value === 'number' && Number.isFinite(value) && value >= min
      ? Math.floor(value)
      : defaultOptions[name];
  };
  return {
    maxMetrics: pick('maxMetrics', 1),
    maxBodyBytes: pick('maxBodyBytes', 1024),
    datapointBudget: pick('datapointBudget', 0),
    rawIntervalS: pick('rawIntervalS', 1),
    maxDataPoints: pick('maxDataPoints', 1),
    minIntervalMs: pick('minIntervalMs', 0),
    maxSeriesPerQuery: pick('maxSeriesPerQuery', 1),
    maxWindows: pick('maxWindows', 1),
  };
}
