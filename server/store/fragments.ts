import { FILTERS, PERIODS, type FilterName } from '../../src/ces';

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

/** Writes a block's fragment; numbers go through `String`, formatted as JSON.stringify does. */
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

// Local copies: an imported binding is read through a module getter on every lookup.
const PERIOD_SLOTS: readonly number[] = [...PERIODS];
const FILTER_SLOTS: readonly FilterName[] = [...FILTERS];

/** Where a block's fragment sits in a series' map: block index, period slot and filter slot. */
function blockKey(period: number, index: number, filter: FilterName): number {
  // Timestamps are safe integers, so an index is below 2^32 and the key stays a safe integer.
  return index * 64 + PERIOD_SLOTS.indexOf(period) * 8 + FILTER_SLOTS.indexOf(filter);
}

/**
 * Fragments kept between queries (keyed by period, 1 for raw hours), least recently used
 * series dropped first, their oldest blocks first. Dashboards ask for the same series again
 * and again; a block's text is written once until the block changes. Keys are numbers in a map
 * per series: building a string key per block cost more than the rest of the lookup.
 */
export class FragmentCache<F extends Fragment = Fragment> {
  private readonly bySeries = new Map<number, Map<number, F>>();
  private size = 0;

  constructor(private readonly capacity = 8192) {}

  /** The cached fragment of a block under a filter, if any. */
  get(period: number, seriesId: number, index: number, filter: FilterName): F | undefined {
    const blocks = this.bySeries.get(seriesId);
    if (blocks === undefined) {
      return undefined;
    }
    this.bySeries.delete(seriesId);
    this.bySeries.set(seriesId, blocks);
    return blocks.get(blockKey(period, index, filter));
  }

  /** Keeps a fragment. */
  set(period: number, seriesId: number, index: number, filter: FilterName, f: F): void {
    let blocks = this.bySeries.get(seriesId);
    if (blocks === undefined) {
      blocks = new Map();
      this.bySeries.set(seriesId, blocks);
    }
    const key = blockKey(period, index, filter);
    if (!blocks.has(key)) {
      this.size++;
    }
    blocks.set(key, f);
    while (this.size > this.capacity) {
      this.dropOldest();
    }
  }

  /** Forgets every fragment of a block that changed. */
  drop(period: number, seriesId: number, index: number): void {
    const blocks = this.bySeries.get(seriesId);
    if (blocks === undefined) {
      return;
    }
    for (const filter of FILTER_SLOTS) {
      if (blocks.delete(blockKey(period, index, filter))) {
        this.size--;
      }
    }
  }

  /** Forgets everything. */
  clear(): void {
    this.bySeries.clear();
    this.size = 0;
  }

  private dropOldest(): void {
    const [seriesId, blocks] = this.bySeries.entries().next().value!;
    const oldest = blocks.keys().next();
    if (!oldest.done) {
      blocks.delete(oldest.value);
      this.size--;
    }
    if (blocks.size === 0) {
      this.bySeries.delete(seriesId);
    }
  }
}
