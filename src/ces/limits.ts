/** Limits of the batch query, per rule set. */

/** Which set of cloud rules applies: the seed rules (default) or the newer ones. */
export type Profile = 'seed' | 'current';

/** Metrics per batch request under the seed rules. */
export const MAX_METRICS_SEED = 10;
/** Metrics per batch request under the current cloud rules. */
export const MAX_METRICS_CURRENT = 500;
/** Dimensions per metric. */
export const MAX_DIMENSIONS = 4;
/** Largest request body, in bytes. */
export const MAX_BODY_BYTES = 512 * 1024;
/** Current rule: `metrics × (to - from) / interval` may not pass this. */
export const DATAPOINT_BUDGET = 3000;
/** Current rule: raw data counts at this interval, in seconds. */
export const RAW_BUDGET_INTERVAL_S = 60;
/** Dimension filters (`dim.N`) the list-metrics endpoint accepts. */
export const MAX_LIST_DIMENSIONS = 3;
/** Largest `limit` of the list-metrics endpoint, and its default. */
export const MAX_LIST_LIMIT = 1000;
/** Custom data: `ttl` bounds, in seconds. */
export const TTL_MIN_S = 1;
export const TTL_MAX_S = 604800;
/** Custom data: `collect_time` may lie this far in the past or future. */
export const COLLECT_PAST_MS = 3 * 24 * 3600 * 1000;
export const COLLECT_FUTURE_MS = 10 * 60 * 1000;
/** Namespaces whose service part is one of these refuse custom data. */
export const SYSTEM_NAMESPACE_SERVICES = ['SYS', 'AGT', 'SRE'] as const;

/** Metrics per request under a profile. */
export function maxMetrics(profile: Profile): number {
  return profile === 'current' ? MAX_METRICS_CURRENT : MAX_METRICS_SEED;
}
