/** src/lib/ingest/frame.ts and the frame stage: 公文 and portal metadata lines read as record fields. */
import { describe, expect, test } from 'vitest';
import { loadLexicon } from '../../src/lib/lexicon.ts';
import { compileFrame, readFrameLine } from '../../src/lib/ingest/frame.ts';
import { readFrame } from '../../src/lib/ingest/stages/frame.ts';
import { sourceOf } from '../factories.ts';

const lexicon = loadLexicon();
const frame = compileFrame(lexicon.gongwen);
const fields = (line: string) => readFrameLine(line, 1, frame)?.map((f) => [f.field, f.value]) ?? null;

describe('readFrameLine: labelled fields of portal catalogues and bylines', () => {
  test.each([
    ['索引号: | 3070211020000013000000/2024092600000171 | 发布机构: | |', [['indexNo', '3070211020000013000000/2024092600000171'], ['issuer', '']]],
    ['索 引 号: | WA0310004-2021-002 | 主题分类: | 区府办文件 |', [['indexNo', 'WA0310004-2021-002'], ['category', '区府办文件']]],
    ['文 号: | 嘉府发〔2021〕34号 | 公开类型: | 主动公开 |', [['docNumber', '嘉府发〔2021〕34号'], ['disclosure', '主动公开']]],
    ['发布机构: | 区政府 | 体裁: | 通知 |', [['issuer', '区政府'], ['other', '通知']]],
    ['索引号: 015116516-202101-487917 主题分类: 其他文件', [['indexNo', '015116516-202101-487917'], ['category', '其他文件']]],
    ['发布机构: 昆明市西山区政府 发布日期: 2021-01-15 15:49', [['issuer', '昆明市西山区政府'], ['published', '2021-01-15 15:49']]],
    ['索引号\t11410000\t主题分类\t卫生', [['indexNo', '11410000'], ['category', '卫生']]],
    ['来源:本站     时间:2021-11-08     点击数:9282', [['source', '本站'], ['published', '2021-11-08'], ['views', '9282']]],
    ['成文日期：2019年03月05日', [['issued', '2019年03月05日']]],
    ['广西新闻|来源:广西日报2022-04-15 09:59:31|网络编辑:刘婷', [['other', '广西新闻'], ['source', '广西日报2022-04-15 09:59:31'], ['editor', '刘婷']]],
    ['作者:尤溪融媒', [['author', '尤溪融媒']]],
    ['发布者:某某', [['author', '某某']]],
    // A bare date and time opening a byline row is the page's date; 丨 sets cells apart; the 三审 credits.
    ['2025-03-05 16:13:18          来源:攸县融媒体中心 | 编辑:向佳 | 作者:陈伟源          浏览量:4984', [['published', '2025-03-05 16:13:18'], ['source', '攸县融媒体中心'], ['editor', '向佳'], ['author', '陈伟源'], ['views', '4984']]],
    ['一审:刘洁琼丨二审:蔡晓雅丨三审:刘峰', [['editor', '刘洁琼'], ['editor', '蔡晓雅'], ['editor', '刘峰']]],
    ['监制:吴辉兵', [['editor', '吴辉兵']]],
    ['名 称: 昆明市西山区人民政府关于印发《关于推进健康西山行动的实施方案》的通知', [['title', '昆明市西山区人民政府关于印发《关于推进健康西山行动的实施方案》的通知']]],
    // A catalogue row whose first label stands before its value with a space only.
    ['文件名称 某市人民政府关于命名卫生镇的通报 公开目录: 市政府文件', [['title', '某市人民政府关于命名卫生镇的通报'], ['category', '市政府文件']]],
    ['公开责任部门 市政府办公室 成文日期: 2018年04月02日', [['issuer', '市政府办公室'], ['issued', '2018年04月02日']]],
    // The outlet's name before the row's one labelled field.
    ['川南在线 发布时间:2023-02-18', [['other', '川南在线'], ['published', '2023-02-18']]],
  ])('%s', (line, expected) => {
    expect(fields(line)).toEqual(expected);
  });
});

