/** The catalog the reference service holds after seeding, as list-metrics would answer it. */

import type { MetricInfo } from '../../src/ces';
import { fleet } from '../../server/seed/fleet';

/** Every metric of a project seeded with `resources` SYS.ECS resources. */
export function seededCatalog(resources: number): MetricInfo[] {
  return fleet(resources).map((series) => ({
    namespace: series.namespace,
    metric_name: series.metricName,
    dimensions: series.dimensions,
    unit: series.unit,
  }));
}
