import { describe, expect, test } from 'vitest';
import { candidateMentions, figureKind, figureScope, figureYear, inheritedMention, isBreakdown, type ClauseView, type SentenceView } from '../../src/lib/extract/extract.ts';
import { compileCues } from '../../src/lib/extract/cues.ts';
import { clauses } from '../../src/lib/extract/sentences.ts';
import { findQuantities, unitFamily, chineseNumber } from '../../src/lib/extract/quantities.ts';
import { clauseBound, extract, findMentions } from '../../src/lib/extract/extract.ts';
import { metricPhrase, respectiveMetrics } from '../../src/lib/extract/metric.ts';
import { loadLexicon } from '../../src/lib/lexicon.ts';
import { numberBlocks } from '../../src/lib/ingest/blocks.ts';
import type { DocType } from '../../src/schema/document.ts';

const lexicon = loadLexicon();
const run = (text: string, docType: DocType = '工作总结') => extract(numberBlocks([{ type: 'paragraph', text, from: 1, to: 1 }]), { docType, lexicon });

describe('findQuantities', () => {
  test.each([
    ['参合率为98.31％', [{ value: 98.31, unit: '%' }]],
    ['按照1.5-2人/千人的比例', [{ value: 1.5, valueMax: 2, unit: '人/千人' }]],
    ['价值60—150万元的医疗设备', [{ value: 60, valueMax: 150, unit: '万元' }]],
    ['提高5个百分点以上', [{ value: 5, unit: '个百分点' }]],
    ['三分之一的乡镇', [{ value: 33.33, unit: '%' }]],
    ['两成以上', [{ value: 20, unit: '%' }]],
    ['引进人才2千人以上', [{ value: 2000, unit: '人' }]],
    ['相差7000多元', [{ value: 7000, unit: '元', more: true }]],
    ['招进23名毕业生', [{ value: 23, unit: '人' }]],
    ['孕产妇死亡率控制在20/10万以下', [{ value: 20, unit: '/10万' }]],
    ['婴儿死亡率降至6.5‰', [{ value: 6.5, unit: '‰' }]],
    ['医护比达1∶1.1以上', [{ value: 1.1, unit: '1:n' }]],
    ['这里有1万家内资企业', [{ value: 10000, unit: '家' }]],
    // Places in a ranking: each of a list, none also a count of 位; not 第一次, 第二章, 第一批.
    ['排名分列第101、129、427位', [{ value: 101, unit: '名次' }, { value: 129, unit: '名次' }, { value: 427, unit: '名次' }]],
    ['全国排名第93名', [{ value: 93, unit: '名次' }]],
    ['得分列全省地市第一', [{ value: 1, unit: '名次' }]],
    ['取得第一名', [{ value: 1, unit: '名次' }]],
    ['召开第一次全体会议', []],
    ['第二章 总则', []],
    ['排名第一批试点县', []],
    ['补助5万元', [{ value: 5, unit: '万元' }]],
    ['门诊3.2万人次', [{ value: 3.2, unit: '万人次' }]],
    ['人均增收1.5万多元', [{ value: 1.5, unit: '万元', more: true }]],
    // Digits in groups of three after commas are one number; a list of numbers stays a list.
    ['市级补助资金2,371,510元', [{ value: 2371510, unit: '元', raw: '2,371,510元' }]],
    ['分别为12，35人', [{ value: 35, unit: '人' }]],
    // A space between groups after one or two digits (GB/T 15835-2011's 千分空: 4 468人) is one number.
    ['抽样调查4 468人', [{ value: 4468, unit: '人', raw: '4 468人' }]],
    ['同口径1\u2009796个品规', [{ value: 1796, unit: '个' }]],
    ['2019年 120张床位', [{ value: 120, unit: '张' }]],
    ['床位 120 350张', [{ value: 350, unit: '张' }]],
    ['截至目前,85%的村卫生室', [{ value: 85, unit: '%' }]],
    // Counts of records and teams, areas and distances (units.yaml).
    ['建立居民健康档案10300份', [{ value: 10300, unit: '份' }]],
    ['组建4支医疗队', [{ value: 4, unit: '支' }]],
    ['完成建筑面积7万平方米', [{ value: 7, unit: '万平方米' }]],
    ['土地总面积565平方公里', [{ value: 565, unit: '平方公里' }]],
    ['人均耕地少于0.3亩', [{ value: 0.3, unit: '亩' }]],
    // A population in 万 with 人口 beside it, though no unit follows; a bare 万 elsewhere counts nothing.
    ['户籍人口274.2万', [{ value: 274.2, unit: '万人', raw: '274.2万' }]],
    ['守护着76万农村人口的健康', [{ value: 76, unit: '万人', raw: '76万' }]],
    ['人口总数30万，辖8个乡镇', [{ value: 30, unit: '万人' }, { value: 8, unit: '个' }]],
    ['投资1.2万，新建卫生室', []],
    // A count in 万 before a word for people is a population (20万群众, 733.86万城乡居民).
    ['辐射约20万群众', [{ value: 20, unit: '万人' }]],
    ['全疆已有733.86万城乡居民接受免费体检', [{ value: 733.86, unit: '万人' }]],
    ['投资20万建设群众活动中心', []],
    // A number right after 每 is a base (每1200个农业户籍人口补助8000元), not a figure.
    ['按照每1200个农业户籍人口补助8000元', [{ value: 8000, unit: '元' }]],
    ['1个月以上', [{ value: 1, unit: '个月' }]],
    // Counts in Chinese numerals before a measure word: two or more, not ordinals, slogans, sessions or quoted names.
    ['并三次组织党员干部开展集中学习', [{ value: 3, unit: '次' }]],
    ['共有两家三级医院', [{ value: 2, unit: '家' }]],
    ['建成十二个医共体', [{ value: 12, unit: '个' }]],
    ['落实“三个一批”要求', []],
    ['召开第三次会议', []],
    ['区二届人大六次会议', []],
    ['坚持四个全面', []],
    ['一个中心', []],
    ['前六个月直接让利患者药品费用近1300万元', [{ value: 1300, unit: '万元' }]],
    // A number inside a document's title is part of its name.
    ['落实《云南省健康扶贫30条措施》，全县投入500万元', [{ value: 500, unit: '万元' }]],
    // A number with no unit after a noun that implies one, and the numbers listed after it; not a year.
    ['全年户籍人口出生人数7588,出生率10.67‰', [{ value: 7588, unit: '人' }, { value: 10.67, unit: '‰' }]],
    ['男、女期望寿命分别为78.57和82.57', [{ value: 78.57, unit: '岁' }, { value: 82.57, unit: '岁' }]],
    ['签约人数2019年以来持续增长', []],
    ['床位数1,200张', [{ value: 1200, unit: '张' }]],
    ['人数达到1.5倍', [{ value: 1.5, unit: '倍' }]],
    // A range with its unit at both ends is one range; a change's two ends (由…至) and a list stay apart.
    ['个人筹资额提高至25元-30元', [{ value: 25, valueMax: 30, unit: '元' }]],
    ['年增幅介于4%~15%之间', [{ value: 4, valueMax: 15, unit: '%' }]],
    ['由25元至30元', [{ value: 25, unit: '元' }, { value: 30, unit: '元' }]],
    ['分别为30元、25元', [{ value: 30, unit: '元' }, { value: 25, unit: '元' }]],
    ['门诊15元-20%', [{ value: 15, unit: '元' }, { value: 20, unit: '%' }]],
  ])('%s', (text, expected) => {
    expect(findQuantities(text, lexicon.units)).toMatchObject(expected);
  });

  test.each([
    ['鲁政办发〔2010〕12号'],
    ['2024年3月5日'],
    ['电话0357-1234567'],
    ['3、完善新农合制度'],
    ['每天下午1:30开始门诊'],
    ['报销比例达到#%'],
    ['XX年度'],
    ['第3批项目'],
  ])('finds no measurement in %s', (text) => {
    expect(findQuantities(text, lexicon.units)).toEqual([]);
  });

  test.each([
    ['%', 'percent'],
    ['个百分点', 'points'],
    ['万元', 'money'],
    ['元/月', 'money'],
    ['万人', 'people'],
    ['人/千人', 'density'],
    ['所', 'count'],
  ])('unitFamily(%s) = %s', (unit, family) => {
    expect(unitFamily(unit, lexicon.units)).toBe(family);
  });

  test.each([
    ['三', 3],
    ['十', 10],
    ['二十五', 25],
  ])('chineseNumber(%s) = %s', (text, n) => {
    expect(chineseNumber(text)).toBe(n);
  });
});

