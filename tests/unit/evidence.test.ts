/** src/lib/evidence.ts: every kind of evidence and note in Chinese, none in English. */
import { describe, expect, test } from 'vitest';
import { cleaningNoteText, recordFieldText, regionEvidenceText, typeEvidenceText, yearEvidenceText } from '../../src/lib/evidence.ts';
import type { CleaningNote, RegionEvidence, TypeEvidence, YearEvidence } from '../../src/schema/document.ts';

/** A sentence of English words: what must never reach a zh-CN page. */
const english = /[A-Za-z]{3,}\s+[A-Za-z]{2,}/;

const regions: Array<[RegionEvidence, string]> = [
  [{ kind: 'formal', position: 'title', name: '隰县' }, '标题写明“隰县”'],
  [{ kind: 'formal', position: 'portalField', name: '嘉定区', text: '上海市嘉定区人民政府' }, '公开目录字段写明“嘉定区”（上海市嘉定区人民政府）'],
  [{ kind: 'formal', position: 'title', name: '海南州', current: '海南藏族自治州' }, '标题写明“海南州”，今为海南藏族自治州'],
  [{ kind: 'citedDocuments', name: '无极县', citations: ['《无极县实施方案》'] }, '标题未写地名；据正文引用的本地文件推断：《无极县实施方案》'],
  [{ kind: 'body', name: '某县', count: 5 }, '据正文推断：正文5次提到某县'],
  [{ kind: 'docCode', name: '济南市', prefix: '济发' }, '标题未写地名；据正文引用的发文字号前缀“济发〔〕”推断（济南市的文号）'],
  [{ kind: 'anonymised', mark: 'xxx' }, '地名被隐去（以“xxx”代替），文中没有其他能确定地区的信息'],
  [{ kind: 'none' }, '文中没有地名、本地文件或发文字号能确定地区'],
];
const years: Array<[YearEvidence, string]> = [
  [{ kind: 'signatureDate', date: '2019-03-05' }, '落款成文日期：2019-03-05'],
  [{ kind: 'portalField', field: '成文日期', value: '2019年03月05日' }, '公开目录“成文日期”：2019年03月05日'],
  [{ kind: 'title', year: 2017 }, '标题中的年份：2017年'],
  [{ kind: 'dateline', date: '2021-11-08' }, '新闻发布日期：2021-11-08'],
  [{ kind: 'portalField', field: 'published', value: '2015-03-11 03:43' }, '公开目录“发布日期”：2015-03-11 03:43'],
  [{ kind: 'eventYear', year: 2020, text: '2020年卫生健康工作会议' }, '新闻所报道活动的名称中的年份：“2020年卫生健康工作会议”'],
  [{ kind: 'docNumber', docNumber: '宣发〔2018〕17号' }, '发文字号中的年份：宣发〔2018〕17号'],
  [{ kind: 'period', from: 2021, to: 2025 }, '文件未署日期，取其规划期（2021—2025年）的第一年，属推断'],
  [{ kind: 'openingYear', year: 2021, text: '2021年，' }, '文件未署日期，取正文开头所述的年份（“2021年，”），属推断'],
  [{ kind: 'targetYearsOnly', years: [2024, 2025] }, '文中只出现目标年份（2024、2025年），未写成文年份'],
  [{ kind: 'rewritten', year: 2024, reasons: ['新农合已于2019年前并入城乡居民医保'], dropped: true }, '年份疑被网站改写：文中写2024年，但新农合已于2019年前并入城乡居民医保，故不采用'],
  [{ kind: 'placeholders', count: 3 }, '年份被占位符代替（如“XX年”，3处）'],
  [{ kind: 'blanked', count: 2 }, '年份数字被删去（只剩“年”字，2处）'],
  [{ kind: 'otherYears', years: [2009] }, '文中还提到：2009年'],
  [{ kind: 'none' }, '文中没有本文件的日期'],
];
const types: Array<[TypeEvidence, string]> = [
  [{ kind: 'titleSuffix', suffix: '工作总结' }, '标题以“工作总结”结尾'],
  [{ kind: 'transmitted', title: '某县实施方案', suffix: '实施方案' }, '印发通知，类型取所印发的《某县实施方案》（以“实施方案”结尾）'],
  [{ kind: 'form', form: 'news', cue: '本报讯' }, '据文本形式判断：新闻报道的写法（“本报讯”）'],
  [{ kind: 'none' }, '标题和文本形式都不能确定类型'],
];
const notes: CleaningNote[] = [
  { kind: 'scriptConverted' },
  { kind: 'synonymSpinning', terms: ['医改'], repairs: 3 },
  { kind: 'tableRebuilt', rows: 4, droppedHeaders: 1, rejoinedCells: 2 },
  { kind: 'titleShortened', chars: 120 },
  { kind: 'figureYearsDropped', count: 2 },
  { kind: 'controlCharacters', count: 1 },
  { kind: 'bomMismatch', declared: 'utf-16le', actual: 'utf-8' },
  { kind: 'invalidBytes', encoding: 'utf-8', count: 2 },
  { kind: 'recordLines', count: 5 },
  { kind: 'attachmentJoined', title: '某县实施方案' },
];

describe('evidence in Chinese', () => {
  test.each(regions)('region %j', (e, text) => expect(regionEvidenceText(e)).toBe(text));
  test.each(years)('year %j', (e, text) => expect(yearEvidenceText(e)).toBe(text));
  test.each(types)('type %j', (e, text) => expect(typeEvidenceText(e)).toBe(text));
  test.each(notes.map((n) => [n.kind, n] as const))('cleaning note %s speaks Chinese', (_kind, n) => {
    const text = cleaningNoteText(n);
    expect(text).toMatch(/\p{Script=Han}/u);
    expect(text).not.toMatch(english);
  });
  test('a record field: its label as written, else its Chinese name, and its line', () => {
    expect(recordFieldText({ field: 'indexNo', label: '索引号', value: 'A-1', line: 3 })).toBe('索引号：A-1（原文第3行）');
    expect(recordFieldText({ field: 'addressee', label: '', value: '各乡镇', line: 5 })).toBe('主送机关：各乡镇（原文第5行）');
  });
});
