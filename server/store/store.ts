import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import Database from 'better-sqlite3';

import {
  canonicalKey,
  type BatchQueryRequest,
  type Dimension,
  type ListMetricsParams,
  type ListMetricsResponse,
  type MetricDataResponse,
  type Profile,
  type SingleMetricParams,
} from '../../src/ces';

import { Catalog, type SeriesEntry } from './catalog';
import { Expiry } from './expiry';
import { FragmentCache } from './fragments';
import { RawPoints } from './points';
import { Queries } from './query';
import { RAW_BLOCK_MS, type RawFragment } from './raw-fragments';
import { Rollups } from './rollups';
import { applySchema } from './schema';

/** One point to store; `ttlS` makes it expire `ttlS` seconds after its timestamp. */
export interface PointInput {
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  timestamp: number;
  value: number;
  unit: string;
  ttlS?: number;
}

/** A metric and its unit, for storing many points of one series at once. */
export interface SeriesInput {
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  unit: string;
}

/**
 * The service's metric store: raw points and one rollup table per period in SQLite (WAL,
 * synchronous=FULL), every rollup updated in the transaction that stores the points.
 */
export class Store {
  private catalog: Catalog;
  private readonly rollups: Rollups;
  private readonly fragments = new FragmentCache();
  private readonly rawFragments = new FragmentCache<RawFragment>();
  private readonly expiry: Expiry;
  private readonly queries: Queries;
  private readonly points: RawPoints;
  private readonly insertSeries: Database.Statement<
    [string, string, string, string, string, string]
  >;
  private readonly updateUnit: Database.Statement<[string, number]>;

  private constructor(private readonly db: Database.Database) {
    applySchema(db);
    this.catalog = Catalog.load(db);
    this.rollups = new Rollups(db, (period, seriesId, index) =>
      this.fragments.drop(period, seriesId, index)
    );
    this.expiry = new Expiry(db, this.rollups, (seriesId, ts) => this.forgetRaw(seriesId, [ts]));
    this.queries = new Queries(
      db,
      this.rollups,
      this.fragments,
      this.rawFragments,
      () => this.catalog
    );
    this.points = new RawPoints(db);
    this.insertSeries = db.prepare(
      `INSERT INTO series (project_id, key, namespace, metric_name, dimensions, unit)
       VALUES (?, ?, ?, ?, ?, ?)`
    );
    this.updateUnit = db.prepare('UPDATE series SET unit = ? WHERE id = ?');
  }

  /** Opens (creating it and its folder if needed) a store; `':memory:'` gives a private one. */
  static open(path: string): Store {
    if (path !== ':memory:') {
      mkdirSync(dirname(path), { recursive: true });
    }
    return new Store(new Database(path));
  }

  /** Closes the database. */
  close(): void {
    this.db.close();
  }

  /** True before anything was stored. */
  isEmpty(): boolean {
    return this.catalog.size === 0;
  }

  /** Runs `work` in one transaction: one sync for many writes (seeding, live points). */
  inTransaction<T>(work: () => T): T {
    try {
      return this.db.transaction(work)();
    } catch (error) {
      // Series created inside the rolled-back transaction must leave the catalog too.
      this.catalog = Catalog.load(this.db);
      throw error;
    }
  }

  /** Appends points; they are durable (survive kill -9) when this returns. */
  addPoints(projectId: string, points: PointInput[]): void {
    const groups = groupBySeries(points);
    this.inTransaction(() => {
      for (const group of groups) {
        this.addSeriesPoints(projectId, group.series, group.timestamps, group.values, group.ttlS);
      }
    });
  }

  /** Appends many points of one series (any order; duplicates kept as separate points). */
  addSeriesPoints(
    projectId: string,
    series: SeriesInput,
    timestamps: ArrayLike<number>,
    values: ArrayLike<number>,
    ttlS?: number
  ): void {
    this.inTransaction(() => {
      const entry = this.seriesFor(projectId, series);
      const ttlMs = ttlS === undefined ? undefined : ttlS * 1000;
      this.expiry.note(this.points.insert(entry.id, timestamps, values, ttlMs));
      this.forgetRaw(entry.id, timestamps);
      this.rollups.merge(entry.id, timestamps, values);
    });
  }