describe('findMentions', () => {
  test('the longest indicator pattern wins where patterns overlap', () => {
    const mentions = findMentions('城镇居民医保参保率提高到92%', lexicon).map((m) => m.indicator.id);
    expect(mentions).toEqual(['resident-insurance-enrollment-rate']);
  });
});

describe('respectiveMetrics: the names of a 分别 clause, one a figure', () => {
  const starts = (clause: string) => findQuantities(clause, lexicon.units).map((q) => ({ start: q.index }));
  test.each([
    ['门诊人次、住院人次分别增长12%和15%', ['门诊人次', '住院人次']],
    ['全县门诊人次和住院人次分别增长12%、15%', ['门诊人次', '住院人次']],
    // As many names as figures, or nothing is paired.
    ['门诊人次、住院人次、手术台次分别增长12%和15%', null],
    ['中医医院、妇幼保健院分别排名第44、23位', ['中医医院', '妇幼保健院']],
    ['门诊人次增长12%', null],
  ])('%s → %j', (clause, expected) => {
    expect(respectiveMetrics(clause, starts(clause), lexicon.extraction)).toEqual(expected);
  });
});

describe('metricPhrase: what an unmapped figure measures, as written', () => {
  test.each([
    // The noun a measure word counts, up to its predicate.
    ['全县85个村卫生室达到省级标准化要求', '85个', '村卫生室'],
    ['2023年召开2次意识形态领域分析研判会', '2次', '意识形态领域分析研判会'],
    ['其中6个区直卫生单位', '6个', '区直卫生单位'],
    // The subject before the figure, without its linking verb and openings.
    ['其中专业技术岗位697个', '697个', '专业技术岗位'],
    ['城镇居民人均可支配收入26387元', '26387元', '城镇居民人均可支配收入'],
    ['全县门诊量同比增长12%', '12%', '门诊量'],
    // A verb that a noun ending makes part of the name (覆盖率, 补助标准) ends no subject there.
    ['全县农牧区医疗管理覆盖率达100%', '100%', '农牧区医疗管理覆盖率'],
    ['家庭医生签约人数达到24694人', '24694人', '家庭医生签约人数'],
    ['开展义诊活动12场', '12场', '义诊活动'],
    // A comparator written as a sign is no part of the subject; 家 before 医疗机构 counts institutions.
    ['人均健康预期寿命≥71岁', '71岁', '人均健康预期寿命'],
    ['该医联体共涵盖15家医疗机构', '15家', '医疗机构'],
    ['组建15家医团队', '15家', null],
    // A list number before a word that a unit begins (6支持…) counts nothing.
    ['6支持商业健康保险发展', '6支', null],
    ['守护着76万农村人口的健康', '76万', '农村人口'],
    // A unit that begins a longer word counts nothing (1000人口); a bare number has no phrase.
    ['1000-3000人口的村建筑面积', '1000-3000人', null],
    ['分别为35%', '35%', null],
    ['婴儿死亡率和5岁以下儿童死亡率', '5岁', null],
    // A place in a ranking measures the ranking: its 第, the places before it and the ranking verb go.
    ['区内排名第1、2、12位', '2', '区内排名'],
    // Several ranked at once: one to one when as many, else the ranking alone.
    ['工人医院、人民医院、柳铁中心医院在综合医院组排名分列第101、129、427位', '129', '人民医院综合医院组排名'],
    ['工人医院、人民医院、柳铁中心医院在综合医院组排名分列第101、129、427位', '101', '工人医院综合医院组排名'],
    ['工人医院、人民医院在综合医院组排名分列第101、129、427位', '427', '综合医院组排名'],
    ['得分列全省地市第一', '一', '得分列全省地市排名'],
    ['综合考评取得第一名', '一', '综合考评排名'],
    // A sum right after a spending verb, with no subject: that verb's funds; not a count.
    ['同时拨付873万元用于公立医院购置', '873万元', '拨付资金'],
    ['同时拨付了3次', '3次', null],
    ['其中安排了6.39万元用于支持大哨村卫生室重建', '6.39万元', '安排资金'],
    // A measured noun ends before the next count; a division of one character is counted by it.
    ['设9镇1乡5个中心社区1个街道办事处', '5个', '中心社区'],
    ['辖12个县(市、区)', '12个', '县'],
    ['辖12个县级医院', '12个', '县级医院'],
    ['共12个县直单位参加', '12个', '县直单位'],
    // A count that opens the subject is no part of it.
    ['同口径1 796个品规平均价格下降8%', '8%', '品规平均价格'],
    // What moves, not how: the subject before 按 (补助按地区类别增加); 将/把 name the subject after them.
    ['乡镇卫生人员生活补助按地区类别分别增加100元', '100元', '乡镇卫生人员生活补助'],
    ['按地区类别分别增加100元', '100元', '地区类别'],
    ['将门诊报销比例提高到60%', '60%', '门诊报销比例'],
    // 降幅 and 增幅 are nouns: the metric keeps them.
    ['全市降低药品采购成本1.1亿元左右,平均降幅5.6%', '5.6%', '平均降幅'],
    ['门诊量增长12%', '12%', '门诊量'],
    // The unit as written decides a compound: 1.3万余名群众 counts 群众 (名 is no 人 of 人群).
    ['覆盖1.3万余名群众', '1.3万余名', '群众'],
    ['20万人群覆盖', '20万人', null],
    // Counts in 件 and 类; 收到 ends no name of what it received.
    ['今年卫计局共收到人大代表建议6件', '6件', '人大代表建议'],
    ['全面部署健康机关等8类健康细胞示范建设工作', '8类', '健康细胞示范建设工作'],
    // A duration measures the noun it qualifies; an age that bounds a group is no figure.
    ['上岗前先安排到市、乡医疗机构进行1个月以上的临床进修学习', '1个月', '临床进修学习'],
    ['组织所有35岁以下护理人员参加学历教育', '35岁', null],
    ['人均预期寿命达到78.5岁', '78.5岁', '人均预期寿命'],
    // 只有 and 仅 end no subject; 公司 makes 配送 part of a noun; a long counted noun keeps its head.
    ['按照现有补助标准每月只有35万元', '35万元', '补助标准'],
    ['通过竞标，共有3家药品配送公司参与', '3家', '药品配送公司'],
    ['全省32个基层医药卫生体制综合改革试点县', '32个', '卫生体制综合改革试点县'],
    // People counted right after an activity are its people; a count after no activity has no phrase.
    ['全年培训120人', '120人', '培训人数'],
    ['接诊2.1万人次', '2.1万人次', '接诊人次'],
    ['全年为120人', '120人', null],
    // 4类以上: the bound is no part of the counted noun; an adverb before a predicate ends it (9类基本公共卫生服务 keeps its 基本).
    ['掌握4类以上中医药适宜技术', '4类', '中医药适宜技术'],
    ['进一步规范两支队伍的服务行为', '两支', '队伍'],
    ['全县3家医院的床位数', '3家', '医院'],
    ['组建15个医疗卫生的团队', '15个', '医疗卫生'],
    ['每个县至少有1所县级医院基本达到二级甲等水平', '1所', '县级医院'],
    ['全面开展9类基本公共卫生服务', '9类', '基本公共卫生服务'],
    // A basis (每所, 每人) is no subject: what it measures follows it, or stands before it.
    ['省财政给予每所500万元奖励性补助', '500万元', '奖励性补助'],
    ['其中政府补助每人280元', '280元', '政府补助'],
    // A predicate that ends the subject is its noun there; a count or qualifier opening it goes; no subject opens with 的.
    ['其余7-64岁的72272名贫困人员健康体检经费按每人100元计算', '100元', '贫困人员健康体检经费'],
    ['从2014年的人均380元', '380元', null],
  ])('%s (%s) → %s', (clause, figure, expected) => {
    const start = clause.indexOf(figure);
    const q = findQuantities(clause, lexicon.units).find((x) => x.index === start);
    expect(q).toBeDefined();
    expect(metricPhrase(clause, start, start + (q?.length ?? 0), q?.unit ?? '', lexicon.extraction)).toBe(expected);
  });

  test('a change from one value to another names the subject before the first (由原来的8000元提高到5万元)', () => {
    const { figures } = run('村医年度奖励额由原来的8000元提高到5万元。');
    expect(figures).toEqual([expect.objectContaining({ metric: '村医年度奖励额', kind: 'change', value: 5, unit: '万元', from: 8000 })]);
  });

  test.each<[string, Array<[string, number]>]>([
    // A figure listed right after another of its unit, with no subject of its own, measures the same.
    ['乡镇卫生人员生活补助按地区类别分别增加100元、200元和300元。', [['乡镇卫生人员生活补助', 100], ['乡镇卫生人员生活补助', 200], ['乡镇卫生人员生活补助', 300]]],
    // Not across units, nor across a clause of its own.
    ['食堂餐费增加100元、5%的绩效。', [['食堂餐费', 100]]],
  ])('a listed figure: %s', (text, expected) => {
    expect(run(text).figures.map((f) => [f.metric, f.value])).toEqual(expected);
  });

  test.each<[string, Array<[string, number]>]>([
    // A bare share after a count is the share of what was counted.
    ['农村人口1078953人,占71.08%。', [['农村人口', 1078953], ['农村人口占比', 71.08]]],
    // A share with its own subject keeps it; a share after no count is left out.
    ['全县共有村卫生室200个，其中标准化村卫生室占比60%。', [['村卫生室', 200], ['标准化村卫生室占比', 60]]],
    ['占71.08%。', []],
  ])('a share of the count before: %s', (text, expected) => {
    expect(run(text).figures.map((f) => [f.metric, f.value])).toEqual(expected);
  });

  test.each<[string, Array<[string, string, number]>]>([
    // A clause that opens with its comparison's base, or is a movement verb alone, moves what the clause before measured.
    ['上半年，业务收入2275.9万元，较上年同期减少了471.3万元，减少17.1%。', [['业务收入', 'change', -471.3], ['业务收入', 'change', -17.1]]],
    ['门诊量12万人次，同比增长12%。', [['门诊量', 'achieved', 12], ['门诊量', 'change', 12]]],
    // A clause with a subject of its own keeps it.
    ['门诊量12万人次，住院量增长12%。', [['门诊量', 'achieved', 12], ['住院量', 'change', 12]]],
  ])('a movement of the figure before: %s', (text, expected) => {
    expect(run(text).figures.map((f) => [f.metric, f.kind, f.value])).toEqual(expected);
  });

  test.each<[string, Array<[string, number]>]>([
    // A subjectless movement moves what the clause before does.
    ['拉萨市今年将再次提高农牧区医疗制度政府人均补助标准,从2014年的人均380元提高至420元。', [['农牧区医疗制度政府人均补助标准', 420]]],
    ['拉萨市今年还将进一步提高村医待遇,人均月增300元。', [['村医待遇', 300]]],
    // Not a level after a clause that moves nothing.
    ['拉萨市今年召开会议,从2014年的人均380元开始。', []],
  ])('what the clause before moves: %s', (text, expected) => {
    expect(run(text).figures.map((f) => [f.metric, f.value])).toEqual(expected);
  });

  test.each([
    // 签约 ends in 约 and 最近 in 近, but neither makes a count approximate.
    ['累计签约3.2万人。', '='],
    ['全县家庭医生签约服务覆盖人口约12万人。', '≈'],
  ])('%s → comparator %s', (text, comparator) => {
    expect(run(text).figures[0]?.comparator).toBe(comparator);
  });

  test('a figure right before the next item of a list is no count of that item (医师数达到3.5人、注册护士数…)', () => {
    const { targets } = run('到2025年，每千人常住人口执业(助理)医师数达到3.5人、注册护士数达到4.5人。', '规划');
    expect(targets.map((t) => [t.indicator, t.value])).toEqual([['doctors-per-1000', 3.5], ['nurses-per-1000', 4.5]]);
    // Right before its noun, a figure counts it (307种国家基本药物).
    expect(run('全县配备307种国家基本药物。').targets[0]?.value).toBe(307);
  });

  test('a class of things is no count of kinds: 4类中医药适宜技术 is not 4 diagnosable diseases', () => {
    const { targets } = run('至少能够识别和初步诊治20种常见病、掌握4类以上中医药适宜技术。', '实施方案');
    expect(targets.map((t) => [t.indicator, t.value])).toEqual([['diagnosable-diseases', 20]]);
  });

  test('a movement glued to its period (人均月增300元) is a change', () => {
    expect(run('村医待遇人均月增300元。').figures[0]).toMatchObject({ kind: 'change', value: 300 });
  });

  test('a comparator written as a sign counts: ≥71岁 is at least 71', () => {
    expect(run('人均健康预期寿命≥71岁。', '规划').figures[0]).toMatchObject({ metric: '人均健康预期寿命', comparator: '≥', value: 71 });
  });

  test('a figure no indicator names is kept under its phrase, read by the same steps as a target', () => {
    const { targets, figures } = run('全区共设置827个岗位，其中专业技术岗位697个。');
    expect(targets.map((t) => t.value)).not.toContain(697);
    expect(figures).toContainEqual(expect.objectContaining({ metric: '专业技术岗位', value: 697, unit: '个', kind: 'achieved', paragraph: 'p-1' }));
  });
});

