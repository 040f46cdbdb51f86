import { describe, expect, test } from 'vitest';
import { sourceOf } from '../factories.ts';
import { compileRules, findSite, matchBoilerplate, stripBoilerplate } from '../../src/lib/ingest/stages/boilerplate.ts';
import { loadLexicon } from '../../src/lib/lexicon.ts';
import { stripInline } from '../../src/lib/ingest/stages/inline.ts';
import type { Source } from '../../src/lib/ingest/model.ts';

const { boilerplate } = loadLexicon();
const rules = compileRules(boilerplate.rules);

describe('boilerplate rules', () => {
  test.each([
    ['上传人:一招 文档编号:169780309 上传时间:2021-02-28 格式:DOCX 页数:14 大小:24.67KB', 'upload-metadata'],
    ['返回 下载 相关 举报', 'action-bar'],
    ['2021医改工作总结_第3页', 'page-title-echo'],
    ['第3页 / 共14页', 'page-counter'],
    ['第 2 页', 'page-counter'],
    ['- 12 -', 'page-counter'],
    ['点击查看更多>>', 'read-more'],
    ['展开阅读全文', 'read-more'],
    ['资源描述', 'resource-header'],
    ['專題', 'resource-header'],
    ['《2021医改工作总结》由会员分享,可在线阅读,更多相关《2021医改工作总结(14页珍藏版)》请在金锄头文库上搜索。', 'shared-by-member'],
    ['  • 文章版權屬於文章作者所有,轉載請註明 https://wjfww.com/jihua/yiwu/gmvkw9.html', 'copyright-notice'],
    ['本文档由站牛网zhann.net收集整理，更多优质范文文档请移步zhann.net站内查找', 'site-collected'],
    ['當前位置:萬佳範文網 >', 'breadcrumb'],
    ['工作計劃 >醫務工作計劃 >', 'breadcrumb'],
    ['经营许可证:蜀ICP备13022795号 | 川公网安备 51140202000112号', 'licence-footer'],
    ['下载文档到电脑，查找使用更方便', 'download-notice'],
    ['Copyright © 2008-2024 某某文库 All Rights Reserved', 'copyright-notice'],
    ['本文（2016年医改工作总结）为本站会员（张三）主动上传，本站仅提供信息存储空间。', 'member-upload-notice'],
    ['亲，该文档总共12页，到这已经超出免费预览范围，如果喜欢就下载吧！', 'preview-notice'],
    ['预览已结束，完整报告链接和二维码如下：', 'preview-notice'],
    ['打开APP，阅读全文', 'app-prompt'],
    ['微信扫一扫 分享到朋友圈', 'app-prompt'],
    ['上一篇：2015年乡镇卫生院工作总结', 'site-navigation'],
    ['关于我们 | 联系我们 | 网站地图 | 用户协议', 'site-navigation'],
    ['返回顶部', 'site-navigation'],
    ['页数：12页', 'document-stats'],
    ['浏览量：356', 'document-stats'],
    ['页数：6页 大小：45KB', 'document-stats'],
    ['XX县2016年深化医药卫生体制改革工作总结.doc', 'file-name-echo'],
    ['原创力文档', 'site-name'],
    ['金锄头文库', 'site-name'],
    ['道客巴巴', 'site-name'],
    ['医改工作总结范文3篇', 'collection-title'],
    ['2016年医改工作总结（精选5篇）', 'collection-title'],
    ['乡镇卫生院医改工作总结3篇', 'collection-title'],
    ['关怀版 无障碍 无障碍', 'site-tools'],
    ['字体大小:【 】  打印 打印 分享到:', 'site-tools'],
    ['长者助手', 'site-tools'],
    ['字号:A-AA+', 'site-tools'],
    ['【字体：大 中 小】', 'site-tools'],
    ['打印  字体： 放大 正常 缩小  分享', 'site-tools'],
    ['扫一扫在手机打开当前页', 'app-prompt'],
    ['相关文件：县卫健委信息公开指南', 'related-links'],
    ['相关链接: 关于印发某方案的通知', 'related-links'],
    ['<legend id="h4sia"></legend><samp id="h4sia"></samp>', 'html-markup'],
    ['1. <blockquote id="h4sia"><rt id="h4sia"></rt></blockquote>', 'html-markup'],
    ['2025年5月31日 星期六', 'today-date'],
    ['WWW5558DCOM,WWW555CC成人|www56pao_www669', 'domain-run'],
    ['![](https://example.com/a.png)', 'image-markup'],
    ['（相关资料图）', 'image-markup'],
    ['全文共3000字，显示1000字', 'full-text-notice'],
    ['登录后查看全文', 'full-text-notice'],
    ['开通会员，免费阅读全部内容', 'full-text-notice'],
    ['本文首发于某某健康网', 'first-published'],
    ['原文链接：某某网', 'first-published'],
    ['主办单位:新邵县人民政府', 'portal-footer'],
    ['承办单位:新邵县行政审批服务局 网站标识码:4305220007', 'portal-footer'],
    ['兴安盟卫生健康委员会主办 综合监管投诉举报电话:0482-8266701 建议使用:1024×768分辨率 真彩32位浏览', 'portal-footer'],
    ['地 址:内蒙古乌兰浩特市铁西北路46号 电话: 0482-8266804 传真: 0482-8266852', 'portal-footer'],
    ['新邵县政府门户网站联系电话', 'portal-footer'],
    ['QQ空间 新浪微博 微信 腾讯微博 QQ好友 百度首页', 'share-row'],
    ['• 最热新闻 •', 'section-header'],
    ['相关新闻', 'section-header'],
    ['标签: 重点工作 各项工作 健康中国', 'tags-line'],
    ['0739-3606418', 'phone-only'],
    ['医疗卫生规划推荐', 'section-header'],
    ['中科大型白癜风公益援助 http://news.39.net/bjzkhbzy/171020/5778275.html', 'link-line'],
    ['本文为湖南频道原创文章,转载请附上原文出处链接和本声明。', 'copyright-notice'],
    ['文章关键字: 记者 彭楠 贾志敏 通讯员 医疗', 'tags-line'],
    ['此文章为某公文网原创,稍加修改便可使用。只有正式会员才能完整阅读,请理解!', 'full-text-notice'],
    ['▌文章为沈丘融媒体中心原创,转载或内容合作请联系我们。未经许可,不得转载。', 'copyright-notice'],
    ['本文仅代表作者个人观点。', 'copyright-notice'],
    ['凡本網注明“來源:XXX(非黔東南信息港)”的作品,均轉載自其它媒體,轉載目的在于傳遞更多信息,并不代表本網贊同其觀點和對其真實性負責。', 'copyright-notice'],
    ['Powered By 零零农业信息网', 'licence-footer'],
    ['新聞熱線:0855-8222000', 'news-hotline'],
    ['我要报料', 'news-hotline'],
    ['无相关信息', 'empty-list'],
    ['聲明:所有內容信息均來源于網絡,僅供藥品專業人士閱讀,不作為用藥依據,如有藥品疑問,歡迎咨詢在線藥師。', 'copyright-notice'],
    ['关于我们 联系我们 广告服务 版权申明 电子报入口', 'site-tools'],
    ['网友评论 [新闻评论服务协议]', 'section-header'],
    ['内容导航:', 'section-header'],
    ['  • 字体大小:[]', 'reading-tools'],
    ['  • 背景颜色:', 'reading-tools'],
    ['当前时间:', 'clock'],
    ['2021-08-17 05:08:23 +0000 UTC', 'machine-timestamp'],
    ['查看完整版本: 紧密型县域医共体建设进行时中牟站', 'forum-archive'],
    ['广西广播电视台 主办', 'sponsor-line'],
    ['广西壮族自治区互联网信息办公室 支持指导', 'sponsor-line'],
    ['网站简介 | About BBRTV | 广告服务 | 联系我们 | 专题回顾 | 中文简体 | English', 'link-row-words'],
    ['体球网,足球即时比分', 'gambling-spam'],
    ['【纠错】 【责任编辑:李倩】', 'bracket-tools'],
    ['一级目:科教•文体•卫生Science, Education, Culture and Health', 'yearbook-catalogue'],
    ['书名:', 'yearbook-catalogue'],
    ['9614 阅读', 'engagement-counts'],
    ['转载', 'repost-tag'],
    ['0 评论', 'engagement-counts'],
    ['阅读：356 点赞：12', 'engagement-counts-labelled'],
    ['2_origin.jpg', 'image-file'],
    ['西藏自治区部门网站', 'site-links-heading'],
    ['友情链接', 'site-links-heading'],
    ['国产日韩欧美一区二区三区_亚洲少妇', 'adult-spam'],
    ['新华网 > > 正文', 'breadcrumb'],
    ['您当前的位置:云南网 >> 健康频道 >> 要闻 >> 正文', 'breadcrumb'],
    ['>政民互动>民意征集', 'breadcrumb-cut'],
    ['徐州三院农村医疗费用合作医疗怎么减免费用', 'search-query'],
    ['新农合报销比例是多少怎么查询', 'search-query'],
    ['» 政务公开 » 通知公告 »', 'breadcrumb-cut'],
    // A list bullet before a rule's line; a footer's dashed link row; more reading tools and headings.
    ['  • 上一篇:多项工作和体检同步开展 提高群众获得感', 'site-navigation'],
    ['网站首页 - 关于本站 - 版权声明 - 广告服务 - 法律援助 - 联系我们', 'footer-dash-links'],
    ['打印本文', 'site-tools'],
    ['点击查看全文', 'read-more'],
    ['今日热搜', 'section-header'],
    ['监督方式:0557-6031710', 'labelled-phone'],
    ['联系方式: 技术支持 029-63912478', 'labelled-phone'],
    ['Baidu', 'latin-word-line'],
    ['建设与维护:广元市电子政务外网运营中心', 'portal-footer'],
    ['官方微信', 'site-accounts'],
    ['1682 期 / 第2版:2', 'newspaper-issue'],
    ['目录/提纲:……', 'outline-label'],
    ['收藏《市卫生_改革工作总结》)', 'outline-label'],
    ['如需使用相关内容,请致电0931-8159799。', 'copyright-claims'],
    ['③鉴于本网发布稿件来源广泛、数量较多,如因作者联系方式不详或其它原因未能与著作权拥有者取得联系', 'copyright-claims'],
    ['map', 'latin-word-line'],
    ['期待您的关注', 'follow-prompt'],
    ['欢迎关注我们的公众号', 'follow-prompt'],
    ['省政府办公厅主管 省政务大数据服务中心承办', 'sponsor-line'],
    ['下午好!我是安安', 'voice-assistant'],
    ['点击我为您语音播报', 'voice-assistant'],
    ['移动用户编辑短信CD到106580009009,即可免费订阅30天中国日报双语手机报。', 'sms-subscription'],
    ['更多>- 北京海洋馆推出“海洋儿童成长乐园” 图片精选:中国女排亚锦赛第13次夺冠', 'more-teasers'],
    ['赵我行-文/图责任编辑:张晓泉编辑:赵庆顺朱菊芳赵我行', 'editor-credits'],
  ])('%s → %s', (line, id) => {
    expect(matchBoilerplate(line, rules)?.id).toBe(id);
  });

  test.each([
    ['联系电话：各乡镇卫生院要公布值班电话，接受群众监督。'],
    ['下午好，各位代表，我是县卫生健康局局长。'],
    ['更多群众在家门口享受到优质医疗服务。'],
    ['县卫生健康局责任编辑部门要对信息公开内容严格把关，确保准确无误。'],
    ['• 上一篇文章说到的家庭医生签约服务，今年全面推开。'],
    ['首页 - 2024年工作要点'],
    ['一、医改工作情况'],
    ['2024年，我县新农合参合率为98.31％，城镇居民基本医疗保险参保率提高到92.3%。'],
    ['第四篇：金安区基层医药卫生体制综合改革试点工作总结'],
    ['工作总结'],
    ['（二）组织实施阶段（2024年4月至10月）'],
    ['关于我县2016年医改工作的情况汇报'],
    ['关于我们县基层医疗卫生机构综合改革的实施意见'],
    ['首页诊疗实行家庭医生签约服务优先，下一步将扩大覆盖面。'],
    ['各乡镇卫生院要及时公示补偿结果，主动接受群众监督，对网友反映的问题认真整改。'],
    ['全县共设置评分细则10项，考核结果与绩效工资挂钩。'],
    ['建立县乡村三级卫生信息网'],
    ['全年共发表论文12篇'],
    ['县医共体运行资金来源于县财政和医保基金结余，信息来源于县卫健局统计。'],
    ['县卫健局开通12320服务热线和新闻热线，方便群众咨询。'],
    ['无相关信息系统的乡镇卫生院，由县医院统一配备。'],
    ['第四篇：金安区基层医药卫生体制综合改革试点工作总结'],
    ['附件：医改任务分解表.doc（另发）'],
    ['登录卫生局网站www.example.gov.cn查询政策，并在各乡镇卫生院公示补偿结果，接受群众监督。'.repeat(3)],
    // The neighbours of the chrome rules: lines of a document that look like them.
    ['大力推进医共体建设，打印发放宣传资料2万份。'],
    ['二〇一九年三月五日'],
    ['>80%的乡镇卫生院达到标准'],
    ['群众看病难怎么办？我县推进医共体建设的做法'],
    ['如何推进紧密型县域医共体建设'],
    ['思南县2014年新型农村合作医疗统筹补偿方案'],
    ['>5人>3人'],
    ['2019年3月5日'],
    ['全县共有会员单位15家，覆盖全部乡镇。'],
    ['全文共分为五个部分。'],
    ['附件：1.医共体建设实施方案'],
    ['相关文件要求，结合我县实际，制定本方案。'],
    ['（此件公开发布）'],
    ['首发病例在县人民医院确诊后，全县启动应急响应。'],
    ['中'],
    ['主办单位要提前做好会议筹备工作，承办单位负责会务保障。'],
    ['县卫健局设立举报电话，及时受理群众投诉，全年办结率达到100%。'.repeat(2)],
    ['相关新闻报道引起广泛关注，县委县政府高度重视。'],
    ['2019年全县门诊量达到120万人次'],
    ['地址：县人民医院门诊楼三楼'],
    ['优秀家庭医生团队推荐工作正在进行中，各乡镇卫生院要按时上报。'],
    ['县卫健局网站http://www.example.gov.cn/a.html已开通在线咨询，群众可随时留言，工作人员在三个工作日内答复。'],
    ['网友评论区开通以来，收集群众意见建议120条。'],
    ['当前时间节点，全县医共体建设进入攻坚阶段。'],
    ['2021-08-17 05:08:23'],
    ['县人民医院 - 2024年工作要点'],
    ['会议由县卫健局主办'],
    ['序号 | 指标名称 | 单位 | 2020年 | 2025年 | 属性'],
    ['全民健身体育设施覆盖率达到100%'],
    ['县医院门诊量>1000人次'],
    ['<script>alert(1)</script>'],
    ['全年阅读推广活动120场'],
    ['县政府网站群建设'],
    ['附件：2023年工作安排.jpg说明'],
    ['【典型经验】某县推行医共体改革，群众就近看病。'],
    ['活动由县卫健局主管 县人民医院承办，共培训120人'],
    ['技术支持团队达到120人'],
    ['欢迎关注，全县医共体建设取得新进展，群众满意度达到95%。'],
    ['敬请关注后续报道。'],
    ['5G'],
    ['HIS系统'],
    ['官方微信公众号粉丝突破10万，群众可在线预约挂号。'],
    ['全县1682名村医参加培训，第2期培训班下月开班。'],
    ['目录管理是药品集中采购的基础。'],
  ])('keeps document text: %s', (line) => {
    expect(matchBoilerplate(line, rules)).toBeUndefined();
  });
});

