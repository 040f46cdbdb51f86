/**
 * Year detection: the year a document is about. Strongest evidence first: a
 * closing date (二O一一年十月二十九日), a year in the title, then the year the
 * body names most. Content farms rewrite years; a year outside the lifetime of
 * the institutions the text names (新农合 after 2018, 二十大 before 2022) is
 * flagged in the note, as are years blanked out (年) or replaced by XX.
 */
import type { Anachronism, Lexicon } from '../../lexicon.ts';
import { escapeRegExp } from '../../regexp.ts';

/** What year detection reads of the lexicon: anachronisms and the span of document years. */
export type YearLexicon = Pick<Lexicon, 'anachronisms' | 'structure'>;
type Span = Lexicon['structure']['documentYears'];
const within = (year: number, span: Span) => year >= span.from && year <= span.to;

const blankedPatterns = new WeakMap<Lexicon['structure'], RegExp>();
/** A 年 without its digits: not after a digit, before a month or a word of structure.yaml's blankedYearBefore. */
export function blankedYear(structure: Lexicon['structure']): RegExp {
  let pattern = blankedPatterns.get(structure);
  if (!pattern) {
    const after = structure.blankedYearBefore.map(escapeRegExp).join('|');
    pattern = new RegExp(`(?<![\\d〇零O一二三四五六七八九十X])年(?=[\\d一二三四五六七八九十]{1,2}月|${after})`, 'gu');
    blankedPatterns.set(structure, pattern);
  }
  return pattern;
}
import { parseChineseYear } from '../chinese.ts';

export interface YearResult {
  year: number | null;
  note: string;
  /** Whether the text's years look rewritten (a year outside the lifetime of terms it uses). */
  rewritten: boolean;
}

const CN_DIGIT = '[〇零OoО○0一二三四五六七八九]';
export const CLOSING_DATE = new RegExp(`(\\d{4}|${CN_DIGIT}{4})\\s*年\\s*([\\d一二三四五六七八九十]{1,3})\\s*月\\s*([\\d一二三四五六七八九十]{1,3})\\s*日`, 'u');
/** A year in YYYY年 form; 到2025年 is a target date, not the year a text is about. */
const BODY_YEAR = /(?<![\d.到])((?:19|20)\d{2})(?=\s*年)/gu;

/** Years the text names in YYYY年 form, with counts. */
export function countYears(text: string, span: Span): Map<number, number> {
  const counts = new Map<number, number>();
  for (const match of text.matchAll(BODY_YEAR)) {
    const year = Number(match[1]);
    if (within(year, span)) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return counts;
}

/** Terms whose lifetime excludes the year: signs the text's years were rewritten. */
export function anachronisms(text: string, year: number, table: Anachronism[]): Anachronism[] {
  return table.filter((a) => text.includes(a.term) && ((a.until !== undefined && year > a.until) || (a.since !== undefined && year < a.since)));
}

/** The closing date among the last lines of the document. */
export function closingYear(lastLines: string[], span: Span): number | null {
  for (const line of [...lastLines].reverse()) {
    const match = line.match(CLOSING_DATE);
    if (match && match.index !== undefined && line.length - match.index - match[0].length <= 4) {
      const year = /^\d{4}$/.test(match[1] ?? '') ? Number(match[1]) : parseChineseYear(match[1] ?? '');
      if (year && within(year, span)) return year;
    }
  }
  return null;
}

/** How many years past its writing a plan aims at, at most (five-year plans). */
const PLAN_HORIZON = 5;

const TITLE_YEAR = /((?:19|20)\d{2})(?=\s*(?:年|[-—–~至]\s*(?:19|20)\d{2}\s*年))/u;

/**
 * @param planning whether the document is a plan (实施方案, 工作安排, 任务分解):
 *   plans name the years they aim at, so only a closing date or the title dates them.
 */
export function detectYear(title: string, body: string, lastLines: string[], lexicon: YearLexicon, planning = false): YearResult {
  const table = lexicon.anachronisms;
  const span = lexicon.structure.documentYears;
  const text = `${title}\n${body}`;
  const notes: string[] = [];
  let rewritten = false;
  let year: number | null = closingYear(lastLines, span);
  /** Where the year came from: a closing date is the author's own, and outranks anachronisms. */
  let source: 'closing-date' | 'title' | 'body' | null = year ? 'closing-date' : null;
  if (year) notes.push(`closing date ${year}`);

  if (!year) {
    const inTitle = title.match(TITLE_YEAR);
    if (inTitle?.[1]) {
      year = Number(inTitle[1]);
      source = 'title';
      notes.push(`year in the title: ${year}`);
    }
  }
  const counts = countYears(body, span);
  if (!year && counts.size > 0 && planning) {
    // A plan's body names the years it aims at, not the year it was written.
    notes.push(`a plan naming only target years (${[...counts.keys()].sort().join(', ')}): its own year is not stated`);
    // It aims at most PLAN_HORIZON years past its writing, which the terms it uses date: a target
    // year beyond that (2024 in a plan run by 卫生局) was rewritten.
    const stale = [...counts.keys()].flatMap((y) =>
      table.filter((a) => text.includes(a.term) && ((a.until !== undefined && y > a.until + PLAN_HORIZON) || (a.since !== undefined && y < a.since))).map((a) => ({ y, a })),
    );
    if (stale.length > 0) {
      rewritten = true;
      const years = [...new Set(stale.map((s) => s.y))].sort().join(', ');
      notes.push(`years look rewritten: the plan aims at ${years}, but ${[...new Set(stale.map((s) => s.a.note))].join('; ')}`);
    }
  } else if (!year && counts.size > 0) {
    const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
    if (top) {
      year = top[0];
      source = 'body';
      notes.push(`most frequent year in the text (${top[1]}×)`);
    }
  }

  const blanked = (body.match(blankedYear(lexicon.structure)) ?? []).length;
  const placeholders = lexicon.structure.yearPlaceholders.reduce((n, p) => n + text.split(p).length - 1, 0);
  if (placeholders > 0) notes.push(`years replaced by placeholders (XX年 ×${placeholders})`);
  if (blanked >= 2) notes.push(`years blanked out of the text (年 without digits ×${blanked})`);

  if (year) {
    const stale = anachronisms(text, year, table);
    if (stale.length > 0) {
      rewritten = true;
      notes.push(`years look rewritten: the text says ${year}, but ${[...new Set(stale.map((a) => a.note))].join('; ')}`);
      // A closing date is the author's own; a year read off the body of a rewritten text is not trusted.
      if (source !== 'closing-date') year = null;
    }
    const others = [...counts.keys()].filter((y) => Math.abs(y - (year ?? y)) > 3);
    if (others.length > 0) notes.push(`other years in the text: ${others.sort().join(', ')}`);
  } else if (notes.length === 0) {
    notes.push('no year in the text');
  }
  return { year, note: notes.join('; '), rewritten };
}
