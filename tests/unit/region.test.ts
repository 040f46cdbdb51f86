/** src/lib/ingest/metadata/region.ts: the region of a document, and region slugs. */
import { describe, expect, test } from 'vitest';
import { loadLexicon } from '../../src/lib/lexicon.ts';
import { buildGazetteer, detectRegion, mediaPlaceText, placeSlug, titleOpeningPlace } from '../../src/lib/ingest/metadata/region.ts';

const lexicon = loadLexicon();

describe('detectRegion', () => {
  test.each([
    ['隰县基层医疗卫生体制综合改革工作总结', '我县地处临汾市西北部', '隰县', '临汾市', '山西省'],
    ['金安区基层医药卫生体制综合改革试点工作总结', '金安区作为六安市主城区', '金安区', '六安市', '安徽省'],
    ['藁城市农村医药卫生体制综合改革实施方案', '我市已被省政府列为试点', '藁城市', '石家庄市', '河北省'],
    ['平顶山市乡村医疗卫生体系改革提升攻坚行动实施方案', '', '平顶山市', null, '河南省'],
    ['医改工作情况汇报', '子长县医改工作情况汇报 中共子长县委 子长县人民政府。子长县位于黄土高原中部。', '子长县', '延安市', '陕西省'],
    ['***医药卫生体制综合改革工作总结', '严格按照《石家庄市医药卫生体制综合改革实施方案》，印发了《无极县医药卫生体制改革实施方案》和《无极县标准化村卫生室建设工作方案》。', '无极县', '石家庄市', '河北省'],
    ['医药卫生体制改革主要工作安排', '深入贯彻落实《中共市委市人民政府关于深化医药卫生体制改革的实施意见》济发〔 〕16号)精神', '济南市', null, '山东省'],
    ['朝阳区医改工作总结', '北京市朝阳区卫生健康委', '朝阳区', '北京市', '北京市'],
    ['朝阳区医改工作总结', '长春市朝阳区卫生局', '朝阳区', '长春市', '吉林省'],
    // A municipality is a city too: named in the title, or only by its campaign (健康北京建设).
    ['上海市人民政府办公厅转发市卫生健康委等十四部门《关于加强本市社区健康服务的意见》的通知', '', '上海市', null, '上海市'],
    ['一、总体情况', '2021年，市卫生健康委紧紧围绕首都功能定位和健康北京建设，卫生健康工作取得新进展。', '北京市', null, '北京市'],
    ['县卫生健康工作会议召开', '会议提出，要推进健康唐河建设，深化紧密型医联体建设。', '唐河县', '南阳市', '河南省'],
    // A province that opens the title, with no other place in it: the province's own document.
    ['新疆新闻联播丨新疆今年将实现紧密型县域医共体全覆盖', '记者从自治区卫生健康委了解到。', '新疆维吾尔自治区', null, '新疆维吾尔自治区'],
    ['海南省人均预期寿命突破80岁新闻发布会实录', '', '海南省', null, '海南省'],
    ['河南省人民医院大别山分院在固始县揭牌', '', '固始县', '信阳市', '河南省'],
  ])('%s', (title, body, name, prefecture, province) => {
    const { region, evidence } = detectRegion({ title, body }, lexicon);
    expect(region).toMatchObject({ name, prefecture, province });
    expect(evidence.length).toBeGreaterThan(0);
  });

  test.each([
    ['2018年深化医药卫生体制改革重点工作任务', ['尤溪县深化医药卫生体制改革领导小组办公室', '2018年3月15日'], '尤溪县'],
    ['医改工作总结', ['武功县卫生和计划生育局', '2016年12月20日'], '武功县'],
  ])('from the signature: %s', (title, lastLines, name) => {
    const { region, evidence } = detectRegion({ title, body: lastLines.join('\n'), lastLines }, lexicon);
    expect(region?.name).toBe(name);
    expect(evidence[0]).toMatchObject({ kind: 'formal', position: 'signature', name });
  });

  test('a signature line must open with the place and end with an issuing body', () => {
    const lastLines = ['我们将学习尤溪县的经验，加强领导小组办公室', '2018年3月15日'];
    expect(detectRegion({ title: '医改工作总结', body: lastLines.join('\n'), lastLines }, lexicon).evidence[0]).not.toMatchObject({ position: 'signature' });
  });

  test.each([
    ['the issuer', { position: 'issuer' as const, text: '临潭县人民政府办公室' }, '临潭县', '甘肃省'],
    ['a portal field', { position: 'portalField' as const, text: '泽库县人民政府' }, '泽库县', '青海省'],
    ['a short autonomous prefecture (…州 for …自治州)', { position: 'title' as const, text: '海南州全面推进紧密型县域医共体建设实施方案' }, '海南藏族自治州', '青海省'],
    ['a short autonomous county', { position: 'title' as const, text: '互助县医共体建设工作总结' }, '互助土族自治县', '青海省'],
    ['a banner by its usual short name', { position: 'title' as const, text: '科左中旗医改工作汇报' }, '科尔沁左翼中旗', '内蒙古自治区'],
    ['a city without its 市, opening a title', { position: 'title' as const, text: '六安推进紧密型医共体建设' }, '六安市', '安徽省'],
    ['a stem after a campaign word', { position: 'title' as const, text: '着力建设健康自贡 提升全民健康水平' }, '自贡市', '四川省'],
    ["a city's stem after its province's short name", { position: 'title' as const, text: '内蒙古通辽医改模式引关注' }, '通辽市', '内蒙古自治区'],
    ["a city's stem and a colon opening a headline's later part", { position: 'title' as const, text: '学习贯彻2026年全省卫生健康工作会议精神丨广元：六个着力，绘就健康新篇' }, '广元市', '四川省'],
  ])('one mention in a formal position is enough: %s', (_what, formal, name, province) => {
    const { region, evidence } = detectRegion({ title: '工作方案', body: '为推进医共体建设，制定本方案。', formal: [formal] }, lexicon);
    expect(region).toMatchObject({ name, province });
    expect(evidence[0]).toMatchObject({ kind: 'formal', position: formal.position });
  });

  test.each([
    // A province's office signing or issuing a document that names no place: the province's own.
    ['signature', '黑龙江省人民政府办公厅', '黑龙江省'],
    ['issuer', '宁夏回族自治区卫生健康委员会', '宁夏回族自治区'],
  ] as const)('a province opening the %s names the province', (position, text, name) => {
    const { region, evidence } = detectRegion({ title: '关于推进医疗卫生与养老服务相结合的实施意见', body: '为推进医养结合，制定本意见。', formal: [{ position: 'title', text: '关于推进医疗卫生与养老服务相结合的实施意见' }, { position, text }] }, lexicon);
    expect(region).toMatchObject({ name, level: 'province' });
    expect(evidence[0]).toMatchObject({ kind: 'formal', position, text });
  });

  test('a province in a portal field, or with a county in a formal position, does not make the document the province\'s', () => {
    const formal = [{ position: 'title' as const, text: '医共体建设让群众看病更方便' }, { position: 'portalField' as const, text: '湖北省卫生健康委员会' }];
    expect(detectRegion({ title: '医共体建设让群众看病更方便', body: '为推进医共体建设，制定本方案。', formal }, lexicon).region?.level).not.toBe('province');
    const county = [{ position: 'title' as const, text: '临潭县医共体建设实施方案' }, { position: 'signature' as const, text: '甘肃省卫生健康委员会' }];
    expect(detectRegion({ title: '临潭县医共体建设实施方案', body: '为推进医共体建设，制定本方案。', formal: county }, lexicon).region?.name).toBe('临潭县');
  });

  test('a stem after a headline\'s bar names a place only with its colon', () => {
    expect(detectRegion({ title: '医改观察丨广元推进医共体建设', body: '为推进医共体建设，制定本方案。' }, lexicon).region).toBeNull();
  });

  test('the only county-level place a text names, named twice, is its place', () => {
    const body = '我来自内蒙古科尔沁草原腹地——兴安盟科尔沁右翼中旗。科尔沁右翼中旗位于大兴安岭南麓。';
    expect(detectRegion({ title: '中蒙医医院发展机遇与挑战', body }, lexicon)).toMatchObject({ region: { name: '科尔沁右翼中旗' }, evidence: [{ kind: 'body', count: 2 }] });
    // Two places, each named twice: nothing decides.
    expect(detectRegion({ title: '考察报告', body: '鹿邑县考察团到沈丘县考察。鹿邑县、沈丘县两地……' }, lexicon).region).toBeNull();
  });

  test('named once, a county-level place is the region only when the text names no other place', () => {
    const body = '2月25日，2021年全省卫生健康工作视频会议召开。会议要求，各级各部门要增强危机意识。华亭市副市长莫雅君在分会场收看会议实况。';
    expect(detectRegion({ title: '全省卫生健康工作视频会议召开', body }, lexicon)).toMatchObject({ region: { name: '华亭市' }, evidence: [{ kind: 'body', count: 1 }] });
    // Another place beside it: one mention decides nothing.
    expect(detectRegion({ title: '全省卫生健康工作视频会议召开', body: `${body}平凉市卫生健康委作交流发言。` }, lexicon).region?.name).not.toBe('华亭市');
  });

  test("a name whose 市 begins another word is not named there (龙城市民云 is 龙城 and 市民)", () => {
    expect(detectRegion({ title: '龙城市民云', body: '柳州市医疗实力稳居广西一流，柳州市工人医院排名全区前列。柳州市卫健委表示。' }, lexicon).region?.name).toBe('柳州市');
    expect(detectRegion({ title: '某区召开会议', body: '龙城市民云上线，市民可在线预约挂号。' }, lexicon).region).toBeNull();
    // 县卫健局和县人民医院: 和 joins; 安徽省和县, 和县人民政府 name the county.
    expect(detectRegion({ title: '9月4日和5日，县卫健局和县人民医院的负责人到乡卫生院督导', body: '' }, lexicon).region).toBeNull();
    expect(detectRegion({ title: '安徽省和县卫生健康委员会召开会议', body: '' }, lexicon).region?.name).toBe('和县');
    expect(detectRegion({ title: '和县人民医院医共体建设推进会召开', body: '' }, lexicon).region?.name).toBe('和县');
    // 以乡带村和县乡一体: 和 joins, 县乡一体 is one word; 隰县乡镇卫生院 still names 隰县.
    expect(detectRegion({ title: '今年将实现医共体全覆盖', body: '通过以城带乡、以乡带村和县乡一体，让群众就近就医。' }, lexicon).region).toBeNull();
    expect(detectRegion({ title: '今年将实现医共体全覆盖', body: '我县推进改革，隰县乡镇卫生院全部纳入医共体。' }, lexicon).region?.name).toBe('隰县');
  });

  test('a text that speaks of itself as a county and names one county: that county, before its city', () => {
    const body = '我县参加全市健康扶贫暨医改工作电视电话会议。临沧市副市长出席。临沧市要求各县推广经验，云县人民医院作了交流发言。临沧市将继续推进。';
    expect(detectRegion({ title: '我县参加全市医改工作电视电话会议', body }, lexicon).region?.name).toBe('云县');
  });

  test.each([
    ['two campaigns under two names', '推进健康北京建设，学习健康上海经验，卫生健康工作取得新进展。', null],
    ['a campaign beside a place the text names', '推进健康北京建设，我市与保定市签署合作协议。', null],
  ])('a campaign decides nothing with %s', (_, body, expected) => {
    const { region } = detectRegion({ title: '卫生健康工作会议召开', body }, lexicon);
    expect(region?.name ?? null).toBe(expected);
  });

  test('a province whose counties answer to it directly is no city: 河南省 in a text is not its region', () => {
    expect(detectRegion({ title: '全省卫生健康工作会议召开', body: '河南省卫生健康委召开会议，河南省各地参加，河南省卫健委主任讲话。' }, lexicon).region).toBeNull();
  });

  test.each([
    ['五华发布', '五华'],
    ['尤溪融媒体中心', '尤溪'],
    ['中国义乌', '义乌'],
    ['新华社', undefined],
    ['本站', undefined],
  ])("the place a news outlet is named after: %s → %s", (source, name) => {
    expect(mediaPlaceText(source, lexicon)).toBe(name);
  });

  test("a news page's 来源 that is a county's own outlet names its region; a stem alone is enough there", () => {
    const formal = [{ position: 'title' as const, text: '全县卫生健康工作会议召开' }, { position: 'portalField' as const, text: mediaPlaceText('五华发布', lexicon) ?? '' }];
    expect(detectRegion({ title: '全县卫生健康工作会议召开', body: '3月1日，全县卫生健康工作会议召开。', formal }, lexicon).region?.name).toBe('五华县');
  });

  test.each([
    ['积石山县新型农村合作医疗惠及千家万户', '积石山县'],
    ['云阳将健康产业发展成重要支柱产业', '云阳'],
    ['重庆市云阳县推进全县卫生与健康事业发展', '云阳县'],
    ['关于印发某方案的通知', undefined],
    ['新型农村合作医疗惠及积石山县千家万户', undefined],
  ])('the place a title opens with: %s → %s', (title, name) => {
    expect(titleOpeningPlace(title, lexicon)).toBe(name);
  });

  test("a district's stem names it before a headline's colon only", () => {
    expect(detectRegion({ title: '旌阳：建成69个标准化卫生室 做好群众健康的“守门人”', body: '' }, lexicon).region?.name).toBe('旌阳区');
    expect(detectRegion({ title: '旌阳建成69个标准化卫生室', body: '' }, lexicon).region).toBeNull();
  });

  test('a stem inside running text is no place: 安全, 延长 are words', () => {
    expect(detectRegion({ title: '工作方案', body: '', formal: [{ position: 'title', text: '延长服务时间的实施方案' }] }, lexicon).region).toBeNull();
  });

  test.each([
    ['医改工作总结', 'xxx卫生局 年医改工作总结报告 各位领导: 年,我区医改工作稳步开展。', 'anonymised'],
    ['卫生体制综合改革工作总结', '我院严格按照县委、县政府的部署推进改革。', 'none'],
    ['卫生体制综合改革工作总结', '详见 www.xxgov.cn/xx/index.html 我院严格按照部署推进改革。', 'none'],
  ])('null with a reason: %s', (title, body, kind) => {
    const { region, evidence } = detectRegion({ title, body }, lexicon);
    expect(region).toBeNull();
    expect(evidence[0]?.kind).toBe(kind);
  });

  test.each([
    ['隰县', 'xixian'],
    ['金安区', 'jinanqu'],
    ['平顶山市', 'pingdingshanshi'],
  ])('placeSlug(%s) = %s', (name, slug) => {
    expect(placeSlug(name)).toBe(slug);
  });
});

