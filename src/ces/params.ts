import { isFilter, type FilterName, FILTERS } from './filters';
import { MAX_LIST_DIMENSIONS, MAX_LIST_LIMIT, MAX_DIMENSIONS } from './limits';
import { isDimensionName, isDimensionValue, isMetricName, isNamespace } from './names';
import { parsePeriod, type Period } from './periods';
import type { Dimension } from './types';
import { describe, type Validated, type Violation } from './violations';

/** URL query parameters as a server framework hands them over. */
export type QueryParams = Record<string, unknown>;

/** Parsed parameters of `GET /V1.0/{pid}/metrics`. */
export interface ListMetricsParams {
  namespace?: string;
  metricName?: string;
  dimensions: Dimension[];
  start?: Marker;
  limit: number;
  order: 'asc' | 'desc';
}

/** A paging marker: the metric a page ends with. */
export interface Marker {
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
}

/** Parsed parameters of `GET /V1.0/{pid}/metric-data`. */
export interface SingleMetricParams {
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  from: number;
  to: number;
  period: Period;
  filter: FilterName;
}

/**
 * The paging marker of a metric: `namespace.metric_name.key:value`, further dimensions joined
 * by `,` (names sorted). Namespaces hold one dot, so the marker parses back unambiguously.
 */
export function formatMarker(marker: Marker): string {
  const dims = [...marker.dimensions].sort((a, b) => (a.name < b.name ? -1 : 1));
  return `${marker.namespace}.${marker.metricName}.${dims.map((d) => `${d.name}:${d.value}`).join(',')}`;
}

/** Reads a paging marker back; undefined when it is not one. */
export function parseMarker(text: string): Marker | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) {
    return undefined;
  }
  const [service, item, metricName, dimText] = parts;
  const namespace = `${service}.${item}`;
  if (!isNamespace(namespace) || !isMetricName(metricName)) {
    return undefined;
  }
  const dimensions: Dimension[] = [];
  for (const pair of dimText === '' ? [] : dimText.split(',')) {
    const dimension = parseColonPair(pair);
    if (!dimension) {
      return undefined;
    }
    dimensions.push(dimension);
  }
  return { namespace, metricName, dimensions };
}

/** Checks the list-metrics query; a bad marker is reported under the path `start`. */
export function validateListMetricsParams(query: QueryParams): Validated<ListMetricsParams> {
  const violations: Violation[] = [];
  const namespace = optionalString(query, 'namespace', isNamespace, violations);
  const metricName = optionalString(query, 'metric_name', isMetricName, violations);
  const dimensions = dimParams(query, MAX_LIST_DIMENSIONS, violations);

  let start: Marker | undefined;
  if (query.start !== undefined) {
    start = typeof query.start === 'string' ? parseMarker(query.start) : undefined;
    if (!start) {
      violations.push({
        path: 'start',
        message: `is not a paging marker, got ${describe(query.start)}`,
      });
    }
  }

  let limit = MAX_LIST_LIMIT;
  if (query.limit !== undefined) {
    const parsed = parseInteger(query.limit);
    if (parsed === undefined || parsed < 1 || parsed > MAX_LIST_LIMIT) {
      violations.push({
        path: 'limit',
        message: `must be an integer from 1 to ${MAX_LIST_LIMIT}, got ${describe(query.limit)}`,
      });
    } else {
      limit = parsed;
    }
  }

  const order = query.order ?? 'asc';
  if (order !== 'asc' && order !== 'desc') {
    violations.push({
      path: 'order',
      message: `must be "asc" or "desc", got ${describe(query.order)}`,
    });
  }

  if (violations.length > 0) {
    return { ok: false, violations };
  }
  return {
    ok: true,
    value: { namespace, metricName, dimensions, start, limit, order: order as 'asc' | 'desc' },
  };
}

