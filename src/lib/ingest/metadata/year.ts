/**
 * Year detection: the document's own year. Strongest evidence first: its
 * signature date (二O一一年十月二十九日), a portal's 成文日期, the title's
 * year, a news dateline or publication date, an undated plan's first year.
 * Content farms rewrite years; a year outside the lifetime of
 * the institutions the text names (新农合 after 2018, 二十大 before 2022) is
 * flagged in the note, as are years blanked out (年) or replaced by XX.
 */
import type { Anachronism, Lexicon } from '../../lexicon.ts';
import { escapeRegExp } from '../../regexp.ts';
import type { YearEvidence } from '../../../schema/document.ts';
import { findDate, yearOf } from './dates.ts';

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
import { CHINESE_YEAR_DIGIT, parseChineseYear } from '../chinese.ts';

export interface YearResult {
  year: number | null;
  /** Whether the year is inferred (an undated plan's first year). */
  inferred: boolean;
  /** Why: the decision first, then remarks. */
  evidence: YearEvidence[];
  /** Whether the text's years look rewritten (a year outside the lifetime of terms it uses). */
  rewritten: boolean;
}

const CN_DIGIT = CHINESE_YEAR_DIGIT;
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

/** A year in the title: 2016年…, (2017-2020年), (2011—2020). */
const TITLE_YEAR = /((?:19|20)\d{2})(?=\s*(?:年|[-—–~至]\s*(?:19|20)\d{2}\s*(?:年|[）)])))/u;

/** An event that names its year (2020年卫生健康工作会议, 2021年全省…视频会议召开): a news report of it is of that year. */
const EVENT_YEAR = /(?<![\d到至])((?:19|20)\d{2})\s*年(?:度)?[^，。；,;“”]{0,24}?(?:会议|大会|推进会|动员会|座谈会|现场会|培训班|研讨会|论坛|启动仪式|开班仪式)/u;
/** A text's first words giving the year it tells of: 2021年，… / 2020年来，… / 2023年以来 / 2019年度 (not 2019年9月, an event's date). */
const OPENING_YEAR = /^((?:19|20)\d{2})\s*年(?:度|以来|来|上半年|下半年)?[，,]/u;
/** How much of a news report's opening is read for the year of its event. */
const EVENT_OPENING_CHARS = 200;

/** What the document says of its own date, strongest first (the metadata stage gathers it). */
export interface DateEvidence {
  /** The 成文日期 of its signature (or of the notice transmitting it). */
  signature?: string;
  /** A portal's 成文日期 field: label and value. */
  issuedField?: { field: string; value: string; date: string };
  /** A portal's publication date or a news dateline. */
  published?: { field: string; value: string; date: string };
  /** The document's own 发文字号, whose 〔year〕 is its year of issue. */
  docNumber?: string;
  /** Whether the text is a news report (its publication date dates it before its title year). */
  news?: boolean;
  /** The years a plan covers. */
  period?: { from: number; to: number } | null;
}

export interface YearInput {
  title: string;
  body: string;
  dates?: DateEvidence;
  /** Whether the document is a plan: plans name the years they aim at, not the year they were written. */
  planning?: boolean;
  /** Last lines, for the old signature reading (closing date) when no signature was found. */
  lastLines?: string[];
}

/**
 * The document's own year: its signature date, a portal's 成文日期, the title's year, a news
 * dateline or publication date; an undated plan's first year (inferred). Never the year the
 * body names most, nor a target horizon (到2025年), nor a year a site rewrote.
 */