describe('extract', () => {
  test.each<[string, DocType, Record<string, unknown>]>([
    ['2024年，我县新农合参合率为98.31％。', '工作总结', { indicator: 'ncms-enrollment-rate', kind: 'achieved', value: 98.31, unit: '%', comparator: '=', year: 2024 }],
    ['确保新农合参合率达到95%以上。', '实施方案', { indicator: 'ncms-enrollment-rate', kind: 'target', value: 95, comparator: '≥' }],
    ['一是门诊病人次均费用由改革前的51.03元降到39.78元，下降了21%。', '工作总结', { indicator: 'outpatient-cost-per-visit', kind: 'change', from: 51.03, value: 39.78, unit: '元' }],
    ['新农合统筹基金当年结余率控制在15%以内。', '工作安排', { indicator: 'ncms-fund-surplus-rate', comparator: '≤', value: 15 }],
    // The longest bounding word wins: 不高于 and 不超过 end in 高于 and 超过, but bound from above.
    ['新农合统筹基金当年结余率不高于15%。', '工作安排', { indicator: 'ncms-fund-surplus-rate', comparator: '≤', value: 15 }],
    ['新农合统筹基金当年结余率不超过15%。', '工作安排', { indicator: 'ncms-fund-surplus-rate', comparator: '≤', value: 15 }],
    ['新农合参合率超过95%。', '工作总结', { indicator: 'ncms-enrollment-rate', comparator: '≥', value: 95 }],
    ['新农合参合率不低于95%。', '实施方案', { indicator: 'ncms-enrollment-rate', comparator: '≥', value: 95 }],
    ['城镇居民医保、新农合政策范围内住院费用支付比例力争达到70%左右。', '工作安排', { kind: 'target', comparator: '≈', value: 70 }],
    ['按照服务人口数的1.5-2人/千人的比例配备村卫生室从业人员。', '实施方案', { indicator: 'village-clinic-staffing', comparator: 'range', value: 1.5, valueMax: 2 }],
    ['改革前，乡镇卫生院共有在岗人员969人。', '工作总结', { indicator: 'staff-in-post', kind: 'baseline', value: 969 }],
    // A movement down is negative; a level done away with is what stood before (a baseline).
    ['对大型检查和检验项目的收费价格下调15%。', '工作总结', { indicator: 'service-price-adjustment', kind: 'change', value: -15, unit: '%' }],
    ['一是取消了15%的药品加成，实行零差率销售。', '工作总结', { indicator: 'drug-markup-rate', kind: 'baseline', value: 15 }],
    // What a figure is counted per, and the time it covers (口径).
    ['在职基层医务人员人均月收入比改革前提高了400元。', '工作总结', { indicator: 'staff-income', kind: 'change', value: 400, basis: 'person', per: 'month' }],
    ['乡镇卫生院的运转经费由财政每院每年定额补贴8万元。', '工作总结', { indicator: 'township-operating-subsidy', value: 8, unit: '万元', basis: 'institution', per: 'year' }],
    // 达到…要求 is a standard met, not a goal (要 inside 要求 is no target cue).
    ['全县85个村卫生室达到省级标准化村卫生室要求。', '工作总结', { indicator: 'standardized-village-clinics', kind: 'achieved', value: 85 }],
  ])('%s', (text, docType, expected) => {
    expect(run(text, docType).targets[0]).toMatchObject(expected);
  });

  test.each<[string, Array<[string, number]>]>([
    // A和B分别为x和y: one to one, in order.
    ['婴儿死亡率和5岁以下儿童死亡率分别为0.63‰和2.52‰。', [['infant-mortality-rate', 0.63], ['under-five-mortality-rate', 2.52]]],
    ['新农合参合率和居民电子健康档案建档率分别达到98%和80%。', [['ncms-enrollment-rate', 98], ['ehr-filing-rate', 80]]],
    // As many figures as indicators only: otherwise the other steps decide.
    ['新农合参合率和居民电子健康档案建档率分别达到98%。', [['ehr-filing-rate', 98]]],
  ])('respectively: %s', (text, expected) => {
    expect(run(text, '工作总结').targets.map((t) => [t.indicator, t.value])).toEqual(expected);
  });

  test.each<[string, string | undefined]>([
    // 编制床位 holds 编制 but is a hospital's approved beds (indicators.yaml excludes).
    ['医院编制床位80张，职工总数130人。', undefined],
    ['全县共核定编制130个。', 'staffing-quota'],
  ])('the indicator of %s → %s', (text, indicator) => {
    expect(run(text, '工作总结').targets.find((t) => t.indicator === indicator || t.indicator === 'staffing-quota')?.indicator).toBe(indicator);
  });

  test.each<[string, string | undefined]>([
    // A government's budget revenue is no institution's income (business-income excludes).
    ['2015年区级一般预算收入达到105.6亿元。', undefined],
    ['全区基层医疗卫生机构预算收入6608万元。', 'business-income'],
  ])('the indicator of %s → %s (revenue)', (text, indicator) => {
    expect(run(text, '工作总结').targets.find((t) => t.indicator === 'business-income')?.indicator).toBe(indicator);
  });

  test.each<[string, string | undefined]>([
    // With a per-population base, a count names its density counterpart (perPopulation).
    ['每万城乡居民拥有全科医生数3人。', 'gp-per-10000'],
    ['全县全科医生数达到45人。', 'gp-count'],
  ])('the indicator of %s → %s', (text, indicator) => {
    expect(run(text, '工作总结').targets.find((t) => t.indicator === indicator || t.indicator === 'staffing-quota')?.indicator).toBe(indicator);
  });

  test.each<[string, Array<[string, number]>]>([
    // An enumeration's item naming a rate of its own keeps it (基层首诊率 is none of the lexicon's).
    ['达到基层首诊率60%、县域内就诊率70%。', [['county-retention-rate', 70]]],
    // Outside an enumeration a bare 比例 refers back to what the sentence named.
    ['大病保险在基本医保报销的基础上，报销比例不低于60%。', [['critical-illness-reimbursement-rate', 60]]],
  ])('own metric: %s', (text, expected) => {
    expect(run(text, '实施方案').targets.map((t) => [t.indicator, t.value])).toEqual(expected);
  });

  test('figures in a series after one movement verb share its direction (分别下调15%30%, a 、 lost)', () => {
    const values = run('对大型检查和检验项目的收费价格分别下调15%30%。').targets.map((t) => [t.kind, t.value]);
    expect(values).toEqual([['change', -15], ['change', -30]]);
  });

  test('an implausible figure is flagged with the bound it breaks, in the indicator\'s unit', () => {
    const [income] = run('使乡镇卫生院院长年收入达到810万元以上。').targets;
    expect(income).toMatchObject({ indicator: 'staff-income', value: 810, unit: '万元', implausible: { bound: 'max', limit: 1000000, unit: '元' } });
    const [share] = run('新农合参合率达到120%。').targets;
    expect(share?.implausible).toEqual({ bound: 'max', limit: 100, unit: '%' });
    expect(run('新农合参合率达到98.31%。').targets[0]?.implausible).toBeUndefined();
  });

  test('quotes the sentence and cites its paragraph', () => {
    const [target] = run('全县共核定编制（岗位）130个。').targets;
    expect(target).toMatchObject({ quote: '全县共核定编制（岗位）130个。', paragraph: 'p-1', scope: '全县' });
  });

  test.each([
    ['根据鲁政办发〔2010〕12号文件精神，推进新农合工作。'],
    ['共有在岗人员969人，其中在编人员665人，非编人员304人。'],
    ['2024年，全县实现生产总值74.6亿元，地方财政收入6.4亿元。'],
  ])('takes no figure that is not a target from: %s', (text) => {
    const values = run(text).targets.map((t) => t.value);
    expect(values).not.toContain(2010);
    expect(values).not.toContain(665);
    expect(values).not.toContain(6.4);
  });

  test('finds practices with their status', () => {
    expect(run('基层医疗卫生机构已全部实行药品零差率销售。').practices[0]).toMatchObject({ id: expect.any(String), status: 'adopted', paragraph: 'p-1' });
    const planned = run('下一步，我们将探索建立村医养老退出机制。').practices;
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.map((p) => p.status)).toEqual(planned.map(() => 'planned'));
  });
});

