/** Tests of src/lib/site/compare.ts on the made-up documents of ./fixture.ts. */
import { describe, expect, test } from 'vitest';
import { comparePair, headlineFigures, indicatorMatrix, pairKey, practiceMatrix, regionPairs } from '../../src/lib/site/compare.ts';
import { site } from './fixture.ts';

describe('comparisons', () => {
  test('pairs, comparisons and matrices', () => {
    expect(regionPairs(site).map((p) => p.key)).toEqual(['x-vs-y']);
    expect(pairKey('y', 'x')).toBe('x-vs-y');
    const cmp = comparePair(site, site.regionBySlug.get('x')!, site.regionBySlug.get('y')!);
    expect(cmp.shared.map((s) => s.indicator.id)).toEqual(['a']);
    expect(cmp.onlyA.map((i) => i.id)).toEqual(['b']);
    expect(cmp.onlyB.map((i) => i.id)).toEqual(['c-not-in-lexicon']);
    expect(cmp.practices.map((p) => [p.practice.id, p.a.length, p.b.length])).toEqual([['p', 2, 0]]);
    const matrix = indicatorMatrix(site);
    expect(matrix.find((r) => r.item.id === 'a')?.regionCount).toBe(2);
    expect(practiceMatrix(site)[0]?.cells.map((c) => c.length)).toEqual([2, 0]);
  });

  test('headline figures prefer indicators many regions state', () => {
    expect(headlineFigures(site, site.regionBySlug.get('x')!, 1).map((r) => r.target.indicator)).toEqual(['a']);
  });
});
