// Browser tests of the plugin inside a running Grafana (the docker compose stack), written with
// @grafana/plugin-e2e. They need Docker, so CI on machines without it does not run them:
//   docker compose up --build -d && npm run e2e
import { dirname } from 'node:path';

import type { PluginOptions } from '@grafana/plugin-e2e';
import { defineConfig, devices } from '@playwright/test';

// plugin-e2e ships a setup project that logs in as admin and stores the session for the tests.
const pluginE2eAuth = `${dirname(require.resolve('@grafana/plugin-e2e'))}/auth`;

// Where `npx playwright install` cannot download a browser, point this at an installed Chromium.
const executablePath = process.env.CHROMIUM_PATH || undefined;

export default defineConfig<PluginOptions>({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 2 : 0,
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: process.env.GRAFANA_URL || 'http://localhost:3000',
    trace: 'on-first-retry',
    launchOptions: { executablePath },
  },
  projects: [
    {
      name: 'auth',
      testDir: pluginE2eAuth,
      testMatch: [/.*\.js/],
    },
    {
      name: 'run-tests',
      use: {
        ...devices['Desktop Chrome'],
        storageState: 'playwright/.auth/admin.json',
      },
      dependencies: ['auth'],
    },
  ],
});
