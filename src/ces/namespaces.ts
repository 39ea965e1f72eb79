/** The Cloud Eye namespaces this project knows: dimensions, raw interval and metrics with units. */

/** A metric of a namespace and the unit CES reports for it. */
export interface MetricSpec {
  name: string;
  unit: string;
}

/** A namespace: its dimension names (the first one names the resource), raw interval, metrics. */
export interface NamespaceSpec {
  namespace: string;
  dimensions: string[];
  rawIntervalS: number;
  metrics: MetricSpec[];
}

const m = (name: string, unit: string): MetricSpec => ({ name, unit });

/** The namespaces of the contract's metadata table. */
export const NAMESPACES: readonly NamespaceSpec[] = [
  {
    namespace: 'SYS.ECS',
    dimensions: ['instance_id'],
    rawIntervalS: 300,
    metrics: [
      m('cpu_util', '%'),
      m('mem_util', '%'),
      m('disk_util_inband', '%'),
      m('disk_read_bytes_rate', 'byte/s'),
      m('disk_write_bytes_rate', 'byte/s'),
      m('network_incoming_bytes_rate_inband', 'byte/s'),
      m('network_outgoing_bytes_rate_inband', 'byte/s'),
      m('network_vm_connections', 'count'),
    ],
  },
  {
    namespace: 'AGT.ECS',
    dimensions: ['instance_id', 'mount_point', 'disk'],
    rawIntervalS: 60,
    metrics: [
      m('cpu_usage', '%'),
      m('load_average5', ''),
      m('mem_usedPercent', '%'),
      m('disk_usedPercent', '%'),
      m('net_bitRecv', 'bit/s'),
      m('net_bitSent', 'bit/s'),
    ],
  },
  {
    namespace: 'SYS.EVS',
    dimensions: ['disk_name'],
    rawIntervalS: 300,
    metrics: [
      m('disk_device_read_bytes_rate', 'byte/s'),
      m('disk_device_write_bytes_rate', 'byte/s'),
      m('disk_device_io_util', '%'),
    ],
  },
  {
    namespace: 'SYS.ELB',
    dimensions: ['lbaas_instance_id'],
    rawIntervalS: 60,
    metrics: [
      m('m1_cps', 'count'),
      m('m2_act_conn', 'count'),
      m('m7_in_Bps', 'byte/s'),
      m('m8_out_Bps', 'byte/s'),
      m('mb_l7_qps', 'count/s'),
    ],
  },
  {
    namespace: 'SYS.RDS',
    dimensions: ['rds_cluster_id'],
    rawIntervalS: 60,
    metrics: [
      m('rds001_cpu_util', '%'),
      m('rds002_mem_util', '%'),
      m('rds006_conn_count', 'count'),
      m('rds008_qps', 'count/s'),
      m('rds039_disk_util', '%'),
    ],
  },
  {
    namespace: 'SYS.DCS',
    dimensions: ['dcs_instance_id'],
    rawIntervalS: 60,
    metrics: [
      m('cpu_usage', '%'),
      m('memory_usage', '%'),
      m('connected_clients', 'count'),
      m('instantaneous_ops', 'count'),
    ],
  },
  {
    namespace: 'SYS.VPC',
    dimensions: ['publicip_id'],
    rawIntervalS: 60,
    metrics: [m('upstream_bandwidth', 'bit/s'), m('downstream_bandwidth', 'bit/s')],
  },
];

/** The spec of a namespace, or undefined. */
export function namespaceSpec(namespace: string): NamespaceSpec | undefined {
  return NAMESPACES.find((n) => n.namespace === namespace);
}
