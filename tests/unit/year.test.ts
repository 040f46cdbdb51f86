/** src/lib/ingest/metadata/year.ts: the year of a document. */
import { describe, expect, test } from 'vitest';
import { loadLexicon } from '../../src/lib/lexicon.ts';
import { closingYear, detectYear } from '../../src/lib/ingest/metadata/year.ts';
import { parseChineseYear } from '../../src/lib/ingest/chinese.ts';

const lexicon = loadLexicon();

describe('detectYear', () => {
  test.each([
    [['xxx卫生局 二0一0年8月3日'], 2010],
    [['二O一一年十月二十九日'], 2011],
    [['2012年3月5日'], 2012],
    [['到2012年3月5日，全县完成了建设任务，并投入使用。'], null],
  ])('closingYear(%j) = %s', (lines, year) => {
    expect(closingYear(lines, lexicon.structure.documentYears)).toBe(year);
  });

  test('takes the first year of a title period', () => {
    expect(detectYear('任务分解表（2017-2020年）', '到2020年社会办医床位占比达20%以上。', [], lexicon).year).toBe(2017);
  });

  test('does not trust a year read off a text whose years look rewritten', () => {
    const result = detectYear('工作总结', '2024年，我县新农合参合率为98.31％。2024年新农合补助标准提高到200元。', [], lexicon);
    expect(result.year).toBeNull();
    expect(result.note).toMatch(/rewritten: the text says 2024/);
  });

  test('keeps a closing date even when the body names anachronistic terms', () => {
    expect(detectYear('工作总结', '新农合参合率为98%。', ['2024年3月1日'], lexicon).year).toBe(2024);
  });

  test('a plan is not dated by the target years it names', () => {
    const result = detectYear('实施方案', '到2025年，乡村医疗卫生体系改革取得明显进展。2024年将在全市推开。2025年达到目标。', [], lexicon, true);
    expect(result.year).toBeNull();
    expect(result.note).toMatch(/target years \(2024, 2025\)/);
  });

  test.each([
    ['a plan run by 卫生局 cannot aim at 2024', '县卫生局负责组织实施。2024年底前每个乡镇卫生院至少有1名医师参加全科医师培训。', true],
    ['a 2017 plan may aim at 2020 while 新农合 still exists', '完善新农合制度。到2020年，县域内就诊率达到90%。', false],
  ])('%s', (_name, body, rewritten) => {
    const result = detectYear('实施方案', body, [], lexicon, true);
    expect(result.rewritten).toBe(rewritten);
    expect(result.year).toBeNull();
  });

  test('notes placeholder years', () => {
    const result = detectYear('工作安排', 'XX年人均基本公共卫生服务经费标准提高到25元。XX年4月底前完成。', [], lexicon);
    expect(result.year).toBeNull();
    expect(result.note).toMatch(/placeholders/);
  });

  test.each([
    ['二〇一一', 2011],
    ['二O一一', 2011],
    ['二0一0', 2010],
    ['二十一', null],
  ])('parseChineseYear(%s) = %s', (text, year) => {
    expect(parseChineseYear(text)).toBe(year);
  });
});
