/** src/lib/site/source.ts: the lines of an original a page shows. */
import { describe, expect, test } from 'vitest';
import { changedLines, MAX_LINE_SHOWN, provenanceView, shownLine, type SourceLine } from '../../src/lib/site/source.ts';

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

describe('changedLines', () => {
  const text = '一、总体要求\n全县新农合参合率达到95%，基本药物实行零差率销售。';
  const line = (n: number, t: string): SourceLine => ({ n, text: t });
  test.each([
    ['a line the text holds as it is', [line(1, '全县新农合参合率达到95%，')], []],
    ['spaces do not count', [line(1, '一、 总体要求'), line(2, ' 基本药物实行零差率销售。 ')], []],
    ['a removed boilerplate line', [line(3, '第1页/共3页')], [3]],
    ['a repaired line (the text has the repair)', [line(4, '根本药物实行零差率销售。')], [4]],
    ['blank lines are not changes', [line(5, ''), line(6, '   ')], []],
    ['a line split by a page break reads in the text in its halves', [line(7, '全县新农合参合率达'), line(8, '到95%，')], []],
  ])('%s', (_name, lines, expected) => {
    expect(changedLines(lines, text).map((l) => l.n)).toEqual(expected);
  });
});

describe('provenanceView', () => {
  const lines = (n: number, chars = 30): SourceLine[] => Array.from({ length: n }, (_, i) => ({ n: i + 1, text: '字'.repeat(chars) }));
  const repairs = (n: number) => Array.from({ length: n }, (_, i) => ({ kind: 'synonym', from: `a${i}`, to: `b${i}` }));
  test.each([
    ['a few changed lines fit: nothing cut, no source page', lines(20), 0, 14_000, { shown: 20, cut: false }],
    ['many changed lines are cut to what fits', lines(400), 0, 14_000, { shown: 140, cut: true }],
    ['no room: only the link', lines(400), 0, 0, { shown: 0, cut: true }],
    ['too many repairs to list: cut', lines(5), 200, 14_000, { shown: 5, cut: true }],
    ['no changed line (or no source file): nothing to show, no source page', [], 0, 14_000, { shown: 0, cut: false }],
  ])('%s', (_name, original, repairCount, budget, expected) => {
    const view = provenanceView(original, repairs(repairCount), budget);
    expect({ shown: view.shown.length, cut: view.cut }).toEqual(expected);
  });
});
