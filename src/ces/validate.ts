import { FILTERS, isFilter } from './filters';
import { MAX_DIMENSIONS, MAX_METRICS_SEED } from './limits';
import { isDimensionName, isDimensionValue, isMetricName, isNamespace } from './names';
import { parsePeriod, PERIODS } from './periods';
import type { BatchQueryRequest, Dimension, MetricRef } from './types';
import { describe, isRecord, type Validated, type Violation } from './violations';

/** Options of the batch-query validation. */
export interface BatchRules {
  /** Metrics per request: 10 under the seed rules, 500 under the current ones. */
  maxMetrics: number;
}

const DEFAULT_RULES: BatchRules = { maxMetrics: MAX_METRICS_SEED };

/**
 * Checks a batch-query body against every rule of the contract and returns every violation,
 * each with its field path. Never throws, whatever `body` is.
 */
export function validateBatchQuery(
  body: unknown,
  rules: BatchRules = DEFAULT_RULES
): Validated<BatchQueryRequest> {
  const violations: Violation[] = [];
  if (!isRecord(body)) {
    return {
      ok: false,
      violations: [{ path: '', message: `must be a JSON object, got ${describe(body)}` }],
    };
  }

  checkMetrics(body.metrics, rules, violations);
  const from = checkTime(body.from, 'from', violations);
  const to = checkTime(body.to, 'to', violations);
  if (from !== undefined && to !== undefined && from >= to) {
    violations.push({ path: 'from', message: `must be less than to (from ${from}, to ${to})` });
  }
  if (parsePeriod(body.period) === undefined) {
    violations.push({
      path: 'period',
      message: `must be one of ${quoted(PERIODS.map(String))}, got ${describe(body.period)}`,
    });
  }
  if (!isFilter(body.filter)) {
    violations.push({
      path: 'filter',
      message: `must be one of ${quoted(FILTERS)}, got ${describe(body.filter)}`,
    });
  }

  if (violations.length > 0) {
    return { ok: false, violations };
  }
  return { ok: true, value: body as unknown as BatchQueryRequest };
}

/** Checks one metric reference (`namespace`, `metric_name`, `dimensions`) under `path`. */
export function checkMetricRef(
  value: unknown,
  path: string,
  violations: Violation[]
): value is MetricRef {
  const before = violations.length;
  if (!isRecord(value)) {
    violations.push({ path, message: `must be an object, got ${describe(value)}` });
    return false;
  }
  if (!isNamespace(value.namespace)) {
    violations.push({
      path: `${path}.namespace`,
      message: `must be service.item, each part starting with a letter, 3 to 32 characters; got ${describe(value.namespace)}`,
    });
  }
  if (!isMetricName(value.metric_name)) {
    violations.push({
      path: `${path}.metric_name`,
      message: `must start with a letter, then letters, digits or _, 1 to 64 characters; got ${describe(value.metric_name)}`,
    });
  }
  checkDimensions(value.dimensions, `${path}.dimensions`, violations);
  return violations.length === before;
}

/** Checks a dimension list: an array of at most 4 `{name, value}` with distinct names. */
export function checkDimensions(
  value: unknown,
  path: string,
  violations: Violation[]
): value is Dimension[] {
  const before = violations.length;
  if (!Array.isArray(value)) {
    violations.push({ path, message: `must be an array of {name, value}, got ${describe(value)}` });
    return false;
  }
  if (value.length > MAX_DIMENSIONS) {
    violations.push({
      path,
      message: `must hold at most ${MAX_DIMENSIONS} dimensions, got ${value.length}`,
    });
  }
  const seen = new Set<string>();
  value.slice(0, MAX_DIMENSIONS + 1).forEach((dimension: unknown, i) => {
    const at = `${path}[${i}]`;
    if (!isRecord(dimension)) {
      violations.push({
        path: at,
        message: `must be an object {name, value}, got ${describe(dimension)}`,
      });
      return;
    }
    if (!isDimensionName(dimension.name)) {
      violations.push({
        path: `${at}.name`,
        message: `must start with a letter, then letters, digits, _ or -, 1 to 32 characters; got ${describe(dimension.name)}`,
      });
    } else if (seen.has(dimension.name)) {
      violations.push({
        path: `${at}.name`,
        message: `repeats the dimension ${describe(dimension.name)}`,
      });
    } else {
      seen.add(dimension.name);
    }
    if (!isDimensionValue(dimension.value)) {
      violations.push({
        path: `${at}.value`,
        message: `must start with a letter or digit, then letters, digits, _ or -, 1 to 256 characters; got ${describe(dimension.value)}`,
      });
    }
  });
  return violations.length === before;
}

function checkMetrics(value: unknown, rules: BatchRules, violations: Violation[]): void {
  if (!Array.isArray(value)) {
    violations.push({
      path: 'metrics',
      message: `must be an array of metrics, got ${describe(value)}`,
    });
    return;
  }
  if (value.length < 1 || value.length > rules.maxMetrics) {
    violations.push({
      path: 'metrics',
      message: `must hold 1 to ${rules.maxMetrics} metrics, got ${value.length}`,
    });
  }
  // Past the limit the request is refused anyway; checking the first items is enough to be useful.
  value
    .slice(0, rules.maxMetrics + 1)
    .forEach((metric: unknown, i) => checkMetricRef(metric, `metrics[${i}]`, violations));
}

/** Checks an epoch-ms integer field; returns it when valid. */
export function checkTime(
  value: unknown,
  path: string,
  violations: Violation[]
): number | undefined {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    violations.push({
      path,
      message: `must be a non-negative integer of epoch milliseconds, got ${describe(value)}`,
    });
    return undefined;
  }
  return value;
}

function quoted(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}
