import type Database from 'better-sqlite3';

import {
  clampRange,
  parsePeriod,
  type BatchQueryRequest,
  type FilterName,
  type MetricDataResponse,
  type Period,
  type Profile,
  type SingleDatapoint,
  type SingleMetricParams,
} from '../../src/ces';

import { ANSWER_CLOSE, ANSWER_OPEN, AnswerParts, METRIC_CLOSE, metricHead } from './answer';
import { BLOCK_BUCKETS, bucketCount, fieldReader } from './block';
import type { Catalog, SeriesEntry } from './catalog';
import {
  blockFragment,
  EMPTY_FRAGMENT,
  fragmentSlice,
  type Fragment,
  type FragmentCache,
} from './fragments';
import { RAW_BLOCK_MS, rawFragment, rawSlice, type RawFragment } from './raw-fragments';
import type { Rollups } from './rollups';
import type { RollupPeriod } from './schema';

/** The unit an unknown metric is answered with. */
export const UNKNOWN_UNIT = 'unknown';

/**
 * The span of bucket starts (or raw timestamps) an answer covers: the requested range clamped
 * and floored as the contract says, `to` exclusive; for a rollup, only buckets whose period has
 * passed at `nowMs`.
 */
export function answerSpan(
  from: number,
  to: number,
  period: Period,
  profile: Profile,
  metrics: number,
  nowMs: number
): { from: number; end: number } {
  const clamped = clampRange({ from, to }, period, profile, metrics);
  const end = period === 1 ? clamped.to : Math.min(clamped.to, nowMs - period * 1000 + 1);
  return { from: clamped.from, end };
}

/** Reads answers: batch answers as JSON bytes, single-metric answers as objects. */
export class Queries {
  private readonly raw: Database.Statement<[number, number, number, number]>;

  constructor(
    db: Database.Database,
    private readonly rollups: Rollups,
    private readonly fragments: FragmentCache,
    private readonly rawFragments: FragmentCache<RawFragment>,
    private readonly catalog: () => Catalog
  ) {
    this.raw = db
      .prepare<[number, number, number, number]>(
        `SELECT ts, value FROM points
         WHERE series_id = ? AND ts >= ? AND ts < ? AND (expires_at IS NULL OR expires_at > ?)
         ORDER BY ts, seq`
      )
      .raw(true);
  }

  /** The whole JSON answer of a batch query as UTF-8 bytes; metrics in request order. */
  batchBytes(projectId: string, req: BatchQueryRequest, profile: Profile, nowMs: number): Buffer {
    const period = parsePeriod(req.period)!;
    const span = answerSpan(req.from, req.to, period, profile, req.metrics.length, nowMs);
    const catalog = this.catalog();

    const parts = new AnswerParts();
    parts.push(ANSWER_OPEN);
    for (let m = 0; m < req.metrics.length; m++) {
      const ref = req.metrics[m];
      const entry = catalog.find(projectId, ref.namespace, ref.metric_name, ref.dimensions);
      const unit = entry ? entry.unit : UNKNOWN_UNIT;
      parts.push(metricHead(m === 0, ref.namespace, ref.metric_name, ref.dimensions, unit));
      if (entry && span.end > span.from) {
        parts.startPoints();
        if (period === 1) {
          this.rawPoints(entry, span, req.filter, nowMs, parts);
        } else {
          this.bucketPoints(entry, period as RollupPeriod, span, req.filter, parts);
        }
      }
      parts.push(METRIC_CLOSE);
    }
    parts.push(ANSWER_CLOSE);
    return parts.join();
  }

  /** The single-metric answer: each point carries the filter's field, timestamp and unit. */
  single(
    projectId: string,
    params: SingleMetricParams,
    profile: Profile,
    nowMs: number
  ): MetricDataResponse {
    const { period, filter } = params;
    const span = answerSpan(params.from, params.to, period, profile, 1, nowMs);
    const entry = this.catalog().find(
      projectId,
      params.namespace,
      params.metricName,
      params.dimensions
    );
    const datapoints: SingleDatapoint[] = [];
    if (entry) {
      this.visit(entry, period, span, filter, nowMs, (timestamp, value) => {
        datapoints.push({ [filter]: value, timestamp, unit: entry.unit });
      });
    }
    return { datapoints, metric_name: params.metricName };
  }

