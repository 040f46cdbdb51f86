import { describe, expect, test } from 'vitest';
import { datelineHead, withoutCityTag } from '../../src/lib/ingest/stages/metadata.ts';
import { analyseSource } from '../../src/lib/ingest/pipeline.ts';
import { loadLexicon } from '../../src/lib/lexicon.ts';

describe('datelineHead: the dateline a news report opens with, read for its place', () => {
  test.each([
    // Short: whole.
    ['本报讯（记者 张三）近日，某县召开会议。', '本报讯（记者 张三）近日，某县召开会议。'],
    // Cut where a clause ends, never inside a word (提高县|域 holds no 高县).
    ['年,河南省高质量推进紧密型县域医共体建设,提高县域医疗卫生服务能力和供给效率', '年,河南省高质量推进紧密型县域医共体建设,'],
    // No clause end in reach: the first characters.
    ['华亭市副市长莫雅君及市直相关部门负责人在华亭分会场收听收看会议实况和全省卫生健康工作', '华亭市副市长莫雅君及市直相关部门负责人在华亭分会场收听收看会'],
  ])('%s → %s', (text, head) => {
    expect(datelineHead(text)).toBe(head);
  });
});

describe("withoutCityTag: a portal's city tag before a headline about one of its counties", () => {
  const lexicon = loadLexicon();
  test.each([
    ['长治市:襄垣县被确定为全省县域医疗卫生一体化改革示范县', '襄垣县被确定为全省县域医疗卫生一体化改革示范县'],
    ['长治市：召开全市卫生健康工作会议', '长治市：召开全市卫生健康工作会议'],
    ['长治市：隰县被确定为示范县', '长治市：隰县被确定为示范县'],
    ['旌阳：建成69个标准化卫生室', '旌阳：建成69个标准化卫生室'],
  ])('%s → %s', (title, expected) => {
    expect(withoutCityTag(title, lexicon)).toBe(expected);
  });
});

