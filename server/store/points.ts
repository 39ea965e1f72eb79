import type Database from 'better-sqlite3';

/** Rows per INSERT statement: one call into SQLite per chunk instead of per point. */
const CHUNK = 128;

type Row = [number, number, number, number, number | null];

/** Writes raw points, many rows per statement, each with a sequence number unique per store. */
export class RawPoints {
  private seq: number;
  private readonly chunk: Database.Statement<unknown[]>;
  private readonly single: Database.Statement<Row>;
  private readonly latest: Database.Statement<[number]>;

  constructor(db: Database.Database) {
    const row = '(?, ?, ?, ?, ?)';
    const insert = 'INSERT INTO points (series_id, ts, seq, value, expires_at) VALUES ';
    this.chunk = db.prepare(insert + Array(CHUNK).fill(row).join(', '));
    this.single = db.prepare<Row>(insert + row);
    this.latest = db
      .prepare<[number]>('SELECT MAX(ts) FROM points WHERE series_id = ?')
      .pluck(true);
    this.seq = (db.prepare('SELECT MAX(seq) FROM points').pluck(true).get() as number | null) ?? 0;
  }

  /**
   * Inserts points of a series; with `ttlMs` each expires that long after its timestamp.
   * Answers the earliest expiry, or Infinity.
   */
  insert(
    seriesId: number,
    timestamps: ArrayLike<number>,
    values: ArrayLike<number>,
    ttlMs?: number
  ): number {
    const expiresAt = (k: number) => (ttlMs === undefined ? null : timestamps[k] + ttlMs);
    const params: Array<number | null> = new Array(CHUNK * 5);
    let k = 0;
    for (; k + CHUNK <= timestamps.length; k += CHUNK) {
      for (let j = 0; j < CHUNK; j++) {
        const at = j * 5;
        params[at] = seriesId;
        params[at + 1] = timestamps[k + j];
        params[at + 2] = ++this.seq;
        params[at + 3] = values[k + j];
        params[at + 4] = expiresAt(k + j);
      }
      this.chunk.run(params);
    }
    for (; k < timestamps.length; k++) {
      this.single.run(seriesId, timestamps[k], ++this.seq, values[k], expiresAt(k));
    }

    let earliest = Infinity;
    for (let j = 0; ttlMs !== undefined && j < timestamps.length; j++) {
      earliest = Math.min(earliest, timestamps[j] + ttlMs);
    }
    return earliest;
  }

  /** The newest timestamp of a series, if it has points. */
  newest(seriesId: number): number | undefined {
    return (this.latest.get(seriesId) as number | null) ?? undefined;
  }
}
