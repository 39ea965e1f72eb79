import type { FilterName } from '../../src/ces';

import { BLOCK_BUCKETS, bucketCount, fieldReader, type Block } from './block';

/**
 * The JSON text of one rollup block under one filter: every bucket that holds data as
 * `,{"<filter>":<value>,"timestamp":<start>}`, and where each bucket's text starts, so that any
 * run of buckets is one slice of bytes encoded once. The text is ASCII (numbers and a filter
 * name), so a character offset is a byte offset; answers are assembled from byte slices because
 * a string joined from many slices must be flattened and encoded again on every request.
 */
export interface Fragment {
  bytes: Buffer;
  /** `offsets[i]` is where bucket i starts in `bytes`; `offsets[BLOCK_BUCKETS]` is its length. */
  offsets: Int32Array;
}

/** The fragment of an absent block: no bucket holds data. */
export const EMPTY_FRAGMENT: Fragment = {
  bytes: Buffer.alloc(0),
  offsets: new Int32Array(BLOCK_BUCKETS + 1),
};

/** Writes a block's fragment; numbers go through `String`, exactly as JSON.stringify formats them. */
export function blockFragment(
  block: Block,
  index: number,
  bucketMs: number,
  filter: FilterName
): Fragment {
  const read = fieldReader(filter);
  const head = `,{"${filter}":`;
  const offsets = new Int32Array(BLOCK_BUCKETS + 1);
  const firstStart = index * BLOCK_BUCKETS * bucketMs;
  let text = '';
  for (let i = 0; i < BLOCK_BUCKETS; i++) {
    offsets[i] = text.length;
    if (bucketCount(block, i) > 0) {
      text += `${head}${read(block, i)},"timestamp":${firstStart + i * bucketMs}}`;
    }
  }
  offsets[BLOCK_BUCKETS] = text.length;
  return { bytes: Buffer.from(text, 'latin1'), offsets };
}

/** The bytes of buckets [from, to) of a fragment (bucket positions within the block); no copy. */
export function fragmentSlice(fragment: Fragment, from: number, to: number): Buffer {
  return fragment.bytes.subarray(fragment.offsets[from], fragment.offsets[to]);
}

/**
 * Fragments kept between queries (keyed by period, 1 for raw hours), least recently used
 * dropped first. Dashboards ask for the
 * same series again and again; a block's text is written once until the block changes.
 */
export class FragmentCache<F extends Fragment = Fragment> {
  private readonly entries = new Map<string, F>();

  constructor(private readonly capacity = 8192) {}

  /** The cached fragment of a block under a filter, if any. */
  get(period: number, seriesId: number, index: number, filter: FilterName): F | undefined {
    const key = `${period}:${seriesId}:${index}:${filter}`;
    const found = this.entries.get(key);
    if (found) {
      this.entries.delete(key);
      this.entries.set(key, found);
    }
    return found;
  }

  /** Keeps a fragment. */
  set(period: number, seriesId: number, index: number, filter: FilterName, f: F): void {
    this.entries.set(`${period}:${seriesId}:${index}:${filter}`, f);
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }

  /** Forgets every fragment of a block that changed. */
  drop(period: number, seriesId: number, index: number): void {
    for (const filter of ['average', 'max', 'min', 'sum', 'variance'] as const) {
      this.entries.delete(`${period}:${seriesId}:${index}:${filter}`);
    }
  }

  /** Forgets everything. */
  clear(): void {
    this.entries.clear();
  }
}
