/**
 * Loads the built dist/module.js as Grafana does: an AMD module evaluated with a `define` that
 * hands it Grafana's own libraries. Builds first when the bundle is missing or older than src/.
 */
import { DataSourcePlugin } from '@grafana/data';
import { DataSourceWithBackend } from '@grafana/runtime';
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');
const bundle = path.join(dist, 'module.js');

// What Grafana provides to plugins at run time; the bundle may ask for these and nothing else.
const provided: Record<string, () => unknown> = {
  react: () => require('react'),
  'react-dom': () => require('react-dom'),
  'react/jsx-runtime': () => require('react/jsx-runtime'),
  rxjs: () => require('rxjs'),
  'rxjs/operators': () => require('rxjs/operators'),
  '@emotion/css': () => require('@emotion/css'),
  '@grafana/data': () => require('@grafana/data'),
  '@grafana/ui': () => require('@grafana/ui'),
  '@grafana/runtime': () => require('@grafana/runtime'),
  '@grafana/i18n': () => require('@grafana/i18n'),
  '@grafana/schema': () => require('@grafana/schema'),
};

function newestSource(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs;
    return Math.max(newest, time);
  }, 0);
}

function buildIfStale() {
  const stale =
    !fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < newestSource(path.join(root, 'src'));
  if (!stale) {
    return;
  }
  try {
    execFileSync('npx', ['webpack', '--mode', 'production', '--config', 'webpack.config.js'], {
      cwd: root,
      stdio: 'pipe',
    });
  } catch (failure) {
    const output = String((failure as { stdout?: Buffer }).stdout ?? failure);
    throw new Error(
      `npm run build:frontend failed, so dist/module.js cannot be checked:\n${output}`
    );
  }
}

interface Loaded {
  dependencies: string[];
  exports: Record<string, unknown>;
}

function loadAmd(code: string): Loaded {
  let loaded: Loaded | undefined;
  const define = (dependencies: string[], factory: (...modules: unknown[]) => unknown) => {
    const modules = dependencies.map((name) => {
      if (!provided[name]) {
        throw new Error(`dist/module.js imports ${name}, which Grafana does not provide`);
      }
      return provided[name]();
    });
    loaded = { dependencies, exports: factory(...modules) as Record<string, unknown> };
  };
  new Function('define', code)(define);
  if (!loaded) {
    throw new Error('dist/module.js did not call define()');
  }
  return loaded;
}

describe('the built plugin', () => {
  let loaded: Loaded;

  beforeAll(() => {
    buildIfStale();
    loaded = loadAmd(fs.readFileSync(bundle, 'utf8'));
  }, 120_000);

  it('is an AMD module that imports only libraries Grafana provides', () => {
    expect(loaded.dependencies.length).toBeGreaterThan(0);
    for (const name of loaded.dependencies) {
      expect(Object.keys(provided)).toContain(name);
    }
    expect(loaded.dependencies).toEqual(expect.arrayContaining(['@grafana/data', 'react']));
  });

  it('exports a data source plugin with its config and query editors', () => {
    const plugin = loaded.exports.plugin as DataSourcePlugin<DataSourceWithBackend>;

    expect(plugin).toBeInstanceOf(DataSourcePlugin);
    expect(typeof plugin.components.ConfigEditor).toBe('function');
    expect(typeof plugin.components.QueryEditor).toBe('function');
  });

  it('has a DataSource class extending DataSourceWithBackend, with a variable editor', () => {
    const plugin = loaded.exports.plugin as DataSourcePlugin<DataSourceWithBackend>;
    const DataSourceClass = plugin.DataSourceClass as unknown as new (settings: unknown) => {
      variables?: { editor?: unknown };
    };

    expect(DataSourceClass.prototype).toBeInstanceOf(DataSourceWithBackend);
    const ds = new DataSourceClass({ uid: 'x', jsonData: {}, meta: {} });
    expect(typeof ds.variables?.editor).toBe('function');
  });

  it('ships a plugin.json that Grafana reads as a backend, alerting, metrics data source', () => {
    const meta = JSON.parse(fs.readFileSync(path.join(dist, 'plugin.json'), 'utf8'));

    expect(meta).toMatchObject({
      type: 'datasource',
      id: 'hwc-cloudeye-datasource',
      name: 'Huawei Cloud Eye',
      backend: true,
      alerting: true,
      metrics: true,
      executable: 'gpx_cloudeye',
      dependencies: { grafanaDependency: '>=12.0.0' },
    });
    expect(meta.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(fs.existsSync(path.join(dist, meta.info.logos.small))).toBe(true);
    expect(fs.existsSync(path.join(dist, 'README.md'))).toBe(true);
  });
});
