/** Tests of src/lib/site/scale.ts: money and counts on one scale, with units.yaml's families and scales. */
import { describe, expect, test } from 'vitest';
import { commonUnit, comparableUnit, conversionNote, valueIn } from '../../src/lib/site/scale.ts';
import { loadLexicon } from '../../src/lib/lexicon.ts';

const units = loadLexicon().units;

describe('one scale for comparison', () => {
  test.each([
    ['亿元', '万元', '万元'],
    ['元', '万元', '万元'],
    ['万元', '万元', '万元'],
    // Another family, or no scale: never converted.
    ['人', '万元', '人'],
    ['%', '‰', '%'],
    ['个', '所', '个'],
  ])('commonUnit(%s, indicator in %s) → %s', (unit, indicatorUnit, expected) => {
    expect(commonUnit(unit, indicatorUnit, units)).toBe(expected);
  });

  test.each([
    [5, '亿元', '万元', 50000],
    [8000, '元', '万元', 0.8],
    [3, '万人', '人', 30000],
    [3, '个', '万元', undefined],
  ])('valueIn(%d %s → %s) = %s', (value, from, to, expected) => {
    expect(valueIn(value, from, to, units)).toBe(expected);
  });

  test.each([
    [{ unit: '亿元', basis: undefined, per: undefined }, '万元'],
    [{ unit: '元', basis: 'person' as const, per: 'month' as const }, '万元/人·月'],
    [{ unit: '万元', basis: 'institution' as const, per: 'year' as const }, '万元/院·年'],
  ])('comparableUnit(%j) in an indicator of 万元 → %s', (t, expected) => {
    expect(comparableUnit(t, '万元', units)).toBe(expected);
  });

  test.each([
    [{ unit: '亿元', value: 5 }, '合50000万元'],
    [{ unit: '元', value: 8000, valueMax: 12000 }, '合0.8至1.2万元'],
    [{ unit: '万元', value: 1374 }, undefined],
  ])('conversionNote(%j)', (t, expected) => {
    expect(conversionNote(t, '万元', units)).toBe(expected);
  });

  test('without unit rules nothing is converted', () => {
    expect(commonUnit('亿元', '万元', undefined)).toBe('亿元');
  });
});
