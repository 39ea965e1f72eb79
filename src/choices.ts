/** The periods and filters a user can pick, with the labels the editors show. */

import { FILTERS, type FilterName } from './ces';
import type { PeriodChoice } from './types';

/** One pickable value and its label. */
export interface Choice<T extends string> {
  value: T;
  label: string;
}

/** Periods, `auto` first. */
export const PERIOD_CHOICES: Array<Choice<PeriodChoice>> = [
  { value: 'auto', label: 'auto' },
  { value: '1', label: 'raw' },
  { value: '300', label: '5 minutes' },
  { value: '1200', label: '20 minutes' },
  { value: '3600', label: '1 hour' },
  { value: '14400', label: '4 hours' },
  { value: '86400', label: '1 day' },
];

/** Aggregation filters. */
export const FILTER_CHOICES: Array<Choice<FilterName>> = FILTERS.map((filter) => ({
  value: filter,
  label: filter,
}));