describe('stripBoilerplate', () => {
  test('removes a menu (a run of short link lines) but keeps joint signatures and short headings', () => {
    const out = stripBoilerplate(
      sourceOf(['招商政策', '投资流程', '', '厂房价格', '注册公司', '关于印发某区实施方案的通知', '县卫生健康局', '县财政局', '县人社局', '县医保局', '总体要求', '正文。']),
      boilerplate,
    );
    expect(out.lines.map((l) => l.text)).toEqual(['', '关于印发某区实施方案的通知', '县卫生健康局', '县财政局', '县人社局', '县医保局', '总体要求', '正文。']);
    expect(out.dropped.filter((d) => d.reason === 'menu').map((d) => d.line)).toEqual([1, 2, 4, 5]);
  });

  test('removes pinyin glosses inside lines, keeping each change as a repair', () => {
    const out = stripInline(sourceOf(['2023年全縣衛(wèi)生健康工作會議召開', '第(1)条', '见图![](a.png)如下', '重庆市og视讯官网app下载卫生健康发展规划', '安信11娱乐平台办公室', '全民健身体育设施覆盖率达到100%']).lines, boilerplate.inline);
    expect(out.lines.map((l) => l.text)).toEqual(['2023年全縣衛生健康工作會議召開', '第(1)条', '见图如下', '重庆市卫生健康发展规划', '办公室', '全民健身体育设施覆盖率达到100%']);
    expect(out.repairs.map((r) => [r.kind, r.line])).toEqual([['chrome', 1], ['chrome', 3], ['chrome', 4], ['chrome', 5]]);
  });

  const source = (texts: string[]): Source => sourceOf(texts, 'x.txt');

  test('below the body, a related-links heading takes the headlines and teasers under it; above the body it takes only itself', () => {
    const teaser = '陇西讯(通讯员张登华)近年来,陇西县积极推进中医药品牌战略,将中医药品牌建设工作列入政府年度重点工作,并纳入全县规划(2016...';
    const below = stripBoilerplate(source(['陇西县入选全国县级公立医院综合改革示范县', '近日，国家卫生计生委公布了第一批示范县名单，陇西县名列其中。', '新闻推荐', '陇西陇药产业品牌愈擦愈亮', teaser, '陇西新闻,新鲜有料。']), boilerplate);
    expect(below.lines.map((l) => l.text)).toEqual(['陇西县入选全国县级公立医院综合改革示范县', '近日，国家卫生计生委公布了第一批示范县名单，陇西县名列其中。']);
    expect(below.dropped.map((d) => d.reason)).toEqual(['section-header', 'footer', 'footer', 'footer']);
    const above = stripBoilerplate(source(['相关新闻', '陇西县入选全国县级公立医院综合改革示范县', '近日，国家卫生计生委公布了第一批示范县名单，陇西县名列其中。']), boilerplate);
    expect(above.lines.map((l) => l.text)).toEqual(['陇西县入选全国县级公立医院综合改革示范县', '近日，国家卫生计生委公布了第一批示范县名单，陇西县名列其中。']);
  });

  test('removes a footer from its first line on, and records each line with its rule', () => {
    const out = stripBoilerplate(source(['正文第一段。', '展开阅读全文', '相关资源', '最新文档', '电脑版 |金锄头文库版权所有']), boilerplate);
    expect(out.lines.map((l) => l.text)).toEqual(['正文第一段。']);
    expect(out.dropped.map((d) => [d.line, d.reason])).toEqual([
      [2, 'read-more'], [3, 'resource-header'], [4, 'resource-header'], [5, 'copyright-notice'],
    ]);
    expect(out.site).toBe('金锄头文库');
  });

  test.each([
    [['转载请注明 https://wjfww.com/a.html'], 'wjfww.com'],
    [['请在金锄头文库上搜索。由会员分享'], '金锄头文库'],
    [['当前位置:万佳范文网 >'], '万佳范文网'],
  ])('finds the site in %j', (lines, site) => {
    expect(findSite(lines.map((text, i) => ({ line: i + 1, text, stage: 'boilerplate' as const, reason: 'x' })), boilerplate.sitePatterns)).toBe(site);
  });
});