describe('scope of a figure', () => {
  test.each([
    ['its own clause names it', '乡镇卫生院住院报销比例提高到85%。', 'township-reimbursement-rate', 85, '乡镇卫生院'],
    ['a continuing clause names its own', '乡镇卫生院住院报销比例提高到85%，县级医院提高到70%。', 'township-reimbursement-rate', 70, '县级医院'],
    ['one that frames the whole sentence carries on', '全县新农合参合人数达到35.6万人，参合率达98.5%。', 'ncms-enrollment-rate', 98.5, '全县'],
    ['a new indicator in a continuing clause', '县域内就诊率达到90%以上，基层医疗卫生机构诊疗量占总诊疗量的比例达到65%。', 'primary-visit-share', 65, '基层医疗卫生机构'],
    ["an earlier clause's scope does not carry to a new indicator", '乡镇卫生院住院报销比例提高到85%，县级医院提高到70%，最高支付限额提高到15万元。', 'reimbursement-cap', 15, undefined],
  ])('%s', (_name, text, indicator, value, scope) => {
    const target = run(text).targets.find((t) => t.indicator === indicator && t.value === value);
    expect(target, `${indicator} ${value}`).toBeDefined();
    expect(target?.scope).toBe(scope);
  });
});

describe('kind of a figure', () => {
  test.each([
    ['达到 with a number is no deadline', '全县新农合参合人数达到28.6万人。', '工作总结', 'insured-population', 'achieved'],
    ['a deadline year makes a goal, even in a summary', '到2017年底，县域内就诊率达到90%以上。', '工作总结', 'county-retention-rate', 'target'],
    ['截至 a year reports a result', '截至2016年底，县域内就诊率达到88%。', '工作总结', 'county-retention-rate', 'achieved'],
    ['a period is no deadline', '2015年至2017年，县域内就诊率达到88%。', '工作总结', 'county-retention-rate', 'achieved'],
    ['a plan states goals by default', '县域内就诊率达到90%以上。', '实施方案', 'county-retention-rate', 'target'],
  ])('%s', (_name, text, docType, indicator, kind) => {
    expect(run(text, docType as DocType).targets.find((t) => t.indicator === indicator)?.kind).toBe(kind);
  });

  test.each([
    // A plan's account of where things stand is no goal; its goals stay goals.
    ['全县辖7镇1个街道办事处165个行政村。', 'achieved'],
    ['县域面积441平方公里。', 'achieved'],
    ['全县医疗卫生机构总数423个。', 'achieved'],
    ['在现有基础上新建标准化村卫生室20个。', 'target'],
    ['新建标准化村卫生室20个。', 'target'],
  ])('in a plan: %s → %s', (text, kind) => {
    const { targets, figures } = run(text, '规划');
    expect([...targets, ...figures][0]?.kind).toBe(kind);
  });
});

