/** src/lib/ingest/metadata/doctype.ts: the type of a document. */
import { describe, expect, test } from 'vitest';
import { loadLexicon } from '../../src/lib/lexicon.ts';
import { detectDocType } from '../../src/lib/ingest/metadata/doctype.ts';

const lexicon = loadLexicon();

describe('detectDocType', () => {
  test.each([
    ['隰县基层医疗卫生体制综合改革工作总结', '工作总结'],
    ['医改工作情况汇报', '工作汇报'],
    ['藁城市农村医药卫生体制综合改革实施方案', '实施方案'],
    ['平顶山市攻坚行动实施方案（征求意见稿）', '实施方案'],
    ['医药卫生体制改革主要工作安排', '工作安排'],
    ['柞水县深化医药卫生体制综合改革试点重点任务分解表（2017-2020年）', '任务分解'],
    ['关于医改的几点思考', '其他'],
    ['某县人民政府办公室关于印发《某县2016年深化医药卫生体制改革实施方案》的通知', '实施方案'],
    ['关于转发2017年医改工作要点的通知', '工作安排'],
    ['关于加强乡村医生队伍建设的通知', '其他'],
    ['关于2016年医改工作情况的报告', '工作汇报'],
    ['某县推进分级诊疗制度建设经验材料', '工作汇报'],
    ['在全县深化医药卫生体制改革工作会议上的讲话', '其他'],
  ])('%s → %s', (title, type) => {
    expect(detectDocType(title, lexicon.docTypes, lexicon.structure)).toBe(type);
  });
});
