/** One broken rule, with the path of the field that breaks it (`metrics[3].dimensions[0].value`). */
export interface Violation {
  path: string;
  message: string;
}

/** Outcome of a validation: the typed value, or every violation found. */
export type Validated<T> = { ok: true; value: T } | { ok: false; violations: Violation[] };

/** A short, safe description of a bad value for an error message. */
export function describe(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (typeof value === 'string') {
    return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
  }
  if (typeof value === 'object') {
    return 'an object';
  }
  return String(value);
}

/** The violations as one line, e.g. for a 400 answer's details. */
export function summarize(violations: Violation[], limit = 10): string {
  const shown = violations.slice(0, limit).map((v) => `${v.path}: ${v.message}`);
  const more = violations.length > limit ? `; and ${violations.length - limit} more` : '';
  return shown.join('; ') + more;
}

/** True for a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
