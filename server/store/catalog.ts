import type Database from 'better-sqlite3';

import {
  canonicalKey,
  formatMarker,
  type Dimension,
  type ListMetricsParams,
  type ListMetricsResponse,
  type MetricInfo,
} from '../../src/ces';

/** One stored series: a metric of a project, with the unit it reports in. */
export interface SeriesEntry {
  id: number;
  projectId: string;
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  unit: string;
  /** The paging marker of the metric; listing is ordered by this text. */
  marker: string;
}

interface SeriesRow {
  id: number;
  project_id: string;
  namespace: string;
  metric_name: string;
  dimensions: string;
  unit: string;
}

/** The key of a series among every project's series. */
export function seriesKey(
  projectId: string,
  namespace: string,
  metricName: string,
  dimensions: Dimension[]
): string {
  return `${projectId}#${canonicalKey(namespace, metricName, dimensions)}`;
}

/**
 * Every series, held in memory beside the `series` table so that a query finds its series
 * without a round trip, and listing pages through a sorted array.
 */
export class Catalog {
  private readonly byKey = new Map<string, SeriesEntry>();
  private readonly byProject = new Map<string, SeriesEntry[]>();
  private readonly unsorted = new Set<string>();

  /** Loads every series of the database. */
  static load(db: Database.Database): Catalog {
    const catalog = new Catalog();
    const rows = db.prepare('SELECT * FROM series').all() as SeriesRow[];
    for (const row of rows) {
      catalog.add({
        id: row.id,
        projectId: row.project_id,
        namespace: row.namespace,
        metricName: row.metric_name,
        dimensions: JSON.parse(row.dimensions) as Dimension[],
        unit: row.unit,
        marker: '',
      });
    }
    return catalog;
  }

  /** The series of a metric, if any. */
  find(projectId: string, namespace: string, metricName: string, dimensions: Dimension[]) {
    return this.byKey.get(seriesKey(projectId, namespace, metricName, dimensions));
  }

  /** Adds a series (its marker is computed here). */
  add(entry: SeriesEntry): void {
    entry.marker = formatMarker(entry);
    this.byKey.set(
      seriesKey(entry.projectId, entry.namespace, entry.metricName, entry.dimensions),
      entry
    );
    const list = this.byProject.get(entry.projectId) ?? [];
    list.push(entry);
    this.byProject.set(entry.projectId, list);
    this.unsorted.add(entry.projectId);
  }

  /** Number of series in every project. */
  get size(): number {
    return this.byKey.size;
  }

  /**
   * One page of a project's metrics matching the filters, ordered by marker text (`order`),
   * strictly after the `start` marker when given. `total` counts every match, on any page.
   */
  list(projectId: string, params: ListMetricsParams): ListMetricsResponse {
    const all = this.sorted(projectId);
    const matching = all.filter((entry) => matches(entry, params));
    const ordered = params.order === 'desc' ? matching.reverse() : matching;

    const start = params.start ? formatMarker(params.start) : undefined;
    const after = start === undefined ? ordered : ordered.filter((e) => isAfter(e, start, params));
    const page = after.slice(0, params.limit);

    const metrics: MetricInfo[] = page.map((entry) => ({
      namespace: entry.namespace,
      dimensions: entry.dimensions.map((d) => ({ name: d.name, value: d.value })),
      metric_name: entry.metricName,
      unit: entry.unit,
    }));
    const marker = page.length > 0 ? page[page.length - 1].marker : '';
    return { metrics, meta_data: { count: page.length, marker, total: matching.length } };
  }

  private sorted(projectId: string): SeriesEntry[] {
    const list = this.byProject.get(projectId) ?? [];
    if (this.unsorted.delete(projectId)) {
      list.sort((a, b) => (a.marker < b.marker ? -1 : a.marker > b.marker ? 1 : 0));
    }
    return list;
  }
}

function matches(entry: SeriesEntry, params: ListMetricsParams): boolean {
  if (params.namespace !== undefined && entry.namespace !== params.namespace) {
    return false;
  }
  if (params.metricName !== undefined && entry.metricName !== params.metricName) {
    return false;
  }
  return params.dimensions.every((want) =>
    entry.dimensions.some((d) => d.name === want.name && d.value === want.value)
  );
}

function isAfter(entry: SeriesEntry, start: string, params: ListMetricsParams): boolean {
  return params.order === 'desc' ? entry.marker < start : entry.marker > start;
}
