import { expect, test } from '@grafana/plugin-e2e';

import type { CesDataSourceOptions, CesSecureJsonData } from '../src/types';

const FILE = 'cloudeye.yaml';

test.describe('data source configuration page', () => {
  test('"Save & test" of the provisioned data source reaches the reference service', async ({
    gotoDataSourceConfigPage,
    readProvisionedDataSource,
  }) => {
    const ds = await readProvisionedDataSource({ fileName: FILE });
    const configPage = await gotoDataSourceConfigPage(ds.uid);

    await expect(configPage.saveAndTest()).toBeOK();
    await expect(configPage).toHaveAlert('success', { hasText: /metrics visible/ });
  });

  test('a new data source filled in by hand passes "Save & test"', async ({
    createDataSourceConfigPage,
    readProvisionedDataSource,
    page,
  }) => {
    const ds = await readProvisionedDataSource<CesDataSourceOptions, CesSecureJsonData>({
      fileName: FILE,
    });
    const configPage = await createDataSourceConfigPage({ type: ds.type });

    await page.getByLabel('Endpoint').fill(ds.jsonData.endpoint);
    await page.getByLabel('Region').fill(ds.jsonData.region);
    await page.getByLabel('Project id').fill(ds.jsonData.projectId);
    await page.getByLabel('Access key').fill(ds.secureJsonData?.accessKey ?? '');
    await page.getByLabel('Secret key').fill(ds.secureJsonData?.secretKey ?? '');

    await expect(configPage.saveAndTest()).toBeOK();
    await expect(configPage).toHaveAlert('success');
  });

  test('a wrong secret key fails "Save & test" with a message and without the key', async ({
    createDataSourceConfigPage,
    readProvisionedDataSource,
    page,
  }) => {
    const ds = await readProvisionedDataSource<CesDataSourceOptions, CesSecureJsonData>({
      fileName: FILE,
    });
    const configPage = await createDataSourceConfigPage({ type: ds.type });
    const wrongSecret = 'wrongsecret0000000000000000000000000000';

    await page.getByLabel('Endpoint').fill(ds.jsonData.endpoint);
    await page.getByLabel('Region').fill(ds.jsonData.region);
    await page.getByLabel('Project id').fill(ds.jsonData.projectId);
    await page.getByLabel('Access key').fill(ds.secureJsonData?.accessKey ?? '');
    await page.getByLabel('Secret key').fill(wrongSecret);

    await expect(configPage.saveAndTest()).not.toBeOK();
    await expect(configPage).toHaveAlert('error');
    await expect(page.getByText(wrongSecret)).toHaveCount(0);
  });
});
