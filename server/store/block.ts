import type { FilterName } from '../../src/ces';

/**
 * A rollup block: the mergeable aggregates of BLOCK_BUCKETS consecutive buckets of one series at
 * one period, stored as one SQLite row. Packing buckets keeps a day at period 300 to three rows
 * per metric, so a query reads a handful of rows instead of one per bucket.
 */
export const BLOCK_BUCKETS = 128;

/** Where each column starts in a block; each column is BLOCK_BUCKETS doubles long. */
const COUNT_AT = 0;
const SUM_AT = BLOCK_BUCKETS;
const MEAN_AT = 2 * BLOCK_BUCKETS;
const M2_AT = 3 * BLOCK_BUCKETS;
const MIN_AT = 4 * BLOCK_BUCKETS;
const MAX_AT = 5 * BLOCK_BUCKETS;
const BLOCK_LENGTH = 6 * BLOCK_BUCKETS;

/** Column layout: count, sum, mean, M2 (sum of squared deviations), min, max. */
export type Block = Float64Array;

/** A block with every bucket empty (count 0). */
export function emptyBlock(): Block {
  return new Float64Array(BLOCK_LENGTH);
}

/** A block read from its stored bytes; copies only when the bytes are not 8-byte aligned. */
export function blockFromBytes(bytes: Uint8Array): Block {
  if (bytes.byteLength !== BLOCK_LENGTH * 8) {
    throw new Error(`rollup block holds ${bytes.byteLength} bytes, expected ${BLOCK_LENGTH * 8}`);
  }
  if (bytes.byteOffset % 8 === 0) {
    return new Float64Array(bytes.buffer, bytes.byteOffset, BLOCK_LENGTH);
  }
  return new Float64Array(new Uint8Array(bytes).buffer);
}

/** The bytes to store for a block. */
export function blockBytes(block: Block): Buffer {
  return Buffer.from(block.buffer, block.byteOffset, block.byteLength);
}

/** Merges one value into bucket `i` (Welford's update: exact mean and M2 in one pass). */
export function addValue(block: Block, i: number, x: number): void {
  const n = block[COUNT_AT + i] + 1;
  const mean = block[MEAN_AT + i];
  const delta = x - mean;
  const nextMean = mean + delta / n;
  block[COUNT_AT + i] = n;
  block[SUM_AT + i] += x;
  block[MEAN_AT + i] = nextMean;
  block[M2_AT + i] += delta * (x - nextMean);
  if (n === 1 || x < block[MIN_AT + i]) {
    block[MIN_AT + i] = x;
  }
  if (n === 1 || x > block[MAX_AT + i]) {
    block[MAX_AT + i] = x;
  }
}

/** Number of values in bucket `i`. */
export function bucketCount(block: Block, i: number): number {
  return block[COUNT_AT + i];
}

/** True when no bucket of the block holds a value. */
export function isEmptyBlock(block: Block): boolean {
  for (let i = 0; i < BLOCK_BUCKETS; i++) {
    if (block[COUNT_AT + i] !== 0) {
      return false;
    }
  }
  return true;
}

/** Column offset of the stored field a filter reads directly; variance is derived instead. */
const FIELD_AT: Record<Exclude<FilterName, 'variance'>, number> = {
  average: MEAN_AT,
  sum: SUM_AT,
  min: MIN_AT,
  max: MAX_AT,
};

/** Reads a filter's value of bucket `i` (which must hold data); variance is population M2/n. */
export type FieldReader = (block: Block, i: number) => number;

/** The reader of a filter's value. */
export function fieldReader(filter: FilterName): FieldReader {
  if (filter === 'variance') {
    return (block, i) => block[M2_AT + i] / block[COUNT_AT + i];
  }
  const at = FIELD_AT[filter];
  return (block, i) => block[at + i];
}
