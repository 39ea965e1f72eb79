/** The dimension filters of a query: one row per dimension, each with a name and a value. */

import { Button, IconButton, InlineField, InlineFieldRow } from '@grafana/ui';
import React, { useCallback } from 'react';

import { MAX_DIMENSIONS } from '../ces';
import type { DataSource } from '../datasource';
import type { CesDimension } from '../types';
import { CatalogSelect } from './CatalogSelect';

interface Props {
  datasource: DataSource;
  namespace: string;
  metricName: string;
  dimensions: CesDimension[];
  onChange: (dimensions: CesDimension[]) => void;
}

/** Rows of dimension filters, and a button to add one (CES allows four per metric). */
export function DimensionRows({ datasource, namespace, metricName, dimensions, onChange }: Props) {
  const replaceRow = (index: number, row: CesDimension) =>
    onChange(dimensions.map((was, i) => (i === index ? row : was)));
  const removeRow = (index: number) => onChange(dimensions.filter((_, i) => i !== index));
  const addRow = () => onChange([...dimensions, { name: '', value: '' }]);

  return (
    <>
      {dimensions.map((row, index) => (
        <DimensionRow
          key={index}
          index={index}
          datasource={datasource}
          namespace={datasource.interpolateText(namespace)}
          metricName={datasource.interpolateText(metricName)}
          row={row}
          others={otherFilters(datasource, dimensions, index)}
          onChange={(changed) => replaceRow(index, changed)}
          onRemove={() => removeRow(index)}
        />
      ))}
      <Button
        variant="secondary"
        size="sm"
        icon="plus"
        disabled={dimensions.length >= MAX_DIMENSIONS}
        onClick={addRow}
      >
        Add dimension
      </Button>
    </>
  );
}

interface RowProps {
  index: number;
  datasource: DataSource;
  namespace: string;
  metricName: string;
  row: CesDimension;
  /** The other rows' filters, as a JSON key, so the values reload only when they change. */
  others: string;
  onChange: (row: CesDimension) => void;
  onRemove: () => void;
}

function DimensionRow(props: RowProps) {
  const { index, datasource, namespace, metricName, row, others, onChange, onRemove } = props;
  const name = datasource.interpolateText(row.name);
  const ready = Boolean(namespace && metricName);

  const loadNames = useCallback(
    () => datasource.resources.dimensionKeys(namespace, metricName),
    [datasource, namespace, metricName]
  );
  const loadValues = useCallback(
    () => datasource.resources.dimensionValues(namespace, metricName, name, JSON.parse(others)),
    [datasource, namespace, metricName, name, others]
  );

  return (
    <InlineFieldRow>
      <InlineField label="Dimension" labelWidth={14}>
        <CatalogSelect
          label={`Dimension ${index + 1} name`}
          value={row.name}
          load={ready ? loadNames : undefined}
          extra={datasource.variableNames()}
          onChange={(changed) => onChange({ ...row, name: changed })}
        />
      </InlineField>
      <InlineField label="=">
        <CatalogSelect
          label={`Dimension ${index + 1} value`}
          value={row.value}
          load={ready && name ? loadValues : undefined}
          extra={['*', ...datasource.variableNames()]}
          width={30}
          onChange={(changed) => onChange({ ...row, value: changed })}
        />
      </InlineField>
      <IconButton name="trash-alt" tooltip={`Remove dimension ${index + 1}`} onClick={onRemove} />
    </InlineFieldRow>
  );
}

// Values are narrowed by the other complete rows, as the catalog's dimension filters allow.
function otherFilters(datasource: DataSource, dimensions: CesDimension[], index: number): string {
  const others = dimensions
    .filter((other, i) => i !== index && other.name && other.value && other.value !== '*')
    .map((other) => ({
      name: datasource.interpolateText(other.name),
      value: datasource.interpolateText(other.value),
    }));
  return JSON.stringify(others);
}
