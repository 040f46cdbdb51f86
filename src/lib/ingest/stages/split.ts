/**
 * Split stage: cuts a source into documents. Files from document-sharing
 * sites often hold several documents, introduced by 第N篇 / 篇N markers or,
 * without any marker, by a new title block (a short line or two with no
 * sentence punctuation that ends in a document-type word such as 工作总结 or
 * 实施方案). A repeated title (sites print it several times) does not start a
 * new document. Short title-only text before the first marker is the
 * collection's own title and is reported as dropped.
 */
import type { Context, Draft, DroppedLine, Source, TextLine } from '../model.ts';
import { compact, toSimplified, trimEndOf, withoutTrailingParentheticals } from '../chinese.ts';
import { compileStructure, type CompiledStructure } from '../structure.ts';
import { namesTransmitted, transmittedTitles } from '../transmittal.ts';
import { isIssuerLine } from '../metadata/signature.ts';
import type { StructureRules } from '../../lexicon.ts';
import type { RecordField } from '../../../schema/document.ts';

/** Sentence punctuation: a line with it is text, not a title (quotes are fine: 《扬中市“十四五”…规划》). */
const SENTENCE_PUNCT = /[，。；;！？!?：:,、]/u;
const PARENTHETICAL = /^[（(][^（()）]{1,20}[）)]$/u;
/** A document needs this much body before a new title can end it. */
const MIN_BODY_CHARS = 80;
/** A sentence's end: a body with none of these is a list of links or labels, not text. */
const SENTENCE_END = /[。！？!?；;]/u;
const MAX_TITLE_LINE = 60;

export interface SplitOptions {
  /** Title endings that make a title block (all document-type suffixes). */
  titleSuffixes: string[];
  /** The collection markers and ordinals of structure.yaml. */
  structure: CompiledStructure;
  /** How a transmittal notice is worded (structure.yaml), to keep it with its attachment. */
  transmittal: StructureRules['transmittal'];
  /** Endings of an issuing organ's name (gongwen.yaml), to tell a notice's signature from the title below it. */
  issuerEndings: string[];
  /** Endings of a breadcrumb's last crumb that names a section, not the page (structure.yaml titleNoise). */
  sectionCrumbs: readonly string[];
}

