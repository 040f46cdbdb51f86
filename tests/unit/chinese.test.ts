/** src/lib/ingest/chinese.ts: script conversion and Chinese numerals. */
import { describe, expect, test } from 'vitest';
import { toSimplified, traditionalShare } from '../../src/lib/ingest/chinese.ts';

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
});
