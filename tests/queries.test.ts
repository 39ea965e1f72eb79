/**
 * Every query of the provisioned dashboards and alert rule plans without error with the core,
 * against the catalog the reference service is seeded with, for every choice of the dashboards'
 * variables: the same path a panel takes (interpolate, toCoreQuery, plan).
 */

import { validateBatchQuery } from '../src/ces';
import { plan, toCoreQuery, type Plan, type PlanInput } from '../src/core';
import { interpolateQuery } from '../src/interpolate';
import { planOptions } from '../src/options';
import type { CesDataSourceOptions, CesQuery } from '../src/types';
import { parseConfig } from '../server/config';
import { seededCatalog } from './stack/catalog';
import { filesIn, readJson, readYaml } from './stack/files';
import type {
  AlertingFile,
  ComposeFile,
  Dashboard,
  DashboardPanel,
  DashboardVariable,
  DataSourcesFile,
} from './stack/model';
import { customOptions, savedSelection, templateService, type Selection } from './stack/variables';

const HOUR_MS = 3600 * 1000;
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const PANEL = { maxDataPoints: 1200, intervalMs: 30_000 };

const compose = readYaml<ComposeFile>('docker-compose.yaml');
const seed = parseConfig((compose.services.ces.command ?? []).slice(2));
const catalog = seededCatalog(seed.seedResources);
const settings = readYaml<DataSourcesFile>('provisioning/datasources', 'cloudeye.yaml')
  .datasources[0].jsonData as unknown as CesDataSourceOptions;

const dashboards = filesIn('provisioning/dashboards', ['.json']).map((file) => ({
  file,
  dashboard: readJson<Dashboard>('provisioning/dashboards', file),
}));

function panelsWithTargets(panels: DashboardPanel[]): DashboardPanel[] {
  return panels
    .flatMap((panel) => [panel, ...panelsWithTargets(panel.panels ?? [])])
    .filter((panel) => (panel.targets ?? []).length > 0);
}

function planPanel(panel: DashboardPanel, variables: DashboardVariable[], selection: Selection) {
  const templateSrv = templateService(variables, selection);
  const queries = (panel.targets ?? [])
    .filter((target) => !target.hide)
    .map((target) => interpolateQuery(target as CesQuery, templateSrv))
    .map((query) => toCoreQuery(query));
  const input: PlanInput = {
    queries,
    range: { from: NOW - 6 * HOUR_MS, to: NOW },
    options: planOptions(settings, PANEL),
    catalog,
  };
  return plan(input);
}

function expectPlannedWithoutError(planned: Plan, maxMetrics: number) {
  expect(planned.queries.length).toBeGreaterThan(0);
  for (const query of planned.queries) {
    expect({ refId: query.refId, error: query.error }).toEqual({ refId: query.refId });
    expect(query.batchIds.length).toBeGreaterThan(0);
  }
  for (const batch of planned.batches) {
    const checked = validateBatchQuery(batch.body, { maxMetrics });
    expect(checked.ok ? [] : checked.violations).toEqual([]);
  }
}

/** Selections to try: as saved, each option of each custom variable, two picked values. */
function selections(dashboard: Dashboard): Array<[string, Selection]> {
  const variables = dashboard.templating.list;
  const saved = savedSelection(variables);
  const tried: Array<[string, Selection]> = [['as saved', saved]];
  for (const variable of variables) {
    if (variable.type === 'custom') {
      for (const option of customOptions(variable)) {
        tried.push([`${variable.name}=${option}`, { ...saved, [variable.name]: option }]);
      }
    }
    if (variable.type === 'query') {
      const query = variable.query as { namespace: string; dimensionKey: string };
      const values = catalog
        .filter((m) => m.namespace === query.namespace)
        .flatMap((m) => m.dimensions.filter((d) => d.name === query.dimensionKey))
        .map((d) => d.value);
      const picked = [...new Set(values)].slice(0, 2);
      tried.push([`${variable.name}=${picked.join('+')}`, { ...saved, [variable.name]: picked }]);
    }
  }
  return tried;
}

describe('dashboard queries plan with the core against the seeded catalog', () => {
  for (const { file, dashboard } of dashboards) {
    describe(file, () => {
      it.each(selections(dashboard))('with %s', (_name, selection) => {
        for (const panel of panelsWithTargets(dashboard.panels)) {
          const planned = planPanel(panel, dashboard.templating.list, selection);
          expectPlannedWithoutError(planned, settings.maxMetricsPerRequest);
        }
      });
    });
  }

  it('fetches the CPU of every ECS instance in one panel over more than one batch', () => {
    const { dashboard } = dashboards.find((d) => d.file === 'ecs-overview.json')!;
    const panel = panelsWithTargets(dashboard.panels).find((p) => p.type === 'timeseries')!;
    const planned = planPanel(
      panel,
      dashboard.templating.list,
      savedSelection(dashboard.templating.list)
    );

    expect(planned.queries[0].keys.length).toBe(seed.seedResources);
    expect(seed.seedResources).toBeGreaterThan(settings.maxMetricsPerRequest);
    expect(planned.batches.length).toBeGreaterThan(1);
  });
});

describe('the alert rule queries plan with the core against the seeded catalog', () => {
  const alerting = filesIn('provisioning/alerting', ['.yaml']).map((file) =>
    readYaml<AlertingFile>('provisioning/alerting', file)
  );
  const rules = alerting.flatMap((f) => f.groups ?? []).flatMap((g) => g.rules);
  const queries = rules.flatMap((rule) =>
    rule.data
      .filter((q) => q.datasourceUid !== '__expr__')
      .map((q) => [`${rule.uid} ${q.refId}`, q] as const)
  );

  it.each(queries)('%s', (_name, query) => {
    const planned = plan({
      queries: [toCoreQuery(query.model)],
      range: { from: NOW - query.relativeTimeRange.from * 1000, to: NOW },
      options: planOptions(settings),
      catalog,
    });
    expectPlannedWithoutError(planned, settings.maxMetricsPerRequest);
    expect(planned.queries[0].keys.length).toBe(seed.seedResources);
  });
});
