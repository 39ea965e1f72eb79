import type { Dimension } from '../ces';

/** What a series name may refer to. */
export interface NameContext {
  namespace: string;
  metricName: string;
  period: number;
  filter: string;
  dimensions: Dimension[];
}

const TOKEN = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;

/**
 * The display name of a series. With an alias, its `{{metric_name}}`, `{{namespace}}`,
 * `{{period}}`, `{{filter}}` and `{{<dimension name>}}` are filled in (these built-in names win
 * over a dimension of the same name); an unknown name stays as written so the user sees it.
 * Without an alias: the metric name, then the dimension values in query order.
 */
export function seriesName(alias: string | undefined, context: NameContext): string {
  if (!alias) {
    // A loop rather than spread, map and join: goja runs this once per series.
    let name = context.metricName;
    const dimensions = context.dimensions;
    for (let i = 0; i < dimensions.length; i++) {
      name += ' ' + dimensions[i].value;
    }
    return name;
  }
  return alias.replace(TOKEN, (whole: string, name: string) => {
    const value = tokenValue(name, context);
    return value === undefined ? whole : value;
  });
}

function tokenValue(name: string, context: NameContext): string | undefined {
  switch (name) {
    case 'metric_name':
      return context.metricName;
    case 'namespace':
      return context.namespace;
    case 'period':
      return String(context.period);
    case 'filter':
      return context.filter;
    default:
      return context.dimensions.find((d) => d.name === name)?.value;
  }
}

/**
 * Series labels: the dimensions only. Namespace and metric name are the same for every series
 * of a query (they are in its name and executed-query text), so labels hold just what tells
 * one series from another, which is what alert rules key on.
 */
export function seriesLabels(dimensions: Dimension[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (let i = 0; i < dimensions.length; i++) {
    labels[dimensions[i].name] = dimensions[i].value;
  }
  return labels;
}
