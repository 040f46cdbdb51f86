import { describe, expect, test } from 'vitest';
import { loadLexicon } from '../../src/lib/lexicon.ts';
import { compileStructure } from '../../src/lib/ingest/structure.ts';
import { sourceOf } from '../factories.ts';
import { endsWithDocType, isRepeatedTitle, isTitleish, split } from '../../src/lib/ingest/stages/split.ts';
import type { Source } from '../../src/lib/ingest/model.ts';

const lexicon = loadLexicon();
const structure = compileStructure(lexicon.structure);
const suffixes = ['工作总结', '总结', '实施方案', '方案', '工作汇报', '汇报', '工作安排', '工作布置', '分解表'];
const source = (text: string): Source => sourceOf(text, 's.txt');
const body = '我县严格按照省委、市委文件精神推进改革，取得了阶段性成果。'.repeat(8);
const options = { titleSuffixes: suffixes, structure, transmittal: lexicon.structure.transmittal, issuerEndings: lexicon.gongwen.issuerEndings, sectionCrumbs: lexicon.structure.titleNoise.sectionCrumbs };
const titles = (text: string) => split(source(text), options).drafts.map((d) => d.titleLines.map((l) => l.text.trim()).join('|'));

describe('isRepeatedTitle', () => {
  test.each([
    ['某县卫生健康局关于县人大第四次会议第37号建议答复的函', '关于县人大第四次会议第37号建议答复的函', true],
    // A copy that lost the 第 and 号 around the number.
    ['某县卫生健康局关于县人大第四次会议第37号建议答复的函', '关于县人大第四次会议37建议答复的函', true],
    ['某县医共体建设实施方案（征求意见稿）', '某县医共体建设实施方案', true],
    ['某县卫生健康局关于县人大第四次会议第37号建议答复的函', '关于县人大第四次会议第38号建议答复的函', false],
    ['某县医共体建设实施方案', '某县医共体建设工作总结', false],
  ])('%s, then %s → %s', (current, candidate, expected) => {
    expect(isRepeatedTitle(current, candidate)).toBe(expected);
  });
});

describe('isTitleish', () => {
  test.each([
    ['隰县基层医疗卫生体制综合改革', true],
    ['工 作 总 结', true],
    ['（征求意见稿）', true],
    ['柞水县深化医药卫生体制综合改革试点重点任务分解表（2017-2020年）', true],
    ['一、医改工作情况', false],
    ['（二）加强基层医疗卫生队伍建设', false],
    ['建立科学合理的用人机制，推进人事制度改革', false],
    ['二O一一年十月二十九日', false],
    ['2016年医改工作总结', true],
    ['2018年3月15日', false],
    ['2016年', false],
    ['20XX年12月', false],
    ['某县20XX年医改工作总结', true],
    ['\t序号', false],
  ])('%s → %s', (line, expected) => {
    expect(isTitleish(line, structure)).toBe(expected);
  });

  test.each([
    ['***医药卫生体制综合改革工作总结', true],
    ['平顶山市攻坚行动实施方案（征求意见稿）', true],
    ['醫藥衞生體制改善主要工作佈置', true],
    ['二、工作目标', false],
  ])('endsWithDocType(%s) → %s', (text, expected) => {
    expect(endsWithDocType(text, suffixes)).toBe(expected);
  });
});

