import type { Store } from '../store/store';

import { appendSeries } from './append';
import { fleet } from './fleet';

export { startLiveAppender } from './live';

/** What to seed: projects, SYS.ECS resources (others get a quarter), days of history. */
export interface SeedOptions {
  projectIds: string[];
  resources: number;
  days: number;
  seed: number;
  nowMs: number;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * Fills every project with `days` days of history for every series of the fleet, at each
 * metric's raw interval, ending at `nowMs`. One transaction: one sync at the end.
 */
export function seedStore(store: Store, options: SeedOptions): { points: number; series: number } {
  const all = fleet(options.resources);
  let points = 0;
  store.inTransaction(() => {
    for (const projectId of options.projectIds) {
      for (const series of all) {
        const from = options.nowMs - options.days * DAY_MS;
        points += appendSeries(store, projectId, series, options.seed, from, options.nowMs);
      }
    }
  });
  return { points, series: all.length * options.projectIds.length };
}
