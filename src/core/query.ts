import type { CoreQuery, DimensionFilter } from './types';

/** A query as a panel or an alert rule saves it (template variables already interpolated). */
export interface SavedQuery {
  refId: string;
  namespace?: string;
  metricName?: string;
  dimensions?: Array<{ name?: string; value?: string }>;
  period?: string;
  filter?: string;
  alias?: string;
  hide?: boolean;
}

/**
 * The core's form of a saved query: each dimension value becomes a list (`{a,b}` is Grafana's
 * multi-value form, `*` stays as is), trimmed and without repeats; `period` defaults to `auto`
 * and `filter` to `average`. Nothing is validated here: `plan` reports bad fields by name.
 */
export function toCoreQuery(saved: SavedQuery): CoreQuery {
  const dimensions: DimensionFilter[] = (saved.dimensions ?? []).map((d) => ({
    name: (d.name ?? '').trim(),
    values: splitValues(d.value ?? ''),
  }));
  const query: CoreQuery = {
    refId: saved.refId,
    namespace: (saved.namespace ?? '').trim(),
    metricName: (saved.metricName ?? '').trim(),
    dimensions,
    period: (saved.period || 'auto') as CoreQuery['period'],
    filter: (saved.filter || 'average') as CoreQuery['filter'],
  };
  if (saved.alias) {
    query.alias = saved.alias;
  }
  return query;
}

function splitValues(value: string): string[] {
  const text = value.trim();
  const multi = text.length >= 2 && text.startsWith('{') && text.endsWith('}');
  const parts = multi ? text.slice(1, -1).split(',') : [text];
  const values: string[] = [];
  for (const part of parts) {
    const v = part.trim();
    if (v !== '' && !values.includes(v)) {
      values.push(v);
    }
  }
  return values;
}
