/**
 * The collection computations of src/lib/site/data.ts on a few made-up
 * documents, without a build.
 */
import { describe, expect, test } from 'vitest';
import {
  boundedRows, buildSiteData, comparePair, headlineFigures, indicatorMatrix, pairKey, practiceMatrix, regionPairs, relatedDocuments, timeline, type Doc,
} from '../../src/lib/site/data.ts';
import { formatTargetValue } from '../../src/lib/labels.ts';
import { csvField, toCsv } from '../../src/lib/site/opendata.ts';
import { layoutBars, niceMax } from '../../src/lib/site/chart.ts';
import type { DocumentFrontmatter, Target } from '../../src/schema/document.ts';

const region = (slug: string, name: string) => ({ name, prefecture: null, province: '某省', level: 'county' as const, slug });
const target = (indicator: string, value: number, extra: Partial<Target> = {}): Target => ({
  indicator, label: indicator, kind: 'achieved', value, unit: '%', comparator: '=', quote: `q${value}`, paragraph: 'p-1', ...extra,
});
function doc(id: string, data: Partial<DocumentFrontmatter>): Doc {
  return {
    id,
    data: {
      title: id, slug: id, region: null, year: null, docType: '工作总结', topics: [], targets: [], practices: [],
      source: { file: 'a.txt', sha256: '0'.repeat(64), site: null, lines: [1, 2], index: 1, encoding: 'utf-8' },
      cleaning: { boilerplateLines: 0, rejoins: 0, scriptConverted: false, repairs: [], notes: [] },
      ...data,
    },
  };
}

const lexicon = {
  indicators: [
    { id: 'a', label: 'A', topic: 't1', unit: '%', patterns: ['A'] },
    { id: 'b', label: 'B', topic: 't1', unit: '%', patterns: ['B'] },
    { id: 'unused', label: 'U', topic: 't1', unit: '%', patterns: ['U'] },
  ],
  practices: [{ id: 'p', label: 'P', topic: 't1', patterns: ['P'] }],
  topics: [{ id: 't1', label: 'T1', keywords: [] }],
  glossary: [],
  focusRegions: [],
  historical: [],
};

const docs = [
  doc('x-2012', { region: region('x', '甲县'), year: 2012, topics: ['t1'], targets: [target('a', 90), target('b', 5, { year: 2015, kind: 'target' })],
    practices: [{ id: 'p', label: 'P', status: 'planned', quote: 'q', paragraph: 'p-2' }] }),
  doc('x-undated', { region: region('x', '甲县'), year: null, topics: ['t1'], targets: [target('a', 95)],
    practices: [{ id: 'p', label: 'P', status: 'adopted', quote: 'q', paragraph: 'p-3' }] }),
  doc('y-2010', { region: region('y', '乙县'), year: 2010, topics: ['t1'], targets: [target('a', 80), target('c-not-in-lexicon', 3)] }),
  doc('anon', { region: null, year: 2011, targets: [target('b', 1)] }),
];
const site = buildSiteData(docs, lexicon);

describe('buildSiteData', () => {
  test('sorts documents by year, undated last, and indexes regions', () => {
    expect(site.docs.map((d) => d.id)).toEqual(['y-2010', 'anon', 'x-2012', 'x-undated']);
    expect(site.regions.map((r) => r.slug)).toEqual(['x', 'y']);
    expect(site.regionBySlug.get('x')?.docs.map((d) => d.id)).toEqual(['x-2012', 'x-undated']);
    expect(site.unknownRegionDocs.map((d) => d.id)).toEqual(['anon']);
  });

  test('indicators with data, including one the lexicon does not know', () => {
    expect(site.indicatorsWithData.map((i) => i.id)).toEqual(['a', 'b', 'c-not-in-lexicon']);
    expect(site.indicatorsWithoutData.map((i) => i.id)).toEqual(['unused']);
    expect(site.targetsByIndicator.get('a')).toHaveLength(3);
  });

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

  test('related documents and backlinks come from the indexes', () => {
    const related = relatedDocuments(site, site.docById.get('x-2012')!);
    expect(related.sameRegion.map((d) => d.id)).toEqual(['x-undated']);
    expect(related.sameTopic.map((r) => r.doc.id)).toEqual(['y-2010', 'x-undated']);
    expect(related.shared.map((r) => [r.doc.id, r.indicators.sort(), r.practices])).toEqual([
      ['x-undated', ['a'], ['p']],
      ['y-2010', ['a'], []],
      ['anon', ['b'], []],
    ]);
  });

  test('timeline puts dated targets under their year and undated documents last', () => {
    const years = timeline(site);
    expect(years.map((y) => y.year)).toEqual([2010, 2011, 2012, 2015, null]);
    expect(years.find((y) => y.year === 2015)?.targets.map((t) => t.target.indicator)).toEqual(['b']);
    expect(years.at(-1)?.docs.map((d) => d.id)).toEqual(['x-undated']);
  });

  test('headline figures prefer indicators many regions state', () => {
    expect(headlineFigures(site, site.regionBySlug.get('x')!, 1).map((r) => r.target.indicator)).toEqual(['a']);
  });
});

