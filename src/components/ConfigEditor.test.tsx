import type { DataSourceSettings } from '@grafana/data';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import React from 'react';

import type { CesDataSourceOptions, CesSecureJsonData } from '../types';
import { ConfigEditor } from './ConfigEditor';

type Settings = DataSourceSettings<CesDataSourceOptions, CesSecureJsonData>;

function settings(
  jsonData: Partial<CesDataSourceOptions>,
  patch: Partial<Settings> = {}
): Settings {
  return {
    id: 1,
    uid: 'ces-uid',
    orgId: 1,
    name: 'Cloud Eye',
    type: 'hwc-cloudeye-datasource',
    typeName: 'Huawei Cloud Eye',
    typeLogoUrl: '',
    access: 'proxy',
    url: '',
    user: '',
    database: '',
    basicAuth: false,
    basicAuthUser: '',
    isDefault: false,
    readOnly: false,
    withCredentials: false,
    secureJsonFields: {},
    jsonData: {
      authType: 'aksk',
      maxMetricsPerRequest: 10,
      datapointBudget: 0,
      rawIntervalSeconds: 60,
      callsPerMinute: 500,
      ...jsonData,
    } as CesDataSourceOptions,
    ...patch,
  };
}

const valid = {
  endpoint: 'https://ces.cn-north-4.myhuaweicloud.com',
  region: 'cn-north-4',
  projectId: '0123456789abcdef0123456789abcdef',
};

describe('ConfigEditor', () => {
  it('shows no message for valid settings', () => {
    render(<ConfigEditor options={settings(valid)} onOptionsChange={() => {}} />);

    expect(screen.queryByText(/Enter the CES endpoint/)).not.toBeInTheDocument();
    expect(screen.queryByText(/project id is/)).not.toBeInTheDocument();
  });

  it.each([
    ['an endpoint that is not a URL', { endpoint: 'ces.example' }, /Enter the CES endpoint/],
    [
      'an endpoint with another scheme',
      { endpoint: 'ftp://ces.example' },
      /Enter the CES endpoint/,
    ],
    ['a project id with a slash', { projectId: 'abc/def' }, /project id is 1 to 64 letters/],
    ['a project id of 65 characters', { projectId: 'a'.repeat(65) }, /project id is 1 to 64/],
    ['zero metrics per request', { maxMetricsPerRequest: 0 }, /Metrics per request must be/],
    ['501 metrics per request', { maxMetricsPerRequest: 501 }, /Metrics per request must be/],
  ])('says what is wrong with %s', (_name, patch, message) => {
    render(<ConfigEditor options={settings({ ...valid, ...patch })} onOptionsChange={() => {}} />);

    expect(screen.getByText(message)).toBeInTheDocument();
  });

  it('asks for a missing endpoint only once the field was left', () => {
    render(<ConfigEditor options={settings({})} onOptionsChange={() => {}} />);
    expect(screen.queryByText(/Enter the CES endpoint/)).not.toBeInTheDocument();

    fireEvent.blur(screen.getByLabelText('Endpoint'));

    expect(screen.getByText(/Enter the CES endpoint/)).toBeInTheDocument();
  });

  it('writes a typed secret to secureJsonData only, never to jsonData', async () => {
    const onChange = jest.fn();
    render(<ConfigEditor options={settings(valid)} onOptionsChange={onChange} />);

    await userEvent.type(screen.getByLabelText('Secret key'), 'S');

    const changed: Settings = onChange.mock.calls[onChange.mock.calls.length - 1][0];
    expect(changed.secureJsonData).toEqual({ secretKey: 'S' });
    expect(JSON.stringify(changed.jsonData)).not.toContain('"S"');
  });

  it('shows a stored secret as configured without its value, and can reset it', async () => {
    const onChange = jest.fn();
    const stored = settings(valid, { secureJsonFields: { secretKey: true, accessKey: true } });
    render(<ConfigEditor options={stored} onOptionsChange={onChange} />);

    expect(screen.getAllByDisplayValue('configured')).toHaveLength(2);
    await userEvent.click(screen.getAllByRole('button', { name: 'Reset' })[1]);

    const changed: Settings = onChange.mock.calls[0][0];
    expect(changed.secureJsonFields.secretKey).toBe(false);
  });

  it('asks for a token instead of keys when the token type is chosen', async () => {
    const onChange = jest.fn();
    render(
      <ConfigEditor
        options={settings({ ...valid, authType: 'token' })}
        onOptionsChange={onChange}
      />
    );

    expect(screen.getByLabelText('IAM token')).toBeInTheDocument();
    expect(screen.queryByLabelText('Secret key')).not.toBeInTheDocument();
  });

  it('fills the seed rules into a new data source', () => {
    const onChange = jest.fn();
    const fresh = settings({});
    fresh.jsonData = {} as CesDataSourceOptions;
    render(<ConfigEditor options={fresh} onOptionsChange={onChange} />);

    expect(onChange).toHaveBeenCalledWith(
      expect.objectContaining({
        jsonData: expect.objectContaining({
          maxMetricsPerRequest: 10,
          datapointBudget: 0,
          rawIntervalSeconds: 60,
          callsPerMinute: 500,
          authType: 'aksk',
        }),
      })
    );
  });
});