/** Whether a line could be (part of) a title. */
/** A date on a line of its own, placeholders included (2018年3月15日, 20XX年12月, 二〇一一年十月). */
const DATE_LINE = /^([\dXx×#＊*]{2,4}|[〇○零一二三四五六七八九OXx]{4})\s*年(\s*[\dXx×#一二三四五六七八九十]{1,3}\s*月(\s*[\dXx×#一二三四五六七八九十]{1,3}\s*日)?)?$/u;

export function isTitleish(text: string, structure: CompiledStructure): boolean {
  const t = trimEndOf(text.trim(), ' |｜');
  if (t.length < 2 || t.length > MAX_TITLE_LINE || /^\t/.test(text)) return false;
  if (PARENTHETICAL.test(t)) return true;
  // A parenthetical period at the end (（2017-2020年）) may hold punctuation; judge the rest.
  const core = t.replace(/[（(][^（()）]*[）)]$/u, '');
  // A date line (2018年3月15日, 2016年) is no title; a title may open with its year (2016年医改工作总结).
  return /\p{Script=Han}/u.test(core) && !SENTENCE_PUNCT.test(core) && !structure.ordinal.test(core) && !DATE_LINE.test(core) && !/日$/.test(core);
}

/** Whether joined title-ish text ends with a document-type word (ignoring a closing parenthetical). */
export function endsWithDocType(text: string, suffixes: string[]): boolean {
  const core = withoutTrailingParentheticals(trimEndOf(compact(toSimplified(text)), '|｜'));
  return suffixes.some((suffix) => core.endsWith(suffix));
}

/** Splits lines at 第N篇 / 篇N markers that occur inside them, keeping the marker with what follows. */
function separateMarkers(lines: TextLine[], structure: CompiledStructure): TextLine[] {
  const out: TextLine[] = [];
  for (const line of lines) {
    let rest = line.text;
    let match = rest.slice(1).match(structure.marker);
    while (match?.index !== undefined) {
      const at = match.index + 1;
      out.push({ ...line, text: rest.slice(0, at).trimEnd() });
      rest = rest.slice(at);
      match = rest.slice(1).match(structure.marker);
    }
    out.push({ ...line, text: rest });
  }
  return out;
}

/** What goes on with a title on the next line: 的通知, （2011年）, 》. */
const CONTINUES = /^(?:[的（(》〉”"之]|——|—)/u;
const isComplete = (block: TextLine[], suffixes: string[]) => {
  const text = block.map((l) => l.text).join('');
  return /》\s*$/u.test(text) || endsWithDocType(text, suffixes);
};

interface TitleBlock {
  /** Index of the first non-blank line after the block. */
  end: number;
  lines: TextLine[];
}

/** The title block starting at line `i`, if one does. */
function titleBlockAt(lines: TextLine[], i: number, suffixes: string[], structure: CompiledStructure, removed: ReadonlySet<number> = new Set()): TitleBlock | null {
  const block: TextLine[] = [];
  let j = i;
  let best: TitleBlock | null = null;
  while (j < lines.length && block.length < 3) {
    const line = lines[j];
    if (!line) break;
    if (line.text.trim() === '') {
      j++;
      continue;
    }
    const continues = block.length > 0 && CONTINUES.test(line.text.trim()) && line.text.trim().length <= MAX_TITLE_LINE;
    if (!continues && !isTitleish(line.text, structure)) break;
    if (block.length > 0 && compact(line.text) === compact(block.at(-1)?.text ?? '')) break;
    // A title's lines stand together (a blank line between at most), not across lines cleaning removed.
    if (block.length > 0 && line.from - (block.at(-1)?.to ?? line.from) > 2) break;
    // Nor across a line cleaning removed between them (a site's slogan / breadcrumb / the headline).
    if (block.length > 0 && removed.size > 0 && acrossRemoved(block.at(-1)?.to ?? line.from, line.from, removed)) break;
    // A complete title (…的通知, …》, …实施方案) ends the block unless the line goes on with it
    // (…方案 / 的通知, …总结 / （2011年）): a page's headline and the document's title stay apart.
    if (block.length > 0 && isComplete(block, suffixes) && !CONTINUES.test(line.text.trim())) break;
    block.push(line);
    j++;
    const text = block.map((l) => l.text).join('');
    if (endsWithDocType(text, suffixes) || (best && PARENTHETICAL.test(line.text.trim()))) best = { end: j, lines: [...block] };
  }
  return best;
}

/** Whether a line between two lines was removed by cleaning (not a blank line). */
function acrossRemoved(after: number, before: number, removed: ReadonlySet<number>): boolean {
  for (let n = after + 1; n < before; n++) if (removed.has(n)) return true;
  return false;
}

function newDraft(source: Source, index: number, marker: string | null, titleLines: TextLine[]): Draft {
  return { source, index, marker, titleLines, lines: [], scriptConverted: false, repairs: [], blocks: [], notes: [], record: [] };
}

/** A title as two copies of it are compared: without its trailing (征求意见稿), quotes and spaces (a page's copy may lose a “). */
/** (A copy may also lose the 第 and 号 around a number: 第37号建议 and 37建议 are one title.) */
const withoutParenthetical = (title: string) => withoutTrailingParentheticals(title).replace(/[“”"‘’'《》〈〉「」\s]/gu, '').replace(/第(\d+)号/gu, '$1');
/** The shortest repeat of a title that drops the organ before it (关于印发… under 某区人民政府办公室关于印发…). */
const MIN_REPEAT_CHARS = 8;
/**
 * Sites print a title again, sometimes without its (征求意见稿), with a prefix such as 第四篇, or
 * without the organ the page's own title line put before it.
 */
export const isRepeatedTitle = (current: string, candidate: string): boolean => {
  const a = withoutParenthetical(current);
  const b = withoutParenthetical(candidate);
  return b.length > 0 && a.endsWith(b) && (b.length >= a.length - 4 || (b.length >= MIN_REPEAT_CHARS && /^关于/u.test(b)));
};
/** The same title with the issuing organ before it (赣州市人民政府办公厅关于印发… for 关于印发…). */
export const isFullerTitle = (candidate: string, current: string): boolean =>
  withoutParenthetical(current).length >= 8 && withoutParenthetical(candidate).endsWith(withoutParenthetical(current)) && candidate.length > current.length;
/** How many lines at the start of a title block, before a blank line, are a portal's column names. */
function sectionLabelsOf(lines: readonly TextLine[], options: Pick<SplitOptions, 'titleSuffixes' | 'issuerEndings'>): number {
  for (let k = 1; k < lines.length; k++) {
    const gap = (lines[k]?.from ?? 0) - (lines[k - 1]?.to ?? 0) > 1;
    if (gap) return areSectionLabels(lines.slice(0, k), titleOf(lines.slice(k)), options) ? k : 0;
  }
  return 0;
}

/** The longest line of a portal's column names above a title (政府信息公开, 专项资金). */
const MAX_LABEL_CHARS = 8;
/** What a title below column names holds besides its type word, at least (关于下达补助资金的). */
const MIN_OWN_TITLE_CHARS = 8;

/**
 * Whether the title lines read so far are a portal's column names and the next block the title:
 * the next is a complete title (…的通知), they are short lines that end in no type word and no
 * organ's name, and none says 关于 (an organ's line above its title is the title's: 某县人民政府).
 */
export function areSectionLabels(lines: readonly TextLine[], next: string, options: Pick<SplitOptions, 'titleSuffixes' | 'issuerEndings'>): boolean {
  // The title must stand on its own: more than its type word (某县医共体建设 / 实施方案 is one title).
  const own = compact(toSimplified(next));
  const type = options.titleSuffixes.filter((x) => own.endsWith(x)).sort((a, b) => b.length - a.length)[0] ?? '';
  if (lines.length === 0 || !endsWithDocType(next, options.titleSuffixes) || own.length - type.length < MIN_OWN_TITLE_CHARS) return false;
  return lines.every((l) => {
    const t = compact(toSimplified(l.text));
    return t.length <= MAX_LABEL_CHARS && !t.includes('关于') && !endsWithDocType(t, options.titleSuffixes) && !options.issuerEndings.some((e) => t.endsWith(e));
  });
}
const bodyChars = (draft: Draft) => draft.lines.reduce((n, l) => n + l.text.trim().length, 0);
const titleOf = (lines: TextLine[]) => trimEndOf(compact(toSimplified(lines.map((l) => l.text).join(''))), '|｜');

/** A line the split stage drops, once for each source line it came from (unpaginate may have joined several). */
function droppedLines(l: TextLine, reason: string): DroppedLine[] {
  const out: DroppedLine[] = [];
  for (let n = l.from; n <= l.to; n++) out.push({ line: n, text: l.text, stage: 'split', reason });
  return out;
}

export function split(source: Source, options: SplitOptions): { drafts: Draft[]; dropped: DroppedLine[] } {
  const { structure } = options;
  const lines = separateMarkers(source.lines, structure);
  const removed = new Set(source.dropped.map((d) => d.line));
  const drafts: Draft[] = [];
  const dropped: DroppedLine[] = [];
  const preamble: TextLine[] = [];
  const dropRepeated = (block: TitleBlock) => {
    for (const l of block.lines) dropped.push(...droppedLines(l, 'repeated-title'));
  };
  let current: Draft | null = null;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const found = line.text.match(structure.markerAtStart);
    // 第一篇 战略背景 is a part of a plan, not a document of a collection: a marker starts a
    // document when nothing, or a title ending in a type's word, follows it.
    const after = found ? line.text.slice(found[0].length).trim() : '';
    const marker = found && (after === '' || endsWithDocType(after.split(/\s/u)[0] ?? '', options.titleSuffixes) || endsWithDocType(after, options.titleSuffixes)) ? found : null;
    if (marker) {
      const rest = line.text.slice(marker[0].length);
      // The title runs to the first space when the marker sits inside running text.
      const space = rest.search(/\s/);
      const titleText = space > 0 && space <= MAX_TITLE_LINE ? rest.slice(0, space) : rest;
      let body = rest.slice(titleText.length).trim();
      let title = titleText;
      // "篇二:医改工作情况汇报 子长县医改工作情况汇报 …": the body opens with a fuller form of the title.
      const lead = body.match(/^\S{2,60}(?=\s)/u)?.[0];
      if (lead && lead !== title && compact(lead).endsWith(compact(title)) && isTitleish(lead, structure)) {
        title = lead;
        body = body.slice(lead.length).trim();
      }
      current = newDraft(source, drafts.length + 1, marker[1]?.replace(/[:：]$/, '') ?? null, [{ ...line, text: title }]);
      drafts.push(current);
      if (body) current.lines.push({ ...line, text: body });
      continue;
    }
    if (line.text.trim() === '') {
      current?.lines.push(line);
      continue;
    }
    const block = titleBlockAt(lines, i, options.titleSuffixes, structure, removed);
    // 政府信息公开 / 专项资金, a blank line, then 某局关于…的通知: the column names are no part of it.
    const labels = block ? sectionLabelsOf(block.lines, options) : 0;
    if (block && labels > 0) {
      for (const l of block.lines.slice(0, labels)) dropped.push(...droppedLines(l, 'section-label'));
      block.lines = block.lines.slice(labels);
    }
    if (block && current) {
      // The document a transmittal notice carries: the notice's own text and the attachment are one
      // document; a second transmitted document starts a document of its own, with the notice's date.
      const carried = transmittedTitles(titleOf(current.notice ? current.notice.titleLines : current.titleLines), options.transmittal, options.titleSuffixes);
      // The notice's signature may stand right above the attachment's title (泽库县人民政府办公室 / 泽库县…实施方案).
      let own = block.lines;
      while (own.length > 1 && isIssuerLine(own[0]?.text ?? '', options.issuerEndings) && carried.some((t) => namesTransmitted(titleOf(own.slice(1)), t))) own = own.slice(1);
      const ownTitle = titleOf(own);
      const which = carried.findIndex((t) => namesTransmitted(ownTitle, t));
      if (which >= 0 && !isRepeatedTitle(titleOf(current.titleLines), ownTitle)) {
        const notice = current.notice ?? { titleLines: current.titleLines, lines: [...current.lines] };
        for (const signed of block.lines.slice(0, block.lines.length - own.length)) current.lines.push(signed);
        const joined = { text: own.map((l) => l.text.trim()).join(''), from: own[0]?.from ?? line.from, to: own.at(-1)?.to ?? line.to };
        if (!current.attachment) {
          current.attachment = { title: ownTitle, line: joined.from };
          current.notice = notice;
          current.lines.push(joined);
        } else {
          current = newDraft(source, drafts.length + 1, null, own);
          current.notice = notice;
          drafts.push(current);
        }
        i = block.end - 1;
        continue;
      }
    }
    if (block) {
      const title = titleOf(block.lines);
      const repeated = current !== null && isRepeatedTitle(titleOf(current.titleLines), title);
      if (current && bodyChars(current) === 0) {
        // A title repeated right under a marker, or a second title line: same document. A fuller
        // repeat (the organ before 关于…, where the page title had none) replaces the first.
        const fuller = !repeated && isFullerTitle(title, titleOf(current.titleLines));
        if (fuller) {
          for (const l of current.titleLines) dropped.push(...droppedLines(l, 'repeated-title'));
          current.titleLines = block.lines;
        } else if (repeated) dropRepeated(block);
        else if (areSectionLabels(current.titleLines, title, options)) {
          // 政府信息公开 / 专项资金 above 某局关于…的通知: a portal's column names, not the title's first lines.
          for (const l of current.titleLines) dropped.push(...droppedLines(l, 'section-label'));
          current.titleLines = block.lines;
        } else current.titleLines = current.titleLines.concat(block.lines);
        i = block.end - 1;
        continue;
      }
      if (repeated) {
        dropRepeated(block);
        i = block.end - 1;
        continue;
      }
      if (!current || bodyChars(current) >= MIN_BODY_CHARS) {
        current = newDraft(source, drafts.length + 1, null, block.lines);
        drafts.push(current);
        i = block.end - 1;
        continue;
      }
    }
    if (current) current.lines.push(line);
    else preamble.push(line);
  }

  if (preamble.some((l) => l.text.trim() !== '')) {
    const preambleChars = preamble.reduce((n, l) => n + l.text.trim().length, 0);
    if (attachToNotice(preamble, drafts[0])) {
      // The notice of the first document (its text went there).
    } else if (drafts.length > 0 && preambleChars < MIN_BODY_CHARS) {
      // A few short lines above the first title: a page's headline or menu, not a document.
      for (const l of preamble) if (l.text.trim() !== '') dropped.push(...droppedLines(l, 'before-title'));
    } else {
      drafts.unshift(untitledDraft(source, preamble, dropped, options));
    }
  }
  for (const draft of drafts) {
    while (draft.lines.length && draft.lines.at(-1)?.text.trim() === '') draft.lines.pop();
  }
  // A title with no body (a site's page title, a collection heading) is not a document, nor is a
  // "document" after the first whose body holds no sentence: a page's footer under a line that
  // looked like a title (点击支持一下 共有条评论 / 声明 / 来源：互联网 / 零零农业信息网).
  const kept = drafts.filter((draft, n) => {
    if (draft.lines.length > 0 && (n === 0 || draft.lines.some((l) => SENTENCE_END.test(l.text)) || bodyChars(draft) >= MIN_BODY_CHARS)) return true;
    const reason = draft.lines.length > 0 ? 'footer-without-text' : 'title-without-body';
    // Every title line is reported (a marker's, 第二篇, though its title text is empty); blank body lines are nobody's.
    for (const l of draft.titleLines) dropped.push(...droppedLines(l, reason));
    for (const l of draft.lines) if (l.text.trim() !== '') dropped.push(...droppedLines(l, reason));
    return false;
  });
  kept.forEach((draft, n) => (draft.index = n + 1));
  assignRecord(kept, source.record);
  return { drafts: kept, dropped };
}

/**
 * A notice without a title line (the page starts at its 主送机关) above the document it hands over
 * (现将《X》印发给你们 … X): the notice's text goes with that document, as its notice.
 */
function attachToNotice(preamble: TextLine[], next: Draft | undefined): boolean {
  if (!next || next.titleLines.length === 0) return false;
  const text = compact(toSimplified(preamble.map((l) => l.text).join('')));
  // …现将《X》印发给你们, or …我们制定了《X》。现印发给你们 (the next sentence hands it over).
  const handed = [...text.matchAll(/《([^《》]{4,80})》(?:[^。《》]{0,30}|[^。《》]{0,10}。[^。《》]{0,10})(?:印发|转发|下发)给你们/gu)].map((m) => m[1] ?? '');
  const title = titleOf(next.titleLines);
  if (!handed.some((h) => namesTransmitted(title, h))) return false;
  const first = next.titleLines[0];
  const last = next.titleLines.at(-1);
  if (!first || !last) return false;
  next.notice = { titleLines: [], lines: preamble };
  next.attachment = { title, line: first.from };
  next.lines = [...preamble, { text: next.titleLines.map((l) => l.text.trim()).join(''), from: first.from, to: last.to }, ...next.lines];
  next.titleLines = [];
  return true;
}

/** Record fields of a news page's byline (来源, 发布时间, 作者, 点击数): the headline stands right above them. */
const BYLINE_FIELDS = new Set(['source', 'published', 'generated', 'author', 'editor', 'views']);
/** A yearbook entry's title in brackets, before a sentence of its text. */
const ENTRY_TITLE = /^【([^【】，。；,;：:]{2,24})】(?=[^【】]{20})/u;

/** A headline: short, no sentence-final punctuation but an exclamation or a question at its end (…排名全区前列！). */
const HEADLINE = /^[^。；！？!?]{6,80}[！？!?]?[”"]?$/u;
/** A breadcrumb's separators: its last crumb is the page's own name (首页 » 常识 » 紧密型县域医共体建设进行时中牟站). */
const CRUMB_SEPARATOR = /[>»›]/u;

/**
 * Text before any title block. On a news page, the line right above the byline (来源：… 时间：…)
 * is the headline; the short lines above it are the site's banner and slogans.
 */
function untitledDraft(source: Source, preamble: TextLine[], dropped: DroppedLine[], options: SplitOptions): Draft {
  const untitled = newDraft(source, 0, null, []);
  // The first record line below a headline is its byline, within a line or two (blank lines between).
  const at = preamble.findIndex((l) => {
    if (l.text.trim() === '' || !HEADLINE.test(l.text.trim())) return false;
    const below = source.record.filter((f) => f.line > l.from).sort((a, b) => a.line - b.line)[0];
    return below !== undefined && BYLINE_FIELDS.has(below.field) && below.line <= l.to + 2;
  });
  const first = preamble.findIndex((l) => l.text.trim() !== '');
  const firstLine = preamble[first];
  // Else a page that opens with a headline: a short first line with no sentence in it.
  const opening = at < 0 && firstLine && HEADLINE.test(firstLine.text.trim()) && [...firstLine.text.trim()].length <= MAX_TITLE_LINE && preamble.slice(first + 1).some((l) => l.text.trim() !== '');
  // Before it, the name of the file a document-sharing page shows (…的通知.pdf), or the last crumb
  // of the page's breadcrumb trail (the page's own name), above the text, when a line of the
  // preamble is not that name already and the opening headline, if any, stands above them.
  const crumb = at < 0 ? (fileNameTitle(source.dropped, preamble, options.titleSuffixes) ?? lastCrumb(source.dropped, preamble, options.sectionCrumbs)) : null;
  if (crumb && !(opening && firstLine && firstLine.from > crumb.from)) {
    untitled.titleLines = [crumb];
    untitled.lines = preamble;
    return untitled;
  }
  const headline = preamble[at] ?? (opening ? firstLine : undefined);
  // A yearbook's entry: its title in brackets before its text (【医疗重点项目建设】2020年，陵水县…).
  const entry = !headline && firstLine ? firstLine.text.trim().match(ENTRY_TITLE) : null;
  if (entry && firstLine) {
    const title = entry[1] ?? '';
    untitled.titleLines = [{ ...firstLine, text: title }];
    untitled.lines = [{ ...firstLine, text: firstLine.text.trim().slice(entry[0].length) }, ...preamble.slice(first + 1)];
    return untitled;
  }
  if (!headline) {
    untitled.lines = preamble;
    return untitled;
  }
  if (at < 0) {
    untitled.titleLines = [headline];
    untitled.lines = preamble.slice(first + 1);
    return untitled;
  }
  const before = preamble.slice(0, at).filter((l) => l.text.trim() !== '');
  if (before.reduce((n, l) => n + l.text.trim().length, 0) < MIN_BODY_CHARS) {
    for (const l of before) dropped.push(...droppedLines(l, 'before-title'));
    untitled.lines = preamble.slice(at + 1);
  } else {
    untitled.lines = preamble.filter((l) => l !== headline);
  }
  untitled.titleLines = [headline];
  return untitled;
}

/**
 * The last crumb of a breadcrumb trail the boilerplate stage dropped above the text's first
 * sentence, as a title line, when it reads as a headline (not a section: 正文, 详情, 范文) and
 * the preamble has no line of that name (then that line is the title, by the rules after).
 */
function lastCrumb(dropped: DroppedLine[], preamble: TextLine[], sections: readonly string[]): TextLine | null {
  const trail = droppedAboveText(dropped, preamble, 'breadcrumb', (d) => CRUMB_SEPARATOR.test(d.text));
  if (!trail) return null;
  const last = trail.text.trim().split(CRUMB_SEPARATOR).at(-1)?.trim() ?? '';
  if ([...last].length > MAX_TITLE_LINE || !HEADLINE.test(last) || sections.some((w) => compact(last).endsWith(w)) || /(?:\.\.\.|…)$/u.test(last)) return null;
  return titleFromDropped(last, trail, preamble);
}

/** The first line a boilerplate rule dropped for that reason above the preamble's first sentence. */
function droppedAboveText(dropped: DroppedLine[], preamble: TextLine[], reason: string, also: (d: DroppedLine) => boolean = () => true): DroppedLine | undefined {
  const firstSentence = preamble.find((l) => SENTENCE_END.test(l.text))?.from ?? Infinity;
  return dropped.find((d) => d.stage === 'boilerplate' && d.reason === reason && d.line < firstSentence && also(d));
}

/** A dropped line's name as a title line, unless a line of the preamble is that name already. */
function titleFromDropped(name: string, from: DroppedLine, preamble: TextLine[]): TextLine | null {
  if (preamble.some((l) => compact(toSimplified(l.text)) === compact(toSimplified(name)))) return null;
  return { text: name, from: from.line, to: from.line };
}

/** A file's extension after its name (boilerplate.yaml file-name-echo drops such a line). */
const FILE_EXTENSION = /\.(?:docx?|pdf|wps|txt|rtf|pptx?|xlsx?)\s*$/iu;

/** The name of the file a page shows above the text (…关于…的通知.pdf), as a title line, when it is a document's title (it ends in a type's word). */
function fileNameTitle(dropped: DroppedLine[], preamble: TextLine[], suffixes: string[]): TextLine | null {
  const echo = droppedAboveText(dropped, preamble, 'file-name-echo');
  if (!echo) return null;
  const name = echo.text.trim().replace(FILE_EXTENSION, '').trim();
  if (!/^[^。；！？!?，,]{6,100}$/u.test(name) || !endsWithDocType(name, suffixes)) return null;
  return titleFromDropped(name, echo, preamble);
}

/** Fields that follow the text they belong to (印发, 抄送, 公开属性); the others come before it. */
const TRAILING_FIELDS = new Set(['printed', 'copiesTo', 'disclosure']);
const firstLine = (draft: Draft) => draft.titleLines[0]?.from ?? draft.lines[0]?.from ?? 0;

/** Hands each record field of the source to its document: a heading field to the next one, a trailing field to the one before. */
function assignRecord(drafts: Draft[], record: RecordField[]): void {
  if (drafts.length === 0) return;
  for (const field of record) {
    // (A field on a document's first line: a 公文 run into one line, which unflatten broke.)
    const next = drafts.find((d) => firstLine(d) > field.line) ?? drafts.find((d) => firstLine(d) === field.line);
    const previous = [...drafts].reverse().find((d) => firstLine(d) < field.line);
    const owner = TRAILING_FIELDS.has(field.field) ? (previous ?? next) : (next ?? previous);
    owner?.record.push(field);
  }
}

/** The splitting stage: a source into its documents, with the lines that belong to none. */
export interface Splitter {
  name: string;
  run(source: Source, context: Context): { drafts: Draft[]; dropped: DroppedLine[] };
}

/** The stage: documents cut at 第N篇-style markers or at a new title block ending in a document-type word. */
export const splitStage = (): Splitter => ({
  name: 'split',
  run: (source, { lexicon }) =>
    split(source, {
      titleSuffixes: lexicon.docTypes.flatMap((t) => t.titleSuffixes),
      structure: compileStructure(lexicon.structure),
      transmittal: lexicon.structure.transmittal,
      issuerEndings: lexicon.gongwen.issuerEndings,
      sectionCrumbs: lexicon.structure.titleNoise.sectionCrumbs,
    }),
});
