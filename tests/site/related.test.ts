/** Tests of src/lib/site/related.ts on the made-up documents of ./fixture.ts. */
import { describe, expect, test } from 'vitest';
import { relatedDocuments } from '../../src/lib/site/related.ts';
import { buildSiteData } from '../../src/lib/site/data.ts';
import { doc, lexicon, region, site } from './fixture.ts';

describe('relatedDocuments', () => {
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
