/**
 * The markup steps (src/lib/ingest/markup) as remark plugins on a small MDX text: figures
 * marked in their cited paragraph, terms linked once per section, never in
 * headings, the longest match winning, 村医 left alone inside 农村医疗,
 * ambiguous words never linked, heading levels without gaps.
 */
import { describe, expect, test } from 'vitest';
import { remark } from 'remark';
import remarkMdx from 'remark-mdx';
import { remarkTermLinks, buildTerms, isLinkablePattern, linkTargetsOf } from '../../src/lib/ingest/markup/term-links.ts';
import { loadLexicon } from '../../src/lib/lexicon.ts';
import { remarkFigureMarks } from '../../src/lib/ingest/markup/figure-marks.ts';
import { remarkHeadingLevels } from '../../src/lib/ingest/markup/heading-levels.ts';
import type { MdNode } from '../../src/lib/ingest/markup/mdast-lite.ts';

const lexicon = {
  indicators: [
    { id: 'ncms-enrollment-rate', label: '新农合参合率', topic: 'medical-insurance', unit: '%', patterns: ['新农合参合率', '参合率'] },
    { id: 'no-data', label: '没有数据的指标', topic: 'x', unit: '%', patterns: ['没有数据的指标'] },
  ],
  glossary: [
    { id: 'ncms', term: '新农合', aliases: ['新型农村合作医疗'], definition: '…' },
    { id: 'village-doctor', term: '村医', aliases: ['乡村医生'], definition: '…' },
    { id: 'staffing-quota', term: '编制', aliases: [], definition: '…' },
  ],
  gazetteerExtra: { historical: [], docCodes: [], stopNames: [], issuers: [], provinceSuffixes: ['省'], anonymisedMarks: ['某'], ethnicGroups: [], shortNames: [], stopStems: [], stemCues: [], countySelf: [], wordsAcrossEnd: [], conjunctionHeads: [], media: { leads: [], endings: [] } },
  termLinks: { blockers: ['农村医', '乡村医', '村医疗'], ambiguous: ['编制'] },
};
const targets = { indicators: new Set(['ncms-enrollment-rate']), regionNames: new Map([['隰县', 'xixian']]) };

const source = `## 一、概况

<Para id="p-1">
  隰县新农合参合率达到95%，新农合覆盖全县。农村医疗条件改善，村医队伍稳定，乡村医生增加。编制实施方案，没有数据的指标不链接。
</Para>

<Para id="p-2">
  新农合再次出现，隰县再次出现，门诊次均费用由51.03元降到39.78元。
</Para>

#### 新农合在标题里

<Para id="p-3">
  新农合在小节里。\`新农合\`在代码里。[新农合](https://example.org/)在链接里。农村医改，不是村医。
</Para>

## 二、下一节

<Para id="p-4">
  新农合在新的一节。
</Para>
`;

const frontmatter = {
  targets: [
    { indicator: 'ncms-enrollment-rate', label: '新农合参合率', kind: 'achieved', value: 95, unit: '%', comparator: '=', quote: '隰县新农合参合率达到95%，新农合覆盖全县。', paragraph: 'p-1' },
    { indicator: 'outpatient-cost-per-visit', label: '门诊次均费用', kind: 'change', value: 39.78, from: 51.03, unit: '元', comparator: '=', quote: '门诊次均费用由51.03元降到39.78元。', paragraph: 'p-2' },
    { indicator: 'missing', label: '写成汉字的数', kind: 'target', value: 3, unit: '个', comparator: '=', quote: '三个', paragraph: 'p-2' },
  ],
};

function run(src: string): MdNode {
  const processor = remark()
    .use(remarkMdx)
    .use(remarkHeadingLevels)
    .use(remarkFigureMarks, { variants: loadLexicon().units.variants })
    .use(remarkTermLinks, { lexicon, targets, root: '/' });
  return processor.runSync(processor.parse(src), { data: { astro: { frontmatter } } }) as unknown as MdNode;
}

const all = (node: MdNode, pred: (n: MdNode) => boolean, out: MdNode[] = []): MdNode[] => {
  if (pred(node)) out.push(node);
  for (const c of node.children ?? []) all(c, pred, out);
  return out;
};
const plain = (node: MdNode): string => node.value ?? (node.children ?? []).map(plain).join('');
const para = (tree: MdNode, id: string): MdNode =>
  all(tree, (n) => n.type === 'mdxJsxFlowElement' && n.attributes?.some((a) => a.name === 'id' && a.value === id) === true)[0] as MdNode;
