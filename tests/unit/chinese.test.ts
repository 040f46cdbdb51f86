/** src/lib/ingest/chinese.ts: script conversion and Chinese numerals. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { toSimplified, toSimplifiedByTables, traditionalShare } from '../../src/lib/ingest/chinese.ts';

describe('script conversion', () => {
  test('converts Traditional (including variant forms) to Simplified', () => {
    expect(toSimplified('醫藥衞生體制改革 羣眾 臨牀')).toBe('医药卫生体制改革 群众 临床');
  });
  test.each([
    ['醫藥衞生體制改善主要工作佈置', true],
    ['医药卫生体制改革主要工作安排', false],
  ])('traditionalShare(%s) is high only for Traditional text', (text, traditional) => {
    expect(traditionalShare(text) > 0.05).toBe(traditional);
  });
  // The shortcut (a text with no character the tables could change is returned as it is) must agree with the tables.
  test.each([
    ['反覆研究', '反复研究'],
    ['意志消沈', '意志消沉'],
    ['一目瞭然', '一目了然'],
    ['深化医药卫生体制改革', '深化医药卫生体制改革'],
    ['ASCII only, 2024', 'ASCII only, 2024'],
    ['𠀀醫院', '𠀀医院'],
  ])('toSimplified(%s) is %s, as the tables give it', (text, expected) => {
    expect(toSimplified(text)).toBe(expected);
    expect(toSimplifiedByTables(text)).toBe(expected);
  });
  test('the shortcut agrees with the tables on any text of mixed scripts', () => {
    // Characters of both scripts, the phrase-only triggers, ASCII and astral characters.
    const pool = [...'医醫院卫衞生覆反沈消瞭一目然藉口坏坯土干乾隆发髮台臺改革 ,。2024a'].concat(['𠀀', '𡃁']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 24 }), (chars) => {
        const text = chars.join('');
        expect(toSimplified(text)).toBe(toSimplifiedByTables(text));
      }),
      { numRuns: 2000 },
    );
  });
});
