import type Database from 'better-sqlite3';

/** Periods that have a rollup table (period 1 reads the raw points). */
export const ROLLUP_PERIODS = [300, 1200, 3600, 14400, 86400] as const;

/** A period with a rollup table. */
export type RollupPeriod = (typeof ROLLUP_PERIODS)[number];

/** Name of the rollup table of a period. */
export function rollupTable(period: RollupPeriod): string {
  return `rollup_${period}`;
}

/**
 * Settings and tables of a store. WAL with synchronous=FULL: a commit returns only after the
 * WAL is synced, so an acknowledged write survives kill -9 and power loss alike.
 * Large pages keep a rollup block (6 KB) on one page. Raw points are clustered by series and
 * time (no separate index); `seq` tells apart points of one series at the same time.
 */
export function applySchema(db: Database.Database): void {
  db.pragma('page_size = 16384');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');

  db.exec(`
    CREATE TABLE IF NOT EXISTS series (
      id INTEGER PRIMARY KEY,
      project_id TEXT NOT NULL,
      key TEXT NOT NULL,
      namespace TEXT NOT NULL,
      metric_name TEXT NOT NULL,
      dimensions TEXT NOT NULL,
      unit TEXT NOT NULL,
      UNIQUE (project_id, key)
    );
    CREATE TABLE IF NOT EXISTS points (
      series_id INTEGER NOT NULL,
      ts INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      value REAL NOT NULL,
      expires_at INTEGER,
      PRIMARY KEY (series_id, ts, seq)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS points_by_expiry ON points (expires_at)
      WHERE expires_at IS NOT NULL;
  `);
  for (const period of ROLLUP_PERIODS) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS ${rollupTable(period)} (
        series_id INTEGER NOT NULL,
        block INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (series_id, block)
      );
    `);
  }
}
