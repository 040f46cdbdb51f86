import { describe, expect, test } from 'vitest';
import { draftOf } from '../factories.ts';
import { repairSynonyms, spinSignatures } from '../../src/lib/ingest/stages/synonyms.ts';
import { loadLexicon } from '../../src/lib/lexicon.ts';
import type { Draft } from '../../src/lib/ingest/model.ts';

const { repairs: table } = loadLexicon();
const draft = (text: string): Draft => draftOf([text], 'x.txt');

describe('synonym repairs', () => {
  test.each([
    ['a spun text is repaired', '全面实施国家根本药物制度，底层医疗卫生组织全部实行零差率销售，推行家庭大夫签约服务。', '全面实施国家基本药物制度，基层医疗卫生机构全部实行零差率销售，推行家庭医生签约服务。'],
    ['the Traditional seed’s spins', '完善基本医疗安全制度，社会保证局负责集中推销。', '完善基本医疗保险制度，社会保障局负责集中采购。'],
    ['an honest text is left alone, even with words a spinner also uses', '确保医疗质量，保证药品供应，加强卫生组织建设。', '确保医疗质量，保证药品供应，加强卫生组织建设。'],
    ['one signature is not enough', '推行家庭大夫签约服务，保证药品供应。', '推行家庭大夫签约服务，保证药品供应。'],
  ])('%s', (_name, text, expected) => {
    expect(repairSynonyms(draft(text), table).lines[0]?.text).toBe(expected);
  });

  test('signatures never occur in the honest forms of the same terms', () => {
    const honest = '国家基本药物制度 基层医疗卫生机构 新型农村合作医疗 家庭医生 医药卫生体制改革 基本医疗保险 社会保障局 集中采购 传播阻断 传染病医院';
    expect(spinSignatures(honest, table)).toEqual([]);
  });
});
