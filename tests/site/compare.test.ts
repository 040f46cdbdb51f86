/** Tests of src/lib/site/compare.ts on the made-up documents of ./fixture.ts. */
import { describe, expect, test } from 'vitest';
import { cellFigures, comparableRows, comparePair, focusRegions, headlineFigures, indicatorMatrix, pairKey, practiceMatrix, regionPairs } from '../../src/lib/site/compare.ts';
import { buildSiteData } from '../../src/lib/site/data.ts';
import { unitWithBasis } from '../../src/lib/labels.ts';
import type { Target } from '../../src/schema/document.ts';
import { doc, lexicon, region, site, target } from './fixture.ts';

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

describe('comparableRows: only what can be compared in one row', () => {
  const make = (targets: Array<[string, string, Partial<Target>]>) =>
    buildSiteData(
      targets.map(([slug, name, extra], i) => doc(`d${i}`, { region: region(slug, name), targets: [target('a', 10 + i, extra)] })),
      lexicon,
    );
  test.each<[string, Array<[string, string, Partial<Target>]>, Array<[string, string, number]>, number]>([
    ['two results in % line up', [['x', '甲县', {}], ['y', '乙县', {}]], [['achieved', '%', 2]], 0],
    ['a target is never beside a result', [['x', '甲县', { kind: 'target' }], ['y', '乙县', {}]], [], 1],
    ['元 per person a month is not 元 in total', [['x', '甲县', { unit: '元', basis: 'person', per: 'month' }], ['y', '乙县', { unit: '元' }]], [], 1],
    ['one region in two measures is no comparison', [['x', '甲县', {}], ['x', '甲县', { kind: 'target' }]], [], 0],
    ['an implausible figure is left out', [['x', '甲县', {}], ['y', '乙县', { implausible: { bound: 'max', limit: 100, unit: '%' } }]], [], 0],
    ['the same measure in three regions, one row', [['x', '甲县', { unit: '元', basis: 'person', per: 'year' }], ['y', '乙县', { unit: '元', basis: 'person', per: 'year' }], ['z', '丙县', { unit: '元', basis: 'person', per: 'year' }]], [['achieved', '元/人·年', 3]], 0],
  ])('%s', (_name, targets, rows, differing) => {
    const s = make(targets);
    const result = comparableRows(s, s.regions);
    expect(result.rows.map((r) => [r.kind, r.unit, r.regionCount])).toEqual(rows);
    expect(result.differing).toHaveLength(differing);
    // Every row's figures share the row's kind and unit.
    for (const r of result.rows) for (const t of r.cells.flat()) expect([t.target.kind, unitWithBasis(t.target)]).toEqual([r.kind, r.unit]);
  });

  test('the focus regions are those of focus-regions.yaml that have documents, in its order', () => {
    const s = buildSiteData([doc('d1', { region: region('y', '乙县') }), doc('d2', { region: region('x', '甲县') })], { ...lexicon, focusRegions: ['乙县', '无文件县', '甲县'] });
    expect(focusRegions(s).map((r) => r.region.name)).toEqual(['乙县', '甲县']);
  });
});

describe('indicatorMatrix: a row per measure', () => {
  test.each<[string, Array<Partial<Target>>, Array<[string, string, number]>]>([
    ['one measure, one row', [{}, {}], [['achieved', '%', 2]]],
    ['a target and a result, two rows', [{ kind: 'target' }, {}], [['target', '%', 1], ['achieved', '%', 1]]],
    ['亿元 and 万元 on one scale, one row', [{ unit: '亿元', value: 5 }, { unit: '万元', value: 1374 }], [['achieved', '万元', 2]]],
  ])('%s', (_name, extras, expected) => {
    const s = buildSiteData(
      extras.map((extra, i) => doc(`d${i}`, { region: region(`r${i}`, `县${i}`), targets: [target('m', 10 + i, extra)] })),
      { ...lexicon, indicators: [{ id: 'm', label: 'M', topic: 't1', unit: '万元', patterns: ['M'] }], units: { families: { money: ['元', '万元', '亿元'], percent: ['%'] }, scales: { 元: 1, 万元: 10000, 亿元: 100000000 }, densityEndings: [] } },
    );
    expect(indicatorMatrix(s).map((r) => [r.kind, r.unit, r.regionCount])).toEqual(expected);
  });
});

describe('cellFigures: what a matrix cell shows', () => {
  const row = (value: number, year: number | null, reviewed = false) => ({
    doc: doc(`d${value}`, { year: 2010 }),
    target: target('a', value, { ...(year === null ? {} : { year }), ...(reviewed ? { review: { status: 'checked' as const, id: 'x', curator: 'c', date: '2026-12-01' } } : {}) }),
    index: 0,
  });
  test.each<[string, ReturnType<typeof row>[], number[], number]>([
    ['two or fewer: all of them', [row(1, 2012), row(2, 2011)], [1, 2], 0],
    ['more: the two most recent, in the cell\'s order', [row(1, 2011), row(2, 2015), row(3, 2013), row(4, 2014)], [2, 4], 2],
    ['a checked figure before a more recent unchecked one', [row(1, 2011, true), row(2, 2015), row(3, 2013)], [1, 2], 1],
    ['no year of its own: the document\'s', [row(1, null), row(2, 2009), row(3, 2011)], [1, 3], 1],
  ])('%s', (_name, rows, values, hidden) => {
    const cell = cellFigures(rows, 2);
    expect(cell.shown.map((r) => r.target.value)).toEqual(values);
    expect(cell.hidden).toBe(hidden);
  });
});
