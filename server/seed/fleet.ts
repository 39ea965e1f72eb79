import { NAMESPACES, type Dimension, type NamespaceSpec } from '../../src/ces';

import type { SeriesInput } from '../store/store';

/** A series the seeder fills: its metric, unit, and raw collection interval. */
export interface SeedSeries extends SeriesInput {
  rawIntervalS: number;
}

/** Resource id prefix per namespace; the agent reports on the first ECS instances. */
const PREFIX: Record<string, string> = {
  'SYS.ECS': 'ecs',
  'AGT.ECS': 'ecs',
  'SYS.EVS': 'evs',
  'SYS.ELB': 'elb',
  'SYS.RDS': 'rds',
  'SYS.DCS': 'dcs',
  'SYS.VPC': 'eip',
};

/** Mount points the agent reports disk usage for, with their disks. */
const MOUNTS: Array<{ mountPoint: string; disk: string }> = [
  { mountPoint: 'root', disk: 'vda1' },
  { mountPoint: 'data', disk: 'vdb1' },
];

/** Resources of a namespace: `resources` for SYS.ECS, a quarter of that (at least 1) elsewhere. */
export function resourceCount(namespace: string, resources: number): number {
  return namespace === 'SYS.ECS' ? resources : Math.max(1, Math.ceil(resources / 4));
}

/** A resource id such as `ecs-0001`. */
export function resourceId(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(4, '0')}`;
}

/** Every series of a seeded project, namespace by namespace. */
export function fleet(resources: number): SeedSeries[] {
  return NAMESPACES.flatMap((spec) => namespaceSeries(spec, resources));
}

function namespaceSeries(spec: NamespaceSpec, resources: number): SeedSeries[] {
  const series: SeedSeries[] = [];
  const [resourceDimension] = spec.dimensions;
  for (let n = 1; n <= resourceCount(spec.namespace, resources); n++) {
    const resource: Dimension = {
      name: resourceDimension,
      value: resourceId(PREFIX[spec.namespace] ?? 'res', n),
    };
    for (const metric of spec.metrics) {
      for (const dimensions of dimensionSets(spec, metric.name, resource)) {
        series.push({
          namespace: spec.namespace,
          metricName: metric.name,
          dimensions,
          unit: metric.unit,
          rawIntervalS: spec.rawIntervalS,
        });
      }
    }
  }
  return series;
}

/** Disk usage of the agent is per mount point and disk; everything else per resource. */
function dimensionSets(spec: NamespaceSpec, metricName: string, resource: Dimension) {
  const perMount = spec.namespace === 'AGT.ECS' && metricName === 'disk_usedPercent';
  if (!perMount) {
    return [[resource]];
  }
  return MOUNTS.map(({ mountPoint, disk }) => [
    resource,
    { name: 'mount_point', value: mountPoint },
    { name: 'disk', value: disk },
  ]);
}