describe('labels, CSV, chart geometry', () => {
  test('values read as written', () => {
    expect(formatTargetValue({ value: 95, unit: '%', comparator: '≥', kind: 'target' })).toBe('≥95%');
    expect(formatTargetValue({ value: 1.5, valueMax: 2, unit: '人/千人', comparator: 'range', kind: 'target' })).toBe('1.5–2人/千人');
    expect(formatTargetValue({ value: 39.78, from: 51.03, unit: '元', comparator: '=', kind: 'change' })).toBe('51.03元 → 39.78元');
    expect(formatTargetValue({ value: 0.1 + 0.2, unit: '', comparator: '=', kind: 'achieved' })).toBe('0.3');
  });

  test('CSV fields are quoted by RFC 4180 and the file starts with a BOM', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说"好"')).toBe('"说""好"""');
    expect(csvField('一\n二')).toBe('"一\n二"');
    expect(csvField(null)).toBe('');
    expect(toCsv([{ a: 1, b: 'x' }], ['a', 'b'])).toBe('\uFEFFa,b\r\n1,x\r\n');
  });

  test.each([
    ['=HYPERLINK("http://evil.example/","点击")', `"'=HYPERLINK(""http://evil.example/"",""点击"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['新农合=合疗', '新农合=合疗'],
  ])('a CSV text field that a spreadsheet would run as a formula is written as text: %s', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  test('numbers stay numbers in CSV, negative ones too', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField(12.5)).toBe('12.5');
  });

  test('bars scale to a round maximum and never leave the plot', () => {
    expect(niceMax(98.31)).toBe(100);
    expect(niceMax(1163.25)).toBe(2000);
    const chart = layoutBars([
      { label: '甲', value: 50, kind: 'target', valueText: '50%' },
      { label: '乙', value: 100, valueMax: 120, kind: 'achieved', valueText: '100–120%' },
    ]);
    expect(chart.max).toBe(200);
    expect(chart.bars[0]?.width).toBeCloseTo(chart.plotWidth / 4);
    for (const b of chart.bars) expect(b.width + b.extra).toBeLessThanOrEqual(chart.plotWidth);
  });
});

describe('boundedRows', () => {
  const docs = [2011, null, 2015, 2013, 2015].map((year, i) => doc(`d${i}`, { year }));
  test.each([
    ['a short list is whole', 10, ['d0', 'd1', 'd2', 'd3', 'd4']],
    ['the most recent documents, in the given order', 3, ['d2', 'd3', 'd4']],
    ['equal years keep the given order', 1, ['d2']],
    ['undated documents come last', 4, ['d0', 'd2', 'd3', 'd4']],
  ])('%s', (_name, limit, expected) => {
    const list = boundedRows(docs, (d) => d, limit);
    expect(list.shown.map((d) => d.id)).toEqual(expected);
    expect(list.total).toBe(5);
  });
});

describe('relatedDocuments, same region', () => {
  test.each([
    ['the first document: the next ones', 0, ['r1', 'r2', 'r3']],
    ['a middle one: those around it', 5, ['r4', 'r6', 'r7']],
    ['the last: the ones before', 9, ['r6', 'r7', 'r8']],
  ])('%s', (_name, index, expected) => {
    const docs = Array.from({ length: 10 }, (_, i) => doc(`r${i}`, { year: 2010 + i, region: region('r', '某县') }));
    const site = buildSiteData(docs, lexicon);
    const related = relatedDocuments(site, site.docById.get(`r${index}`)!, 3);
    expect(related.sameRegion.map((d) => d.id)).toEqual(expected);
    expect(related.sameRegionTotal).toBe(9);
  });
});