  /** Raw point bytes from the hours' fragments, read and written only for hours not cached. */
  private rawPoints(
    entry: SeriesEntry,
    span: { from: number; end: number },
    filter: FilterName,
    nowMs: number,
    parts: AnswerParts
  ): void {
    const firstHour = Math.floor(span.from / RAW_BLOCK_MS);
    const lastHour = Math.floor((span.end - 1) / RAW_BLOCK_MS);

    const found: Array<RawFragment | undefined> = [];
    let missing = false;
    for (let hour = firstHour; hour <= lastHour; hour++) {
      const fragment = this.rawFragments.get(1, entry.id, hour, filter);
      missing ||= fragment === undefined;
      found.push(fragment);
    }
    if (missing) {
      const whole = { from: firstHour * RAW_BLOCK_MS, end: (lastHour + 1) * RAW_BLOCK_MS };
      const byHour = new Map<number, Array<[number, number]>>();
      for (const row of this.rawRows(entry, whole, nowMs)) {
        const hour = Math.floor(row[0] / RAW_BLOCK_MS);
        const rows = byHour.get(hour);
        if (rows) {
          rows.push(row);
        } else {
          byHour.set(hour, [row]);
        }
      }
      found.forEach((fragment, k) => {
        if (fragment === undefined) {
          found[k] = rawFragment(byHour.get(firstHour + k) ?? [], filter);
          this.rawFragments.set(1, entry.id, firstHour + k, filter, found[k]!);
        }
      });
    }

    for (const fragment of found) {
      parts.pushPoints(rawSlice(fragment!, span.from, span.end));
    }
  }

  /** Bucket bytes from the blocks' fragments, read and written only for blocks not cached. */
  private bucketPoints(
    entry: SeriesEntry,
    period: RollupPeriod,
    span: { from: number; end: number },
    filter: FilterName,
    parts: AnswerParts
  ): void {
    const bucketMs = period * 1000;
    const firstBucket = span.from / bucketMs;
    const endBucket = Math.ceil(span.end / bucketMs);
    const firstBlock = Math.floor(firstBucket / BLOCK_BUCKETS);
    const lastBlock = Math.floor((endBucket - 1) / BLOCK_BUCKETS);

    const found: Array<Fragment | undefined> = [];
    let missing = false;
    for (let index = firstBlock; index <= lastBlock; index++) {
      const fragment = this.fragments.get(period, entry.id, index, filter);
      missing ||= fragment === undefined;
      found.push(fragment);
    }
    if (missing) {
      const stored = new Map(
        this.rollups.read(period, entry.id, span.from, span.end).map((b) => [b.index, b.block])
      );
      found.forEach((fragment, k) => {
        const index = firstBlock + k;
        const block = stored.get(index);
        if (fragment === undefined) {
          found[k] = block ? blockFragment(block, index, bucketMs, filter) : EMPTY_FRAGMENT;
          this.fragments.set(period, entry.id, index, filter, found[k]!);
        }
      });
    }

    for (let k = 0; k < found.length; k++) {
      const base = (firstBlock + k) * BLOCK_BUCKETS;
      const from = Math.max(0, firstBucket - base);
      const to = Math.min(BLOCK_BUCKETS, endBucket - base);
      parts.pushPoints(fragmentSlice(found[k]!, from, to));
    }
  }

  private visit(
    entry: SeriesEntry,
    period: Period,
    span: { from: number; end: number },
    filter: FilterName,
    nowMs: number,
    point: (timestamp: number, value: number) => void
  ): void {
    if (span.end <= span.from) {
      return;
    }
    if (period === 1) {
      this.rawRows(entry, span, nowMs).forEach(([ts, value]) => point(ts, value));
      return;
    }
    const bucketMs = period * 1000;
    const read = fieldReader(filter);
    for (const { index, block } of this.rollups.read(
      period as RollupPeriod,
      entry.id,
      span.from,
      span.end
    )) {
      for (let i = 0; i < BLOCK_BUCKETS; i++) {
        const start = (index * BLOCK_BUCKETS + i) * bucketMs;
        if (start >= span.from && start < span.end && bucketCount(block, i) > 0) {
          point(start, read(block, i));
        }
      }
    }
  }

  private rawRows(
    entry: SeriesEntry,
    span: { from: number; end: number },
    nowMs: number
  ): Array<[number, number]> {
    return this.raw.all(entry.id, span.from, span.end, nowMs) as Array<[number, number]>;
  }
}