/** Checks the single-metric query: every parameter but `dim.1`..`dim.3` is required. */
export function validateSingleMetricParams(query: QueryParams): Validated<SingleMetricParams> {
  const violations: Violation[] = [];
  const namespace = requiredString(query, 'namespace', isNamespace, violations);
  const metricName = requiredString(query, 'metric_name', isMetricName, violations);
  const dimensions = dimParams(query, MAX_DIMENSIONS, violations);
  if (query['dim.0'] === undefined) {
    violations.push({ path: 'dim.0', message: 'is required, as name,value' });
  }

  const from = parseInteger(query.from);
  const to = parseInteger(query.to);
  if (from === undefined || from < 0) {
    violations.push({
      path: 'from',
      message: `must be epoch milliseconds, got ${describe(query.from)}`,
    });
  }
  if (to === undefined || to < 0) {
    violations.push({
      path: 'to',
      message: `must be epoch milliseconds, got ${describe(query.to)}`,
    });
  }
  if (from !== undefined && to !== undefined && from >= to) {
    violations.push({ path: 'from', message: `must be less than to (from ${from}, to ${to})` });
  }
  const period = parsePeriod(query.period);
  if (period === undefined) {
    violations.push({
      path: 'period',
      message: `must be one of 1, 300, 1200, 3600, 14400, 86400; got ${describe(query.period)}`,
    });
  }
  if (!isFilter(query.filter)) {
    violations.push({
      path: 'filter',
      message: `must be one of ${FILTERS.join(', ')}; got ${describe(query.filter)}`,
    });
  }

  if (violations.length > 0) {
    return { ok: false, violations };
  }
  return {
    ok: true,
    value: {
      namespace: namespace!,
      metricName: metricName!,
      dimensions,
      from: from!,
      to: to!,
      period: period!,
      filter: query.filter as FilterName,
    },
  };
}

function dimParams(query: QueryParams, max: number, violations: Violation[]): Dimension[] {
  const dimensions: Dimension[] = [];
  for (const key of Object.keys(query)) {
    const match = /^dim\.(\d+)$/.exec(key);
    if (!key.startsWith('dim.')) {
      continue;
    }
    if (!match || Number(match[1]) >= max) {
      violations.push({
        path: key,
        message: `is not a known parameter; use dim.0 to dim.${max - 1}`,
      });
      continue;
    }
    const value = query[key];
    const dimension = typeof value === 'string' ? parseCommaPair(value) : undefined;
    if (!dimension) {
      violations.push({
        path: key,
        message: `must be name,value with a valid name and value, got ${describe(value)}`,
      });
    } else if (dimensions.some((d) => d.name === dimension.name)) {
      violations.push({ path: key, message: `repeats the dimension "${dimension.name}"` });
    } else {
      dimensions.push(dimension);
    }
  }
  return dimensions;
}

function parseCommaPair(text: string): Dimension | undefined {
  return splitPair(text, ',');
}

function parseColonPair(text: string): Dimension | undefined {
  return splitPair(text, ':');
}

function splitPair(text: string, separator: string): Dimension | undefined {
  const at = text.indexOf(separator);
  if (at < 0) {
    return undefined;
  }
  const name = text.slice(0, at);
  const value = text.slice(at + 1);
  return isDimensionName(name) && isDimensionValue(value) ? { name, value } : undefined;
}

function optionalString(
  query: QueryParams,
  key: string,
  valid: (v: unknown) => v is string,
  violations: Violation[]
): string | undefined {
  const value = query[key];
  if (value === undefined) {
    return undefined;
  }
  if (!valid(value)) {
    violations.push({ path: key, message: `is not valid, got ${describe(value)}` });
    return undefined;
  }
  return value;
}

function requiredString(
  query: QueryParams,
  key: string,
  valid: (v: unknown) => v is string,
  violations: Violation[]
): string | undefined {
  if (query[key] === undefined) {
    violations.push({ path: key, message: 'is required' });
    return undefined;
  }
  return optionalString(query, key, valid, violations);
}

function parseInteger(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^[0-9]{1,16}$/.test(value)) {
    return undefined;
  }
  const parsed = Number(value);
  return Number.isSafeInteger(parsed) ? parsed : undefined;
}
