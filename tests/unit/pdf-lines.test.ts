import { describe, expect, test } from 'vitest';
import { joinPdfLines, tightenSpaces, type PdfItem } from '../../src/lib/source/pdf-lines.ts';

describe('tightenSpaces: no space inside Chinese text or around its numbers (a Latin word keeps its space)', () => {
  test.each([
    ['2023 年 4 月 3 日', '2023年4月3日'],
    ['第 3 页', '第3页'],
    ['覆盖率达到 45% ，', '覆盖率达到45%，'],
    ['医 改 工 作', '医改工作'],
    ['DRG 付费', 'DRG 付费'],
    ['Word 97 文档', 'Word 97文档'],
    ['  两个   空格  ', '两个空格'],
  ])('%s → %s', (input, expected) => {
    expect(tightenSpaces(input)).toBe(expected);
  });
});

/** Runs of one line at (x, y), each character 16 units wide, as LibreOffice sets a 16 pt line. */
const row = (text: string, y: number, x = 80, size = 16): PdfItem => ({ text, x, y, width: [...text].length * size, size });
const FULL = '一'.repeat(27); // a line that runs to the right margin (80 + 27 × 16 = 512)

describe('joinPdfLines', () => {
  test("a paragraph's lines are rejoined; an indented line starts a new paragraph", () => {
    const page = [row(`　　${FULL.slice(2)}`, 700), row(`${FULL}`, 680), row('止。', 660), row('　　第二段开头。', 640, 80)];
    // The second paragraph's first line is indented by two characters.
    page[3] = row('第二段开头。', 640, 112);
    const lines = joinPdfLines([page]);
    expect(lines.map((l) => l.text)).toEqual([`${FULL.slice(2)}${FULL}止。`, '第二段开头。']);
    expect(lines.map((l) => l.origin)).toEqual([{ kind: 'pdf', page: 1, line: 1 }, { kind: 'pdf', page: 1, line: 4 }]);
  });

  test('a heading or list item (an ordinal of structure.yaml) never continues the line before, a decimal does', () => {
    const startsBlock = /^\s*(?:[一二三四五六七八九十]+[、.．]|\d+[、.．)）])(?!\d)/u;
    expect(joinPdfLines([[row(FULL, 700), row('二、工作措施', 680)]], { startsBlock }).map((l) => l.text)).toEqual([FULL, '二、工作措施']);
    expect(joinPdfLines([[row(FULL, 700), row('1.7%。', 680)]], { startsBlock }).map((l) => l.text)).toEqual([`${FULL}1.7%。`]);
  });

  test('a number broken at the end of a line runs on without a space (达到3 | 1.7%)', () => {
    const lines = joinPdfLines([[row(`${FULL.slice(0, 26)}3`, 700), row('1.7%。', 680)]]);
    expect(lines[0]?.text).toBe(`${FULL.slice(0, 26)}31.7%。`);
  });

  test('runs of one baseline make one line, in reading order', () => {
    const lines = joinPdfLines([[row('年', 700.4, 120), row('2024', 700, 80)].map((r) => ({ ...r, width: r.text === '2024' ? 36 : 16 }))]);
    expect(lines.map((l) => l.text)).toEqual(['2024年']);
  });

  test('a header repeated at the top of most pages is left out; page numbers stay for the boilerplate stage', () => {
    const texts = ['一是强化组织领导。', '二是完善考核机制。', '三是加强宣传引导。'];
    const page = (n: number): PdfItem[] => [row('扬中市人民政府办公室文件', 800, 200), row(texts[n - 1] ?? '', 700), row(`— ${n} —`, 60, 280)];
    const lines = joinPdfLines([page(1), page(2), page(3)]);
    expect(lines.filter((l) => l.omitted === 'running-header').map((l) => l.origin)).toEqual([1, 2, 3].map((page) => ({ kind: 'pdf', page, line: 1 })));
    expect(lines.filter((l) => !l.omitted).map((l) => l.text)).toEqual([texts[0], '— 1 —', texts[1], '— 2 —', texts[2], '— 3 —']);
  });

  test('one page has no running header to find', () => {
    expect(joinPdfLines([[row('扬中市人民政府办公室文件', 800, 200), row('正文。', 700)]]).some((l) => l.omitted)).toBe(false);
  });
});
