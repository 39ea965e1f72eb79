/** The backend's resources (batch and catalog), called through Grafana's cancellable fetch. */

import { getBackendSrv } from '@grafana/runtime';
import { catchError, lastValueFrom, map, Observable, of } from 'rxjs';

import { toBatchAnswer, failedBatch } from './answers';
import type { MetricInfo } from './ces';
import type { Batch, BatchAnswer } from './core/types';
import type { CesDimension } from './types';

/** Builds the URL of one resource path of this data source. */
export type ResourceUrl = (path: string) => string;

/** Calls of the backend's resources; each observable cancels its call when unsubscribed. */
export class BackendResources {
  constructor(private readonly url: ResourceUrl) {}

  /** Sends one batch; never errors: a failure becomes the batch's error answer. */
  sendBatch(batch: Batch): Observable<BatchAnswer> {
    const call = getBackendSrv().fetch<unknown>({
      url: this.url('batch'),
      method: 'POST',
      data: batch.body,
      showErrorAlert: false,
      showSuccessAlert: false,
    });
    return call.pipe(
      map((response) => toBatchAnswer(batch.id, response)),
      catchError((failure: unknown) => of(failedBatch(batch.id, failure)))
    );
  }

  /** Catalog entries of a namespace, optionally of one metric (used to resolve `*`). */
  catalog(namespace: string, metricName?: string): Observable<MetricInfo[]> {
    const params: Record<string, string> = { namespace };
    if (metricName) {
      params.metric_name = metricName;
    }
    return this.get<MetricInfo[]>('catalog', params);
  }

  /** Namespaces the catalog knows. */
  namespaces(): Promise<string[]> {
    return lastValueFrom(this.get<string[]>('namespaces', {}));
  }

  /** Metric names of a namespace. */
  metrics(namespace: string): Promise<string[]> {
    return lastValueFrom(this.get<string[]>('metrics', { namespace }));
  }

  /** Dimension names of a metric. */
  dimensionKeys(namespace: string, metricName: string): Promise<string[]> {
    return lastValueFrom(
      this.get<string[]>('dimension-keys', { namespace, metric_name: metricName })
    );
  }

  /** Values of one dimension among the metrics that match the other dimension filters. */
  dimensionValues(
    namespace: string,
    metricName: string,
    key: string,
    others: CesDimension[] = []
  ): Promise<string[]> {
    const params: Record<string, string> = { namespace, metric_name: metricName, key };
    others.forEach((dimension, index) => {
      params[`dim.${index}`] = `${dimension.name},${dimension.value}`;
    });
    return lastValueFrom(this.get<string[]>('dimension-values', params));
  }

  private get<T>(path: string, params: Record<string, string>): Observable<T> {
    const call = getBackendSrv().fetch<T>({
      url: this.url(path),
      method: 'GET',
      params,
      showErrorAlert: false,
    });
    return call.pipe(map((response) => response.data));
  }
}
