/** The data source settings page: where CES is, which project, how to sign in, which limits. */

import { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Field, FieldSet, Input, RadioButtonGroup, SecretInput, Stack, Switch } from '@grafana/ui';
import React, { ChangeEvent, useEffect, useState } from 'react';

import { AuthType, CesDataSourceOptions, CesSecureJsonData, DEFAULT_OPTIONS } from '../types';
import { validateSettings } from './settingsValidation';

type Props = DataSourcePluginOptionsEditorProps<CesDataSourceOptions, CesSecureJsonData>;
type TextSetting = 'endpoint' | 'region' | 'projectId';
type NumberSetting = 'maxMetricsPerRequest' | 'rawIntervalSeconds' | 'callsPerMinute';
type Secret = keyof CesSecureJsonData;

const AUTH_CHOICES = [
  { label: 'AK/SK', value: 'aksk' as AuthType },
  { label: 'Token', value: 'token' as AuthType },
];
const BUDGET_CHOICES = [
  { label: 'Off (max range per period)', value: 0 },
  { label: '3000 datapoints', value: 3000 },
];

/** Settings of a Cloud Eye data source; secrets go to secureJsonData and are never read back. */
export function ConfigEditor({ options, onOptionsChange }: Props) {
  const jsonData = options.jsonData;
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const problems = validateSettings({ ...DEFAULT_OPTIONS, ...jsonData });
  const shown = (name: keyof CesDataSourceOptions) =>
    touched[name] || jsonData[name] !== undefined ? problems[name] : undefined;

  // A new data source starts with the seed rules' limits written down, so they are visible.
  useEffect(() => {
    const missing = Object.entries(DEFAULT_OPTIONS).filter(
      ([name]) => jsonData[name as keyof CesDataSourceOptions] === undefined
    );
    if (missing.length > 0) {
      onOptionsChange({ ...options, jsonData: { ...Object.fromEntries(missing), ...jsonData } });
    }
  }, [jsonData, options, onOptionsChange]);

  const setJson = (patch: Partial<CesDataSourceOptions>) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, ...patch } });
  const onText = (name: TextSetting) => (event: ChangeEvent<HTMLInputElement>) =>
    setJson({ [name]: event.currentTarget.value.trim() });
  const onNumber = (name: NumberSetting) => (event: ChangeEvent<HTMLInputElement>) =>
    setJson({
      [name]: event.currentTarget.value === '' ? undefined : Number(event.currentTarget.value),
    });
  const onBlur = (name: string) => () => setTouched((was) => ({ ...was, [name]: true }));

  const secureFields = options.secureJsonFields ?? {};
  const secretProps = (name: Secret) => ({
    isConfigured: Boolean(secureFields[name]),
    value: options.secureJsonData?.[name] ?? '',
    onChange: (event: ChangeEvent<HTMLInputElement>) =>
      onOptionsChange({
        ...options,
        secureJsonData: { ...options.secureJsonData, [name]: event.currentTarget.value },
      }),
    onReset: () =>
      onOptionsChange({
        ...options,
        secureJsonFields: { ...secureFields, [name]: false },
        secureJsonData: { ...options.secureJsonData, [name]: '' },
      }),
  });

  const numberField = (name: NumberSetting, label: string, description: string) => (
    <Field label={label} description={description} invalid={!!shown(name)} error={shown(name)}>
      <Input
        type="number"
        aria-label={label}
        value={jsonData[name] ?? ''}
        onChange={onNumber(name)}
        onBlur={onBlur(name)}
      />
    </Field>
  );

  const authType = jsonData.authType ?? DEFAULT_OPTIONS.authType;
  return (
    <Stack direction="column" gap={2}>
      <FieldSet label="Connection">
        <Field label="Endpoint" invalid={!!shown('endpoint')} error={shown('endpoint')}>
          <Input
            id="ces-endpoint"
            aria-label="Endpoint"
            placeholder="https://ces.cn-north-4.myhuaweicloud.com"
            value={jsonData.endpoint ?? ''}
            onChange={onText('endpoint')}
            onBlur={onBlur('endpoint')}
          />
        </Field>
        <Field label="Region" invalid={!!shown('region')} error={shown('region')}>
          <Input
            aria-label="Region"
            placeholder="cn-north-4"
            value={jsonData.region ?? ''}
            onChange={onText('region')}
            onBlur={onBlur('region')}
          />
        </Field>
        <Field label="Project id" invalid={!!shown('projectId')} error={shown('projectId')}>
          <Input
            aria-label="Project id"
            value={jsonData.projectId ?? ''}
            onChange={onText('projectId')}
            onBlur={onBlur('projectId')}
          />
        </Field>
        <Field
          label="Skip TLS verification"
          description="Only for a test service with a self-signed certificate."
        >
          <Switch
            aria-label="Skip TLS verification"
            value={jsonData.tlsSkipVerify ?? false}
            onChange={(event) => setJson({ tlsSkipVerify: event.currentTarget.checked })}
          />
        </Field>
      </FieldSet>

      <FieldSet label="Authentication">
        <Field label="Authentication type">
          <RadioButtonGroup
            options={AUTH_CHOICES}
            value={authType}
            onChange={(value) => setJson({ authType: value })}
          />
        </Field>
        {authType === 'aksk' ? (
          <>
            <Field label="Access key">
              <SecretInput aria-label="Access key" {...secretProps('accessKey')} />
            </Field>
            <Field label="Secret key">
              <SecretInput aria-label="Secret key" {...secretProps('secretKey')} />
            </Field>
          </>
        ) : (
          <Field label="Token" description="An IAM token; it expires after 24 hours.">
            <SecretInput aria-label="IAM token" {...secretProps('token')} />
          </Field>
        )}
      </FieldSet>

      <FieldSet label="Limits">
        {numberField(
          'maxMetricsPerRequest',
          'Metrics per request',
          '10 under the long-standing rule; the current cloud accepts up to 500.'
        )}
        <Field
          label="Datapoint budget"
          description="The current cloud limits metrics × points to 3000."
        >
          <RadioButtonGroup
            options={BUDGET_CHOICES}
            value={jsonData.datapointBudget ?? 0}
            onChange={(value) => setJson({ datapointBudget: value })}
          />
        </Field>
        {numberField(
          'rawIntervalSeconds',
          'Raw interval (seconds)',
          'How often raw points are collected; used to count raw points.'
        )}
        {numberField(
          'callsPerMinute',
          'Calls per minute',
          'The backend keeps to this rate; CES allows 500.'
        )}
      </FieldSet>
    </Stack>
  );
}
