import { describe, expect, test } from 'vitest';
import { headingDepth, listsAsParagraphs, splitRunTogether } from '../../src/lib/ingest/stages/segment.ts';
import { loadLexicon } from '../../src/lib/lexicon.ts';
import { compileStructure } from '../../src/lib/ingest/structure.ts';
import { parseTable } from '../../src/lib/ingest/tables.ts';

const structure = compileStructure(loadLexicon().structure);

describe('headingDepth', () => {
  test.each([
    ['一、医改工作情况', 2],
    ['（二）加强基层医疗卫生队伍建设', 3],
    ['(一)加快推进基本医疗保障制度建设。', 3],
    ['1、领导重视是根本', 4],
    ['（1）乡镇卫生院建设', 4],
    ['1、领导重视，齐抓共管', null],
    ['一是全民医保基本实现。', null],
    ['（一）成立组织，加强领导。县委、县政府高度重视医改工作，及时成立了领导组。', null],
    ['2024年，我县新农合参合率为98.31％', null],
    ['10.4846万人', null],
  ])('%s → %s', (line, depth) => {
    expect(headingDepth(line, structure)).toBe(depth);
  });
});

describe('splitRunTogether', () => {
  test.each([
    ['现就有关情况报告如下: 一、组织领导 为了切实加强领导,成立了领导小组。', ['现就有关情况报告如下:', '一、组织领导', '为了切实加强领导,成立了领导小组。']],
    ['目前,各乡镇都在进行缴费扫尾工作。 2、积极准备实施药品“三统一”工作', ['目前,各乡镇都在进行缴费扫尾工作。', '2、积极准备实施药品“三统一”工作']],
    ['(一)加强基层医疗卫生机构建设 全区卫生系统共落实建设项目11个', ['(一)加强基层医疗卫生机构建设', '全区卫生系统共落实建设项目11个']],
    ['建设面积19330 平方米,总投资5798.2万元', ['建设面积19330 平方米,总投资5798.2万元']],
  ])('%s', (input, expected) => {
    expect(splitRunTogether(input, structure)).toEqual(expected);
  });
});

describe('parseTable', () => {
  const lines = ['\t序号', '\t重点', '', '任务', '\t内容', '', '\t一', '\t方案', '\t制定方案。', '', '\t序号', '\t重点', '', '任务', '\t内容', '', '\t', '\t县人社局、', '', '县卫计局', '\t末', '', '正文'].map((text, i) => ({
    text, from: i + 1, to: i + 1,
  }));

  test('rebuilds rows, rejoins wrapped cells, drops repeated headers, stops at body text', () => {
    const parsed = parseTable(lines, 0);
    expect(parsed.block.header).toEqual(['序号', '重点任务', '内容']);
    expect(parsed.block.rows).toEqual([
      ['一', '方案', '制定方案。'],
      ['', '县人社局、县卫计局', '末'],
    ]);
    expect(parsed.droppedHeaders).toBe(1);
    expect(parsed.rejoinedCells).toBe(3);
    expect(lines[parsed.end]?.text).toBe('');
    expect(lines[parsed.end + 1]?.text).toBe('正文');
  });
});

describe('listsAsParagraphs', () => {
  const h = (text: string) => ({ type: 'heading' as const, depth: 4 as const, text, from: 1, to: 1 });
  const p = (text: string) => ({ type: 'paragraph' as const, text, from: 1, to: 1 });
  test('three numbered items in a row with nothing between are a list', () => {
    expect(listsAsParagraphs([h('1.建立签约制度'), h('2.完善考核办法'), h('3.强化督查'), p('正文。')]).map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
  });
  test('numbered headings with text under each stay headings', () => {
    expect(listsAsParagraphs([h('1.建立签约制度'), p('正文。'), h('2.完善考核办法'), p('正文。')]).map((b) => b.type)).toEqual(['heading', 'paragraph', 'heading', 'paragraph']);
  });
});
