/** Template variable queries: what each kind lists, and the variable support Grafana calls. */

import {
  CustomVariableSupport,
  DataQueryRequest,
  DataQueryResponse,
  FieldType,
  MetricFindValue,
  ScopedVars,
  createDataFrame,
} from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';
import { from, map, Observable, of } from 'rxjs';

import { FILTER_CHOICES, PERIOD_CHOICES } from './choices';
import { VariableQueryEditor } from './components/VariableQueryEditor';
import type { DataSource } from './datasource';
import type { BackendResources } from './resources';
import type { CesVariableQuery } from './types';

/** Lists the values a variable query asks for; an incomplete query lists nothing. */
export function findVariableValues(
  query: CesVariableQuery,
  resources: BackendResources,
  templateSrv: TemplateSrv,
  scopedVars: ScopedVars = {}
): Observable<MetricFindValue[]> {
  const replace = (text?: string) => templateSrv.replace(text ?? '', scopedVars);
  const namespace = replace(query.namespace);
  const metricName = replace(query.metricName);

  switch (query.kind) {
    case 'namespaces':
      return texts(() => resources.namespaces());
    case 'metrics':
      return namespace ? texts(() => resources.metrics(namespace)) : of([]);
    case 'dimensionKeys':
      return namespace && metricName
        ? texts(() => resources.dimensionKeys(namespace, metricName))
        : of([]);
    case 'dimensionValues': {
      const key = replace(query.dimensionKey);
      const others = (query.dimensions ?? [])
        .map((dimension) => ({ name: replace(dimension.name), value: replace(dimension.value) }))
        .filter((dimension) => dimension.name && dimension.value && dimension.value !== '*');
      return namespace && metricName && key
        ? texts(() => resources.dimensionValues(namespace, metricName, key, others))
        : of([]);
    }
    case 'periods':
      return of(PERIOD_CHOICES.map((choice) => ({ text: choice.label, value: choice.value })));
    case 'filters':
      return of(FILTER_CHOICES.map((choice) => ({ text: choice.label, value: choice.value })));
    default:
      return of([]);
  }
}

function texts(read: () => Promise<string[]>): Observable<MetricFindValue[]> {
  return from(read()).pipe(map((values) => values.map((value) => ({ text: value, value }))));
}

/** Grafana's hook for query variables: our editor, and values as a text/value frame. */
export class CesVariableSupport extends CustomVariableSupport<DataSource, CesVariableQuery> {
  /** The editor of a variable query. */
  editor = VariableQueryEditor;

  constructor(private readonly datasource: DataSource) {
    super();
  }

  /** Lists the variable's values as one frame with a text and a value field. */
  query(request: DataQueryRequest<CesVariableQuery>): Observable<DataQueryResponse> {
    const values = from(this.datasource.metricFindQuery(request.targets[0], request));
    return values.pipe(
      map((found) => ({
        data: [
          createDataFrame({
            refId: request.targets[0].refId,
            fields: [
              { name: 'text', type: FieldType.string, values: found.map((v) => v.text) },
              { name: 'value', type: FieldType.string, values: found.map((v) => v.value) },
            ],
          }),
        ],
      }))
    );
  }
}