describe('readFrameLine: the labelless elements of a 公文 (GB/T 9704-2012)', () => {
  test.each([
    ['中共临潭县委办公室文件', 'masthead', '中共临潭县委办公室'],
    ['临政办发〔2019〕12号', 'docNumber', '临政办发〔2019〕12号'],
    ['赣市府办字〔2015118', 'docNumber', '赣市府办字〔2015118'],
    ['某政发〔2019〕1号  签发人：张三', 'docNumber', '某政发〔2019〕1号'],
    ['某县人民政府办公室  2019年3月5日印发', 'printed', '某县人民政府办公室  2019年3月5日印发'],
    ['（此件公开发布）', 'disclosure', '此件公开发布'],
    ['(信息公开形式:主动公开)', 'disclosure', '信息公开形式:主动公开'],
    ['(是否公开及公开方式:公开 政府网站公开)', 'disclosure', '是否公开及公开方式:公开 政府网站公开'],
    ['附件2', 'attachmentMark', '附件2'],
    ['各乡镇人民政府，县直各部门：', 'addressee', '各乡镇人民政府，县直各部门'],
    ['县人民政府：', 'addressee', '县人民政府'],
    // A joint notice's addressees, cut off before their colon.
    ['各辖市区卫生健康局、发展改革局、教育局、工信局、民政局、财政局、退役军人事务', 'addressee', '各辖市区卫生健康局、发展改革局、教育局、工信局、民政局、财政局、退役军人事务'],
    ['2020-02-26 来源: 办公室', 'published', '2020-02-26'],
    ['自贡日报 2018-01-08 09:05 大字', 'published', '自贡日报 2018-01-08 09:05'],
    ['2021年01月15日 10:20  来源：某某新闻网', 'published', '2021年01月15日 10:20'],
    ['2021年01月15日 10:20', 'published', '2021年01月15日 10:20'],
    ['2026年02月04日 11时39分', 'published', '2026年02月04日 11时39分'],
    ['TUhjnbcbe - 2024/7/6 17:29:00', 'published', '2024/7/6'],
    ['2024-05-23 10:18:39 - 保定发布', 'published', '2024-05-23 10:18:39'],
    ['0916u.com于 2018/12/11 22:30:15 发布', 'published', '2018/12/11'],
    ['2025 05/19 18:03:42', 'published', '2025 05/19'],
    ['巴南区人民政府网2018-04-06 12:13', 'published', '巴南区人民政府网2018-04-06 12:13'],
    ['2012年2月22日 星期三', 'published', '2012年2月22日'],
    ['2012年2月22日 星期', 'published', '2012年2月22日'],
    ['08.08.2015  10:38', 'published', '08.08.2015'],
    ['——2024年11月21日在朝阳区第十七届人民代表大会常务委员会第二十六次会议上', 'delivered', '2024年11月21日'],
  ])('%s → %s', (line, field, value) => {
    expect(readFrameLine(line, 1, frame)).toEqual([expect.objectContaining({ field, value })]);
  });

  // The neighbours: text that looks like frame but is not.
  test.each([
    ['时间：2019年3月至6月'],
    ['主要做法：'],
    ['各项工作：'],
    ['一、总体要求'],
    ['2019年3月5日'],
    ['发布机构改革后，县卫生健康局统一负责医共体建设，全县15个乡镇卫生院全部纳入管理，实现人财物统一。'],
    ['根据《关于印发某县实施方案的通知》（某政发〔2019〕12号）精神，结合实际，制定本方案。'],
    ['来源于群众的意见建议，我们逐条梳理，形成整改清单，并于年底前全部整改到位。'],
    ['县人民医院 - 2024年工作要点'],
    ['各乡镇卫生院、村卫生室要按要求落实'],
    ['学习贯彻2026年四川省卫生健康工作会议精神丨广元:六个着力,绘就健康新篇'],
    ['2025-03-05 县医共体总院揭牌 各分院同步运行'],
    ['2021-2025年 - 规划期'],
    ['文件名称要规范，内容要真实。'],
    ['全县共有 时间：2019年3月至6月'],
    ['按照1.5.2015标准执行'],
    ['（政务公开工作：全年公开信息120条）'],
    ['（公开招聘）'],
  ])('keeps text: %s', (line) => {
    expect(readFrameLine(line, 1, frame)).toBeNull();
  });
});

