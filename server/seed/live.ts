import type { Store } from '../store/store';

import { appendSeries } from './append';
import { fleet } from './fleet';
import type { SeedOptions } from './seed';

/** How often the appender looks for points whose time has come. */
const TICK_MS = 10_000;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Appends the fleet's newest points as time passes, so dashboards move. It first fills the gap
 * since each series' last stored point (at most `days` back), e.g. after a restart.
 */
export function startLiveAppender(store: Store, options: SeedOptions): { stop(): void } {
  const all = fleet(options.resources);
  const last = new Map<string, number>();
  const earliest = options.nowMs - options.days * DAY_MS;
  options.projectIds.forEach((projectId) =>
    all.forEach((series, i) => {
      const stored = store.lastTimestamp(projectId, series) ?? earliest;
      last.set(`${projectId}#${i}`, Math.max(stored, earliest));
    })
  );

  const tick = () => {
    const nowMs = Date.now();
    store.inTransaction(() => {
      for (const projectId of options.projectIds) {
        all.forEach((series, i) => {
          const key = `${projectId}#${i}`;
          const after = last.get(key)!;
          if (appendSeries(store, projectId, series, options.seed, after, nowMs) > 0) {
            const stepMs = series.rawIntervalS * 1000;
            last.set(key, Math.floor(nowMs / stepMs) * stepMs);
          }
        });
      }
    });
  };

  tick();
  const timer = setInterval(tick, TICK_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
