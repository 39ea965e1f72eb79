/** Template variables in saved queries: interpolation and the multi-value form. */

import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

import type { CesDimension, CesQuery } from './types';

/**
 * Formats a variable's value for a dimension: one value stays as it is, several become the
 * `{a,b}` form that the core expands into one descriptor per value.
 */
export function dimensionValueFormat(value: unknown): string {
  if (!Array.isArray(value)) {
    return String(value ?? '');
  }
  const values = value.map(String);
  return values.length === 1 ? values[0] : `{${values.join(',')}}`;
}

/** The query with every variable replaced; the saved query is left untouched. */
export function interpolateQuery(
  query: CesQuery,
  templateSrv: TemplateSrv,
  scopedVars: ScopedVars = {}
): CesQuery {
  const replace = (text: string | undefined) => templateSrv.replace(text ?? '', scopedVars);
  const dimensions = (query.dimensions ?? []).filter(hasContent).map((dimension) => ({
    name: replace(dimension.name),
    value: templateSrv.replace(dimension.value ?? '', scopedVars, dimensionValueFormat),
  }));
  return {
    ...query,
    namespace: replace(query.namespace),
    metricName: replace(query.metricName),
    dimensions,
    // Period and filter may name a dashboard variable; the core names a value it cannot use.
    period: replace(query.period) as CesQuery['period'],
    filter: replace(query.filter) as CesQuery['filter'],
    alias: query.alias === undefined ? undefined : replace(query.alias),
  };
}

/** True when a query names a metric and each dimension row that has content is complete. */
export function isCompleteQuery(query: Partial<CesQuery>): boolean {
  if (!query.namespace || !query.metricName) {
    return false;
  }
  return (query.dimensions ?? []).filter(hasContent).every((row) => row.name && row.value);
}

// A row the user added but has not filled in yet is ignored rather than sent half empty.
function hasContent(dimension: Partial<CesDimension>): boolean {
  return Boolean(dimension.name || dimension.value);
}
