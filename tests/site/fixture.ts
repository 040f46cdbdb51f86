/**
 * A few made-up documents and the site data built from them, shared by the
 * tests of src/lib/site/*: the collection computations without a build.
 */
import { buildSiteData, type Doc } from '../../src/lib/site/data.ts';
import type { DocumentFrontmatter, Target } from '../../src/schema/document.ts';

export const region = (slug: string, name: string) => ({ name, prefecture: null, province: '某省', level: 'county' as const, slug });
export const target = (indicator: string, value: number, extra: Partial<Target> = {}): Target => ({
  indicator, label: indicator, kind: 'achieved', value, unit: '%', comparator: '=', quote: `q${value}`, paragraph: 'p-1', ...extra,
});
export function doc(id: string, data: Partial<DocumentFrontmatter>): Doc {
  return {
    id,
    data: {
      title: id, slug: id, region: null, regionEvidence: [{ kind: 'none' }], year: null, yearInferred: false, yearEvidence: [{ kind: 'none' }],
      docType: '工作总结', typeEvidence: [{ kind: 'none' }], issuer: null, docNumber: null, issued: null, published: null, period: null, record: [],
      topics: [], targets: [], figures: [], practices: [],
      source: { file: 'a.txt', sha256: '0'.repeat(64), site: null, lines: [1, 2], index: 1, encoding: 'utf-8', format: 'text' },
      cleaning: { boilerplateLines: 0, rejoins: 0, scriptConverted: false, repairs: [], notes: [] },
      ...data,
    },
  };
}

export const lexicon = {
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

export const docs = [
  doc('x-2012', { region: region('x', '甲县'), year: 2012, topics: ['t1'], targets: [target('a', 90), target('b', 5, { year: 2015, kind: 'target' })],
    practices: [{ id: 'p', label: 'P', status: 'planned', quote: 'q', paragraph: 'p-2' }] }),
  doc('x-undated', { region: region('x', '甲县'), year: null, topics: ['t1'], targets: [target('a', 95)],
    practices: [{ id: 'p', label: 'P', status: 'adopted', quote: 'q', paragraph: 'p-3' }] }),
  doc('y-2010', { region: region('y', '乙县'), year: 2010, topics: ['t1'], targets: [target('a', 80), target('c-not-in-lexicon', 3)] }),
  doc('anon', { region: null, year: 2011, targets: [target('b', 1)] }),
];
export const site = buildSiteData(docs, lexicon);
