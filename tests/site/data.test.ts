/** Tests of src/lib/site/data.ts on the made-up documents of ./fixture.ts. */
import { describe, expect, test } from 'vitest';
import { site } from './fixture.ts';

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

});
