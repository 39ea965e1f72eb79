/** Plan options from the data source settings and the panel's request. */

import type { PlanOptions } from './core/types';
import type { CesDataSourceOptions } from './types';

/** What the panel tells us about the points it wants. */
export interface PanelLimits {
  maxDataPoints?: number;
  intervalMs?: number;
}

/**
 * Options for the core's plan. Settings left empty are left out, so the core's defaults apply
 * (an `undefined` spread over the defaults would erase them).
 */
export function planOptions(
  settings: Partial<CesDataSourceOptions>,
  panel: PanelLimits = {}
): Partial<PlanOptions> {
  const options: Partial<PlanOptions> = {};
  setPositive(options, 'maxMetrics', settings.maxMetricsPerRequest);
  setPositive(options, 'rawIntervalS', settings.rawIntervalSeconds);
  setPositive(options, 'maxDataPoints', panel.maxDataPoints);
  // Grafana's interval already honours the panel's min interval; the core must not go finer.
  setPositive(options, 'minIntervalMs', panel.intervalMs);
  if (settings.datapointBudget !== undefined && settings.datapointBudget >= 0) {
    options.datapointBudget = settings.datapointBudget;
  }
  return options;
}

function setPositive(options: Partial<PlanOptions>, name: keyof PlanOptions, value?: number) {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    options[name] = value;
  }
}