describe('describeDocument: real documents as they come (whole pipeline over a file)', () => {
  const lexicon = loadLexicon();
  const plan = '为加快推进全县卫生健康事业高质量发展，不断提高城乡居民健康水平，满足群众日益增长的健康服务需求，结合实际，制定本办法。'.repeat(3);
  const read = (text: string) => analyseSource('a.txt', Buffer.from(text), { lexicon }).documents.map((d) => d.data);

  test('a 发文字号 in brackets under the title is the number, not the title; a date in Chinese numerals with Latin O dates the notice', () => {
    const [doc, ...rest] = read(`某州人民政府关于印发某州城镇居民基本医疗保险暂行办法的通知\n（某政发〔2009〕20号）\n各县人民政府：\n《某州城镇居民基本医疗保险暂行办法》经州人民政府常务会讨论通过，现印发给你们，请认真贯彻执行。\n二OO九年三月四日\n某州城镇居民基本医疗保险暂行办法\n第一条 ${plan}`);
    expect(rest).toEqual([]);
    expect(doc).toMatchObject({ title: '某州城镇居民基本医疗保险暂行办法', docNumber: '某政发〔2009〕20号', year: 2009, docType: '实施方案' });
  });

  test('a notice whose attachment follows its signature without a title of its own: one document, the attachment’s title and type', () => {
    const [doc, ...rest] = read(`某县人民政府办公室关于印发某县卫生健康事业发展“十四五”规划的通知\n各乡镇人民政府：\n《某县卫生健康事业发展“十四五”规划》已经县政府同意，现印发给你们，请认真贯彻执行。\n某县人民政府办公室\n2022年4月28日\n${plan}`);
    expect(rest).toEqual([]);
    expect(doc).toMatchObject({ title: '某县卫生健康事业发展“十四五”规划', docType: '规划', issuer: '某县人民政府办公室' });
    // The notice alone is a notice.
    expect(read('某县人民政府办公室关于印发某县卫生健康事业发展规划的通知\n各乡镇人民政府：\n《某县卫生健康事业发展规划》已经县政府同意，现印发给你们，请认真贯彻执行。\n某县人民政府办公室\n2022年4月28日\n')[0]?.docType).toBe('通知');
  });

  test.each([
    // A notice's title, its number, then the document itself, which calls itself 本实施意见: that document.
    ['某市委某市人民政府关于印发〈全面推进健康某市建设的实施意见〉的通知\n某党发〔2017〕23号\n健康是促进人的全面发展的必然要求，为全面推进健康某市建设，特制订本实施意见。\n一、总体要求', '全面推进健康某市建设的实施意见', '意见'],
    ['关于印发《某县医共体建设实施方案》的通知\n为推进医共体建设，制定本方案。\n一、工作目标', '某县医共体建设实施方案', '实施方案'],
    // A short notice that names no document of itself stays the notice.
    ['关于印发《某县医共体建设实施方案》的通知\n各乡镇：现将方案印发给你们，请认真贯彻执行。', '关于印发《某县医共体建设实施方案》的通知', '通知'],
  ])('a transmittal title over the document it carries, without the notice’s text: %s', (text, title, docType) => {
    expect(read(text)[0]).toMatchObject({ title, docType });
  });

  test('a call for comments with its draft, its title repeated under a cut-off breadcrumb: one document, the draft it carries', () => {
    const title = '关于向社会公众征求《某市城镇职工基本医疗保险市级统筹实施办法(征求意见稿)》的公告';
    const docs = read(`首页\n>政民互动>民意征集\n${title}\n${title}\n信息来源: 某市医疗保障局 发布日期: 2022-04-01 16:05\n${plan.repeat(4)}`);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ title: '某市城镇职工基本医疗保险市级统筹实施办法(征求意见稿)', docType: '实施方案' });
  });

  test("an answer to deputies' suggestions is 其他, though it speaks of a 建议; its addressees are no title", () => {
    const [doc] = read(`王某、李某代表：\n你们提出的《关于新建镇卫生院医技综合楼的建议》收悉，现将有关情况答复如下：\n${plan}`);
    expect(doc?.docType).toBe('其他');
    expect(doc?.title).not.toMatch(/代表[：:]$/u);
  });

  test('untitled text takes its first words for a title, with the parenthetical that follows them', () => {
    const row = '项目名称 国家基本公共卫生服务 主管部门 某县卫生健康局 年初预算数 207.45 全年执行数 207.45 分值 10 执行率 100%';
    expect(read(`某县项目支出绩效自评表 (2021年度) ${row}`)[0]).toMatchObject({ title: '某县项目支出绩效自评表(2021年度)', year: 2021 });
    expect(read(`某县项目支出绩效自评表 ${row}`)[0]?.title).toBe('某县项目支出绩效自评表');
  });

  test("a news report no organ issued has its 来源 for issuer, unless the 来源 is a site's word for itself", () => {
    const news = (source: string) => read(`某县召开医共体建设推进会\n来源：${source}  发布时间：2018-03-05\n3月5日，某县召开医共体建设推进会，${plan}`)[0];
    expect(news('汉中日报')).toMatchObject({ docType: '新闻报道', issuer: '汉中日报' });
    expect(news('本站')?.issuer).toBeNull();
  });

  test('a signature before the attachment that follows it (GB/T 9704) dates the document and names its issuer; a text with no 附件 mark is not read so far back', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `评价项目${i + 1} | 满意 | 基本满意 |`).join('\n');
    const signed = `王某委员：\n您提出的《关于解决县中医医院编制的提案》收悉，现答复如下。\n${plan}\n附件：某县政协提案办理情况征询意见表\n某县卫生健康局\n2018年5月2日\n`;
    expect(read(`${signed}附件：\n某县政协提案办理情况征询意见表\n${rows}`)[0]).toMatchObject({ year: 2018, issuer: '某县卫生健康局' });
    expect(read(`${signed}${rows}`)[0]?.issuer).toBeNull();
  });

  test('the organ that opens an address or an answer is its issuer; the signature’s full name before the title’s short one', () => {
    expect(read(`某市卫生健康委员会2026年新年贺词\n${plan}`)[0]).toMatchObject({ docType: '讲话', issuer: '某市卫生健康委员会' });
    expect(read(`某街道办事处 对县第十七届人大第三次会议第25号建议的答复\n${plan}`)[0]?.issuer).toBe('某街道办事处');
    const notice = read(`某市卫生健康委关于印发2023年全市卫生健康工作要点的通知\n各区县卫生健康局：\n现将《2023年全市卫生健康工作要点》下发给你们，请认真贯彻执行。\n某市卫生健康委员会\n2023年4月26日\n2023年全市卫生健康工作要点\n${plan}`)[0];
    expect(notice?.issuer).toBe('某市卫生健康委员会');
  });

  test("a labelled publication date outranks a bare date with its weekday, which may be the site's clock", () => {
    const news = `2025年5月31日 星期六\n某县考察团到我县考察医共体建设工作\n来源:本站     时间:2021-11-08     点击数:9282\n11月5日，某县考察团一行到我县考察紧密型县域医共体建设工作。${plan}`;
    expect(read(news)[0]).toMatchObject({ published: '2021-11-08', year: 2021 });
    // Alone, a paper's issue date with its weekday dates the page.
    expect(read(`第06版:某县新闻\n2012年2月22日 星期三\n某县2012年卫生工作目标敲定\n本报讯 2月13日，某县召开全县卫生工作会议。${plan}`)[0]).toMatchObject({ published: '2012-02-22' });
  });
});
