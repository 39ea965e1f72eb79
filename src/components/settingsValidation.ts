/** Checks of the data source settings, each with the message the config page shows. */

import { isProjectId, MAX_METRICS_CURRENT } from '../ces';
import type { CesDataSourceOptions } from '../types';

/** Settings fields that can be wrong, and what is wrong with each. */
export type SettingsProblems = Partial<Record<keyof CesDataSourceOptions, string>>;

/** Problems of the given settings; an empty object means they are fine. */
export function validateSettings(settings: Partial<CesDataSourceOptions>): SettingsProblems {
  const problems: SettingsProblems = {};
  if (!isEndpoint(settings.endpoint)) {
    problems.endpoint =
      'Enter the CES endpoint as an http(s) URL, e.g. https://ces.cn-north-4.myhuaweicloud.com';
  }
  if (!settings.region || !/^[a-z0-9-]{1,64}$/.test(settings.region)) {
    problems.region = 'Enter the region id, e.g. cn-north-4 (lower-case letters, digits, -).';
  }
  if (!isProjectId(settings.projectId)) {
    problems.projectId = 'The project id is 1 to 64 letters, digits or -, as IAM shows it.';
  }
  if (!inRange(settings.maxMetricsPerRequest, 1, MAX_METRICS_CURRENT)) {
    problems.maxMetricsPerRequest =
      'Metrics per request must be a whole number from 1 to ' + `${MAX_METRICS_CURRENT}.`;
  }
  if (!inRange(settings.rawIntervalSeconds, 1, 3600)) {
    problems.rawIntervalSeconds = 'The raw interval must be a whole number of seconds, 1 to 3600.';
  }
  if (!inRange(settings.callsPerMinute, 1, 100000)) {
    problems.callsPerMinute = 'Calls per minute must be a whole number above 0.';
  }
  return problems;
}

function isEndpoint(value: string | undefined): boolean {
  if (!value) {
    return false;
  }
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function inRange(value: number | undefined, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
