/** src/lib/ingest/metadata/doctype.ts: the type of a document, from its title and, failing that, its form. */
import { describe, expect, test } from 'vitest';
import { loadLexicon } from '../../src/lib/lexicon.ts';
import { detectDocType, withoutTitleNoise } from '../../src/lib/ingest/metadata/doctype.ts';

const lexicon = loadLexicon();
const typeOf = (title: string, opening: string[] = [], newsFields = false) => detectDocType({ title, opening, newsFields }, lexicon);

describe('detectDocType: the title', () => {
  test.each([
    ['隰县基层医疗卫生体制综合改革工作总结', '工作总结'],
    ['医改工作情况汇报', '工作汇报'],
    ['关于2016年医改工作情况的报告', '工作汇报'],
    ['某县卫生健康局2019年工作报告', '工作汇报'],
    ['藁城市农村医药卫生体制综合改革实施方案', '实施方案'],
    ['平顶山市攻坚行动实施方案（征求意见稿）', '实施方案'],
    ['某县乡村医生管理办法', '实施方案'],
    ['扬中市“十四五”卫生健康发展规划', '规划'],
    ['医药卫生体制改革主要工作安排', '工作安排'],
    ['柞水县深化医药卫生体制综合改革试点重点任务分解表（2017-2020年）', '任务分解'],
    ['关于医改的几点思考', '评论研究'],
    ['药品集中采购政策改革试点效果评析——以福建省三明市为例', '评论研究'],
    ['某县紧密型医共体建设调研报告', '评论研究'],
    ['某县人民政府办公室关于印发《某县2016年深化医药卫生体制改革实施方案》的通知', '实施方案'],
    ['闵行区人民政府印发《关于推进健康闵行行动的实施方案》的通知', '实施方案'],
    ['关于转发2017年医改工作要点的通知', '工作安排'],
    ['关于加强乡村医生队伍建设的通知', '通知'],
    ['石家庄市人民政府关于2017年度深化医药卫生体制改革考核结果的通报', '通知'],
    ['关于进一步深化医药卫生体制改革的意见', '意见'],
    // An 实施意见 is an 意见 (《党政机关公文处理工作条例》), as a 实施细则 is a 实施方案's kind.
    ['榆阳区人民政府关于推进健康榆阳行动的实施意见', '意见'],
    ['某县医共体建设实施细则', '实施方案'],
    ['某县推进分级诊疗制度建设经验材料', '工作汇报'],
    ['在全县深化医药卫生体制改革工作会议上的讲话', '讲话'],
    ['医改工作总结范文', '工作总结'],
    ['关于某事的决定', '其他'],
  ])('%s → %s', (title, type) => {
    expect(typeOf(title).type).toBe(type);
  });

  test('each decision says why', () => {
    expect(typeOf('某县医改工作总结').evidence).toEqual([{ kind: 'titleSuffix', suffix: '工作总结' }]);
    expect(typeOf('关于印发《某县医共体建设实施方案》的通知').evidence).toEqual([{ kind: 'transmitted', title: '某县医共体建设实施方案', suffix: '实施方案' }]);
    expect(typeOf('一个标题').evidence).toEqual([{ kind: 'none' }]);
  });
});

