/** The line under a query that says what it will cost for the current range. */

import { Text } from '@grafana/ui';
import React, { useEffect, useMemo, useState } from 'react';
import { lastValueFrom } from 'rxjs';

import { usesWildcard } from '../catalog';
import type { MetricInfo } from '../ces';
import { toCoreQuery } from '../core';
import type { DataSource } from '../datasource';
import { planOptions } from '../options';
import type { CesQuery } from '../types';
import { costText, estimateCost } from './cost';

interface Props {
  datasource: DataSource;
  query: CesQuery;
  range: { from: number; to: number };
  maxDataPoints?: number;
}

/** Series, API calls and datapoints of the query, planned exactly as a panel would plan it. */
export function CostLine({ datasource, query, range, maxDataPoints }: Props) {
  const core = useMemo(
    () => toCoreQuery(datasource.applyTemplateVariables(query, {})),
    [datasource, query]
  );
  const catalogKey = usesWildcard(core) ? `${core.namespace}/${core.metricName}` : '';
  const [catalog, setCatalog] = useState<{ key: string; entries: MetricInfo[] }>();

  // `*` can only be counted against the catalog, so it is read once per metric.
  useEffect(() => {
    if (!catalogKey) {
      return;
    }
    let current = true;
    const read = datasource.resources.catalog(core.namespace, core.metricName);
    lastValueFrom(read).then(
      (entries) => current && setCatalog({ key: catalogKey, entries }),
      () => current && setCatalog({ key: catalogKey, entries: [] })
    );
    return () => {
      current = false;
    };
  }, [catalogKey, datasource, core.namespace, core.metricName]);

  const options = planOptions(datasource.settings, { maxDataPoints });
  const entries = catalog?.key === catalogKey ? catalog.entries : undefined;
  const text = costText(estimateCost(core, range, options, entries));
  return (
    <div data-testid="query-cost">
      <Text color="secondary" variant="bodySmall">
        {text}
      </Text>
    </div>
  );
}
