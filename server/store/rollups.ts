import type Database from 'better-sqlite3';

import {
  addValue,
  BLOCK_BUCKETS,
  blockBytes,
  blockFromBytes,
  emptyBlock,
  isEmptyBlock,
  type Block,
} from './block';
import { ROLLUP_PERIODS, rollupTable, type RollupPeriod } from './schema';

/** One stored block: its index (bucket index / BLOCK_BUCKETS) and its aggregates. */
export interface StoredBlock {
  index: number;
  block: Block;
}

interface PeriodStatements {
  range: Database.Statement<[number, number, number]>;
  one: Database.Statement<[number, number]>;
  put: Database.Statement<[number, number, Buffer]>;
  drop: Database.Statement<[number, number]>;
}

/** Span of one block of a period, in ms. */
export function blockSpanMs(period: RollupPeriod): number {
  return period * 1000 * BLOCK_BUCKETS;
}

/** The rollup tables: blocks read by time range, and values merged in on ingestion. */
export class Rollups {
  private readonly statements = new Map<RollupPeriod, PeriodStatements>();

  /** `changed` hears of every block written or dropped, so copies of it can be forgotten. */
  constructor(
    db: Database.Database,
    private readonly changed: (period: RollupPeriod, seriesId: number, index: number) => void
  ) {
    for (const period of ROLLUP_PERIODS) {
      const table = rollupTable(period);
      this.statements.set(period, {
        range: db
          .prepare<[number, number, number]>(
            `SELECT block, data FROM ${table}
             WHERE series_id = ? AND block BETWEEN ? AND ? ORDER BY block`
          )
          .raw(true),
        one: db
          .prepare<[number, number]>(`SELECT data FROM ${table} WHERE series_id = ? AND block = ?`)
          .pluck(true),
        put: db.prepare<[number, number, Buffer]>(
          `INSERT OR REPLACE INTO ${table} (series_id, block, data) VALUES (?, ?, ?)`
        ),
        drop: db.prepare<[number, number]>(
          `DELETE FROM ${table} WHERE series_id = ? AND block = ?`
        ),
      });
    }
  }

  /** The stored blocks of a series that overlap [fromMs, toMs), in time order. */
  read(period: RollupPeriod, seriesId: number, fromMs: number, toMs: number): StoredBlock[] {
    const span = blockSpanMs(period);
    const first = Math.floor(fromMs / span);
    const last = Math.floor((toMs - 1) / span);
    const rows = this.of(period).range.all(seriesId, first, last) as Array<[number, Buffer]>;
    return rows.map(([index, data]) => ({ index, block: blockFromBytes(data) }));
  }

  /** Merges values (at any times, in any order) into every rollup of a series. */
  merge(seriesId: number, timestamps: ArrayLike<number>, values: ArrayLike<number>): void {
    for (const period of ROLLUP_PERIODS) {
      const bucketMs = period * 1000;
      const touched = new Map<number, Block>();
      for (let k = 0; k < timestamps.length; k++) {
        const bucket = Math.floor(timestamps[k] / bucketMs);
        const index = Math.floor(bucket / BLOCK_BUCKETS);
        let block = touched.get(index);
        if (!block) {
          block = this.load(period, seriesId, index);
          touched.set(index, block);
        }
        addValue(block, bucket - index * BLOCK_BUCKETS, values[k]);
      }
      for (const [index, block] of touched) {
        this.of(period).put.run(seriesId, index, blockBytes(block));
        this.changed(period, seriesId, index);
      }
    }
  }

  /** Replaces one block by the aggregates of `values` (all inside it); drops it when empty. */
  rebuild(
    period: RollupPeriod,
    seriesId: number,
    index: number,
    timestamps: ArrayLike<number>,
    values: ArrayLike<number>
  ): void {
    const bucketMs = period * 1000;
    const block = emptyBlock();
    for (let k = 0; k < timestamps.length; k++) {
      const bucket = Math.floor(timestamps[k] / bucketMs);
      addValue(block, bucket - index * BLOCK_BUCKETS, values[k]);
    }
    if (isEmptyBlock(block)) {
      this.of(period).drop.run(seriesId, index);
    } else {
      this.of(period).put.run(seriesId, index, blockBytes(block));
    }
    this.changed(period, seriesId, index);
  }

  private load(period: RollupPeriod, seriesId: number, index: number): Block {
    const data = this.of(period).one.get(seriesId, index) as Buffer | undefined;
    // A stored block is copied so that merging never writes into SQLite's returned buffer.
    return data ? new Float64Array(blockFromBytes(data)) : emptyBlock();
  }

  private of(period: RollupPeriod): PeriodStatements {
    return this.statements.get(period)!;
  }
}