describe('detectDocType: the form of the text', () => {
  test.each([
    ['a dateline', '某县医共体建设见成效', ['本报讯（记者 张三）近日，某县……'], false, '新闻报道'],
    ['a regional portal\'s dateline', '某县新建村卫生室', ['本港讯 (特约记者 张三)从今年9月份开始，某县将投资609万元……'], false, '新闻报道'],
    ['a news agency dateline', '医共体让群众就近看病', ['新华网西宁3月5日电 记者从某县获悉……'], false, '新闻报道'],
    ['a lede of two days', '', ['9月4日和5日，县卫健局负责人先后到6家乡镇卫生院举行医共体分院揭牌仪式。'], false, '新闻报道'],
    ['two days in a plan\'s schedule are no lede', '', ['各乡镇须于9月4日和5日前完成摸底，逐级上报。'], false, '其他'],
    ['a headline verb', '宜川县组织召开全县2021年卫生健康工作会议', [], false, '新闻报道'],
    ['a headline verb over a type word', '延吉市卫生健康局谋划2023年重点工作', [], false, '新闻报道'],
    ['a visit', '市领导走进基层卫生院慰问一线医务人员', [], false, '新闻报道'],
    ['a research visit, the headline ending in its verb', '某县卫生健康局局长到孙寺镇卫生院进行调研', [], false, '新闻报道'],
    ['a research title that holds the verb is research', '关于开展调研的几点思考', [], false, '评论研究'],
    ['a paper\'s own dateline', '', ['家庭与生活报讯 近年来，某县着力优化医疗资源布局。'], false, '新闻报道'],
    ['a byline of the page', '医联体扩容，新添3家成员单位', ['医联体扩容与结构……'], true, '新闻报道'],
    ['an address to the audience', '某县长在全县大会上', ['同志们：', '今天我们召开……'], false, '讲话'],
    ['a speaker greeting the meeting', '中蒙医医院发展机遇与挑战', ['我来自某旗。在此我代表我旗中、蒙医药人员向大会的隆重召开表示衷心祝贺。'], false, '讲话'],
    ['an abstract', '分级诊疗的县域实践', ['摘要：本文……'], false, '评论研究'],
    ['affiliations with postcodes', '张三,李四', ['(1.湖北大学 政法与公共管理学院,湖北 武汉 430062)'], false, '评论研究'],
    ['a review of the past year', '某县卫生健康工作', ['一年来，我县医改取得了明显成效，主要做法如下，回顾全年……'], false, '工作总结'],
    ['a review by its results, under 总体情况', '一、总体情况', ['2021年，市卫生健康委统筹疫情防控和改革发展，取得新进展新成效。21项任务全部完成。', '二、主要做法和工作成效'], false, '工作总结'],
    ['one result reported is no review', '某县卫生健康工作', ['全县乡镇中医馆实现了全覆盖。'], false, '其他'],
    ['nothing', '某县卫生健康工作', ['为了推进工作，特制定本办法。'], false, '其他'],
    ['本港 inside a sentence is no dateline', '某县卫生健康工作', ['本港区各医疗机构讯息化建设要求如下。'], false, '其他'],
    ["an answer to a deputy's suggestion, though it greets the deputy", '高平市卫生健康和体育局关于对市七届人大五次会议第71号建议的答复', ['尊敬的王爱珍代表：'], false, '其他'],
    ["an answer under the proposal's catalogue, its title the proposal's (…的建议)", '关于创建某县医院为二级甲等医院的建议', ['恢复窄屏', '出处:某县人民政府', '提案标题 关于创建某县医院为二级甲等医院的建议', '提案委员 县政府', '承办单位 卫生局', '协办单位', '办理状态 已办结', '办理结果', '县政府:', '县政协第八届委员会第4号提案《关于创建某县医院为二级甲等医院的建议》已收悉,现就我局办理情况答复如下:'], false, '其他'],
    ['a headline that reports an action, without a type word', '盟卫生计生委考核组深入阿巴嘎旗考核验收2017年度目标管理工作', [], false, '新闻报道'],
    ['the same verb before a type word: the type word decides', '某县深入推进紧密型县域医共体建设实施方案', [], false, '实施方案'],
    ["a title that is the text's first sentence has no headline verb", '为进一步贯彻落实健康中国的指示精神,大力推进全县卫生健康工作,6', [], false, '其他'],
    ['an event held on a day, in the opening', '', ['为大力推进全县卫生健康工作，6月8日下午，我县召开2020年卫生健康工作会议。'], false, '新闻报道'],
    ['a deadline on a day is no event', '', ['为大力推进全县卫生健康工作，各乡镇须于6月8日前完成摸底。'], false, '其他'],
    ['an opening that reports what the writer learnt', '', ['近年来，某县持续打造优质医疗网络。据了解，该县医共体已覆盖全部乡镇。'], false, '新闻报道'],
  ])('%s', (_what, title, opening, newsFields, type) => {
    expect(typeOf(title, opening, newsFields).type).toBe(type);
  });

  test.each([
    ['a headline whose subject is a place', '积石山县新型农村合作医疗惠及千家万户', '积石山县', '新闻报道'],
    ['a place before a form', '稷山县项目支出绩效自评表', '稷山县', '其他'],
    ['a place before a profile', '中牟县卫生健康事业简介', '中牟县', '其他'],
    ['a place and a type word', '积石山县新型农村合作医疗实施方案', '积石山县', '实施方案'],
    ['no place before it', '新型农村合作医疗惠及千家万户', undefined, '其他'],
  ])('%s', (_what, title, titlePlace, type) => {
    expect(detectDocType({ title, opening: ['近年来，该县把新型农村合作医疗工作作为一项惠民工程来抓。'], ...(titlePlace ? { titlePlace } : {}) }, lexicon).type).toBe(type);
  });

  test('a dateline does not make news of a notice', () => {
    expect(typeOf('关于加强乡村医生队伍建设的通知', ['本报讯 近日']).type).toBe('通知');
  });
});

describe('withoutTitleNoise', () => {
  test.each([
    ['城市医疗集团建设实施方案最新版全文', '城市医疗集团建设实施方案'],
    ['医改工作总结范文', '医改工作总结'],
    ['积石山县新型农村合作医疗惠及千家万户详情', '积石山县新型农村合作医疗惠及千家万户'],
    ['某县医共体建设详情介绍', '某县医共体建设详情介绍'],
    ['首发：某县医改工作总结', '某县医改工作总结'],
    ['图文：某县召开医共体建设推进会', '某县召开医共体建设推进会'],
    ['聚焦基层医疗卫生服务能力提升', '聚焦基层医疗卫生服务能力提升'],
    ['全文', '全文'],
    ['某县卫生院全文化建设方案', '某县卫生院全文化建设方案'],
    ["内蒙古通辽医改模式引关注- 新华网内蒙古频道", '内蒙古通辽医改模式引关注'],
    // A dash of the title's own stays.
    ['某县卫生健康事业发展规划（2021-2025年）', '某县卫生健康事业发展规划（2021-2025年）'],
    ['某县紧密型医共体建设—群众就近看病的新路子', '某县紧密型医共体建设—群众就近看病的新路子'],
    // A 发文字号 run into the title; a number the title itself cites stays.
    ['泗发改审批〔2021〕248号关于宿州市泗县中医院应急救治中心建设项目的批复', '关于宿州市泗县中医院应急救治中心建设项目的批复'],
    ['关于转发某卫发〔2021〕12号文件的通知', '关于转发某卫发〔2021〕12号文件的通知'],
    ['某政发〔2019〕1号', '某政发〔2019〕1号'],
  ])('%s → %s', (title, expected) => {
    expect(withoutTitleNoise(title, lexicon.structure.titleNoise)).toBe(expected);
  });
});