describe('split', () => {
  test('splits at 第N篇 markers and drops the repeated title under a marker', () => {
    const result = split(source(`第四篇：金安区工作总结\n金安区工作总结\n${body}\n第五篇：藁城市实施方案\n${body}`), options);
    expect(result.drafts.map((d) => [d.marker, d.titleLines[0]?.text])).toEqual([
      ['第四篇', '金安区工作总结'],
      ['第五篇', '藁城市实施方案'],
    ]);
    expect(result.dropped.map((d) => d.reason)).toEqual(['repeated-title']);
  });

  test('splits at a 篇N: marker inside running text, title up to the first space', () => {
    expect(titles(`医改工作总结篇一:医改工作总结 xxx卫生局 ${body} 篇二:医改工作情况汇报 子长县 ${body}`)).toEqual(['医改工作总结', '医改工作情况汇报']);
  });

  test('splits unmarked documents at a new title block after enough body', () => {
    expect(titles(` ***医药卫生体制综合改革\n工作总结\n${body}\n 隰县基层医疗卫生体制综合改革\n工 作 总 结\n${body}\n二O一一年十月二十九日\n 卫生体制综合改革工作总结\n${body}`)).toEqual([
      '***医药卫生体制综合改革|工作总结',
      '隰县基层医疗卫生体制综合改革|工 作 总 结',
      '卫生体制综合改革工作总结',
    ]);
  });

  test.each([
    // A portal's column names, a blank line, then the title: the names go (section-label).
    ['政府信息公开\n专项资金\n\n某县卫生健康局关于下达补助资金的工作方案', ['某县卫生健康局关于下达补助资金的工作方案'], ['政府信息公开', '专项资金']],
    ['政府信息公开\n\n某县卫生健康局关于下达补助资金的工作方案', ['某县卫生健康局关于下达补助资金的工作方案'], ['政府信息公开']],
    // An organ's line above its title, and a title in two lines, are the title's.
    ['某县卫生健康局\n\n关于下达补助资金的工作方案', ['某县卫生健康局|关于下达补助资金的工作方案'], []],
    ['某县医共体建设\n\n实施方案', ['某县医共体建设|实施方案'], []],
  ])('column names above a title: %j', (head, expected, labels) => {
    const result = split(source(`${head}\n${body}`), options);
    expect(result.drafts.map((d) => d.titleLines.map((l) => l.text.trim()).join('|'))).toEqual(expected);
    expect(result.dropped.filter((d) => d.reason === 'section-label').map((d) => d.text)).toEqual(labels);
  });

  test('does not split at a title-like line inside a short body, nor at a repeated title', () => {
    expect(titles(`医改主要工作布置\n\n医改主要工作布置\n\n短段落。\n\n医改主要工作布置\n\n${body}`)).toEqual(['医改主要工作布置']);
  });

  test("a page's footer under a title-like line, with no sentence in it, is no second document", () => {
    const footer = '更多医改工作总结\n声明\n零零教育社区:农/牧/渔/林业:交流\n零零农业信息网';
    const result = split(source(`巴东逐步迈向小病不出村\n${body}\n\n${footer}`), options);
    expect(result.drafts).toHaveLength(1);
    expect(result.dropped.filter((d) => d.reason === 'footer-without-text').map((d) => d.text)).toEqual(footer.split('\n'));
    // A second document with sentences of its own stays one.
    expect(split(source(`巴东逐步迈向小病不出村\n${body}\n\n某县医共体建设实施方案\n${body}`), options).drafts).toHaveLength(2);
  });

  test('a title with no body is reported, not kept as a document', () => {
    const result = split(source(`2021医改工作总结\n\n篇一:医改工作总结 ${body}`), options);
    expect(result.drafts).toHaveLength(1);
    expect(result.dropped).toEqual([{ line: 1, text: '2021医改工作总结', stage: 'split', reason: 'title-without-body' }]);
  });
});

