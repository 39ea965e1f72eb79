/** Loads the catalog entries that the queries using `*` need, and only those. */

import type { DataQueryError } from '@grafana/data';
import { catchError, from, map, mergeMap, Observable, of, toArray } from 'rxjs';

import { callError } from './answers';
import type { MetricInfo } from './ces';
import type { CoreQuery } from './core/types';

/** Reads the catalog of one metric. */
export type FetchCatalog = (namespace: string, metricName: string) => Observable<MetricInfo[]>;

/** The catalog for planning, and the queries whose catalog could not be read. */
export interface CatalogLoad {
  catalog?: MetricInfo[];
  errors: DataQueryError[];
  failedRefIds: Set<string>;
}

/** True when one of the query's dimensions asks for every value the catalog knows. */
export function usesWildcard(query: CoreQuery): boolean {
  return query.dimensions.some((dimension) => dimension.values.includes('*'));
}

/** Reads the catalog once per metric that a `*` query names, a bounded number at a time. */
export function loadCatalog(
  queries: CoreQuery[],
  fetchCatalog: FetchCatalog,
  maxInFlight: number
): Observable<CatalogLoad> {
  const byMetric = new Map<string, CoreQuery[]>();
  for (const query of queries.filter(usesWildcard)) {
    const metric = `${query.namespace}/${query.metricName}`;
    byMetric.set(metric, [...(byMetric.get(metric) ?? []), query]);
  }
  if (byMetric.size === 0) {
    return of({ errors: [], failedRefIds: new Set<string>() });
  }

  const reads = from([...byMetric.values()]).pipe(
    mergeMap((users) => readOne(users, fetchCatalog), Math.max(1, maxInFlight)),
    toArray()
  );
  return reads.pipe(map(combine));
}

type CatalogRead = { entries: MetricInfo[]; errors: DataQueryError[]; failed: string[] };

function readOne(users: CoreQuery[], fetchCatalog: FetchCatalog): Observable<CatalogRead> {
  const { namespace, metricName } = users[0];
  return fetchCatalog(namespace, metricName).pipe(
    map((entries) => ({ entries: entries ?? [], errors: [], failed: [] })),
    catchError((failure: unknown) => {
      const reason = callError(failure).message;
      const metric = `${namespace}/${metricName}`;
      const message = `Could not read the catalog of ${metric} to resolve "*": ${reason}`;
      const errors = users.map((query) => ({ refId: query.refId, message }));
      return of({ entries: [], errors, failed: users.map((query) => query.refId) });
    })
  );
}

function combine(reads: CatalogRead[]): CatalogLoad {
  return {
    catalog: reads.flatMap((read) => read.entries),
    errors: reads.flatMap((read) => read.errors),
    failedRefIds: new Set(reads.flatMap((read) => read.failed)),
  };
}
