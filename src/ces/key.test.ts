import { canonicalKey } from './key';

describe('canonical key of a metric', () => {
  it('does not depend on the order of the dimensions', () => {
    const a = [
      { name: 'instance_id', value: 'i1' },
      { name: 'disk', value: 'vda' },
    ];
    expect(canonicalKey('AGT.ECS', 'disk_usedPercent', a)).toBe(
      canonicalKey('AGT.ECS', 'disk_usedPercent', [...a].reverse())
    );
  });

  it('tells apart metrics that differ in any part', () => {
    const d = [{ name: 'instance_id', value: 'i1' }];
    const keys = new Set([
      canonicalKey('SYS.ECS', 'cpu_util', d),
      canonicalKey('SYS.EVS', 'cpu_util', d),
      canonicalKey('SYS.ECS', 'mem_util', d),
      canonicalKey('SYS.ECS', 'cpu_util', [{ name: 'instance_id', value: 'i2' }]),
      canonicalKey('SYS.ECS', 'cpu_util', []),
    ]);
    expect(keys.size).toBe(5);
  });

  it('does not change the dimensions it is given', () => {
    const d = [
      { name: 'b', value: '1' },
      { name: 'a', value: '2' },
    ];
    canonicalKey('X.Y', 'm', d);
    expect(d.map((x) => x.name)).toEqual(['b', 'a']);
  });
});
