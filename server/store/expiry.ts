import type Database from 'better-sqlite3';

import { blockSpanMs, type Rollups } from './rollups';
import { ROLLUP_PERIODS, type RollupPeriod } from './schema';

/**
 * Removes points whose ttl has run out, and rebuilds the rollup blocks they had been merged
 * into from the points that remain (min and max cannot be un-merged). It runs only when the
 * earliest expiry has passed, so queries pay nothing while no point has expired.
 */
export class Expiry {
  private nextMs: number;
  private readonly expired: Database.Statement<[number]>;
  private readonly remove: Database.Statement<[number]>;
  private readonly earliest: Database.Statement<[]>;
  private readonly inRange: Database.Statement<[number, number, number]>;

  constructor(
    private readonly db: Database.Database,
    private readonly rollups: Rollups,
    private readonly removed: (seriesId: number, ts: number) => void
  ) {
    this.expired = db
      .prepare<[number]>('SELECT series_id, ts FROM points WHERE expires_at <= ?')
      .raw(true);
    this.remove = db.prepare<[number]>('DELETE FROM points WHERE expires_at <= ?');
    this.earliest = db
      .prepare<[]>('SELECT MIN(expires_at) FROM points WHERE expires_at IS NOT NULL')
      .pluck(true);
    this.inRange = db
      .prepare<[number, number, number]>(
        'SELECT ts, value FROM points WHERE series_id = ? AND ts >= ? AND ts < ?'
      )
      .raw(true);
    this.nextMs = this.readEarliest();
  }

  /** Notes that a point expires at `ms`. */
  note(ms: number): void {
    if (ms < this.nextMs) {
      this.nextMs = ms;
    }
  }

  /** Removes every point expired at `nowMs` and rebuilds what they touched. */
  purge(nowMs: number): void {
    if (nowMs < this.nextMs) {
      return;
    }
    this.db.transaction(() => {
      const gone = this.expired.all(nowMs) as Array<[number, number]>;
      this.remove.run(nowMs);
      gone.forEach(([seriesId, ts]) => this.removed(seriesId, ts));
      for (const period of ROLLUP_PERIODS) {
        this.rebuildTouched(period, gone);
      }
    })();
    this.nextMs = this.readEarliest();
  }

  private rebuildTouched(period: RollupPeriod, gone: Array<[number, number]>): void {
    const span = blockSpanMs(period);
    const touched = new Set<string>();
    for (const [seriesId, ts] of gone) {
      touched.add(`${seriesId}:${Math.floor(ts / span)}`);
    }
    for (const item of touched) {
      const [seriesId, index] = item.split(':').map(Number);
      const rows = this.inRange.all(seriesId, index * span, (index + 1) * span) as Array<
        [number, number]
      >;
      this.rollups.rebuild(
        period,
        seriesId,
        index,
        rows.map((r) => r[0]),
        rows.map((r) => r[1])
      );
    }
  }

  private readEarliest(): number {
    const ms = this.earliest.get() as number | null;
    return ms ?? Infinity;
  }
}
