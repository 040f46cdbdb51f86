/**
 * Which search results are relevant, in what order, and the excerpt each
 * shows. Pagefind matches the words of a segmented query anywhere and by
 * prefix, so 乡村医生补助 finds every document with a 医, and 新农合's long
 * form 新型农村合作医疗 finds every 医疗. A result is kept only when the
 * text the reader sees holds what was asked:
 *
 *   tier 3: every term of the query as typed (or another form of it: 新农合 → 合疗);
 *   tier 2: every word of a term (乡村医生 and 补助, not as one phrase);
 *   tier 1: a term only among the page's places (临汾 for a county of 临汾市
 *           whose text does not name it);
 *   else the result is dropped.
 *
 * Shared by the search page (src/scripts/search.ts) and its tests.
 */
import { aliasForms, aliasIn, type AliasGroups } from './normalize.ts';

/**
 * Where a document page's index leaves its text: after the mark come the
 * names of its indicators and practices and its hidden search words, so
 * what stands before it is the text the reader sees.
 */
export const SEARCH_WORDS_MARK = '检索词：';

/** Opens the places among a document page's hidden search words (its region, prefecture, province). */
export const PLACES_MARK = '地区：';

/** Splits a term into words (the browser's Intl.Segmenter). */
export type Segmenter = (text: string) => string[];

export const intlSegmenter = (): Segmenter => {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  return (text) => [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
};

/** The text of an indexed page: its content up to the mark (all of it on a page without one). */
export function visibleContent(content: string): string {
  const at = content.lastIndexOf(SEARCH_WORDS_MARK);
  return at < 0 ? content : content.slice(0, at);
}

export interface Judgement {
  /** 3, 2 or 1 as above; 0: not relevant. */
  tier: number;
  /** Where the visible text holds what was asked, as [start, end) offsets in order: the excerpt's marks. */
  spans: Array<[number, number]>;
  /** How many places (ranks results of one tier). */
  hits: number;
}

/** Characters around an occurrence that are segmented to see whether it stands as words. */
const CONTEXT = 8;

/**
 * Where `form` stands in `text` as whole words: its first character opens a word
 * and its last one closes a word. 村医 in 乡村医生 does not (乡村|医生), nor in
 * 乡村医疗; 零差率 in 实行零差率销售 does.
 */
export function wordOccurrences(text: string, form: string, segment: Segmenter): number[] {
  const out: number[] = [];
  if (!form) return out;
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    const from = Math.max(0, at - CONTEXT);
    const window = text.slice(from, at + form.length + CONTEXT);
    const bounds = new Set<number>([0, window.length]);
    let pos = 0;
    for (const piece of segmentAll(window, segment)) bounds.add((pos += piece.length));
    if (bounds.has(at - from) && bounds.has(at - from + form.length)) out.push(at);
  }
  return out;
}

/** Every piece of a text, words and the rest, in order, so that their lengths add up to the text. */
function segmentAll(text: string, segment: Segmenter): string[] {
  const pieces: string[] = [];
  let rest = text;
  for (const word of segment(text)) {
    const at = rest.indexOf(word);
    if (at < 0) continue;
    if (at > 0) pieces.push(rest.slice(0, at));
    pieces.push(word);
    rest = rest.slice(at + word.length);
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** Sentence spans of a text: [start, end) cut after 。！？；! ? ; and line breaks. */
function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if ('。！？；!?;\n'.includes(text[i] ?? '')) {
      spans.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans;
}

export function judge(content: string, query: string, aliases: AliasGroups, segment: Segmenter): Judgement {
  const visible = visibleContent(content);
  const placesAt = content.lastIndexOf(PLACES_MARK);
  const places = placesAt < visible.length ? '' : content.slice(placesAt + PLACES_MARK.length);
  const spans: Array<[number, number]> = [];
  let hits = 0;
  let tier = 3;
  for (const term of query.split(' ').filter(Boolean)) {
    const found = aliasForms(term, aliases).flatMap((f) => wordOccurrences(visible, f, segment).map((at): [number, number] => [at, at + f.length]));
    if (found.length > 0) {
      spans.push(...found);
      hits += found.length;
      continue;
    }
    // The words of the term in one sentence (乡村医生 … 补助). Words of one character (的, 医)
    // say nothing about relevance; a term of one word was looked for above.
    let near: Array<[number, number]> | null = null;
    for (const parts of partings(term, aliases, segment)) {
      near = parts.length > 1 ? partsInOneSentence(visible, parts, aliases, segment) : null;
      if (near) break;
    }
    if (near) {
      spans.push(...near);
      hits += 1;
      tier = Math.min(tier, 2);
    } else if (places && aliasForms(term, aliases).some((f) => places.includes(f))) {
      tier = Math.min(tier, 1);
    } else {
      return { tier: 0, spans: [], hits: 0 };
    }
  }
  return { tier, spans: spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]), hits };
}

