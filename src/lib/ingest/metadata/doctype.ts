/**
 * Document type, each decision with its evidence: a transmittal notice takes
 * the type of the document it transmits; else the end of the title
 * (doc-types.yaml); else the text's form (gongwen.yaml): a news dateline or
 * reporter, a speaker addressing a meeting, an abstract or a research title,
 * a review of a past period's results; else 其他. A news dateline outranks a
 * title that reports a document (某县出台…实施方案).
 */
import type { DocTypeRules, GongwenRules, StructureRules } from '../../lexicon.ts';
import type { DocType, TypeEvidence } from '../../../schema/document.ts';
import { compact, toSimplified, withoutTrailingParentheticals } from '../chinese.ts';
import { transmittedTitle, transmittedTitles } from '../transmittal.ts';
import { compileFrame } from '../frame.ts';

export { transmittedTitle };

export interface DocTypeResult {
  type: DocType;
  evidence: TypeEvidence[];
}

/** The title without the SEO words and prefixes sites glue to it (structure.yaml titleNoise). */
/** A 发文字号 opening a title line, the title's own words right after it. */
const DOC_NUMBER_LEAD = /^\p{Script=Han}{1,16}\s?[〔［\[]\s?(?:19|20)\d{2}\s?[〕］\]]\s?(?:第\s?)?\d{1,4}\s?号\s?(?=\p{Script=Han})/u;

/** The 发文字号 a title line opens with, if it does (泗发改审批〔2021〕248号关于…). */
export function leadingDocNumber(title: string): string | undefined {
  const numbered = title.trim().match(DOC_NUMBER_LEAD);
  return numbered && title.trim().length - numbered[0].length > 6 ? numbered[0].replace(/\s+/gu, '') : undefined;
}

export function withoutTitleNoise(title: string, noise: StructureRules['titleNoise']): string {
  let t = title.trim();
  // 【关注】… : a site's tag.
  const tag = t.match(/^【([^【】]{1,12})】/u);
  if (tag && [...(tag[1] ?? '')].length <= noise.tagChars && t.length > tag[0].length + 4) t = t.slice(tag[0].length).trim();
  // …|某某网, …_某某文库: the site's name after the page title.
  for (const separator of noise.separators) {
    const at = t.lastIndexOf(separator);
    if (at >= 8 && [...t.slice(at + separator.length).trim()].length <= noise.siteChars) t = t.slice(0, at).trim();
  }
  for (const separator of noise.weakSeparators) {
    const at = t.lastIndexOf(separator);
    const tail = t.slice(at + separator.length).trim();
    if (at >= 8 && [...tail].length <= noise.siteChars && /^\p{Script=Han}/u.test(tail) && noise.siteEndings.some((e) => tail.endsWith(e))) t = t.slice(0, at).trim();
  }
  // 泗发改审批〔2021〕248号关于…的批复: a 发文字号 run into the title (the frame reads the number).
  const numbered = t.match(DOC_NUMBER_LEAD);
  if (numbered && t.length - numbered[0].length > 6) t = t.slice(numbered[0].length);
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of noise.prefixes) {
      if (t.startsWith(p) && t.length > p.length + 4) {
        t = t.slice(p.length).trim();
        changed = true;
      }
    }
    for (const s of noise.suffixes) {
      if (t.endsWith(s) && t.length > s.length + 4) {
        t = t.slice(0, -s.length).trim();
        changed = true;
      }
    }
  }
  return t;
}

/** The type a title's ending gives, with the suffix. */
export function typeOfTitle(title: string, rules: DocTypeRules): { type: DocType; suffix: string } | undefined {
  // 2023年工作总结及2024年工作安排: two documents in one, the first leads (the text opens with it).
  for (const joiner of ['及', '和', '暨', '与']) {
    const at = title.indexOf(joiner);
    if (at < 4) continue;
    const head = title.slice(0, at);
    const first = rules.find((r) => r.titleSuffixes.some((s) => head.endsWith(s)));
    const tail = rules.some((r) => r.titleSuffixes.some((s) => title.endsWith(s)));
    const suffix = first?.titleSuffixes.find((s) => head.endsWith(s));
    if (first && suffix && tail) return { type: first.type, suffix };
  }
  for (const rule of rules) {
    const suffix = rule.titleSuffixes.find((s) => title.endsWith(s));
    if (suffix) return { type: rule.type, suffix };
  }
  return undefined;
}

export interface DocTypeInput {
  /** The document's title (for a notice joined with its attachment, the notice's title). */
  title: string;
  /** The opening lines of the text (a dateline, an address to the audience, an abstract). */
  opening: string[];
  /** Whether a record field names a news source or editor (来源, 编辑 …). */
  newsFields?: boolean;
  /** The place the title opens with, if any (积石山县…惠及千家万户): a headline's subject. */
  titlePlace?: string;
}

export interface DocTypeLexicon {
  docTypes: DocTypeRules;
  structure: StructureRules;
  gongwen: GongwenRules;
}

/** How many opening lines may hold an answer's 收悉 (a proposal's catalogue — 提案标题, 承办单位, 办理状态 — may come first). */
const ANSWER_LINES = 12;

