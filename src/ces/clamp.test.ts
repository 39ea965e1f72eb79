import { ceilTo, clampRange, floorTo, maxRangeMs } from './clamp';

const HOUR = 3600000;
const DAY = 24 * HOUR;

describe('range clamp and alignment', () => {
  it('seed rule: the longest range per period follows the table', () => {
    expect([1, 300, 1200, 3600, 14400, 86400].map((p) => maxRangeMs(p as 1, 'seed'))).toEqual([
      4 * HOUR,
      DAY,
      3 * DAY,
      10 * DAY,
      30 * DAY,
      180 * DAY,
    ]);
  });

  it('seed rule: a longer range moves from to to - max, then floors it to the period', () => {
    const to = 100 * DAY + 123456;
    expect(clampRange({ from: 0, to }, 300, 'seed')).toEqual({
      from: floorTo(to - DAY, 300),
      to,
    });
  });

  it('a range within the limit keeps from, floored to the period', () => {
    expect(clampRange({ from: 301000, to: 900000 }, 300, 'seed')).toEqual({
      from: 300000,
      to: 900000,
    });
  });

  it('raw data is never floored', () => {
    expect(clampRange({ from: 1234, to: 5678 }, 1, 'seed')).toEqual({ from: 1234, to: 5678 });
  });

  it('current rule: metrics x range / interval stays within 3000 datapoints', () => {
    expect(maxRangeMs(300, 'current', 10)).toBe((3000 * 300000) / 10);
    expect(maxRangeMs(1, 'current', 1)).toBe(3000 * 60000);
    expect(maxRangeMs(300, 'current', 0)).toBe(3000 * 300000);
  });

  it('floors and ceils to the period', () => {
    expect(floorTo(599999, 300)).toBe(300000);
    expect(ceilTo(300001, 300)).toBe(600000);
    expect(ceilTo(600000, 300)).toBe(600000);
  });
});