describe('region slugs', () => {
  const gazetteer = buildGazetteer(lexicon);
  const places = [...gazetteer.byName.values()].flat();

  test('are unique across the whole gazetteer: no two places share a page', () => {
    const owners = new Map<string, string>();
    const clashes: string[] = [];
    for (const place of places) {
      const key = `${place.name}|${place.prefecture ?? ''}|${place.province}`;
      const slug = gazetteer.slugs.get(key);
      expect(slug, key).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      const owner = owners.get(slug ?? '');
      if (owner !== undefined && owner !== key) clashes.push(`${slug}: ${owner} and ${key}`);
      owners.set(slug ?? '', key);
    }
    expect(places.length).toBeGreaterThan(3000);
    expect(clashes).toEqual([]);
  });

  test.each([
    ['隰县的总结', '隰县', 'xixian'],
    ['息县的总结', '息县', 'xixian-xinyang'],
    ['魏县的总结', '魏县', 'weixian'],
    ['蔚县的总结', '蔚县', 'weixian-zhangjiakou'],
    ['威县的总结', '威县', 'weixian-xingtai'],
    ['北京市朝阳区的总结', '朝阳区', 'chaoyangqu'],
    ['汕头市潮阳区的总结', '潮阳区', 'chaoyangqu-shantou'],
    ['长春市朝阳区的总结', '朝阳区', 'chaoyangqu-changchun'],
    ['济南市的要点', '济南市', 'jinanshi'],
    ['金安区的总结', '金安区', 'jinanqu'],
  ])('%s → %s at /regions/%s/ (same-sounding places apart, existing slugs kept)', (title, name, slug) => {
    const { region } = detectRegion({ title, body: '' }, lexicon);
    expect(region?.name).toBe(name);
    expect(region?.slug).toBe(slug);
  });
});

describe('detectRegion: how a county-level text speaks of itself', () => {
  test('a district that speaks of 区委区政府 and is named once is the region, before its city named again and again', () => {
    const body = '一年来，我们在区委区政府的正确领导下，续写了芦淞卫生事业新篇章。联合株洲市中心医院、株洲市妇幼保健院、株洲市中医院成立医联体，芦淞区14家卫生院加入。株洲市卫健委给予表彰。';
    expect(detectRegion({ title: '2021年度卫生健康局工作总结', body }, lexicon).region?.name).toBe('芦淞区');
  });

  test('a two-character name met once beside a county named twice is two words (建设和县中医医院 holds no 和县)', () => {
    const body = '贵州省余庆县加强基层设施建设，完成余庆县人民医院综合楼建设和县中医医院、县妇幼保健院改造。';
    expect(detectRegion({ title: '摘要', body }, lexicon).region?.name).toBe('余庆县');
    // Named once each, nothing decides between them.
    expect(detectRegion({ title: '摘要', body: '完成余庆县人民医院综合楼建设和县中医医院改造。' }, lexicon).region?.name).not.toBe('和县');
  });
});
