/** The aggregation filters of the batch query. */
export const FILTERS = ['average', 'max', 'min', 'sum', 'variance'] as const;

/** One of {@link FILTERS}. */
export type FilterName = (typeof FILTERS)[number];

/** True when `value` names a filter. */
export function isFilter(value: unknown): value is FilterName {
  return typeof value === 'string' && (FILTERS as readonly string[]).includes(value);
}
