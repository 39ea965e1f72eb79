import { EMPTY_FRAGMENT, FragmentCache, type Fragment } from './fragments';

function fragment(): Fragment {
  return { ...EMPTY_FRAGMENT };
}

describe('the fragment cache', () => {
  it('finds a fragment only under the period, series, block and filter it was kept under', () => {
    const cache = new FragmentCache();
    const kept = fragment();
    cache.set(300, 7, 46000, 'average', kept);

    expect(cache.get(300, 7, 46000, 'average')).toBe(kept);
    expect(cache.get(1200, 7, 46000, 'average')).toBeUndefined();
    expect(cache.get(300, 8, 46000, 'average')).toBeUndefined();
    expect(cache.get(300, 7, 46001, 'average')).toBeUndefined();
    expect(cache.get(300, 7, 46000, 'max')).toBeUndefined();
  });

  it('keeps blocks of far-apart timestamps apart', () => {
    const cache = new FragmentCache();
    const early = fragment();
    const late = fragment();
    cache.set(1, 1, 0, 'sum', early);
    cache.set(1, 1, 2 ** 32 - 1, 'sum', late);

    expect(cache.get(1, 1, 0, 'sum')).toBe(early);
    expect(cache.get(1, 1, 2 ** 32 - 1, 'sum')).toBe(late);
  });

  it('forgets every filter of a changed block, and only that block', () => {
    const cache = new FragmentCache();
    cache.set(300, 1, 5, 'average', fragment());
    cache.set(300, 1, 5, 'variance', fragment());
    cache.set(300, 1, 6, 'average', fragment());

    cache.drop(300, 1, 5);

    expect(cache.get(300, 1, 5, 'average')).toBeUndefined();
    expect(cache.get(300, 1, 5, 'variance')).toBeUndefined();
    expect(cache.get(300, 1, 6, 'average')).toBeDefined();
  });

  it('holds at most its capacity, dropping the least recently read series first', () => {
    const cache = new FragmentCache(4);
    cache.set(300, 1, 0, 'average', fragment());
    cache.set(300, 1, 1, 'average', fragment());
    cache.set(300, 2, 0, 'average', fragment());
    cache.set(300, 2, 1, 'average', fragment());
    cache.get(300, 1, 0, 'average');

    cache.set(300, 3, 0, 'average', fragment());
    cache.set(300, 3, 1, 'average', fragment());

    expect(cache.get(300, 2, 0, 'average')).toBeUndefined();
    expect(cache.get(300, 2, 1, 'average')).toBeUndefined();
    expect(cache.get(300, 1, 0, 'average')).toBeDefined();
    expect(cache.get(300, 1, 1, 'average')).toBeDefined();
    expect(cache.get(300, 3, 1, 'average')).toBeDefined();
  });
});
