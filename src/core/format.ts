const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** A duration for people: the largest whole unit, with one decimal when needed (`1.5 h`). */
export function formatDuration(ms: number): string {
  const units: Array<[number, string, string]> = [
    [DAY_MS, 'day', 'days'],
    [HOUR_MS, 'h', 'h'],
    [MINUTE_MS, 'min', 'min'],
    [1000, 's', 's'],
  ];
  for (const [size, one, many] of units) {
    if (ms >= size) {
      const amount = Math.round((ms / size) * 10) / 10;
      return `${amount} ${amount === 1 ? one : many}`;
    }
  }
  return `${ms} ms`;
}

/** A period for people: `raw` or its seconds. */
export function formatPeriod(period: number): string {
  return period === 1 ? 'raw (1)' : `${period} s`;
}

/** An epoch-ms instant as UTC ISO text (no locale, so every engine prints the same). */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString();
}
