/** The parts of compose, provisioning and dashboard files that the static checks read. */

/** A reference to a data source, as panels, targets and variables hold it. */
export interface DataSourceRef {
  type?: string;
  uid?: string;
}

/** One service of the compose file. */
export interface ComposeService {
  image?: string;
  build?: { context: string; target?: string; dockerfile?: string };
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

/** The compose file. */
export interface ComposeFile {
  services: Record<string, ComposeService>;
}

/** One provisioned data source. */
export interface ProvisionedDataSource {
  name: string;
  type: string;
  uid: string;
  access?: string;
  jsonData: Record<string, unknown>;
  secureJsonData?: Record<string, string>;
}

/** A data source provisioning file. */
export interface DataSourcesFile {
  apiVersion: number;
  datasources: ProvisionedDataSource[];
}

/** A dashboard provider file. */
export interface DashboardProvidersFile {
  apiVersion: number;
  providers: Array<{ name: string; folder?: string; type: string; options: { path: string } }>;
}

/** A query as a dashboard target or an alert rule model stores it. */
export interface SavedTarget {
  refId: string;
  datasource?: DataSourceRef;
  namespace?: string;
  metricName?: string;
  dimensions?: Array<{ name: string; value: string }>;
  period?: string;
  filter?: string;
  alias?: string;
  hide?: boolean;
}

/** A template variable of a dashboard. */
export interface DashboardVariable {
  name: string;
  type: string;
  datasource?: DataSourceRef;
  query?: unknown;
  multi?: boolean;
  includeAll?: boolean;
  allValue?: string;
  current?: { text?: string | string[]; value?: string | string[] };
}

/** A dashboard panel (rows may nest panels). */
export interface DashboardPanel {
  id: number;
  type: string;
  title: string;
  datasource?: DataSourceRef;
  targets?: SavedTarget[];
  panels?: DashboardPanel[];
}

/** A dashboard JSON file. */
export interface Dashboard {
  uid: string;
  title: string;
  templating: { list: DashboardVariable[] };
  panels: DashboardPanel[];
}

/** One query or expression of an alert rule. */
export interface AlertQuery {
  refId: string;
  datasourceUid: string;
  relativeTimeRange: { from: number; to: number };
  model: SavedTarget & { type?: string; expression?: string };
}

/** An alert rule as provisioned. */
export interface AlertRule {
  uid: string;
  title: string;
  condition: string;
  for: string;
  data: AlertQuery[];
}

/** An alerting provisioning file: rule groups, contact points and policies. */
export interface AlertingFile {
  apiVersion: number;
  groups?: Array<{
    orgId: number;
    name: string;
    folder: string;
    interval: string;
    rules: AlertRule[];
  }>;
  contactPoints?: Array<{
    orgId: number;
    name: string;
    receivers: Array<{ uid: string; type: string; settings: { url?: string } }>;
  }>;
  policies?: Array<{ orgId: number; receiver: string }>;
}
