/** Tests of src/lib/site/timeline.ts on the made-up documents of ./fixture.ts. */
import { describe, expect, test } from 'vitest';
import { timeline } from '../../src/lib/site/timeline.ts';
import { site } from './fixture.ts';

describe('timeline', () => {
  test('timeline puts dated targets under their year and undated documents last', () => {
    const years = timeline(site);
    expect(years.map((y) => y.year)).toEqual([2010, 2011, 2012, 2015, null]);
    expect(years.find((y) => y.year === 2015)?.targets.map((t) => t.target.indicator)).toEqual(['b']);
    expect(years.at(-1)?.docs.map((d) => d.id)).toEqual(['x-undated']);
  });
});
