/**
 * Static checks of the dev stack: docker compose and the Dockerfile cannot run on the CI
 * machines, so what they name is checked against the repository and the build output instead.
 */

import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { satisfies } from 'semver';

import { parseConfig } from '../server/config';
import { readDockerfile, resolveImage } from './stack/dockerfile';
import { readJson, readText, readYaml, repoHas, repoPath } from './stack/files';
import type {
  AlertingFile,
  ComposeFile,
  ComposeService,
  DashboardProvidersFile,
  DataSourcesFile,
} from './stack/model';

const compose = readYaml<ComposeFile>('docker-compose.yaml');
const dockerfile = readDockerfile(readText('Dockerfile'));
const sourcePlugin = readJson<{ id: string; dependencies: { grafanaDependency: string } }>(
  'src',
  'plugin.json'
);

function service(name: string): ComposeService {
  const found = compose.services[name];
  if (!found) {
    throw new Error(`docker-compose.yaml has no service "${name}"`);
  }
  return found;
}

function bindMounts(): Array<{ service: string; source: string; target: string }> {
  return Object.entries(compose.services).flatMap(([name, s]) =>
    (s.volumes ?? []).map((volume) => {
      const [source, target] = volume.split(':');
      return { service: name, source, target };
    })
  );
}

describe('docker-compose.yaml', () => {
  it('defines the reference service, the alert sink and Grafana', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['alert-sink', 'ces', 'grafana']);
  });

  it('builds Grafana and the reference service from stages the Dockerfile defines', () => {
    for (const name of ['grafana', 'ces']) {
      const build = service(name).build;
      expect(build?.context).toBe('.');
      expect(Object.keys(dockerfile.stages)).toContain(build?.target);
    }
  });

  it('allows unsigned loading for the plugin id and nothing else', () => {
    const allowed = service('grafana').environment?.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS;
    expect(allowed).toBe(sourcePlugin.id);
  });

  it('starts Grafana only once the reference service and the sink are healthy', () => {
    expect(service('grafana').depends_on).toEqual({
      ces: { condition: 'service_healthy' },
      'alert-sink': { condition: 'service_healthy' },
    });
    expect(service('ces').healthcheck?.test.join(' ')).toContain('/healthz');
    expect(service('alert-sink').healthcheck?.test.length).toBeGreaterThan(0);
  });

  it('mounts only files and folders that exist in the repository', () => {
    const mounts = bindMounts();
    expect(mounts.length).toBeGreaterThan(0);
    for (const mount of mounts) {
      expect(mount.source.startsWith('./')).toBe(true);
      expect({ ...mount, exists: repoHas(mount.source) }).toEqual({ ...mount, exists: true });
    }
  });

  it('mounts the provisioning folder where Grafana reads it', () => {
    const mount = bindMounts().find((m) => m.service === 'grafana');
    expect(mount).toEqual({
      service: 'grafana',
      source: './provisioning',
      target: '/etc/grafana/provisioning',
    });
  });

  it('starts the reference service with a command line the service accepts', () => {
    const command = service('ces').command ?? [];
    expect(command.slice(0, 2)).toEqual(['node_modules/.bin/tsx', 'server/main.ts']);

    const config = parseConfig(command.slice(2));
    expect(config.host).toBe('0.0.0.0');
    expect(service('ces').ports).toContain(`${config.port}:${config.port}`);
  });
});

describe('Dockerfile', () => {
  it('pins a Grafana image whose version the plugin supports', () => {
    const image = resolveImage(dockerfile.stages.grafana, dockerfile.globalArgs);
    const [name, tag] = image.split(':');

    expect(name).toBe('grafana/grafana');
    expect(tag).toMatch(/^\d+\.\d+\.\d+$/);
    expect(satisfies(tag, sourcePlugin.dependencies.grafanaDependency)).toBe(true);
  });

  it('copies from the build context only paths that exist', () => {
    const sources = dockerfile.copies.filter((c) => !c.from).flatMap((c) => c.sources);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect({ source, exists: repoHas(source) }).toEqual({ source, exists: true });
    }
  });

  it('copies between stages only from stages it defines', () => {
    const stages = Object.keys(dockerfile.stages);
    for (const copy of dockerfile.copies.filter((c) => c.from)) {
      expect(stages).toContain(copy.from);
    }
  });

  it('puts the plugin into a Grafana plugins folder named after the plugin id', () => {
    const targets = dockerfile.copies.filter((c) => c.stage === 'grafana').map((c) => c.target);
    expect(targets).toEqual([
      `/var/lib/grafana/plugins/${sourcePlugin.id}/`,
      `/var/lib/grafana/plugins/${sourcePlugin.id}/`,
    ]);
  });
});

describe('the build output Grafana loads', () => {
  const built = readJson<{ id: string; type: string; backend: boolean; executable: string }>(
    'dist',
    'plugin.json'
  );

  it('holds the frontend module and plugin.json of this plugin', () => {
    expect(repoHas('dist', 'module.js')).toBe(true);
    expect(built.id).toBe(sourcePlugin.id);
    expect(built.type).toBe('datasource');
    expect(built.backend).toBe(true);
  });

  it('holds an executable backend for Linux on amd64, named as plugin.json says', () => {
    const executable = repoPath('dist', `${built.executable}_linux_amd64`);
    expect(() => accessSync(executable, constants.X_OK)).not.toThrow();
  });
});

describe('npm run stack, for a Grafana installed on the host', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cloudeye-stack-'));
  const read = <T>(...parts: string[]) =>
    parse(readFileSync(join(dir, 'provisioning', ...parts), 'utf8')) as T;

  beforeAll(() => {
    execFileSync(repoPath('scripts', 'stack.sh'), ['--prepare-only'], {
      env: { ...process.env, STACK_DIR: dir, CES_PORT: '18090', SINK_PORT: '19000' },
      stdio: 'pipe',
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('links the built plugin into a plugins folder, one folder down as Grafana looks', () => {
    const linked = join(dir, 'plugins', sourcePlugin.id, 'plugin.json');
    expect(JSON.parse(readFileSync(linked, 'utf8')).id).toBe(sourcePlugin.id);
  });

  it('points the data source at the reference service on the loopback address', () => {
    const [dataSource] = read<DataSourcesFile>('datasources', 'cloudeye.yaml').datasources;
    expect(dataSource.jsonData.endpoint).toBe('http://127.0.0.1:18090');
    expect(dataSource.uid).toBe(
      readYaml<DataSourcesFile>('provisioning/datasources/cloudeye.yaml').datasources[0].uid
    );
  });

  it('loads the dashboards from this checkout', () => {
    const { providers } = read<DashboardProvidersFile>('dashboards', 'dashboards.yaml');
    expect(providers[0].options.path).toBe(repoPath('provisioning', 'dashboards'));
    expect(existsSync(providers[0].options.path)).toBe(true);
  });

  it('keeps the alert rule and sends notifications to the sink on the loopback address', () => {
    const rules = read<AlertingFile>('alerting', 'rules.yaml');
    expect(rules).toEqual(readYaml<AlertingFile>('provisioning/alerting/rules.yaml'));
    const { contactPoints } = read<AlertingFile>('alerting', 'contact-points.yaml');
    expect(contactPoints?.[0].receivers[0].settings.url).toBe('http://127.0.0.1:19000/alerts');
  });
});