const links = (node: MdNode): Array<[string, string]> => all(node, (n) => n.type === 'link').map((l) => [plain(l), l.url ?? '']);

describe('remark plugins', () => {
  const tree = run(source);

  test('figures are marked in their cited paragraph; a figure written in words is left alone', () => {
    const isMark = (n: MdNode) => n.type === 'mdxJsxTextElement' && n.name === 'mark';
    const marks = (id: string) => all(para(tree, id), isMark).map(plain);
    expect(marks('p-1')).toEqual(['95%']);
    expect(marks('p-2')).toEqual(['39.78元']);
    const mark = all(para(tree, 'p-2'), isMark)[0];
    expect(mark?.attributes?.map((a) => [a.name, a.value])).toEqual([
      ['class', 'fig-change'],
      ['title', '变化：门诊次均费用'],
    ]);
  });

  test('the text is unchanged', () => {
    expect(plain(para(tree, 'p-1'))).toContain('隰县新农合参合率达到95%，新农合覆盖全县。农村医疗条件改善，村医队伍稳定，乡村医生增加。');
  });

  test('links the first mention per section, longest match first, never 村医 inside 农村医疗', () => {
    expect(links(para(tree, 'p-1'))).toEqual([
      ['隰县', '/regions/xixian/'],
      ['新农合参合率', '/indicators/ncms-enrollment-rate/'],
      ['新农合', '/glossary/#ncms'],
      ['村医', '/glossary/#village-doctor'],
    ]);
    // Same section: everything was linked already.
    expect(links(para(tree, 'p-2'))).toEqual([]);
  });

  test('an h2 starts a new section, a subsection does not; headings, code and links are left alone', () => {
    const heading = all(tree, (n) => n.type === 'heading')[1];
    expect(links(heading as MdNode)).toEqual([]);
    // Under an h3 of the same section: only the link that was in the text; 村医 inside 农村医改 stays text.
    expect(links(para(tree, 'p-3'))).toEqual([['新农合', 'https://example.org/']]);
    expect(links(para(tree, 'p-4'))).toEqual([['新农合', '/glossary/#ncms']]);
  });

  test('heading levels have no gap under the page h1', () => {
    expect(all(tree, (n) => n.type === 'heading').map((h) => h.depth)).toEqual([2, 3, 2]);
  });

  test('indicator patterns that are sentence fragments are not link text', () => {
    expect(isLinkablePattern('新农合参合率')).toBe(true);
    for (const p of ['编制', '种基本药物', '选派了', '人/千人', '绩效工资的']) expect(isLinkablePattern(p), p).toBe(false);
    const terms = [...buildTerms(lexicon, targets).values()].flat().map((t) => t.text);
    expect(terms).not.toContain('编制');
    expect(terms).not.toContain('没有数据的指标');
  });

  test("a document links only what it guarantees a page for: its figures' indicators, its own region under each name", () => {
    const gazetteerExtra = { ...lexicon.gazetteerExtra, historical: [{ name: '藁城市', current: '藁城区', level: 'district', prefecture: '石家庄市', province: '河北省' }] };
    const own = linkTargetsOf(
      { region: { name: '藁城区', slug: 'gaochengqu' }, targets: [{ indicator: 'ncms-enrollment-rate' }, { indicator: 'ncms-enrollment-rate' }] },
      { gazetteerExtra } as never,
    );
    expect([...own.indicators]).toEqual(['ncms-enrollment-rate']);
    expect([...own.regionNames]).toEqual([
      ['藁城区', 'gaochengqu'],
      ['藁城市', 'gaochengqu'],
    ]);
    expect(linkTargetsOf({ region: null, targets: [] }, lexicon)).toEqual({ indicators: new Set(), regionNames: new Map() });
    // Without a figure for it, an indicator named in the text is not linked.
    const tree = remark().use(remarkMdx).use(remarkTermLinks, { lexicon, root: '/' }).runSync(remark().use(remarkMdx).parse('新农合参合率很高。'), { data: { astro: { frontmatter: {} } } }) as unknown as MdNode;
    expect(links(tree)).toEqual([['新农合', '/glossary/#ncms']]);
  });
});
