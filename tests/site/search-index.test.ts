/**
 * src/lib/site/search-index.ts (the search metadata pages carry for the
 * Pagefind indexer) and src/lib/search/characters.ts.
 */
import { describe, expect, test } from 'vitest';
import { pageKind, searchTerms, summaryAfterTitle, summaryStub, DOCUMENT_KIND } from '../../src/lib/site/search-index.ts';
import { hanCharacters } from '../../src/lib/search/characters.ts';
import type { SiteData } from '../../src/lib/site/data.ts';
import type { DocumentFrontmatter } from '../../src/schema/document.ts';

describe('pageKind', () => {
  test.each([
    ['documents/xixian-2011-summary/', DOCUMENT_KIND],
    ['documents/', '页面'],
    ['documents/xixian-2011-summary/source/', '页面'],
    ['regions/xixian/', '地区'],
    ['regions/', '地区'],
    ['indicators/ncms-enrollment-rate/', '指标'],
    ['practices/zero-markup-essential-drugs/', '做法'],
    ['compare/xixian-vs-zichangxian/', '对比'],
    ['topics/public-health/', '主题'],
    ['glossary/', '术语'],
    ['timeline/', '时间线'],
    ['', '页面'],
    ['about/', '页面'],
  ])('%j is %s', (path, kind) => {
    expect(pageKind(path)).toBe(kind);
  });
});

describe('summaryAfterTitle', () => {
  test.each([
    ['隰县', '山西省隰县的医改文件、目标与成效、改革做法。', '山西省隰县的医改文件、目标与成效、改革做法。'],
    ['隰县 与 子长县', '隰县 与 子长县：共同指标的数值与改革做法对照，附原文出处。', '共同指标的数值与改革做法对照，附原文出处。'],
    ['门诊次均费用', undefined, ''],
  ])('%s', (title, description, expected) => {
    expect(summaryAfterTitle(title, description)).toBe(expected);
  });
});

const lexicon: SiteData['lexicon'] = {
  indicators: [{ id: 'ncms-enrollment-rate', label: '新农合参合率', topic: 't', unit: '%', patterns: ['参合率'] }],
  practices: [{ id: 'zero-markup', label: '基本药物零差率销售', topic: 't', patterns: ['零差率'] }],
  topics: [],
  glossary: [{ id: 'ncms', term: '新农合', aliases: ['新型农村合作医疗', '合疗'], definition: '' }],
} as unknown as SiteData['lexicon'];

const data = (region: DocumentFrontmatter['region']): DocumentFrontmatter =>
  ({ title: 't', region, targets: [], practices: [] }) as unknown as DocumentFrontmatter;
const jinan = { name: '金安区', prefecture: '六安市', province: '安徽省', level: 'district', slug: 'jinanqu' } as DocumentFrontmatter['region'];

describe('searchTerms', () => {
  test.each([
    ['the short lexicon words a text has, as words of their own (the search page expands a query to every form itself)', '全县新农合参合率达到95%', null, ['新农合', '参合率'], []],
    ['a word inside a longer one is found (县合疗办)', '县合疗办负责', null, ['合疗'], []],
    ['short lexicon words the text has are repeated, long ones not', '实行基本药物零差率销售', null, ['零差率'], []],
    ['the region with its prefecture and province, and its name without the suffix', '无关的文字', jinan, [], ['金安区', '金安', '六安市', '安徽省']],
    ['nothing to add', '无关的文字', null, [], []],
  ])('%s', (_name, text, region, words, places) => {
    const terms = searchTerms(data(region), text, lexicon);
    expect(terms.words.sort()).toEqual([...words].sort());
    expect(terms.places).toEqual(places);
  });
});

describe('hanCharacters', () => {
  test.each([
    ['distinct, sorted', ['医改医保', '改革'], ['保', '医', '改', '革'].sort()],
    ['no Latin, digits, punctuation or kana', ['医改2020年，ABC。かな'], ['医', '年', '改'].sort()],
    ['characters outside the BMP count once', ['𠀀医𠀀'], ['医', '𠀀'].sort()],
    ['nothing', [], []],
  ])('%s', (_name, texts, expected) => {
    expect(hanCharacters(texts)).toEqual(expected);
  });
  test('the same as a regular expression over the joined text', () => {
    const texts = ['深化医药卫生体制改革，醫療衞生，𪚥', '新农合参合率达到95%'];
    expect(hanCharacters(texts)).toEqual([...new Set(texts.join('').match(/\p{Script=Han}/gu) ?? [])].sort());
  });
});

describe('summaryStub', () => {
  const page = (main: string) => `<html><body><nav>菜单</nav><main id="main" data-pagefind-filter="kind:地区">${main}</main></body></html>`;
  test.each([
    [
      'a summary page: its line, kind and address',
      page('<p hidden data-pagefind-body><span data-pagefind-meta="title">隰县</span>：山西省隰县的医改文件。</p><h1>隰县</h1><table><tr><td>很多数字</td></tr></table>'),
      'regions/xixian/index.html',
      '<main data-pagefind-body data-pagefind-filter="kind:地区" data-pagefind-meta="href:regions/xixian/"><p><span data-pagefind-meta="title">隰县</span>：山西省隰县的医改文件。</p></main>',
    ],
    ['a page the index leaves out', page('<h1>原文</h1>'), 'documents/x/source/index.html', undefined],
  ])('%s', (_name, html, path, expected) => {
    const stub = summaryStub(html, path);
    if (expected === undefined) expect(stub).toBeUndefined();
    else {
      expect(stub).toContain(expected);
      expect(stub).not.toContain('很多数字');
    }
  });
});
