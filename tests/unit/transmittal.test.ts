/** src/lib/ingest/transmittal.ts: what a transmittal notice carries. */
import { describe, expect, test } from 'vitest';
import { loadLexicon } from '../../src/lib/lexicon.ts';
import { namesTransmitted, transmittedTitle, transmittedTitles } from '../../src/lib/ingest/transmittal.ts';

const lexicon = loadLexicon();
const rule = lexicon.structure.transmittal;
const suffixes = lexicon.docTypes.flatMap((t) => t.titleSuffixes);

describe('transmittedTitle', () => {
  test.each([
    ['关于印发《某县医共体建设实施方案》的通知', '某县医共体建设实施方案'],
    ['某县人民政府办公室关于印发某县医共体建设实施方案的通知', '某县医共体建设实施方案'],
    ['关于转发2017年医改工作要点的通知', '2017年医改工作要点'],
    ['闵行区人民政府印发《关于推进健康闵行行动的实施方案》的通知', '关于推进健康闵行行动的实施方案'],
    ['关于加强乡村医生队伍建设的通知', undefined],
    // A call for comments carries its draft, quoted: the words after it are the notice's.
    ['关于公开征求《某市医保市级统筹实施办法（征求意见稿）》意见的公告', '某市医保市级统筹实施办法（征求意见稿）'],
    ['关于向社会公众征求《某市医保实施办法(征求意见稿)》的公告', '某市医保实施办法(征求意见稿)'],
    ['关于征求意见的通知', undefined],
    ['关于征求2024年工作要点意见的通知', undefined],
    ['关于召开医改工作会议的公告', undefined],
    ['《关于印发某方案的通知》解读', undefined],
    // The organs whose document is forwarded stand between the verb and its title.
    ['上海市人民政府办公厅转发市卫生健康委等十四部门《关于加强本市社区健康服务的意见》的通知', '关于加强本市社区健康服务的意见'],
    ['关于转发省卫生健康委《某省医共体建设评判标准》的通知', '某省医共体建设评判标准'],
    ['某县卫生健康局转发文件的通知', undefined],
    // A call for comments that names its draft before the verb.
    ['关于《某市城乡居民基本医疗保险实施办法(征求意见稿)》公开征求意见的公告', '某市城乡居民基本医疗保险实施办法(征求意见稿)'],
    ['关于《某市实施办法》和《某市细则》公开征求意见的公告', undefined],
    ['关于《某市实施办法》执行情况的公告', undefined],
    // 〈 〉 where a site used the inner marks alone.
    ['中共某市委某市人民政府关于印发〈全面推进健康某市建设的实施意见〉的通知', '全面推进健康某市建设的实施意见'],
  ])('%s → %s', (title, carried) => {
    expect(transmittedTitle(title, rule)).toBe(carried);
  });

  test.each([
    ['关于印发《2016年工作总结》和《2017年工作要点》的通知', ['2016年工作总结', '2017年工作要点']],
    ['关于印发2016年某市卫生工作总结和2017年某市卫生工作要点的通知', ['2016年某市卫生工作总结', '2017年某市卫生工作要点']],
    ['关于印发医疗和医保联动改革方案的通知', ['医疗和医保联动改革方案']],
  ])('transmittedTitles(%s)', (title, carried) => {
    expect(transmittedTitles(title, rule, suffixes)).toEqual(carried);
  });

  test.each([
    ['某县医共体建设实施方案', '某县医共体建设实施方案', true],
    ['海南州全面推进医共体建设实施方案', '全面推进医共体建设实施方案', true],
    ['某县医共体建设实施方案（试行）', '某县医共体建设实施方案', true],
    ['某县卫生工作总结', '某县医共体建设实施方案', false],
  ])('namesTransmitted(%s, %s) = %s', (block, carried, expected) => {
    expect(namesTransmitted(block, carried)).toBe(expected);
  });
});
