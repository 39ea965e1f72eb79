import { expect, test } from '@grafana/plugin-e2e';

test.describe('provisioned alert rule', () => {
  test('its query and expressions evaluate in the rule editor preview', async ({
    gotoAlertRuleEditPage,
    readProvisionedAlertRule,
  }) => {
    const rule = await readProvisionedAlertRule({ fileName: 'rules.yaml' });
    const alertRuleEditPage = await gotoAlertRuleEditPage(rule);

    await expect(alertRuleEditPage.evaluate()).toBeOK();
  });
});
