import { describe, expect, test } from 'vitest';
import { shardCount, shardKey, shardOf } from '../../scripts/lib/search-shards.ts';
import { yearsInOrder } from '../../src/scripts/search.ts';

describe('shardCount', () => {
  test.each([
    [0, 256, 1],
    [10, 256, 1],
    [256, 256, 1],
    [257, 256, 2],
    [1000, 256, 4],
    [1024, 256, 4],
    [1025, 256, 8],
    [5000, 256, 32],
    [10, 3, 4],
  ])('%i documents at %i a shard → %i shards', (documents, size, expected) => {
    expect(shardCount(documents, size)).toBe(expected);
  });

  test('refuses a shard size that is no positive whole number, quoting it', () => {
    expect(() => shardCount(10, 0)).toThrow('not 0');
    expect(() => shardCount(10, Number.NaN)).toThrow('not null');
  });
});

describe('shardOf', () => {
  const slugs = Array.from({ length: 2000 }, (_, i) => `doc-${i}`);

  test('puts every slug in a shard of the count, about evenly', () => {
    const counts = new Array<number>(8).fill(0);
    for (const slug of slugs) {
      const shard = shardOf(slug, 8);
      counts[shard] = (counts[shard] ?? 0) + 1;
    }
    expect(counts.reduce((a, b) => a + b, 0)).toBe(slugs.length);
    for (const n of counts) expect(n).toBeGreaterThan(150);
  });

  test('when the count doubles, a shard splits in two and no document moves elsewhere', () => {
    for (const slug of slugs) expect(Math.floor(shardOf(slug, 16) / 2)).toBe(shardOf(slug, 8));
  });

  test('one shard holds everything', () => {
    expect(new Set(slugs.map((s) => shardOf(s, 1)))).toEqual(new Set([0]));
  });
});

describe('shardKey', () => {
  const pages = [
    ['documents/a/index.html', 'k1'],
    ['documents/b/index.html', 'k2'],
  ] as const;

  test('does not depend on the order the pages come in', () => {
    expect(shardKey('s', pages)).toBe(shardKey('s', [...pages].reverse()));
  });

  test.each([
    ['a page’s inputs change', 's', [['documents/a/index.html', 'k1'], ['documents/b/index.html', 'k3']]],
    ['a page is added', 's', [...pages, ['documents/c/index.html', 'k4']]],
    ['a page is removed', 's', pages.slice(0, 1)],
    ['the settings change', 't', pages],
  ] as const)('changes when %s', (_, settings, changed) => {
    expect(shardKey(settings, changed)).not.toBe(shardKey('s', pages));
  });
});

describe('yearsInOrder', () => {
  test.each([
    ['year-desc', ['2011', '2009', '年份不详', '2016'], ['2016', '2011', '2009', '年份不详']],
    ['year-asc', ['2011', '2009', '年份不详', '2016'], ['年份不详', '2009', '2011', '2016']],
    ['year-desc', [], []],
  ])('%s of %j → %j', (sort, years, expected) => {
    expect(yearsInOrder(years, sort)).toEqual(expected);
  });
});
