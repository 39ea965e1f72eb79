/** The editor of a query variable: what to list, and for which namespace, metric, dimension. */

import { QueryEditorProps, SelectableValue } from '@grafana/data';
import { InlineField, InlineFieldRow, Input, Select, Stack } from '@grafana/ui';
import React, { ChangeEvent, useState } from 'react';

import type { DataSource } from '../datasource';
import type {
  CesDataSourceOptions,
  CesDimension,
  CesQuery,
  CesVariableQuery,
  VariableKind,
} from '../types';

type Props = QueryEditorProps<DataSource, CesQuery, CesDataSourceOptions, CesVariableQuery>;

const KIND_CHOICES: Array<SelectableValue<VariableKind>> = [
  { value: 'namespaces', label: 'Namespaces' },
  { value: 'metrics', label: 'Metrics of a namespace' },
  { value: 'dimensionKeys', label: 'Dimension names of a metric' },
  { value: 'dimensionValues', label: 'Dimension values' },
  { value: 'periods', label: 'Periods' },
  { value: 'filters', label: 'Filters' },
];

const NEEDS_NAMESPACE: VariableKind[] = ['metrics', 'dimensionKeys', 'dimensionValues'];
const NEEDS_METRIC: VariableKind[] = ['dimensionKeys', 'dimensionValues'];
const LABEL_WIDTH = 20;

/** Edits a variable query; fields appear as the chosen kind needs them. */
export function VariableQueryEditor({ query, onChange }: Props) {
  const current: CesVariableQuery = { ...query, kind: query.kind ?? 'namespaces' };
  // The filter text is kept as typed and parsed when the field is left, so `a=` survives.
  const [filterText, setFilterText] = useState(formatFilters(current.dimensions ?? []));
  const set = (patch: Partial<CesVariableQuery>) => onChange({ ...current, ...patch });
  const textField = (name: 'namespace' | 'metricName' | 'dimensionKey', label: string) => (
    <InlineField label={label} labelWidth={LABEL_WIDTH}>
      <Input
        aria-label={label}
        value={current[name] ?? ''}
        onChange={(event: ChangeEvent<HTMLInputElement>) =>
          set({ [name]: event.currentTarget.value })
        }
        width={32}
      />
    </InlineField>
  );

  return (
    <Stack direction="column" gap={1}>
      <InlineField label="List" labelWidth={LABEL_WIDTH}>
        <Select<VariableKind>
          aria-label="Variable kind"
          options={KIND_CHOICES}
          value={current.kind}
          width={32}
          onChange={(option) => set({ kind: option.value ?? 'namespaces' })}
        />
      </InlineField>
      {NEEDS_NAMESPACE.includes(current.kind) && textField('namespace', 'Namespace')}
      {NEEDS_METRIC.includes(current.kind) && textField('metricName', 'Metric')}
      {current.kind === 'dimensionValues' && (
        <>
          {textField('dimensionKey', 'Dimension')}
          <InlineFieldRow>
            <InlineField
              label="Where"
              labelWidth={LABEL_WIDTH}
              tooltip="Other dimensions the metrics must match, as name=value, separated by commas"
            >
              <Input
                aria-label="Where"
                placeholder="instance_id=$instance"
                value={filterText}
                onChange={(event: ChangeEvent<HTMLInputElement>) =>
                  setFilterText(event.currentTarget.value)
                }
                onBlur={() => set({ dimensions: parseFilters(filterText) })}
                width={48}
              />
            </InlineField>
          </InlineFieldRow>
        </>
      )}
    </Stack>
  );
}

/** `a=1, b=2` -> dimension filters; pieces without `=` are kept with an empty value. */
export function parseFilters(text: string): CesDimension[] {
  return text
    .split(',')
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '')
    .map((piece) => {
      const at = piece.indexOf('=');
      return at < 0
        ? { name: piece, value: '' }
        : { name: piece.slice(0, at).trim(), value: piece.slice(at + 1).trim() };
    });
}

function formatFilters(dimensions: CesDimension[]): string {
  return dimensions.map((d) => (d.value ? `${d.name}=${d.value}` : d.name)).join(', ');
}