describe('indicators of figures seen in other counties', () => {
  test.each([
    ['全县每千人口拥有执业（助理）医师1.6人。', 'doctors-per-1000', 1.6, '人/千人'],
    ['按照每千服务人口不少于1名的标准配备乡村医生。', 'village-doctors-per-1000', 1, '人/千人'],
    ['乡镇卫生院按照每千服务人口1.2张床位核定规模。', 'township-bed-standard', 1.2, '张/千人'],
    ['全县药品网上集中采购率达到100%。', 'online-procurement-rate', 100, '%'],
    ['县财政共投入医改资金3560万元，占财政支出的3.2%。', 'reform-spending-share', 3.2, '%'],
    ['孕产妇死亡率控制在20/10万以下。', 'maternal-mortality-rate', 20, '/10万'],
  ])('%s → %s', (text, indicator, value, unit) => {
    expect(run(text).targets).toContainEqual(expect.objectContaining({ indicator, value, unit }));
  });

  test.each([
    ['执业（助理）医师资格考试通过15人。'],
    ['按照每千服务人口不少于1名的标准配备乡村医生。'],
  ])('no bed standard or per-1,000 figure without its base: %s', (text) => {
    const wrong = run(text).targets.filter((t) => t.indicator === 'township-bed-standard' || (t.indicator === 'doctors-per-1000' && t.unit === '人'));
    expect(wrong).toEqual([]);
  });

  test("a list's per-1,000 base is its short items' too, and not a later clause's of its own", () => {
    const list = run('平均每千常住人口拥有卫技人员6.47人，执业（助理）医师2.48人，实有床位2.58张。').targets;
    expect(list).toContainEqual(expect.objectContaining({ indicator: 'doctors-per-1000', value: 2.48, unit: '人/千人' }));
    expect(list).toContainEqual(expect.objectContaining({ indicator: 'beds-per-1000', value: 2.58, unit: '张/千人' }));
    // Counts after a sentence of their own, or after a long clause, carry no base.
    const counts = run('每千常住人口拥有卫技人员6.47人。全区执业（助理）医师3362人，实有床位3494张。').targets;
    expect(counts.filter((t) => t.unit.includes('/千人') && t.value > 100)).toEqual([]);
  });
});

