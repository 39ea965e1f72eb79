/**
 * The provisioning files parse as Grafana reads them, and everything in them refers to the one
 * provisioned Cloud Eye data source.
 */

import { filesIn, readJson, readYaml, repoHas } from './stack/files';
import type {
  AlertingFile,
  ComposeFile,
  Dashboard,
  DashboardPanel,
  DashboardProvidersFile,
  DataSourcesFile,
} from './stack/model';

const pluginId = readJson<{ id: string }>('src', 'plugin.json').id;
const dataSourceFiles = filesIn('provisioning/datasources', ['.yaml', '.yml']);
const dashboardFiles = filesIn('provisioning/dashboards', ['.json']);
const alertingFiles = filesIn('provisioning/alerting', ['.yaml', '.yml']);

const dataSources = dataSourceFiles.flatMap(
  (file) => readYaml<DataSourcesFile>('provisioning/datasources', file).datasources
);
const cloudEye = dataSources.filter((ds) => ds.type === pluginId);
const uid = cloudEye[0]?.uid;
const alerting = alertingFiles.map((file) => readYaml<AlertingFile>('provisioning/alerting', file));
const rules = alerting.flatMap((file) => file.groups ?? []).flatMap((group) => group.rules);

function allPanels(panels: DashboardPanel[]): DashboardPanel[] {
  return panels.flatMap((panel) => [panel, ...allPanels(panel.panels ?? [])]);
}

describe('data source provisioning', () => {
  it('provisions exactly one data source of this plugin, with a fixed uid', () => {
    expect(cloudEye).toHaveLength(1);
    expect(uid).toMatch(/^[a-zA-Z0-9_-]{1,40}$/);
  });

  it('keeps the secrets in secureJsonData, never in jsonData', () => {
    const { jsonData, secureJsonData } = cloudEye[0];
    expect(Object.keys(secureJsonData ?? {}).sort()).toEqual(['accessKey', 'secretKey']);
    for (const secret of ['accessKey', 'secretKey', 'token']) {
      expect(jsonData).not.toHaveProperty(secret);
    }
  });

  it('points at the reference service by its compose name and port, with the dev project', () => {
    const compose = readYaml<ComposeFile>('docker-compose.yaml');
    const command = compose.services.ces.command ?? [];
    const port = command[command.indexOf('--port') + 1];

    expect(cloudEye[0].jsonData).toMatchObject({
      endpoint: `http://ces:${port}`,
      projectId: '0123456789abcdef0123456789abcdef',
      authType: 'aksk',
      maxMetricsPerRequest: 10,
    });
  });
});

describe('dashboard provisioning', () => {
  const providers = readYaml<DashboardProvidersFile>('provisioning/dashboards', 'dashboards.yaml');

  it('loads the dashboards from the folder compose mounts them into', () => {
    expect(providers.apiVersion).toBe(1);
    expect(providers.providers.map((p) => p.options.path)).toEqual([
      '/etc/grafana/provisioning/dashboards',
    ]);
  });

  it('ships an ECS overview and a dashboard for a second namespace', () => {
    const namespaces = dashboardFiles.map((file) => {
      const dashboard = readJson<Dashboard>('provisioning/dashboards', file);
      const targets = allPanels(dashboard.panels).flatMap((p) => p.targets ?? []);
      return [...new Set(targets.map((t) => t.namespace))].join(',');
    });
    expect(namespaces).toEqual(['SYS.ECS', 'SYS.RDS']);
  });

  it.each(dashboardFiles)('%s uses the provisioned data source everywhere', (file) => {
    const dashboard = readJson<Dashboard>('provisioning/dashboards', file);
    const panels = allPanels(dashboard.panels).filter((p) => p.type !== 'row');
    const refs = [
      ...panels.map((p) => p.datasource),
      ...panels.flatMap((p) => (p.targets ?? []).map((t) => t.datasource)),
      ...dashboard.templating.list.filter((v) => v.type === 'query').map((v) => v.datasource),
    ];
    expect(panels.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toEqual({ type: pluginId, uid });
    }
  });

  it.each(dashboardFiles)('%s gives every panel a unique id and every target a refId', (file) => {
    const panels = allPanels(readJson<Dashboard>('provisioning/dashboards', file).panels);
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
    for (const panel of panels) {
      const refIds = (panel.targets ?? []).map((t) => t.refId);
      expect(new Set(refIds).size).toBe(refIds.length);
    }
  });
});

describe('alerting provisioning', () => {
  it('provisions at least one rule, in a folder, evaluated every minute', () => {
    const groups = alerting.flatMap((file) => file.groups ?? []);
    expect(rules.length).toBeGreaterThan(0);
    for (const group of groups) {
      expect(group.folder).toBeTruthy();
      expect(group.interval).toBe('1m');
    }
  });

  it('queries the provisioned data source and chains expressions by refId', () => {
    for (const rule of rules) {
      const refIds = rule.data.map((q) => q.refId);
      expect(refIds).toContain(rule.condition);
      for (const query of rule.data) {
        expect([uid, '__expr__']).toContain(query.datasourceUid);
        expect(query.model.refId).toBe(query.refId);
        if (query.datasourceUid === '__expr__') {
          expect(refIds).toContain(query.model.expression);
        }
      }
      expect(rule.data.filter((q) => q.datasourceUid === uid).length).toBeGreaterThan(0);
    }
  });

  it('routes notifications to a contact point that exists', () => {
    const contactPoints = alerting.flatMap((file) => file.contactPoints ?? []);
    const policies = alerting.flatMap((file) => file.policies ?? []);
    expect(policies).toHaveLength(1);
    expect(contactPoints.map((c) => c.name)).toContain(policies[0].receiver);
  });

  it('sends its webhook to the alert sink that compose starts', () => {
    const compose = readYaml<ComposeFile>('docker-compose.yaml');
    const receivers = alerting
      .flatMap((file) => file.contactPoints ?? [])
      .flatMap((c) => c.receivers)
      .filter((r) => r.type === 'webhook');
    for (const receiver of receivers) {
      const url = new URL(receiver.settings.url ?? '');
      expect(Object.keys(compose.services)).toContain(url.hostname);
    }
    expect(repoHas('scripts', 'alert-sink.mjs')).toBe(true);
  });
});