export function detectYear(input: YearInput, lexicon: YearLexicon): YearResult {
  const { title, body, dates = {}, planning = false } = input;
  const table = lexicon.anachronisms;
  const span = lexicon.structure.documentYears;
  const text = `${title}\n${body}`;
  const evidence: YearEvidence[] = [];
  let rewritten = false;
  const closing = dates.signature ?? closingDate(input.lastLines ?? [], span);
  const titleYear = Number(title.match(TITLE_YEAR)?.[1] ?? 0);
  /** The decision: a year, its evidence, and whether it is the author's own date (which outranks anachronisms). */
  const decide = (): { year: number; e: YearEvidence; own: boolean } | null => {
    if (closing && within(yearOf(closing), span)) return { year: yearOf(closing), e: { kind: 'signatureDate', date: closing }, own: true };
    const issued = dates.issuedField;
    if (issued && within(yearOf(issued.date), span)) return { year: yearOf(issued.date), e: { kind: 'portalField', field: issued.field, value: issued.value }, own: true };
    const p = dates.published;
    const publishedEvidence = (d: NonNullable<DateEvidence['published']>): YearEvidence =>
      d.field === 'dateline' ? { kind: 'dateline', date: d.date } : { kind: 'portalField', field: d.field, value: d.value };
    if (dates.news && p && within(yearOf(p.date), span)) return { year: yearOf(p.date), e: publishedEvidence(p), own: true };
    if (titleYear && within(titleYear, span)) return { year: titleYear, e: { kind: 'title', year: titleYear }, own: false };
    const event = dates.news ? body.slice(0, EVENT_OPENING_CHARS).match(EVENT_YEAR) : null;
    if (event && within(Number(event[1]), span)) return { year: Number(event[1]), e: { kind: 'eventYear', year: Number(event[1]), text: event[0] }, own: false };
    const numbered = Number(dates.docNumber?.match(/[〔［\[（(【]\s*((?:19|20)\d{2})/u)?.[1] ?? 0);
    if (numbered && within(numbered, span)) return { year: numbered, e: { kind: 'docNumber', docNumber: dates.docNumber ?? '' }, own: true };
    if (p && within(yearOf(p.date), span)) return { year: yearOf(p.date), e: publishedEvidence(p), own: true };
    if (planning && dates.period && within(dates.period.from, span)) return { year: dates.period.from, e: { kind: 'period', from: dates.period.from, to: dates.period.to }, own: false };
    // A report, a summary or a yearbook's entry that opens with the year it tells of (2021年，市卫生健康委…).
    const opened = planning ? null : body.trimStart().match(OPENING_YEAR);
    if (opened && within(Number(opened[1]), span)) return { year: Number(opened[1]), e: { kind: 'openingYear', year: Number(opened[1]), text: opened[0] }, own: false };
    return null;
  };
  const decision = decide();
  let year: number | null = decision?.year ?? null;
  let inferred = decision?.e.kind === 'period' || decision?.e.kind === 'openingYear';
  const trusted = decision?.own ?? false;
  if (decision) evidence.push(decision.e);

  const counts = countYears(body, span);
  if (year === null && planning && counts.size > 0) {
    evidence.push({ kind: 'targetYearsOnly', years: [...counts.keys()].sort() });
    // A plan aims at most PLAN_HORIZON years past its writing, which the terms it uses date: a target
    // year beyond that (2024 in a plan run by 卫生局) was rewritten.
    const stale = [...counts.keys()].flatMap((y) =>
      table.filter((a) => text.includes(a.term) && ((a.until !== undefined && y > a.until + PLAN_HORIZON) || (a.since !== undefined && y < a.since))).map((a) => ({ y, a })),
    );
    if (stale.length > 0) {
      rewritten = true;
      const first = Math.max(...stale.map((x) => x.y));
      evidence.push({ kind: 'rewritten', year: first, reasons: [...new Set(stale.map((x) => x.a.note))], dropped: false });
    }
  }
  if (year === null && !planning && counts.size > 0) {
    // Not a date of the document's own; the years the body names most are only a sign.
    const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
    if (top) {
      const stale = anachronisms(text, top[0], table);
      if (stale.length > 0) {
        rewritten = true;
        evidence.push({ kind: 'rewritten', year: top[0], reasons: [...new Set(stale.map((a) => a.note))], dropped: true });
      }
    }
  }

  const blanked = (body.match(blankedYear(lexicon.structure)) ?? []).length;
  const placeholders = lexicon.structure.yearPlaceholders.reduce((n, p) => n + text.split(p).length - 1, 0);
  if (placeholders > 0) evidence.push({ kind: 'placeholders', count: placeholders });
  if (blanked >= 2) evidence.push({ kind: 'blanked', count: blanked });

  const found = year;
  if (found !== null) {
    const stale = anachronisms(text, found, table);
    if (stale.length > 0) {
      rewritten = true;
      evidence.push({ kind: 'rewritten', year: found, reasons: [...new Set(stale.map((a) => a.note))], dropped: !trusted });
      if (!trusted) {
        year = null;
        inferred = false;
      }
    }
    const others = [...counts.keys()].filter((y) => Math.abs(y - found) > 3);
    if (others.length > 0) evidence.push({ kind: 'otherYears', years: others.sort() });
  }
  if (year === null && !evidence.some((e) => ['signatureDate', 'title', 'portalField', 'docNumber', 'dateline', 'period'].includes(e.kind))) {
    evidence.unshift({ kind: 'none' });
  }
  return { year, inferred, evidence, rewritten };
}

/** The closing date among the last lines (a date that ends a line), for texts without a signature block. */
function closingDate(lastLines: string[], span: Span): string | undefined {
  const year = closingYear(lastLines, span);
  if (year === null) return undefined;
  for (const line of [...lastLines].reverse()) {
    const found = findDate(line);
    if (found && yearOf(found.date) === year) return found.date;
  }
  return String(year);
}
