import {
  COLLECT_FUTURE_MS,
  COLLECT_PAST_MS,
  SYSTEM_NAMESPACE_SERVICES,
  TTL_MAX_S,
  TTL_MIN_S,
} from './limits';
import type { AddMetricDataItem } from './types';
import { checkMetricRef } from './validate';
import { describe, isRecord, type Validated, type Violation } from './violations';

const MAX_UNIT_LENGTH = 32;
/** Items per add-metric-data body that are checked; the 512 KB body limit bounds the rest. */
const MAX_ITEMS = 10000;

/** True when custom data may not be added to `namespace` (its service part is SYS, AGT or SRE). */
export function isSystemNamespace(namespace: string): boolean {
  const service = namespace.split('.')[0];
  return (SYSTEM_NAMESPACE_SERVICES as readonly string[]).includes(service);
}

/**
 * Checks an add-metric-data body: a non-empty array of items, each with a valid metric,
 * a ttl of 1..604800 s, a collect_time within the last 3 days and the next 10 minutes of
 * `nowMs`, a finite value, and optionally a unit and a type.
 */
export function validateAddMetricData(
  body: unknown,
  nowMs: number
): Validated<AddMetricDataItem[]> {
  if (!Array.isArray(body)) {
    return {
      ok: false,
      violations: [{ path: '', message: `must be a JSON array of items, got ${describe(body)}` }],
    };
  }
  if (body.length === 0 || body.length > MAX_ITEMS) {
    return {
      ok: false,
      violations: [{ path: '', message: `must hold 1 to ${MAX_ITEMS} items, got ${body.length}` }],
    };
  }

  const violations: Violation[] = [];
  body.forEach((item: unknown, i) => checkItem(item, `[${i}]`, nowMs, violations));
  return violations.length > 0
    ? { ok: false, violations }
    : { ok: true, value: body as AddMetricDataItem[] };
}

function checkItem(item: unknown, path: string, nowMs: number, violations: Violation[]): void {
  if (!isRecord(item)) {
    violations.push({ path, message: `must be an object, got ${describe(item)}` });
    return;
  }
  checkMetricRef(item.metric, `${path}.metric`, violations);

  const ttl = item.ttl;
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < TTL_MIN_S || ttl > TTL_MAX_S) {
    violations.push({
      path: `${path}.ttl`,
      message: `must be an integer from ${TTL_MIN_S} to ${TTL_MAX_S} seconds, got ${describe(ttl)}`,
    });
  }
  const at = item.collect_time;
  const earliest = nowMs - COLLECT_PAST_MS;
  const latest = nowMs + COLLECT_FUTURE_MS;
  if (typeof at !== 'number' || !Number.isSafeInteger(at) || at < earliest || at > latest) {
    violations.push({
      path: `${path}.collect_time`,
      message: `must be epoch milliseconds within the last 3 days and the next 10 minutes, got ${describe(at)}`,
    });
  }
  if (typeof item.value !== 'number' || !Number.isFinite(item.value)) {
    violations.push({
      path: `${path}.value`,
      message: `must be a finite number, got ${describe(item.value)}`,
    });
  }
  if (
    item.unit !== undefined &&
    (typeof item.unit !== 'string' || item.unit.length > MAX_UNIT_LENGTH)
  ) {
    violations.push({
      path: `${path}.unit`,
      message: `must be a string of at most ${MAX_UNIT_LENGTH} characters, got ${describe(item.unit)}`,
    });
  }
  if (item.type !== undefined && item.type !== 'int' && item.type !== 'float') {
    violations.push({
      path: `${path}.type`,
      message: `must be "int" or "float", got ${describe(item.type)}`,
    });
  }
}