describe('status of a practice', () => {
  test.each([
    ['a summary looking ahead', '明年，继续深化县级公立医院综合改革。', '工作总结', 'county-public-hospital-reform', 'planned'],
    ['a summary reporting it', '全面实施县级公立医院综合改革。', '工作总结', 'county-public-hospital-reform', 'adopted'],
    ['将 as the object marker is no plan', '将基本药物全部纳入新农合报销，实行零差率销售。', '工作总结', 'zero-markup-essential-drugs', 'adopted'],
    ['done somewhere in the document wins over planned elsewhere', '我们将进一步完善绩效工资制度。改革后在职人员实施绩效工资制度。', '工作总结', 'performance-pay', 'adopted'],
    ['a plan instructs', '全面推行家庭医生签约服务。', '实施方案', 'family-doctor-contract', 'planned'],
  ])('%s', (_name, text, docType, id, status) => {
    expect(run(text, docType as DocType).practices.find((p) => p.id === id)?.status).toBe(status);
  });

  test('the first sentence is cited when it already reports the practice done', () => {
    const practice = run('改革后在职人员实施绩效工资制度。我们将进一步完善绩效工资制度。').practices.find((p) => p.id === 'performance-pay');
    expect(practice?.quote).toContain('改革后');
  });
});

describe('the steps of extractTargets', () => {
  const compiled = compileCues(lexicon);
  const view = (text: string): SentenceView => ({ text, mentions: findMentions(text, lexicon), clauses: clauses(text) });
  const clauseOf = (sentence: SentenceView, k: number): ClauseView => {
    const [start, end] = sentence.clauses[k] ?? [0, 0];
    return { start, end, text: sentence.text.slice(start, end), named: sentence.mentions.filter((m) => m.index >= start && m.index < end) };
  };
  /** The sentence, the clause holding the figure written `figure`, and that figure. */
  const at = (text: string, figure: string) => {
    const sentence = view(text);
    const q = findQuantities(text, lexicon.units).find((x) => x.raw === figure);
    if (!q) throw new Error(`no figure ${figure} in ${text}`);
    const k = sentence.clauses.findIndex(([s, e]) => q.index >= s && q.index < e);
    return { sentence, q, k, clause: clauseOf(sentence, k) };
  };

  test.each([
    ['乡镇卫生院核定编制768名，较上年增加12名。', '12名', 'staffing-quota'],
    ['乡镇卫生院核定编制768名，今年新进人员30名，较上年增加12名。', '12名', undefined],
    ['全县共有乡村医生320人，其中，女性150人。', '150人', undefined],
    ['改革前2011年药占比为47%，改革后2012—2014年分别为42%、31%和28%。', '31%', 'drug-share'],
  ])('inheritedMention: in %s, %s continues %s', (text, figure, indicator) => {
    const { sentence, k, clause } = at(text, figure);
    expect(inheritedMention(sentence, k, clause, compiled)?.indicator.id).toBe(indicator);
  });

  test.each([
    ['开始配送307种国家基本药物。', '307种', 'essential-drug-count'],
    ['每万名居民至少有2名全科医生。', '2名', 'gp-per-10000'],
    ['新农合最高支付限额达到农民人均纯收入的6倍以上。', '6倍', 'reimbursement-cap'],
  ])('candidateMentions: in %s, %s first measures %s', (text, figure, indicator) => {
    const { sentence, q, clause } = at(text, figure);
    expect(candidateMentions(q, sentence, clause, undefined, lexicon, compiled)[0]?.indicator.id).toBe(indicator);
  });

  test.each([
    ['共有在岗人员969人，其中在编人员665人。', '665人', true],
    ['共有在岗人员969人，其中：乡镇卫生院编制768人。', '768人', false],
    ['共有在岗人员969人，新进人员65人。', '65人', false],
    ['改革前2011年药占比为47%，改革后2012—2014年分别为42%、31%和28%。', '31%', false],
    ['2011年药占比为47%，其中西药占比为30%。', '30%', true],
  ])('isBreakdown: in %s, %s → %s', (text, figure, expected) => {
    const { sentence, q, clause } = at(text, figure);
    const totals = findQuantities(text, lexicon.units).filter((x) => x.index < q.index);
    expect(isBreakdown(q, sentence, clause, totals, lexicon, compiled)).toBe(expected);
  });

  test.each([
    ['住院报销比例提高了7.5%。', '7.5%', '工作总结', 'change'],
    ['到2020年新农合参合率达到98%。', '98%', '工作总结', 'target'],
    ['新农合参合率达到98%。', '98%', '实施方案', 'target'],
    ['新农合参合率已达到98%。', '98%', '实施方案', 'achieved'],
    ['改革前，全县共有在岗人员969人。', '969人', '工作总结', 'baseline'],
    ['改革前药占比为47%，改革后分别为42%和31%。', '31%', '评论研究', 'achieved'],
  ] as const)('figureKind: %s %s in a %s is a %s', (text, figure, docType, kind) => {
    const { sentence, q, clause } = at(text, figure);
    expect(figureKind(q, false, sentence, clause, docType, lexicon, compiled)).toBe(kind);
  });

  test.each([
    ['2012年，新农合参合率达到98%。', '98%', 2012],
    ['新农合参合率达到98%。', '98%', undefined],
    ['改革后2012—2014年上半年药占比分别为42%、31%和28%。', '31%', 2013],
    ['改革后2012—2014年上半年药占比分别为42%、31%和28%。', '28%', 2014],
    // As many values as years, or the span says nothing of each (the span's last year, as before).
    ['2012—2014年药占比分别为42%和28%。', '42%', 2014],
  ])('figureYear: %s → %s', (text, figure, year) => {
    const { sentence, q, clause } = at(text, figure);
    const inClause = findQuantities(text, lexicon.units).filter((x) => x.index >= clause.start && x.index < clause.end);
    expect(figureYear(q, sentence, clause, inClause)).toBe(year);
  });

  test.each([
    ['全县新农合参合率达到98%。', '98%', '全县'],
    ['县级医院住院报销比例提高到70%，新农合最高支付限额提高到15万元。', '15万元', undefined],
  ])('figureScope: %s, %s applies to %s', (text, figure, scope) => {
    const { sentence, q, clause } = at(text, figure);
    const mention = candidateMentions(q, sentence, clause, inheritedMention(sentence, 0, clause, compiled), lexicon, compiled)[0];
    expect(mention).toBeDefined();
    expect(figureScope(q, mention as NonNullable<typeof mention>, sentence, clause, lexicon.extraction.scopes)).toBe(scope);
  });
});

describe('clauseBound: a bounding word further back in its clause', () => {
  const bounds = compileCues(loadLexicon()).clauseBounds;
  test.each([
    ['每个乡镇卫生院至少能够识别和初步诊治', '≥'],
    ['每个乡镇卫生院至少配备', '≥'],
    ['特需服务的床位数不超过总床位数的', '≤'],
    ['专（兼）职人员不低于核定人员编制的', '≥'],
    // Another number between: the word bounds that one, not this.
    ['至少配备1名全科医生和', undefined],
    // Too far back to be this number's.
    ['至少要在全县范围内全面推开并认真总结经验做法然后达到', undefined],
    // 高于 as a verb compares with something else: not a clause bound.
    ['高于全省平均水平，达到', undefined],
    ['比例达到', undefined],
  ])('%s → %s', (before, expected) => {
    expect(clauseBound(before, bounds)).toBe(expected);
  });
});
