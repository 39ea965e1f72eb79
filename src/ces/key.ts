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
  // An index loop and slice(): the Go backend runs this in goja, where spreads and for...of
  // go through the iterator protocol item by item.
  const sorted = dimensions.length > 1 ? dimensions.slice().sort(byName) : dimensions;
  let key = namespace + '|' + metricName;
  for (let i = 0; i < sorted.length; i++) {
    key += '|' + sorted[i].name + '=' + sorted[i].value;
  }
  return key;
}

function byName(a: Dimension, b: Dimension): number {
  if (a.name === b.name) {
    return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  }
  return a.name < b.name ? -1 : 1;
}
