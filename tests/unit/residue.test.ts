/** Tests of the residue stage (src/lib/ingest/stages/residue.ts): lost list numbers and spaces inside words. */
import { describe, expect, test } from 'vitest';
import { cleanResidue, insideWord, residueRules } from '../../src/lib/ingest/stages/residue.ts';
import { loadLexicon } from '../../src/lib/lexicon.ts';

const rules = residueRules(loadLexicon());

describe('cleanResidue', () => {
  test.each([
    ['a number glued after 负责)', '确保供应及时。市卫生局负责)1对实施基本药物制度的机构', '确保供应及时。市卫生局负责)对实施基本药物制度的机构', ['numbering']],
    ['after a comma', '多渠道筹集资金,1职工基本医疗保险参保人数达到270万人。', '多渠道筹集资金,职工基本医疗保险参保人数达到270万人。', ['numbering']],
    ['two digits', '完善分配制度,12建立健全考核机制。', '完善分配制度,建立健全考核机制。', ['numbering']],
    ['before a counter it is a number', '全县共有卫生院，3个月内完成，5年后达标。', '全县共有卫生院，3个月内完成，5年后达标。', []],
    ['before a unit too', '资金到位，1048万元用于建设，8000元补助村医。', '资金到位，1048万元用于建设，8000元补助村医。', []],
    ['a figure with a decimal point stays', '报销比例，1.5倍于上年。', '报销比例，1.5倍于上年。', []],
    ['a list marker that is there stays', '主要做法：1、高度重视。2、强化领导。', '主要做法：1、高度重视。2、强化领导。', []],
    ['a space inside a word, in prose', '县财政每年为公立医 院安排130万元的专项资金。', '县财政每年为公立医院安排130万元的专项资金。', ['space']],
    ['a space between words stays', 'xxx卫生局 年医改工作总结报告，各位领导。', 'xxx卫生局 年医改工作总结报告，各位领导。', []],
    ['a byline of names keeps its spaces', '中共子长县委 子长县人民政府', '中共子长县委 子长县人民政府', []],
    ['a space before a number stays', '提高到每人每年 200元，开展门诊统筹。', '提高到每人每年 200元，开展门诊统筹。', []],
  ])('%s', (_name, input, expected, kinds) => {
    const { text, changes } = cleanResidue(input, rules);
    expect(text).toBe(expected);
    expect(changes.map((c) => c.kind)).toEqual(kinds);
    // What is recorded reads as the text before and after, around the change.
    for (const c of changes) {
      expect(input).toContain(c.from);
      expect(text).toContain(c.to);
    }
  });
});

describe('insideWord', () => {
  test.each([
    ['公立医院安排', 3, true],
    ['卫生局年医改', 3, false],
    ['两部分。', 2, true],
  ])('%s at %i', (text, at, expected) => {
    expect(insideWord(text, at)).toBe(expected);
  });
});