/**
 * A term's words, its runs of one-character pieces joined: 门诊次均费用 → 门诊,
 * 次均, 费用; 村医补助 → 村医, 补助. A lone character (的) is no part.
 */
export function termParts(term: string, segment: Segmenter): string[] {
  const parts: string[] = [];
  let run = '';
  const flush = (): void => {
    if ([...run].length >= 2) parts.push(run);
    run = '';
  };
  for (const piece of segment(term)) {
    if ([...piece].length === 1) run += piece;
    else {
      flush();
      parts.push(piece);
    }
  }
  flush();
  return parts;
}

/**
 * The ways to cut a term into parts: its own parts, and for an alias inside it the other forms
 * kept whole with the rest cut around them (乡村医生补助 → 乡村, 医生, 补助 and 村医, 补助). A term
 * that is an alias as a whole is not cut by its other forms (家庭医生签约 is not 签约 + 服务).
 */
export function partings(term: string, aliases: AliasGroups, segment: Segmenter): string[][] {
  const out = [termParts(term, segment)];
  for (const group of aliases) {
    const form = aliasIn(term, group);
    if (!form || form === term) continue;
    const at = term.indexOf(form);
    const before = termParts(term.slice(0, at), segment);
    const after = termParts(term.slice(at + form.length), segment);
    for (const other of group) if (other !== form) out.push([...before, other, ...after]);
  }
  return out;
}

/**
 * Where one sentence holds every part of a term (or another form of it) as whole words, else
 * null: 门诊病人次均费用 for 门诊次均费用, but not 乡村医疗…补助 for 村医补助.
 */
function partsInOneSentence(text: string, parts: string[], aliases: AliasGroups, segment: Segmenter): Array<[number, number]> | null {
  const spots = parts.map((part) =>
    aliasForms(part, aliases).flatMap((f) => wordOccurrences(text, f, segment).map((at): [number, number] => [at, at + f.length])),
  );
  if (spots.some((p) => p.length === 0)) return null;
  for (const [start, end] of sentenceSpans(text)) {
    const inside = spots.map((p) => p.find(([at]) => at >= start && at < end));
    if (inside.every(Boolean)) return inside as Array<[number, number]>;
  }
  return null;
}

/** A piece of an excerpt, marked when it is one of the needles. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * About `width` characters of `text` around the first span at or after `from`
 * (the end of the title, which the content opens with), every span in it
 * marked; the text's opening after the title when there is no span.
 */
export function excerpt(text: string, spans: ReadonlyArray<readonly [number, number]>, width = 60, from = 0): ExcerptPart[] {
  // Without the punctuation that followed the title (：).
  let opening = from;
  while (opening < text.length && '：:，,。. '.includes(text[opening] ?? '')) opening++;
  const first = spans.find(([s]) => s >= opening)?.[0];
  let start = first === undefined ? opening : Math.max(opening, first - Math.floor(width / 4));
  // Open at a clause's start when one is near, not in the middle of a number (….7万元).
  // (". " is how the index joins a heading to its text; a lone . is a decimal point.)
  if (first !== undefined) {
    const ends = ['，', '。', '；', '：', '、', ',', '. '].map((m) => [text.lastIndexOf(m, first - 1), m.length] as const);
    const [at, length] = ends.reduce((best, e) => (e[0] > best[0] ? e : best), [-1, 0] as const);
    if (at >= start) start = at + length;
  }
  const end = Math.min(text.length, start + width);
  const parts: ExcerptPart[] = [];
  let at = start;
  for (const [s, e] of spans) {
    if (s < at || s >= end) continue;
    if (s > at) parts.push({ text: text.slice(at, s), mark: false });
    parts.push({ text: text.slice(s, Math.min(e, end)), mark: true });
    at = Math.min(e, end);
  }
  if (at < end) parts.push({ text: text.slice(at, end), mark: false });
  if (parts[0] && !parts[0].mark) parts[0] = { text: parts[0].text.trimStart(), mark: false };
  if (start > opening) parts.unshift({ text: '…', mark: false });
  if (end < text.length) parts.push({ text: '…', mark: false });
  return parts.filter((p) => p.text);
}
