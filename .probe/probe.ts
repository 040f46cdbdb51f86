import { extractTargets, extractPractices } from '../src/lib/extract/extract.ts';
import { loadLexicon } from '../src/lib/lexicon.ts';
import { splitSentences } from '../src/lib/extract/sentences.ts';
const lexicon = loadLexicon();
const lines = [
  ['工作总结', '全县新农合参合人数达到35.6万人，参合率达98.5%，比上年提高1.2个百分点。'],
  ['工作总结', '2012年全县筹资标准提高到每人每年290元，其中各级财政补助240元，个人缴费50元。'],
  ['工作总结', '乡镇卫生院住院报销比例提高到85%，县级医院提高到70%，最高支付限额提高到15万元。'],
  ['工作总结', '全县累计建立居民健康档案28.5万份，建档率达到86.3%，其中电子建档率为72%。'],
  ['工作总结', '基本药物在基层医疗卫生机构全部实行零差率销售，药品价格平均下降32.6%。'],
  ['工作总结', '门诊次均费用由改革前的45.6元下降到32.1元，住院次均费用下降12.5%。'],
  ['实施方案', '到2015年，全县每千人口执业（助理）医师数达到1.8人，每千人口床位数达到4张。'],
  ['实施方案', '县域内就诊率达到90%以上，基层医疗卫生机构诊疗量占总诊疗量的比例达到65%。'],
  ['实施方案', '家庭医生签约服务覆盖率达到30%以上，重点人群签约服务覆盖率达到60%以上。'],
  ['实施方案', '公立医院药占比（不含中药饮片）控制在30%以下，百元医疗收入消耗的卫生材料降到20元以下。'],
  ['工作总结', '人均基本公共卫生服务经费补助标准提高到40元，全县共拨付资金1250万元。'],
  ['工作总结', '全县235个村卫生室全部完成标准化建设，每个村卫生室补助1.5万元。'],
  ['工作总结', '为乡村医生每人每月发放补助300元，全年共发放村医补助经费162万元。'],
  ['工作总结', '大病保险报销比例不低于50%，全年共补偿大病患者1263人次，补偿金额856万元。'],
  ['工作总结', '全县65岁以上老年人健康管理率达到72.3%，高血压患者规范管理率达到68%。'],
  ['工作汇报', '共培训乡村医生1200人次，选派86名医务人员到上级医院进修。'],
  ['工作汇报', '孕产妇住院分娩率达到99.8%，孕产妇死亡率控制在20/10万以下。'],
  ['工作汇报', '县医院与乡镇卫生院组建医共体3个，覆盖全县18个乡镇。'],
  ['工作汇报', '全县实行乡村一体化管理的村卫生室达到312个，占总数的96%。'],
  ['工作汇报', '门诊统筹报销比例为50%，年度封顶线每人400元。'],
];
for (const [type, text] of lines) {
  const sentences = splitSentences(text!).map((t) => ({ text: t, paragraph: 'p-1' }));
  const targets = extractTargets(sentences, type as never, lexicon);
  const practices = extractPractices(sentences, type as never, lexicon.practices, lexicon.extraction);
  console.log('\n' + text);
  for (const t of targets) console.log(`  T ${t.indicator} ${t.kind} ${t.comparator}${t.value}${t.valueMax !== undefined ? '-' + t.valueMax : ''}${t.unit}${t.from !== undefined ? ' from ' + t.from : ''}${t.scope ? ' @' + t.scope : ''}${t.year ? ' y' + t.year : ''}`);
  for (const p of practices) console.log(`  P ${p.id} ${p.status}`);
}
