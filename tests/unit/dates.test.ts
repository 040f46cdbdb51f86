/** Dates, periods and signatures: src/lib/ingest/metadata/{dates,period,signature}.ts. */
import { describe, expect, test } from 'vitest';
import { dateLine, findDate, smallNumber } from '../../src/lib/ingest/metadata/dates.ts';
import { detectPeriod, fiveYearPlan } from '../../src/lib/ingest/metadata/period.ts';
import { findInlineSignature, findSignature } from '../../src/lib/ingest/metadata/signature.ts';
import { loadLexicon } from '../../src/lib/lexicon.ts';

const endings = loadLexicon().gongwen.issuerEndings;

describe('findDate', () => {
  test.each([
    ['2019年3月5日', '2019-03-05'],
    ['二〇一九年三月五日', '2019-03-05'],
    ['二O一一年十月二十九日', '2011-10-29'],
    ['二○○六年四月二十七日', '2006-04-27'],
    ['二О一一年二月十二日', '2011-02-12'],
    ['二0一0年8月3日', '2010-08-03'],
    ['2019年12月', '2019-12'],
    ['2024年', '2024'],
    ['发布时间：2021-01-15 15:49', '2021-01-15'],
    ['2019/3/5', '2019-03-05'],
    ['2019.03.05', '2019-03-05'],
    ['08.08.2015  10:38', '2015-08-08'],
    ['25.12.2019', '2019-12-25'],
    ['2025 05/19 18:03:42', '2025-05-19'],
    ['共2019 12.5万元', null],
    ['没有日期', null],
  ])('%s → %s', (text, date) => {
    expect(findDate(text)?.date ?? null).toBe(date);
  });

  test.each([['十', 10], ['十二', 12], ['二十九', 29], ['三十一', 31], ['五', 5], ['7', 7]])('smallNumber(%s) = %s', (text, n) => {
    expect(smallNumber(text)).toBe(n);
  });

  test.each([
    ['2019年3月5日', '2019-03-05'],
    ['（二〇一九年三月五日）', '2019-03-05'],
    ['2019年', null],
    ['2019年3月5日召开会议', null],
  ])('dateLine(%s) = %s', (text, date) => {
    expect(dateLine(text)).toBe(date);
  });
});

describe('detectPeriod', () => {
  test.each([
    ['柞水县医改重点任务分解表（2017-2020年）', '', { from: 2017, to: 2020 }],
    ['某县卫生健康事业发展“十四五”规划', '', { from: 2021, to: 2025 }],
    ['某县“十一五”卫生发展规划', '', { from: 2006, to: 2010 }],
    ['某县2019—2021年医共体建设实施方案', '', { from: 2019, to: 2021 }],
    ['新乐市区域卫生规划(2011—2020)', '', { from: 2011, to: 2020 }],
    ['乡村医疗卫生体系改革三年行动方案', '到2025年，全面建成……', { from: 2023, to: 2025 }],
    ['某县医共体建设实施方案', '到2025年底，县域就诊率达到90%。', null],
  ])('%s', (title, opening, period) => {
    expect(detectPeriod(title, opening)).toEqual(period);
  });

  test.each([['十三', { from: 2016, to: 2020 }], ['三', { from: 1966, to: 1970 }], ['一', null]])('fiveYearPlan(%s)', (n, period) => {
    expect(fiveYearPlan(n)).toEqual(period);
  });
});

describe('signatures', () => {
  test.each([
    [['正文。', '某县人民政府办公室', '2019年3月5日'], { issuer: '某县人民政府办公室', date: '2019-03-05' }],
    [['正文。', '某县卫生健康局', '某县财政局', '二〇一九年三月五日'], { issuer: '某县卫生健康局、某县财政局', date: '2019-03-05' }],
    [['正文。', '某县卫生健康局  2019年3月5日'], { issuer: '某县卫生健康局', date: '2019-03-05' }],
    [['正文。', '2019年3月5日'], { date: '2019-03-05' }],
    // A joint document: organs two a line; beyond three, the lead organ and how many sign.
    [['正文。', '常州市卫生健康委员会 常州市发展和改革委员会', '常州市教育局 常州市民政局', '常州市残疾人联合会 常州市老龄工作委员会办公室', '2023年12月29日'], { issuer: '常州市卫生健康委员会等6个单位', date: '2023-12-29' }],
    [['正文。', '某县卫生健康局 某县财政局', '2019年3月5日'], { issuer: '某县卫生健康局、某县财政局' }],
    // One name written with a space is one organ.
    [['正文。', '某县 卫生健康局', '2019年3月5日'], { issuer: '某县卫生健康局' }],
  ])('findSignature(%j)', (lines, expected) => {
    expect(findSignature(lines, endings)).toMatchObject(expected);
  });

  test('no signature: a date inside a sentence', () => {
    expect(findSignature(['到2019年3月5日，全县完成了建设任务。'], endings)).toBeUndefined();
  });

  test('a notice run together on one line', () => {
    const text = '各单位:现将《某区实施方案》印发给你们,望遵照执行。天津市滨海新区人民政府2020年10月19日(此件主动公开)某区实施方案为进一步……';
    expect(findInlineSignature(text, endings)).toMatchObject({ issuer: '天津市滨海新区人民政府', date: '2020-10-19' });
  });
});
