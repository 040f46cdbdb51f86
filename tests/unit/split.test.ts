import { describe, expect, test } from 'vitest';
import { loadLexicon } from '../../src/lib/lexicon.ts';
import { compileStructure } from '../../src/lib/ingest/structure.ts';
import { sourceOf } from '../factories.ts';
import { endsWithDocType, isTitleish, split } from '../../src/lib/ingest/stages/split.ts';
import type { Source } from '../../src/lib/ingest/model.ts';

const structure = compileStructure(loadLexicon().structure);
const suffixes = ['工作总结', '总结', '实施方案', '方案', '工作汇报', '汇报', '工作安排', '工作布置', '分解表'];
const source = (text: string): Source => sourceOf(text, 's.txt');
const body = '我县严格按照省委、市委文件精神推进改革，取得了阶段性成果。'.repeat(8);
const titles = (text: string) => split(source(text), { titleSuffixes: suffixes, structure }).drafts.map((d) => d.titleLines.map((l) => l.text.trim()).join('|'));

describe('isTitleish', () => {
  test.each([
    ['隰县基层医疗卫生体制综合改革', true],
    ['工 作 总 结', true],
    ['（征求意见稿）', true],
    ['柞水县深化医药卫生体制综合改革试点重点任务分解表（2017-2020年）', true],
    ['一、医改工作情况', false],
    ['（二）加强基层医疗卫生队伍建设', false],
    ['建立科学合理的用人机制，推进人事制度改革', false],
    ['二O一一年十月二十九日', false],
    ['2016年医改工作总结', true],
    ['2018年3月15日', false],
    ['2016年', false],
    ['20XX年12月', false],
    ['某县20XX年医改工作总结', true],
    ['\t序号', false],
  ])('%s → %s', (line, expected) => {
    expect(isTitleish(line, structure)).toBe(expected);
  });

  test.each([
    ['***医药卫生体制综合改革工作总结', true],
    ['平顶山市攻坚行动实施方案（征求意见稿）', true],
    ['醫藥衞生體制改善主要工作佈置', true],
    ['二、工作目标', false],
  ])('endsWithDocType(%s) → %s', (text, expected) => {
    expect(endsWithDocType(text, suffixes)).toBe(expected);
  });
});

describe('split', () => {
  test('splits at 第N篇 markers and drops the repeated title under a marker', () => {
    const result = split(source(`第四篇：金安区工作总结\n金安区工作总结\n${body}\n第五篇：藁城市实施方案\n${body}`), { titleSuffixes: suffixes, structure });
    expect(result.drafts.map((d) => [d.marker, d.titleLines[0]?.text])).toEqual([
      ['第四篇', '金安区工作总结'],
      ['第五篇', '藁城市实施方案'],
    ]);
    expect(result.dropped.map((d) => d.reason)).toEqual(['repeated-title']);
  });

  test('splits at a 篇N: marker inside running text, title up to the first space', () => {
    expect(titles(`医改工作总结篇一:医改工作总结 xxx卫生局 ${body} 篇二:医改工作情况汇报 子长县 ${body}`)).toEqual(['医改工作总结', '医改工作情况汇报']);
  });

  test('splits unmarked documents at a new title block after enough body', () => {
    expect(titles(` ***医药卫生体制综合改革\n工作总结\n${body}\n 隰县基层医疗卫生体制综合改革\n工 作 总 结\n${body}\n二O一一年十月二十九日\n 卫生体制综合改革工作总结\n${body}`)).toEqual([
      '***医药卫生体制综合改革|工作总结',
      '隰县基层医疗卫生体制综合改革|工 作 总 结',
      '卫生体制综合改革工作总结',
    ]);
  });

  test('does not split at a title-like line inside a short body, nor at a repeated title', () => {
    expect(titles(`医改主要工作布置\n\n医改主要工作布置\n\n短段落。\n\n医改主要工作布置\n\n${body}`)).toEqual(['医改主要工作布置']);
  });

  test('a title with no body is reported, not kept as a document', () => {
    const result = split(source(`2021医改工作总结\n\n篇一:医改工作总结 ${body}`), { titleSuffixes: suffixes, structure });
    expect(result.drafts).toHaveLength(1);
    expect(result.dropped).toEqual([{ line: 1, text: '2021医改工作总结', stage: 'split', reason: 'title-without-body' }]);
  });
});
