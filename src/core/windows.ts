import type { Period } from '../ces';
import { windowLimitMs } from './period';
import type { PlanOptions } from './types';

/** An aligned time range of one request, epoch ms. */
export interface Window {
  from: number;
  to: number;
}

/** The windows of one query, and how many older ones the cap cut off. */
export interface WindowSplit {
  windows: Window[];
  /** Windows the range needed in all. */
  needed: number;
  /** Length of a full window, ms. */
  spanMs: number;
}

/**
 * Snaps a range to the period: `from` floored, `to` rounded up, so equal dashboards send equal
 * requests. Raw data snaps to whole seconds.
 */
export function snapRange(range: Window, period: Period): Window {
  const step = period * 1000;
  return { from: Math.floor(range.from / step) * step, to: Math.ceil(range.to / step) * step };
}

/**
 * Splits a snapped range into consecutive windows, each within what one request may cover at
 * `period` for `metrics` metrics per request (so the service never moves `from` silently), each
 * a whole number of periods. Past `maxWindows` the oldest windows are dropped: the newest data
 * is what a dashboard shows first.
 */
export function splitWindows(
  snapped: Window,
  period: Period,
  metrics: number,
  options: PlanOptions
): WindowSplit {
  const step = period * 1000;
  const limit = windowLimitMs(period, metrics, options);
  const spanMs = Math.max(step, Math.floor(limit / step) * step);
  const needed = Math.max(1, Math.ceil((snapped.to - snapped.from) / spanMs));

  const first = Math.max(0, needed - options.maxWindows);
  const windows: Window[] = [];
  for (let i = first; i < needed; i++) {
    const from = snapped.from + i * spanMs;
    windows.push({ from, to: Math.min(from + spanMs, snapped.to) });
  }
  return { windows, needed, spanMs };
}
