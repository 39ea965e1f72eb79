import {
  describe,
  isDimensionName,
  isDimensionValue,
  isFilter,
  isMetricName,
  isNamespace,
  MAX_DIMENSIONS,
  parsePeriod,
  type Violation,
} from '../ces';
import type { CoreQuery } from './types';

/** The wildcard value: every value the catalog knows. */
export const STAR = '*';

/**
 * Every broken rule of one query, each under the path of its field (`dimensions[1].values[0]`),
 * checked with the contract's own name rules so a query the core accepts is one CES accepts.
 */
export function checkQuery(query: CoreQuery): Violation[] {
  const violations: Violation[] = [];
  if (!isNamespace(query.namespace)) {
    violations.push({
      path: 'namespace',
      message: `must be service.item, e.g. SYS.ECS; got ${describe(query.namespace)}`,
    });
  }
  if (!isMetricName(query.metricName)) {
    violations.push({
      path: 'metricName',
      message: `must start with a letter, then letters, digits or _; got ${describe(
        query.metricName
      )}`,
    });
  }
  if (query.period !== 'auto' && parsePeriod(query.period) === undefined) {
    violations.push({
      path: 'period',
      message: `must be auto, 1, 300, 1200, 3600, 14400 or 86400; got ${describe(query.period)}`,
    });
  }
  if (!isFilter(query.filter)) {
    violations.push({
      path: 'filter',
      message: `must be average, max, min, sum or variance; got ${describe(query.filter)}`,
    });
  }
  checkDimensionFilters(query, violations);
  return violations;
}

function checkDimensionFilters(query: CoreQuery, violations: Violation[]): void {
  const dimensions = Array.isArray(query.dimensions) ? query.dimensions : [];
  if (dimensions.length > MAX_DIMENSIONS) {
    violations.push({
      path: 'dimensions',
      message: `must hold at most ${MAX_DIMENSIONS} dimensions, got ${dimensions.length}`,
    });
  }
  const seen = new Set<string>();
  dimensions.forEach((dimension, i) => {
    const at = `dimensions[${i}]`;
    if (!isDimensionName(dimension.name)) {
      violations.push({
        path: `${at}.name`,
        message: `must start with a letter, then letters, digits, _ or -; got ${describe(
          dimension.name
        )}`,
      });
    } else if (seen.has(dimension.name)) {
      violations.push({ path: `${at}.name`, message: `repeats ${describe(dimension.name)}` });
    }
    seen.add(dimension.name);

    const values = Array.isArray(dimension.values) ? dimension.values : [];
    if (values.length === 0) {
      violations.push({ path: `${at}.values`, message: 'needs at least one value, or *' });
    }
    values.forEach((value, j) => {
      if (value !== STAR && !isDimensionValue(value)) {
        violations.push({
          path: `${at}.values[${j}]`,
          message:
            'must start with a letter or digit, then letters, digits, _ or -; ' +
            `got ${describe(value)}`,
        });
      }
    });
  });
}

/** Violations as one sentence for a query error. */
export function violationText(violations: Violation[]): string {
  const shown = violations.slice(0, 5).map((v) => `${v.path} ${v.message}`);
  const more = violations.length > 5 ? ` (and ${violations.length - 5} more)` : '';
  return `Invalid query: ${shown.join('; ')}${more}.`;
}
