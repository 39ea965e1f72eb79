// Shared test data for the data source and editor tests: settings, variables, requests, answers.
import {
  CoreApp,
  DataQueryRequest,
  DataSourceInstanceSettings,
  dateTime,
  TimeRange,
} from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

import type { BatchQueryRequest, BatchQueryResponse } from '../ces';
import type { CesDataSourceOptions, CesQuery } from '../types';

/** Settings of a data source under the seed rules. */
export function instanceSettings(
  jsonData: Partial<CesDataSourceOptions> = {}
): DataSourceInstanceSettings<CesDataSourceOptions> {
  return {
    id: 1,
    uid: 'ces-uid',
    type: 'hwc-cloudeye-datasource',
    name: 'Cloud Eye',
    access: 'proxy',
    readOnly: false,
    meta: { id: 'hwc-cloudeye-datasource' } as DataSourceInstanceSettings['meta'],
    jsonData: {
      endpoint: 'https://ces.cn-north-4.myhuaweicloud.com',
      region: 'cn-north-4',
      projectId: '0123456789abcdef0123456789abcdef',
      authType: 'aksk',
      maxMetricsPerRequest: 10,
      datapointBudget: 0,
      rawIntervalSeconds: 60,
      callsPerMinute: 500,
      ...jsonData,
    },
  };
}

/**
 * A template service with the given variables: `$name` is replaced by its value; a list goes
 * through the format function when one is given (as Grafana does), else it is comma-joined.
 */
export function templateSrvWith(variables: Record<string, string | string[]> = {}): TemplateSrv {
  const replace = (text = '', _scoped?: unknown, format?: string | Function) =>
    text.replace(/\$(\w+)/g, (whole, name: string) => {
      const value = variables[name];
      if (value === undefined) {
        return whole;
      }
      if (typeof format === 'function') {
        return format(value);
      }
      return Array.isArray(value) ? value.join(',') : value;
    });
  return {
    replace,
    getVariables: () => Object.keys(variables).map((name) => ({ name }) as never),
    containsTemplate: (text?: string) => /\$\w+/.test(text ?? ''),
    updateTimeRange: () => {},
  } as unknown as TemplateSrv;
}

/** The range of the last `hours` hours before a fixed instant. */
export function lastHours(hours: number, to = Date.UTC(2025, 0, 10, 12)): TimeRange {
  const from = dateTime(to - hours * 3600_000);
  return { from, to: dateTime(to), raw: { from: `now-${hours}h`, to: 'now' } };
}

/** A panel request for the given queries. */
export function request(targets: CesQuery[], range = lastHours(1)): DataQueryRequest<CesQuery> {
  return {
    requestId: 'Q1',
    interval: '1m',
    intervalMs: 60_000,
    maxDataPoints: 1000,
    range,
    scopedVars: {},
    targets,
    timezone: 'utc',
    app: CoreApp.Dashboard,
    startTime: 0,
  };
}

/** A query of `cpu_util` for the given instance ids (several become the `{a,b}` form). */
export function cpuQuery(refId: string, ids: string[], patch: Partial<CesQuery> = {}): CesQuery {
  const value = ids.length === 1 ? ids[0] : `{${ids.join(',')}}`;
  return {
    refId,
    namespace: 'SYS.ECS',
    metricName: 'cpu_util',
    dimensions: [{ name: 'instance_id', value }],
    period: '300',
    filter: 'average',
    ...patch,
  };
}

/** The service's answer to a batch body: every metric with one point per period from `from`. */
export function answerFor(body: BatchQueryRequest, value = 1): BatchQueryResponse {
  const step = Number(body.period) * 1000;
  return {
    metrics: body.metrics.map((metric) => {
      const datapoints = [];
      for (let t = body.from; t < body.to; t += step) {
        datapoints.push({ timestamp: t, [body.filter]: value });
      }
      return { ...metric, unit: '%', datapoints };
    }),
  };
}
