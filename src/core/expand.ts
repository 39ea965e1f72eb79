import { canonicalKey, type Dimension, type MetricInfo } from '../ces';
import { STAR } from './check';
import type { CoreQuery, Descriptor, DimensionFilter, Notice } from './types';

/** The descriptors of one query, and what the expansion had to tell the user. */
export interface Expansion {
  descriptors: Descriptor[];
  notices: Notice[];
  /** Set when the query cannot be expanded at all. */
  error?: string;
}

/**
 * Expands a valid query into descriptors. Without `*` this is the cartesian product of the
 * dimension values, first dimension outermost. With `*` in any dimension the catalog decides:
 * every catalog metric of the same namespace and metric name that has each of the query's
 * dimensions, with a value allowed by every non-`*` filter, becomes one descriptor carrying the
 * catalog metric's full dimension list (that list is what identifies the metric to CES); these
 * are ordered by canonical key, so the catalog's order does not matter. The count is cut at
 * `maxSeries` with a warning.
 */
export function expandQuery(
  query: CoreQuery,
  catalog: MetricInfo[] | undefined,
  maxSeries: number
): Expansion {
  const hasStar = query.dimensions.some((d) => d.values.includes(STAR));
  if (hasStar && catalog === undefined) {
    return {
      descriptors: [],
      notices: [],
      error: 'A dimension value is *, but no metric catalog was given to resolve it.',
    };
  }

  const notices: Notice[] = [];
  const all = hasStar ? fromCatalog(query, catalog ?? []) : cartesian(query);
  if (hasStar && all.length === 0) {
    notices.push({
      severity: 'warning',
      text:
        `No metric of the catalog matches ${query.namespace} ${query.metricName} ` +
        'with these dimension filters.',
    });
  }
  if (all.length > maxSeries) {
    notices.push({
      severity: 'warning',
      text: `The query expands to ${all.length} series; only the first ${maxSeries} are fetched.`,
    });
  }
  return { descriptors: all.slice(0, maxSeries), notices };
}

function cartesian(query: CoreQuery): Descriptor[] {
  // Plain loops and slices: goja interprets the core, and array spread goes through the
  // iterator protocol there, once per value.
  let combos: Dimension[][] = [[]];
  const filters = query.dimensions;
  for (let f = 0; f < filters.length; f++) {
    const name = filters[f].name;
    const values = filters[f].values;
    const next: Dimension[][] = [];
    for (let c = 0; c < combos.length; c++) {
      for (let v = 0; v < values.length; v++) {
        const combo = combos[c].slice();
        combo.push({ name, value: values[v] });
        next.push(combo);
      }
    }
    combos = next;
  }
  const descriptors: Descriptor[] = new Array(combos.length);
  for (let c = 0; c < combos.length; c++) {
    descriptors[c] = describeMetric(query, combos[c]);
  }
  return unique(descriptors);
}

function fromCatalog(query: CoreQuery, catalog: MetricInfo[]): Descriptor[] {
  const matches = catalog.filter(
    (metric) =>
      metric.namespace === query.namespace &&
      metric.metric_name === query.metricName &&
      query.dimensions.every((filter) => allows(filter, metric.dimensions))
  );
  const descriptors = unique(
    matches.map((metric) =>
      describeMetric(
        query,
        metric.dimensions.map((d) => ({ name: d.name, value: d.value }))
      )
    )
  );
  return descriptors.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function allows(filter: DimensionFilter, dimensions: Dimension[]): boolean {
  const found = dimensions.find((d) => d.name === filter.name);
  return (
    found !== undefined && (filter.values.includes(STAR) || filter.values.includes(found.value))
  );
}

function describeMetric(query: CoreQuery, dimensions: Dimension[]): Descriptor {
  return { key: canonicalKey(query.namespace, query.metricName, dimensions), dimensions };
}

function unique(descriptors: Descriptor[]): Descriptor[] {
  const seen = new Set<string>();
  const kept: Descriptor[] = [];
  for (let i = 0; i < descriptors.length; i++) {
    const key = descriptors[i].key;
    if (!seen.has(key)) {
      seen.add(key);
      kept.push(descriptors[i]);
    }
  }
  return kept;
}