describe('split: transmittal notices and page frames', () => {
  const options = { titleSuffixes: lexicon.docTypes.flatMap((t) => t.titleSuffixes), structure, transmittal: lexicon.structure.transmittal, issuerEndings: lexicon.gongwen.issuerEndings, sectionCrumbs: lexicon.structure.titleNoise.sectionCrumbs };
  const titles = (text: string) => split(source(text), options).drafts.map((d) => d.titleLines.map((l) => l.text.trim()).join('|'));
  const notice = '各乡镇人民政府，县直各部门：\n《某县医共体建设实施方案》已经县政府同意，现印发给你们，请认真贯彻执行。\n某县人民政府办公室\n2019年3月5日';

  test('a notice and the document it transmits are one document, the attachment marked', () => {
    const { drafts } = split(source(`关于印发《某县医共体建设实施方案》的通知\n${notice}\n某县医共体建设实施方案\n${body}`), options);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.attachment).toEqual({ title: '某县医共体建设实施方案', line: 6 });
    expect(drafts[0]?.notice?.lines.map((l) => l.text)).toContain('2019年3月5日');
  });

  test("a page's title line, then the 公文's own title without its organ and a quote mark: one title, the page's", () => {
    const { drafts } = split(source(`某区人民政府办公室关于印发某区卫生健康事业发展“十四五”规划的通知\n\n关于印发某区卫生健康事业发展\n十四五”规划的通知\n各乡镇人民政府：\n${body}`), options);
    expect(drafts.map((d) => d.titleLines.map((l) => l.text.trim()).join(''))).toEqual(['某区人民政府办公室关于印发某区卫生健康事业发展“十四五”规划的通知']);
  });

  test("a yearbook's entry: its bracketed title before its text is the title; a short tag is not", () => {
    const entry = split(source('【医疗重点项目建设】2020年，陵水县投资1.37亿元与河北医科大学第一医院合作建设陵水县第二人民医院。'), options).drafts;
    expect(entry.map((d) => d.titleLines.map((l) => l.text).join(''))).toEqual(['医疗重点项目建设']);
    expect(entry[0]?.lines[0]?.text.startsWith('2020年，陵水县投资')).toBe(true);
    expect(split(source('【关注】短讯'), options).drafts[0]?.titleLines.map((l) => l.text).join('')).not.toBe('关注');
  });

  test('a notice without its title, that hands a document over in the next sentence, goes with that document', () => {
    const untitled = `各乡镇人民政府，县直各部门：\n结合我县实际，我们制定了《某县医共体建设实施方案》。现印发给你们，请认真贯彻执行。\n某县人民政府办公室\n2019年3月5日\n某县医共体建设实施方案\n${body}`;
    const { drafts } = split(source(untitled), options);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.attachment?.title).toBe('某县医共体建设实施方案');
  });

  test('the signature right above the attachment title is not part of that title', () => {
    const { drafts } = split(source(`关于印发《医共体建设实施方案》的通知\n各乡镇：\n现将方案印发给你们。\n某县人民政府办公室\n某县医共体建设实施方案\n${body}`), options);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.attachment?.title).toBe('某县医共体建设实施方案');
  });

  test('a notice transmitting two documents: one document each, the second with the notice', () => {
    const text = `关于印发2016年某市卫生工作总结和2017年某市卫生工作要点的通知\n各单位：现予以下发。\n2016年某市卫生工作总结\n${body}\n2017年某市卫生工作要点\n${body}`;
    const { drafts } = split(source(text), options);
    expect(drafts.map((d) => d.attachment?.title ?? d.titleLines.map((l) => l.text).join(''))).toEqual(['2016年某市卫生工作总结', '2017年某市卫生工作要点']);
    expect(drafts[1]?.notice?.titleLines[0]?.text).toMatch(/^关于印发/);
  });

  test('a page headline above the title stays apart from it, and a few lines above the title are no document', () => {
    const result = split(source(`闵行区发布《关于推进健康闵行行动的实施方案》\n\n闵行区人民政府印发《关于推进健康闵行行动的实施方案》的通知\n${body}`), options);
    expect(result.drafts.map((d) => d.titleLines.map((l) => l.text).join(''))).toEqual(['闵行区人民政府印发《关于推进健康闵行行动的实施方案》的通知']);
    expect(result.dropped).toContainEqual(expect.objectContaining({ line: 1, reason: 'before-title' }));
  });

  test('a fuller repeat of the page title (with the issuing organ) replaces it', () => {
    expect(titles(`关于印发医改工作要点的通知\n\n某市人民政府办公厅\n关于印发医改工作要点的通知\n${body}`)).toEqual(['某市人民政府办公厅|关于印发医改工作要点的通知']);
  });

  test('a title does not run across lines that cleaning removed', () => {
    // Lines 2-7 were removed (a portal catalogue): the short lines above are not the title's.
    const src: Source = { ...source('政府信息公开制度'), lines: [{ text: '政府信息公开制度', from: 1, to: 1 }, { text: '某区医共体建设实施方案', from: 8, to: 8 }, { text: body, from: 9, to: 9 }] };
    expect(split(src, options).drafts.map((d) => d.titleLines.map((l) => l.text).join('|'))).toEqual(['某区医共体建设实施方案']);
  });

  test("a title does not run across a single line cleaning removed (a site's slogan, its breadcrumb, the headline); a blank line it may", () => {
    const lines = [{ text: '打造网上投资促进平台 致力于投资促进事业', from: 1, to: 1 }, { text: '省政协副主席来我市调研', from: 3, to: 3 }, { text: body, from: 4, to: 4 }];
    const removed: Source = { ...source(''), lines, dropped: [{ line: 2, text: '您现在的位置:首页 > 新闻', stage: 'boilerplate', reason: 'breadcrumb' }] };
    expect(split(removed, { ...options, titleSuffixes: ['调研'] }).drafts.at(-1)?.titleLines.map((l) => l.text)).toEqual(['省政协副主席来我市调研']);
    const blank: Source = { ...source(''), lines: [lines[0]!, { text: '', from: 2, to: 2 }, ...lines.slice(1)] };
    expect(split(blank, { ...options, titleSuffixes: ['调研'] }).drafts.at(-1)?.titleLines.map((l) => l.text)).toEqual(['打造网上投资促进平台 致力于投资促进事业', '省政协副主席来我市调研']);
  });

  test('on a news page the line right above the byline is the headline', () => {
    const src: Source = {
      ...source(''),
      lines: [
        { text: '看家乡事，品故乡情', from: 1, to: 1 },
        { text: '某市着力建设健康某市 提升全民健康水平', from: 3, to: 3 },
        { text: `（记者 张三）${body}`, from: 7, to: 7 },
      ],
      record: [{ field: 'published', label: '', value: '某市日报 2018-01-08 09:05', line: 5 }],
    };
    const result = split(src, options);
    expect(result.drafts[0]?.titleLines.map((l) => l.text)).toEqual(['某市着力建设健康某市 提升全民健康水平']);
    expect(result.dropped).toContainEqual(expect.objectContaining({ line: 1, reason: 'before-title' }));
  });

  test.each([
    ['an exclamation at its end', '某市医疗实力稳居全省一流，多家医院排名前列！', '某市医疗实力稳居全省一流，多家医院排名前列！'],
    ['a question at its end', '这些年，这家医院都经历了哪些变化？', '这些年，这家医院都经历了哪些变化？'],
  ])('the headline above the byline may end with %s', (_, headline, expected) => {
    const src: Source = {
      ...source(''),
      lines: [
        { text: '某某网，足球即时比分', from: 1, to: 1 },
        { text: '某市民云', from: 2, to: 2 },
        { text: headline, from: 3, to: 3 },
        { text: body, from: 6, to: 6 },
      ],
      record: [{ field: 'published', label: '发布日期', value: '2020-09-02 16:13', line: 5 }],
    };
    expect(split(src, options).drafts[0]?.titleLines.map((l) => l.text)).toEqual([expected]);
  });

  test.each([
    ['names a document when it ends in a type\'s word', '某市人民政府办公厅转发市卫生健康委《关于加强社区健康服务的意见》的通知.pdf', ['某市人民政府办公厅转发市卫生健康委《关于加强社区健康服务的意见》的通知']],
    ['names a table, not the text, otherwise', '基本公共卫生服务项目支出绩效自评表.xlsx', []],
  ])("a page's file name above untitled text %s", (_, name, expected) => {
    const src: Source = { ...source(''), lines: [{ text: body, from: 2, to: 2 }], dropped: [{ line: 1, text: name, stage: 'boilerplate', reason: 'file-name-echo' }] };
    expect(split(src, { ...options, titleSuffixes: lexicon.docTypes.flatMap((t) => t.titleSuffixes) }).drafts[0]?.titleLines.map((l) => l.text)).toEqual(expected);
  });

  const crumbPage = (trail: string, lines: Array<[string, number]>): Source => ({
    ...source(''),
    lines: lines.map(([text, n]) => ({ text, from: n, to: n })),
    dropped: [{ line: 3, text: trail, stage: 'boilerplate', reason: 'breadcrumb' }],
  });
  test.each([
    ['names the page when no line below the trail does', '首页 » 常识 » 诊断 » 某县医共体建设进行时', [['某县简介', 1], [body, 5]], ['某县医共体建设进行时']],
    ['is no title when it names a section', '首页 > 新闻 > 正文', [['某县卫生健康事业概况', 1], [body, 5]], ['某县卫生健康事业概况']],
    ['gives way to a headline below the trail', '网易首页 > 网易号 > 正文 申请入驻', [['学习贯彻全省卫生健康工作会议精神丨某市：六个着力', 4], [body, 6]], ['学习贯彻全省卫生健康工作会议精神丨某市：六个着力']],
  ] as Array<[string, string, Array<[string, number]>, string[]]>)("a breadcrumb's last crumb %s", (_, trail, lines, expected) => {
    expect(split(crumbPage(trail, lines), options).drafts[0]?.titleLines.map((l) => l.text)).toEqual(expected);
  });
});