  /** The newest stored timestamp of a series, if it has points. */
  lastTimestamp(projectId: string, series: SeriesInput): number | undefined {
    const entry = this.catalog.find(
      projectId,
      series.namespace,
      series.metricName,
      series.dimensions
    );
    return entry ? this.points.newest(entry.id) : undefined;
  }

  /** The batch answer as UTF-8 JSON bytes, ready to send (request already validated). */
  batchQueryBuffer(
    projectId: string,
    req: BatchQueryRequest,
    profile: Profile,
    nowMs: number
  ): Buffer {
    this.expiry.purge(nowMs);
    return this.queries.batchBytes(projectId, req, profile, nowMs);
  }

  /** The whole JSON text of the batch answer (request already validated). */
  batchQueryJson(
    projectId: string,
    req: BatchQueryRequest,
    profile: Profile,
    nowMs: number
  ): string {
    return this.batchQueryBuffer(projectId, req, profile, nowMs).toString('utf8');
  }

  /** One page of the project's metrics (the marker paging contract). */
  listMetrics(projectId: string, params: ListMetricsParams): ListMetricsResponse {
    return this.catalog.list(projectId, params);
  }

  /** The single-metric answer. */
  singleMetric(
    projectId: string,
    params: SingleMetricParams,
    profile: Profile,
    nowMs: number
  ): MetricDataResponse {
    this.expiry.purge(nowMs);
    return this.queries.single(projectId, params, profile, nowMs);
  }

  /** Forgets the cached text of answers built before this store's data changed. */
  clearCaches(): void {
    this.fragments.clear();
    this.rawFragments.clear();
  }

  private forgetRaw(seriesId: number, timestamps: ArrayLike<number>): void {
    let last = NaN;
    for (let k = 0; k < timestamps.length; k++) {
      const hour = Math.floor(timestamps[k] / RAW_BLOCK_MS);
      if (hour !== last) {
        this.rawFragments.drop(1, seriesId, hour);
        last = hour;
      }
    }
  }

  private seriesFor(projectId: string, series: SeriesInput): SeriesEntry {
    const { namespace, metricName, dimensions, unit } = series;
    const found = this.catalog.find(projectId, namespace, metricName, dimensions);
    if (found) {
      if (unit !== '' && unit !== found.unit) {
        this.updateUnit.run(unit, found.id);
        found.unit = unit;
      }
      return found;
    }
    const entry: SeriesEntry = {
      id: 0,
      projectId,
      namespace,
      metricName,
      dimensions: dimensions.map((d) => ({ name: d.name, value: d.value })),
      unit,
      marker: '',
    };
    const key = canonicalKey(namespace, metricName, entry.dimensions);
    const info = this.insertSeries.run(
      projectId,
      key,
      namespace,
      metricName,
      JSON.stringify(entry.dimensions),
      unit
    );
    entry.id = Number(info.lastInsertRowid);
    this.catalog.add(entry);
    return entry;
  }
}

interface SeriesGroup {
  series: SeriesInput;
  ttlS?: number;
  timestamps: number[];
  values: number[];
}

/** Points grouped by metric and ttl, keeping their order within each group. */
function groupBySeries(points: PointInput[]): SeriesGroup[] {
  const groups = new Map<string, SeriesGroup>();
  for (const p of points) {
    const key = `${canonicalKey(p.namespace, p.metricName, p.dimensions)}#${p.ttlS ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      const series = {
        namespace: p.namespace,
        metricName: p.metricName,
        dimensions: p.dimensions,
        unit: p.unit,
      };
      group = { series, ttlS: p.ttlS, timestamps: [], values: [] };
      groups.set(key, group);
    }
    if (p.unit !== '') {
      group.series.unit = p.unit;
    }
    group.timestamps.push(p.timestamp);
    group.values.push(p.value);
  }
  return [...groups.values()];
}