describe('the frame stage', () => {
  test('moves frame lines to the record, a label alone takes the next line as its value, text stays', () => {
    const out = readFrame(sourceOf(['索引号：', '11410000-2019-001', '某县医共体建设实施方案', '临政办发〔2019〕12号', '为推进医共体建设，制定本方案。']), frame);
    expect(out.lines.map((l) => l.text)).toEqual(['某县医共体建设实施方案', '为推进医共体建设，制定本方案。']);
    expect(out.record.map((f) => [f.field, f.value, f.line])).toEqual([
      ['indexNo', '11410000-2019-001', 1],
      ['docNumber', '临政办发〔2019〕12号', 4],
    ]);
    expect(out.dropped.map((d) => [d.line, d.stage])).toEqual([[1, 'frame'], [2, 'frame'], [4, 'frame']]);
  });

  test('a catalogue whose labels the page lost: bulleted values read by their form, the first of two dates the 成文日期', () => {
    const out = readFrame(sourceOf(['• 755156513/2018-00179', '  • 某市人民政府', '  • 通知', '  • 2018-03-13', '  • 2018-03-14', '  • 某政〔2018〕5号', '某市人民政府关于印发某市区域卫生规划的通知']), frame);
    expect(out.record.map((f) => [f.field, f.value])).toEqual([
      ['indexNo', '755156513/2018-00179'],
      ['issuer', '某市人民政府'],
      ['other', '通知'],
      ['issued', '2018-03-13'],
      ['published', '2018-03-14'],
      ['docNumber', '某政〔2018〕5号'],
    ]);
    expect(out.lines.map((l) => l.text)).toEqual(['某市人民政府关于印发某市区域卫生规划的通知']);
    // A bulleted list of the text's own points is no catalogue.
    const list = ['• 完善县域医共体', '• 推进家庭医生签约', '• 加强基层队伍建设', '一是完善制度。'];
    expect(readFrame(sourceOf(list), frame).lines.map((l) => l.text)).toEqual(list);
  });

  test('a catalogue whose labels stand in square brackets: each opens a field', () => {
    const row = readFrameLine('[ 索引号 ]11500234008646033P/2022-01750 [ 发文字号 ]开州府办发〔2022〕33号 [ 发布机构 ]开州区政府办公室 [ 有效性 ]', 1, frame);
    expect(row?.map((f) => [f.field, f.value])).toEqual([['indexNo', '11500234008646033P/2022-01750'], ['docNumber', '开州府办发〔2022〕33号'], ['issuer', '开州区政府办公室'], ['validity', '']]);
    // Brackets around other words are the text's.
    expect(readFrameLine('[ 图片 ]某县召开医共体建设推进会，县委书记出席会议并讲话。', 1, frame)).toBeNull();
  });

  test("a catalogue written as a Markdown table: its delimiter row is the catalogue's, and a row's empty cell takes no value from the next line", () => {
    const out = readFrame(sourceOf(['索 引 号 | 2023032816053418 | 文 号 | |', '---|---|---|---|', '发布机构 | 唐河县卫生健康委员会', '唐河县召开卫生健康工作会议']), frame);
    expect(out.lines.map((l) => l.text)).toEqual(['唐河县召开卫生健康工作会议']);
    expect(out.record.map((f) => [f.field, f.value])).toEqual([['indexNo', '2023032816053418'], ['issuer', '唐河县卫生健康委员会']]);
    expect(out.dropped.map((d) => d.reason)).toEqual(['indexNo,docNumber', 'delimiter', 'issuer']);
    // A delimiter row elsewhere is the text's (a table the page kept).
    expect(readFrame(sourceOf(['全县医共体建设进展如下。', '---|---|---']), frame).lines).toHaveLength(2);
  });

  test('a date alone before any sentence is the page date; after the text, it is a signature and stays', () => {
    const out = readFrame(sourceOf(['某县召开医共体推进会', '2019年3月5日', '会议要求，全面推进医共体建设。', '某县卫生健康局', '2019年3月6日']), frame);
    expect(out.record).toEqual([expect.objectContaining({ field: 'published', line: 2 })]);
    expect(out.lines.map((l) => l.text)).toContain('2019年3月6日');
  });

  test("a 标题： line names the page's document above its text; below the text it is a line of it", () => {
    const out = readFrame(sourceOf(['标题：某县医共体建设实施方案', '为推进医共体建设，制定本方案。', '标题: 这是冒号 # 不是注释']), frame);
    expect(out.record.map((f) => [f.field, f.line])).toEqual([['title', 1]]);
    expect(out.lines.map((l) => l.text)).toContain('标题: 这是冒号 # 不是注释');
  });

  test('an organ above the 发文字号 is the masthead; above a 关于 title it is the title\'s first line', () => {
    const masthead = readFrame(sourceOf(['某县人民政府办公室', '某政办发〔2019〕3号', '关于印发某方案的通知']), frame);
    expect(masthead.record.map((f) => f.field)).toEqual(['masthead', 'docNumber']);
    const title = readFrame(sourceOf(['某县人民政府办公室', '关于印发某方案的通知']), frame);
    expect(title.record).toEqual([]);
  });
});
