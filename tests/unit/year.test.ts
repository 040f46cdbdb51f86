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
    [['请据此批复尽快做好准备工作。', '二○○七年五月二十二日'], 2007],
    [['2012年3月5日'], 2012],
    [['到2012年3月5日，全县完成了建设任务，并投入使用。'], null],
  ])('closingYear(%j) = %s', (lines, year) => {
    expect(closingYear(lines, lexicon.structure.documentYears)).toBe(year);
  });

  const year = (title: string, body: string, options: Partial<Parameters<typeof detectYear>[0]> = {}) => detectYear({ title, body, ...options }, lexicon);

  test('takes the first year of a title period', () => {
    expect(year('任务分解表（2017-2020年）', '到2020年社会办医床位占比达20%以上。').year).toBe(2017);
  });

  test('never the year the body names most: a summary without a date of its own has none', () => {
    // (A text that opens with its year is read below: openingYear.)
    const result = year('医改工作总结', '今年我县医改工作稳步推进。2015年新农合参合率为98%，2015年补助标准提高。2014年……');
    expect(result.year).toBeNull();
    expect(result.evidence[0]).toEqual({ kind: 'none' });
  });

  test('does not trust a year a site rewrote', () => {
    const result = year('2024年工作总结', '2024年，我县新农合参合率为98.31％。2024年新农合补助标准提高到200元。');
    expect(result.year).toBeNull();
    expect(result.evidence).toContainEqual(expect.objectContaining({ kind: 'rewritten', year: 2024, dropped: true }));
  });

  test('keeps a closing date even when the body names anachronistic terms', () => {
    expect(year('工作总结', '新农合参合率为98%。', { lastLines: ['2024年3月1日'] }).year).toBe(2024);
  });

  test.each([
    ['the signature date first', { signature: '2019-03-05', published: { field: '发布日期', value: '2019-04-01', date: '2019-04-01' } }, '2018年工作总结', 2019, 'signatureDate'],
    ['a portal 成文日期 before the title', { issuedField: { field: '成文日期', value: '2020-01-10', date: '2020-01-10' } }, '2019年工作总结', 2020, 'portalField'],
    ['the title before a publication date', { published: { field: '发布日期', value: '2020-02-26', date: '2020-02-26' } }, '2019年工作总结', 2019, 'title'],
    ['a news item: its dateline before its title', { news: true, published: { field: 'dateline', value: '2021-11-08', date: '2021-11-08' } }, '2020年度表彰会召开', 2021, 'dateline'],
    ['the 发文字号 before a publication date', { docNumber: '宣发〔2018〕17号', published: { field: '发布日期', value: '2019-01-08', date: '2019-01-08' } }, '“健康宣城2030”规划', 2018, 'docNumber'],
    ['a publication date when nothing else', { published: { field: '发布日期', value: '2021-01-15', date: '2021-01-15' } }, '关于推进健康行动的实施方案', 2021, 'portalField'],
  ])('%s', (_what, dates, title, expected, kind) => {
    const result = year(title, '正文。', { dates });
    expect(result.year).toBe(expected);
    expect(result.evidence[0]?.kind).toBe(kind);
  });

  test("an undated news report of an event that names its year: the event's year; not a target year, and not in other texts", () => {
    const body = '6月8日下午，我县召开2020年卫生健康工作会议，全面总结2019年以来全县卫生健康工作。';
    expect(year('', body, { dates: { news: true } })).toMatchObject({ year: 2020, evidence: [{ kind: 'eventYear', year: 2020 }] });
    expect(year('', '会议提出，到2025年召开全省医共体建设现场会。', { dates: { news: true } }).evidence[0]?.kind).not.toBe('eventYear');
    expect(year('', body, { dates: { news: false } }).evidence[0]?.kind).not.toBe('eventYear');
  });

  test.each([
    ['a year and a comma', '2021年，市卫生健康委统筹疫情防控和卫生健康改革发展。', 2021],
    ['the years since', '2020年来，某州大力加强县乡村医疗服务体系建设。', 2020],
    ['a year of work', '2019年度，全县完成家庭医生签约服务。', 2019],
    ['not an event’s month', '2019年9月，经市委市政府批准，成立了医疗集团。', null],
    ['not a year further in', '近年来，某县持续打造优质医疗网络，2021年，建成医共体。', null],
  ])('an undated text that opens with its year (%s): that year, inferred', (_, body, expected) => {
    const result = year('', body);
    expect(result.year).toBe(expected);
    if (expected !== null) expect(result).toMatchObject({ inferred: true, evidence: [{ kind: 'openingYear', year: expected }] });
  });

  test('an opening year does not date a plan', () => {
    expect(year('', '2020年，全县医疗卫生机构床位数达到1200张。到2025年，达到1500张。', { planning: true }).year).toBeNull();
  });

  test('an undated plan: the first year of its period, marked as inferred', () => {
    const result = year('某县医共体建设实施方案', '到2025年，全面建成医共体。', { planning: true, dates: { period: { from: 2023, to: 2025 } } });
    expect(result).toMatchObject({ year: 2023, inferred: true });
    expect(result.evidence[0]).toEqual({ kind: 'period', from: 2023, to: 2025 });
  });

  test('a plan is not dated by the target years it names', () => {
    const result = year('实施方案', '到2025年，乡村医疗卫生体系改革取得明显进展。2024年将在全市推开。2025年达到目标。', { planning: true });
    expect(result.year).toBeNull();
    expect(result.evidence).toContainEqual({ kind: 'targetYearsOnly', years: [2024, 2025] });
  });

  test.each([
    ['a plan run by 卫生局 cannot aim at 2024', '县卫生局负责组织实施。2024年底前每个乡镇卫生院至少有1名医师参加全科医师培训。', true],
    ['a 2017 plan may aim at 2020 while 新农合 still exists', '完善新农合制度。到2020年，县域内就诊率达到90%。', false],
  ])('%s', (_name, body, rewritten) => {
    const result = year('实施方案', body, { planning: true });
    expect(result.rewritten).toBe(rewritten);
    expect(result.year).toBeNull();
  });

  test('notes placeholder years', () => {
    const result = year('工作安排', 'XX年人均基本公共卫生服务经费标准提高到25元。XX年4月底前完成。');
    expect(result.year).toBeNull();
    expect(result.evidence).toContainEqual({ kind: 'placeholders', count: 2 });
  });

  test.each([
    ['二〇一一', 2011],
    ['二O一一', 2011],
    ['二0一0', 2010],
    // Zeros typed with other round glyphs: a geometric circle, the Cyrillic О, a full-width ０.
    ['二○○七', 2007],
    ['二О一一', 2011],
    ['二０一五', 2015],
    ['二十一', null],
  ])('parseChineseYear(%s) = %s', (text, year) => {
    expect(parseChineseYear(text)).toBe(year);
  });
});
