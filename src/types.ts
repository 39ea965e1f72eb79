/** What the plugin stores: the saved query, the data source settings and their defaults. */

import type { DataQuery, DataSourceJsonData } from '@grafana/data';

import type { FilterName, PeriodString } from './ces';

/** One dimension filter as saved: a value, a variable, `*`, or the multi-value form `{a,b}`. */
export interface CesDimension {
  name: string;
  value: string;
}

/** Period choice of a query: `auto` lets the core pick one for the time range. */
export type PeriodChoice = 'auto' | PeriodString;

/** A dashboard variable written into a field, e.g. `$period`; replaced before planning. */
export type VariableRef = `$${string}`;

/** A panel or alert query as saved; the Go backend reads the same JSON. */
export interface CesQuery extends DataQuery {
  namespace: string;
  metricName: string;
  dimensions: CesDimension[];
  period: PeriodChoice | VariableRef;
  filter: FilterName | VariableRef;
  /** Legend template, e.g. `{{metric_name}} {{instance_id}}`. */
  alias?: string;
}

/** How the backend authenticates to CES. */
export type AuthType = 'aksk' | 'token';

/** Data source settings stored in jsonData (visible to the browser: no secrets here). */
export interface CesDataSourceOptions extends DataSourceJsonData {
  endpoint: string;
  region: string;
  projectId: string;
  authType: AuthType;
  maxMetricsPerRequest: number;
  /** 0 = off (seed rule); 3000 = the current cloud's datapoint budget. */
  datapointBudget: number;
  rawIntervalSeconds: number;
  callsPerMinute: number;
  tlsSkipVerify?: boolean;
}

/** Secrets, stored encrypted by Grafana and readable only by the backend. */
export interface CesSecureJsonData {
  accessKey?: string;
  secretKey?: string;
  token?: string;
}

/** Kinds of values a template variable can list. */
export type VariableKind =
  'namespaces' | 'metrics' | 'dimensionKeys' | 'dimensionValues' | 'periods' | 'filters';

/** A template variable query. */
export interface CesVariableQuery extends DataQuery {
  kind: VariableKind;
  namespace?: string;
  metricName?: string;
  /** For `dimensionValues`: the dimension whose values are listed. */
  dimensionKey?: string;
  /** For `dimensionValues`: other dimensions the metrics must match. */
  dimensions?: CesDimension[];
}

/** Field values of a new query. */
export const DEFAULT_QUERY: Omit<CesQuery, 'refId'> = {
  namespace: '',
  metricName: '',
  dimensions: [],
  period: 'auto',
  filter: 'average',
};

/** Settings a new data source starts with (the seed rules). */
export const DEFAULT_OPTIONS: Omit<CesDataSourceOptions, 'endpoint' | 'region' | 'projectId'> = {
  authType: 'aksk',
  maxMetricsPerRequest: 10,
  datapointBudget: 0,
  rawIntervalSeconds: 60,
  callsPerMinute: 500,
};

/** Batches of one panel request sent at the same time. */
export const DEFAULT_BATCHES_IN_FLIGHT = 4;
