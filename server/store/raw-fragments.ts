import type { FilterName } from '../../src/ces';

import type { Fragment } from './fragments';

/** Raw points are cached as text per series per hour. */
export const RAW_BLOCK_MS = 3600_000;

/** The bytes of one hour of raw points: each point's text, start offset and timestamp. */
export interface RawFragment extends Fragment {
  /** Timestamp of each point, ascending; `offsets[k]` is where point k starts in `text`. */
  times: Float64Array;
}

/** Writes the fragment of raw points (timestamp, value pairs in time order) under a filter. */
export function rawFragment(rows: Array<[number, number]>, filter: FilterName): RawFragment {
  const head = `,{"${filter}":`;
  const times = new Float64Array(rows.length);
  const offsets = new Int32Array(rows.length + 1);
  let text = '';
  for (let k = 0; k < rows.length; k++) {
    const [ts, value] = rows[k];
    times[k] = ts;
    offsets[k] = text.length;
    text += `${head}${value},"timestamp":${ts}}`;
  }
  offsets[rows.length] = text.length;
  return { bytes: Buffer.from(text, 'latin1'), offsets, times };
}

/** The bytes of the points with `from <= timestamp < end`; no copy. */
export function rawSlice(fragment: RawFragment, from: number, end: number): Buffer {
  const first = firstAtOrAfter(fragment.times, from);
  const stop = firstAtOrAfter(fragment.times, end);
  return fragment.bytes.subarray(fragment.offsets[first], fragment.offsets[stop]);
}

function firstAtOrAfter(times: Float64Array, ms: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (times[mid] < ms) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}
