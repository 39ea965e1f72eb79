/** The query editor: metric, dimensions, period, filter, alias, and what the query will cost. */

import { QueryEditorProps, SelectableValue } from '@grafana/data';
import { InlineField, InlineFieldRow, Input, Select, Stack } from '@grafana/ui';
import React, { ChangeEvent, useCallback } from 'react';

import { FILTER_CHOICES, PERIOD_CHOICES } from '../choices';
import type { DataSource } from '../datasource';
import { isCompleteQuery } from '../interpolate';
import { CesDataSourceOptions, CesQuery, DEFAULT_QUERY, VariableRef } from '../types';
import { CatalogSelect } from './CatalogSelect';
import { CostLine } from './CostLine';
import { DimensionRows } from './DimensionRows';

type Props = QueryEditorProps<DataSource, CesQuery, CesDataSourceOptions>;

const LABEL_WIDTH = 14;

/** Edits one Cloud Eye query; every change but typing the alias runs the query again. */
export function QueryEditor({ datasource, query, onChange, onRunQuery, range, data }: Props) {
  const current: CesQuery = { ...DEFAULT_QUERY, ...query, dimensions: query.dimensions ?? [] };
  const variables = datasource.variableNames();
  // Period and filter may also be a dashboard variable such as `$period`.
  const variableChoices = variables.map((name) => ({ value: name as VariableRef, label: name }));
  const namespace = datasource.interpolateText(current.namespace);

  const loadNamespaces = useCallback(() => datasource.resources.namespaces(), [datasource]);
  const loadMetrics = useCallback(
    () => datasource.resources.metrics(namespace),
    [datasource, namespace]
  );

  const update = (patch: Partial<CesQuery>) => {
    onChange({ ...current, ...patch });
    onRunQuery();
  };

  return (
    <Stack direction="column" gap={1}>
      <InlineFieldRow>
        <InlineField label="Namespace" labelWidth={LABEL_WIDTH}>
          <CatalogSelect
            label="Namespace"
            value={current.namespace}
            load={loadNamespaces}
            extra={variables}
            onChange={(value) => update({ namespace: value, metricName: '' })}
          />
        </InlineField>
        <InlineField label="Metric">
          <CatalogSelect
            label="Metric"
            value={current.metricName}
            load={namespace ? loadMetrics : undefined}
            extra={variables}
            width={30}
            onChange={(value) => update({ metricName: value })}
          />
        </InlineField>
      </InlineFieldRow>

      <DimensionRows
        datasource={datasource}
        namespace={current.namespace}
        metricName={current.metricName}
        dimensions={current.dimensions}
        onChange={(dimensions) => update({ dimensions })}
      />

      <InlineFieldRow>
        <InlineField label="Period" labelWidth={LABEL_WIDTH}>
          <Select<CesQuery['period']>
            aria-label="Period"
            options={[...PERIOD_CHOICES, ...variableChoices]}
            value={current.period}
            width={16}
            onChange={(option: SelectableValue<CesQuery['period']>) =>
              update({ period: option.value ?? 'auto' })
            }
          />
        </InlineField>
        <InlineField label="Filter">
          <Select<CesQuery['filter']>
            aria-label="Filter"
            options={[...FILTER_CHOICES, ...variableChoices]}
            value={current.filter}
            width={16}
            onChange={(option: SelectableValue<CesQuery['filter']>) =>
              update({ filter: option.value ?? 'average' })
            }
          />
        </InlineField>
        <InlineField label="Alias" tooltip="Legend: {{metric_name}}, {{<dimension name>}}, ...">
          <Input
            aria-label="Alias"
            placeholder="{{metric_name}} {{instance_id}}"
            value={current.alias ?? ''}
            width={36}
            onChange={(event: ChangeEvent<HTMLInputElement>) =>
              onChange({ ...current, alias: event.currentTarget.value })
            }
            onBlur={onRunQuery}
          />
        </InlineField>
      </InlineFieldRow>

      {range && isCompleteQuery(current) ? (
        <CostLine
          datasource={datasource}
          query={current}
          range={{ from: range.from.valueOf(), to: range.to.valueOf() }}
          maxDataPoints={data?.request?.maxDataPoints}
        />
      ) : null}
    </Stack>
  );
}
