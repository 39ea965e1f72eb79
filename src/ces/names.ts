/** Patterns of CES names and values, shared by every endpoint's validation. */

/** `service.item`: each part starts with a letter, then letters, digits or `_`; 3..32 in all. */
export const NAMESPACE_PATTERN = /^[A-Za-z][A-Za-z0-9_]*\.[A-Za-z][A-Za-z0-9_]*$/;
export const NAMESPACE_MIN = 3;
export const NAMESPACE_MAX = 32;
/** Starts with a letter, then letters, digits or `_`; 1..64. */
export const METRIC_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/** Starts with a letter, then letters, digits, `_` or `-`; 1..32. */
export const DIMENSION_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
/** Starts with a letter or digit, then letters, digits, `_` or `-`; 1..256. */
export const DIMENSION_VALUE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,255}$/;
/** A project id in a path. */
export const PROJECT_ID_PATTERN = /^[a-zA-Z0-9-]{1,64}$/;

/** True when `value` is a valid namespace. */
export function isNamespace(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= NAMESPACE_MIN &&
    value.length <= NAMESPACE_MAX &&
    NAMESPACE_PATTERN.test(value)
  );
}

/** True when `value` is a valid metric name. */
export function isMetricName(value: unknown): value is string {
  return typeof value === 'string' && METRIC_NAME_PATTERN.test(value);
}

/** True when `value` is a valid dimension name. */
export function isDimensionName(value: unknown): value is string {
  return typeof value === 'string' && DIMENSION_NAME_PATTERN.test(value);
}

/** True when `value` is a valid dimension value. */
export function isDimensionValue(value: unknown): value is string {
  return typeof value === 'string' && DIMENSION_VALUE_PATTERN.test(value);
}

/** True when `value` is a valid project id. */
export function isProjectId(value: unknown): value is string {
  return typeof value === 'string' && PROJECT_ID_PATTERN.test(value);
}
