/** Tests of src/lib/site/lists.ts on the made-up documents of ./fixture.ts. */
import { describe, expect, test } from 'vitest';
import { boundedRows } from '../../src/lib/site/lists.ts';
import { doc } from './fixture.ts';

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
