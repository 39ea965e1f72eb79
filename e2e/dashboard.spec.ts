import { expect, test } from '@grafana/plugin-e2e';

test.describe('provisioned ECS overview', () => {
  test('the CPU panel shows a series for every instance', async ({
    gotoPanelEditPage,
    readProvisionedDashboard,
  }) => {
    const dashboard = await readProvisionedDashboard({ fileName: 'dashboards/ecs-overview.json' });
    const panelEditPage = await gotoPanelEditPage({ dashboard, id: '3' });

    await expect(panelEditPage.refreshPanel()).toBeOK();
    await expect(panelEditPage.panel.fieldNames).toContainText(['ecs-0001', 'ecs-0020']);
  });

  test('the table panel lists the instances with numbers', async ({
    gotoPanelEditPage,
    readProvisionedDashboard,
  }) => {
    const dashboard = await readProvisionedDashboard({ fileName: 'dashboards/ecs-overview.json' });
    const panelEditPage = await gotoPanelEditPage({ dashboard, id: '6' });

    await expect(panelEditPage.refreshPanel()).toBeOK();
    await expect(panelEditPage.panel.data).toContainText([/ecs-0001 CPU/, /\d+(\.\d)?%/]);
  });
});
