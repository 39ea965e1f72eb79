/** Grafana unit ids for the units CES reports; anything else shows as a plain number. */
const GRAFANA_UNITS: Readonly<Record<string, string>> = {
  '%': 'percent',
  'byte/s': 'Bps',
  'bit/s': 'bps',
  'B/s': 'Bps',
  byte: 'bytes',
  B: 'bytes',
  bit: 'bits',
  count: 'short',
  'count/s': 'cps',
  'request/s': 'reqps',
  ms: 'ms',
  s: 's',
};

/** The Grafana unit id of a CES unit (`%` -> `percent`); unknown or empty -> `none`. */
export function grafanaUnit(cesUnit: string): string {
  return Object.prototype.hasOwnProperty.call(GRAFANA_UNITS, cesUnit)
    ? GRAFANA_UNITS[cesUnit]
    : 'none';
}
