/** A select whose options come from the backend's catalog; variables and custom values allowed. */

import { SelectableValue } from '@grafana/data';
import { Select } from '@grafana/ui';
import React, { useEffect, useState } from 'react';

import { callError } from '../answers';

interface Props {
  /** Accessible name of the select. */
  label: string;
  value: string;
  /** Reads the options; a new function reads them again, none means nothing to read yet. */
  load?: () => Promise<string[]>;
  /** Options offered besides the loaded ones: variables, `*`. */
  extra?: string[];
  width?: number;
  onChange: (value: string) => void;
}

interface Loaded {
  from: () => Promise<string[]>;
  values: string[];
  error?: string;
}

/**
 * Select over catalog values; a value not in the list (a variable, a new id) is kept as typed.
 * Callers memoise `load` on what it reads, so the catalog is read once per namespace or metric.
 */
export function CatalogSelect({ label, value, load, extra = [], width, onChange }: Props) {
  const [loaded, setLoaded] = useState<Loaded>();

  useEffect(() => {
    if (!load) {
      return;
    }
    let current = true;
    load().then(
      (values) => current && setLoaded({ from: load, values }),
      (failure: unknown) =>
        current && setLoaded({ from: load, values: [], error: callError(failure).message })
    );
    return () => {
      current = false;
    };
  }, [load]);

  const fresh = load !== undefined && loaded?.from === load ? loaded : undefined;
  const loading = load !== undefined && fresh === undefined;
  const options: Array<SelectableValue<string>> = [
    ...new Set([...extra, ...(fresh?.values ?? [])]),
  ].map((option) => ({ label: option, value: option }));
  return (
    <Select<string>
      aria-label={label}
      options={options}
      value={value ? { label: value, value } : null}
      isLoading={loading}
      invalid={Boolean(fresh?.error)}
      placeholder={fresh?.error ? `Could not load: ${fresh.error}` : 'Choose or type'}
      allowCustomValue
      width={width ?? 25}
      onChange={(option) => onChange(option?.value ?? '')}
    />
  );
}
