/** Tests of src/lib/search/relevance.ts: which search results are relevant, in which tier, and their excerpts. */
import { describe, expect, test } from 'vitest';
import { PLACES_MARK, SEARCH_WORDS_MARK, excerpt, intlSegmenter, judge, partings, termParts, wordOccurrences } from '../../src/lib/search/relevance.ts';
import { aliasForms } from '../../src/lib/search/normalize.ts';

const segment = intlSegmenter();
const aliases = [
  ['新农合', '新型农村合作医疗', '合疗'],
  ['村医', '乡村医生'],
];
/** A page's indexed content: its text, then (as a document page has them) panel names and hidden words. */
const page = (text: string, panel = '', places = ''): string => `${text} ${SEARCH_WORDS_MARK}${panel}${places ? ` ${PLACES_MARK}${places}` : ''}`;

describe('wordOccurrences: a form counts where it stands as whole words', () => {
  test.each([
    ['乡村医疗卫生体系', '村医', []],
    ['建立乡村医生后续补充', '村医', []],
    ['落实对村医的补助', '村医', [3]],
    ['全面实行药品零差率销售', '零差率', [6]],
    ['县合疗办负责', '合疗', [1]],
    ['深化综合改革', '合疗', []],
    ['金安区作为六安市主城区', '六安', [5]],
    ['资金安全', '金安', []],
  ])('%s / %s', (text, form, expected) => {
    expect(wordOccurrences(text, form, segment)).toEqual(expected);
  });
});

describe('aliasForms and termParts', () => {
  test.each([
    ['新农合', ['新农合', '新型农村合作医疗', '合疗']],
    ['村医补助', ['村医补助', '乡村医生补助']],
    ['叶酸', ['叶酸']],
  ])('forms of %s', (term, expected) => {
    expect(aliasForms(term, aliases)).toEqual(expected);
  });
  test.each([
    ['门诊次均费用', ['门诊', '次均', '费用']],
    ['乡村医生补助', ['乡村', '医生', '补助']],
  ])('parts of %s', (term, expected) => {
    expect(termParts(term, segment)).toEqual(expected);
  });
  test.each([
    ['乡村医生补助', [['乡村', '医生', '补助'], ['村医', '补助']]],
    ['村医', [['村医']]],
    ['新农合', [['新农合']]],
  ])('partings of %s: its own parts, and an alias inside it kept whole', (term, expected) => {
    expect(partings(term, aliases, segment)).toEqual(expected);
  });
});

describe('judge', () => {
  test.each([
    ['the term as typed', '全县新农合参合率达到95%。', '新农合', 3],
    ['another form of it', '巩固新型农村合作医疗覆盖面。', '新农合', 3],
    ['its words in one sentence', '门诊病人次均费用由51元降到39元。', '门诊次均费用', 2],
    ['its words in different sentences', '门诊人次上涨。群众医疗费用下降。', '门诊次均费用', 0],
    ['its pieces inside other words', '建设乡村医疗设备，省级补助到位。', '村医补助', 0],
    ['every word of a query of several', '隰县实现零差率销售。', '零差率 隰县', 3],
    ['one word of several missing', '实现零差率销售。', '零差率 隰县', 0],
    ['one character matches nothing by itself', '医疗卫生机构', '医生', 0],
  ])('%s', (_name, text, query, tier) => {
    expect(judge(page(text), query, aliases, segment).tier).toBe(tier);
  });

  test('an indicator or practice name after the text does not make a page relevant; its places do', () => {
    expect(judge(page('无关的文字。', '家庭医生签约服务'), '家庭医生', aliases, segment).tier).toBe(0);
    expect(judge(page('我县地处西北部。', '', '隰县 临汾市 山西省'), '临汾', aliases, segment).tier).toBe(1);
  });

  test('the spans are where the text holds what was asked, in order', () => {
    const text = '合疗办负责。全县新农合参合率95%。';
    const { spans, hits } = judge(page(text), '新农合', aliases, segment);
    expect(spans.map(([s, e]) => text.slice(s, e))).toEqual(['合疗', '新农合']);
    expect(hits).toBe(2);
  });
});

describe('excerpt', () => {
  test('around the first span after the title, every span in it marked, never a piece of one', () => {
    const title = '某县医改工作总结';
    const text = `${title} 全县新型农村合作医疗参合率95%，新农合基金运行平稳。`;
    const { spans } = judge(page(text), '新农合', aliases, segment);
    const parts = excerpt(text, spans, 60, title.length);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['新型农村合作医疗', '新农合']);
    expect(parts.map((p) => p.text).join('')).not.toContain(title);
  });

  test('a long text is cut around the match, with … at the cuts', () => {
    const text = `${'甲'.repeat(100)}零差率${'乙'.repeat(100)}`;
    const parts = excerpt(text, [[100, 103]], 40);
    expect(parts[0]?.text).toBe('…');
    expect(parts.at(-1)?.text).toBe('…');
    expect(parts.find((p) => p.mark)?.text).toBe('零差率');
  });

  test('it opens at a clause near the match, never inside a number or with the title\'s colon', () => {
    const text = '某县医改工作总结：上半年拨付资金1374.7万元，其中村卫生室补助经费214万元。';
    const spans: Array<[number, number]> = [[text.indexOf('村卫生室'), text.indexOf('村卫生室') + 4]];
    const shown = excerpt(text, spans, 30, '某县医改工作总结'.length).map((p) => p.text).join('');
    expect(shown.replace(/^…/, '').startsWith('其中村卫生室')).toBe(true);
    expect(excerpt(text, [], 30, '某县医改工作总结'.length)[0]?.text.startsWith('上半年')).toBe(true);
  });

  test('without a span, the opening of the text', () => {
    expect(excerpt('开头的文字', [], 60)).toEqual([{ text: '开头的文字', mark: false }]);
  });
});
