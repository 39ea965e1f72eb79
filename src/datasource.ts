/** The Cloud Eye data source: plans panel queries with the core and runs them over the backend. */

import {
  DataQueryRequest,
  DataQueryResponse,
  DataSourceInstanceSettings,
  LoadingState,
  MetricFindValue,
  ScopedVars,
} from '@grafana/data';
import { DataSourceWithBackend, getTemplateSrv, TemplateSrv } from '@grafana/runtime';
import { lastValueFrom, mergeMap, Observable, of } from 'rxjs';

import { loadCatalog } from './catalog';
import { plan, toCoreQuery } from './core';
import { interpolateQuery, isCompleteQuery } from './interpolate';
import { planOptions } from './options';
import { BackendResources } from './resources';
import { runPlan } from './run';
import {
  CesDataSourceOptions,
  CesQuery,
  CesVariableQuery,
  DEFAULT_BATCHES_IN_FLIGHT,
  DEFAULT_QUERY,
} from './types';
import { CesVariableSupport, findVariableValues } from './variables';

/** Huawei Cloud Eye data source; alerts reach the Go backend with the same saved queries. */
export class DataSource extends DataSourceWithBackend<CesQuery, CesDataSourceOptions> {
  /** The backend's catalog and batch resources. */
  readonly resources: BackendResources;
  /** The settings of this data source (jsonData: no secrets). */
  readonly settings: CesDataSourceOptions;
  /** Batches of one panel request sent at the same time. */
  maxBatchesInFlight = DEFAULT_BATCHES_IN_FLIGHT;

  constructor(
    instanceSettings: DataSourceInstanceSettings<CesDataSourceOptions>,
    private readonly templateSrv: TemplateSrv = getTemplateSrv()
  ) {
    super(instanceSettings);
    this.settings = instanceSettings.jsonData;
    this.resources = new BackendResources((path) => this.buildResourcesDatasourceUrl(path));
    this.variables = new CesVariableSupport(this);
  }

  /** Plans the panel's queries, reads the catalog when `*` needs it, and runs the batches. */
  override query(request: DataQueryRequest<CesQuery>): Observable<DataQueryResponse> {
    const queries = request.targets
      .filter((query) => this.filterQuery(query))
      .map((query) => this.applyTemplateVariables(query, request.scopedVars))
      .map((query) => toCoreQuery(query));
    if (queries.length === 0) {
      return of({ data: [], state: LoadingState.Done });
    }

    const range = { from: request.range.from.valueOf(), to: request.range.to.valueOf() };
    const options = planOptions(this.settings, request);
    const fetchCatalog = (namespace: string, metricName: string) =>
      this.resources.catalog(namespace, metricName);

    return loadCatalog(queries, fetchCatalog, this.maxBatchesInFlight).pipe(
      mergeMap(({ catalog, errors, failedRefIds }) => {
        const plannable = queries.filter((query) => !failedRefIds.has(query.refId));
        const planned = plan({ queries: plannable, range, options, catalog });
        return runPlan(planned, {
          send: (batch) => this.resources.sendBatch(batch),
          maxInFlight: this.maxBatchesInFlight,
          errors,
        });
      })
    );
  }

  /** Replaces variables; a multi-value variable in a dimension becomes the `{a,b}` form. */
  override applyTemplateVariables(query: CesQuery, scopedVars: ScopedVars): CesQuery {
    return interpolateQuery(query, this.templateSrv, scopedVars);
  }

  /** Hidden queries and queries without a namespace, a metric or a complete row are skipped. */
  override filterQuery(query: CesQuery): boolean {
    return !query.hide && isCompleteQuery(query);
  }

  /** What a new query starts with. */
  override getDefaultQuery(): Partial<CesQuery> {
    return { ...DEFAULT_QUERY, dimensions: [] };
  }

  /** The text with the dashboard's variables replaced (editors use it to read the catalog). */
  interpolateText(text: string): string {
    return this.templateSrv.replace(text);
  }

  /** The dashboard's variables as `$name`, offered in the editors' selects. */
  variableNames(): string[] {
    return this.templateSrv.getVariables().map((variable) => `$${variable.name}`);
  }

  /** Values of a template variable query (namespaces, metrics, dimensions, periods, filters). */
  override metricFindQuery(
    query: CesVariableQuery,
    options?: { scopedVars?: ScopedVars }
  ): Promise<MetricFindValue[]> {
    const values = findVariableValues(query, this.resources, this.templateSrv, options?.scopedVars);
    return lastValueFrom(values);
  }
}
