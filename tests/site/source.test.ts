import { describe, expect, test } from 'vitest';
import { MAX_LINE_SHOWN, shownLine } from '../../src/lib/site/source.ts';

describe('shownLine', () => {
  test.each([
    ['短行', '短行'],
    ['字'.repeat(MAX_LINE_SHOWN), '字'.repeat(MAX_LINE_SHOWN)],
  ])('shows a line of a sane length as it is', (line, shown) => {
    expect(shownLine(line)).toBe(shown);
  });

  test('cuts a line too long to show, and says how long it is', () => {
    const shown = shownLine('长'.repeat(5_000_000));
    expect(shown.startsWith('长'.repeat(MAX_LINE_SHOWN))).toBe(true);
    expect(shown).toContain('此行共5000000字');
    expect(shown.length).toBeLessThan(MAX_LINE_SHOWN + 60);
  });

  test('counts characters, not UTF-16 units: a four-byte character is never split', () => {
    const shown = shownLine('𠀀'.repeat(MAX_LINE_SHOWN + 1));
    expect(shown.startsWith('𠀀'.repeat(MAX_LINE_SHOWN))).toBe(true);
    expect(shown).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
