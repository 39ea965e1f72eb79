import type { Dimension } from './types';

/**
 * The canonical key of a metric: namespace, metric name and dimensions sorted by name.
 * Answers are matched to requests by this key, never by position.
 * The separators cannot occur in valid names or values, so distinct metrics have distinct keys.
 */
export function canonicalKey(
  namespace: string,
  metricName: string,
  dimensions: Dimension[]
): string {
  const sorted = dimensions.length > 1 ? [...dimensions].sort(byName) : dimensions;
  let key = `${namespace}|${metricName}`;
  for (const d of sorted) {
    key += `|${d.name}=${d.value}`;
  }
  return key;
}

function byName(a: Dimension, b: Dimension): number {
  if (a.name === b.name) {
    return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  }
  return a.name < b.name ? -1 : 1;
}