export function detectDocType(input: DocTypeInput, lexicon: DocTypeLexicon): DocTypeResult {
  const frame = compileFrame(lexicon.gongwen);
  const whole = withoutTrailingParentheticals(withoutTitleNoise(compact(toSimplified(input.title)), lexicon.structure.titleNoise));
  const opening = input.opening.map((l) => toSimplified(l.trim())).filter((l) => l !== '');
  const carried = transmittedTitles(whole, lexicon.structure.transmittal)[0];
  if (carried) {
    const own = typeOfTitle(withoutTrailingParentheticals(carried), lexicon.docTypes);
    if (own) return { type: own.type, evidence: [{ kind: 'transmitted', title: carried, suffix: own.suffix }] };
  }
  const byTitle = typeOfTitle(whole, lexicon.docTypes);
  const headline = !whole.startsWith(lexicon.structure.transmittal.lead) && lexicon.gongwen.headlineVerbs.find((v) => whole.includes(v));
  // A research title may hold a headline's verb (…调研报告); one that ends in it reports a visit (…到某镇卫生院进行调研).
  const visit = headline && (!byTitle || (byTitle.type !== '讲话' && (byTitle.type !== '评论研究' || whole.endsWith(headline))));
  if (headline && visit) return { type: '新闻报道', evidence: [{ kind: 'form', form: 'news', cue: headline }] };
  const dateline = opening.slice(0, lexicon.gongwen.news.openingLines).find((l) => frame.datelines.some((p) => p.test(l)));
  const reported = byTitle && !whole.startsWith(lexicon.structure.transmittal.lead) && byTitle.type !== '通知';
  if (dateline && (!byTitle || reported)) return { type: '新闻报道', evidence: [{ kind: 'form', form: 'news', cue: cue(dateline) }] };
  if (byTitle) return { type: byTitle.type, evidence: [{ kind: 'titleSuffix', suffix: byTitle.suffix }] };
  // An answer to a suggestion opens with its addressees and 收悉 (its 建议 is no research title).
  const answer = opening.slice(0, ANSWER_LINES).find((l) => frame.answerOpenings.some((p) => p.test(l)));
  if (answer) return { type: '其他', evidence: [{ kind: 'form', form: 'answer', cue: cue(answer) }] };

  const speech = lexicon.gongwen.speech.titleWords.find((w) => whole.includes(w));
  if (speech) return { type: '讲话', evidence: [{ kind: 'form', form: 'speech', cue: speech }] };
  const address = opening.slice(0, 8).find((l) => frame.speechAddress.some((p) => p.test(l)) || lexicon.gongwen.speech.greetings.some((g) => l.includes(g)));
  if (address) return { type: '讲话', evidence: [{ kind: 'form', form: 'speech', cue: cue(address) }] };
  const research = lexicon.gongwen.research.titleWords.find((w) => whole.includes(w)) ?? opening.slice(0, 8).find((l) => frame.researchOpenings.some((p) => p.test(l)));
  if (research) return { type: '评论研究', evidence: [{ kind: 'form', form: 'research', cue: cue(research) }] };
  if (input.newsFields && opening.length > 0) return { type: '新闻报道', evidence: [{ kind: 'form', form: 'news', cue: '来源' }] };
  // A headline that reports an action (…深入阿巴嘎旗考核验收…), or an opening that reports what the writer learnt (据了解).
  // Only a headline's verb counts: a title that is the text's first sentence (…，大力推进全县…) has none.
  const headlineLike = !whole.startsWith(lexicon.structure.transmittal.lead) && !/[，,。；;]/u.test(whole);
  const untyped = headlineLike ? lexicon.gongwen.untypedHeadlineVerbs.find((v) => whole.includes(v)) : undefined;
  if (untyped) return { type: '新闻报道', evidence: [{ kind: 'form', form: 'news', cue: untyped }] };
  const openingText = opening.join('').slice(0, lexicon.gongwen.review.openingChars);
  const reporting = lexicon.gongwen.news.reporting.find((w) => openingText.includes(w)) ?? frame.ledes.map((p) => openingText.match(p)?.[0]).find((m) => m !== undefined);
  if (reporting) return { type: '新闻报道', evidence: [{ kind: 'form', form: 'news', cue: cue(reporting) }] };
  const cues = lexicon.gongwen.review.cues.filter((c) => openingText.includes(c));
  if (cues.length >= lexicon.gongwen.review.minCues) return { type: '工作总结', evidence: [{ kind: 'form', form: 'review', cue: cues.join('、') }] };
  // A headline whose subject is a place (积石山县新型农村合作医疗惠及千家万户, 云阳将健康产业发展成…):
  // a 公文's title names its type or opens with 关于; a table's or a profile's ends in its form (…自评表, …简介).
  const placeLed = input.titlePlace !== undefined && headlineLike && [...whole].length >= input.titlePlace.length + 6 && !lexicon.gongwen.news.formNouns.some((w) => whole.endsWith(w));
  if (placeLed) return { type: '新闻报道', evidence: [{ kind: 'form', form: 'news', cue: cue(whole) }] };
  return { type: '其他', evidence: [{ kind: 'none' }] };
}

/** A cue as evidence: its first words. */
const cue = (text: string) => [...text].slice(0, 24).join('');
