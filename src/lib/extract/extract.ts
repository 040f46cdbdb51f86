/**
 * Extraction of targets, achievements, baselines and changes, and of reform
 * practices, each with its verbatim quote and the id of its paragraph.
 *
 * A figure is kept only when a clause names an indicator of
 * content/lexicon/indicators.yaml and the figure's unit fits that
 * indicator's unit; cue words of content/lexicon/extraction.yaml decide the
 * kind and the comparator; the document type gives the default kind.
 */
import { trimEndOf } from '../regexp.ts';
import type { ExtractionCues, Indicator, Lexicon, PracticeDef, UnitRules } from '../lexicon.ts';
import type { DocType, Figure, Practice, Target } from '../../schema/document.ts';
import type { NumberedBlock } from '../ingest/model.ts';
import { findQuantities, unitFamily, type Quantity } from './quantities.ts';
import { clauses, quoteAround, sentencesOf, type Sentence } from './sentences.ts';
import { compileCues, type CompiledCues } from './cues.ts';
import { implausibility } from './plausible.ts';
import { asRanking, metricPhrase, respectiveMetrics } from './metric.ts';
import { RANK_UNIT } from '../units.ts';

export interface ExtractOptions {
  docType: DocType;
  lexicon: Lexicon;
}

export interface Mention {
  indicator: Indicator;
  index: number;
  length: number;
}

interface PatternTable {
  patterns: Array<{ pattern: string; indicator: Indicator }>;
}

const tables = new WeakMap<Lexicon, PatternTable>();

function patternTable(lexicon: Lexicon): PatternTable {
  let table = tables.get(lexicon);
  if (!table) {
    const patterns = lexicon.indicators.flatMap((indicator) => indicator.patterns.map((pattern) => ({ pattern, indicator })));
    patterns.sort((a, b) => b.pattern.length - a.pattern.length || a.pattern.localeCompare(b.pattern));
    table = { patterns };
    tables.set(lexicon, table);
  }
  return table;
}

/** Whether the match of a pattern at `at` lies inside one of its indicator's `excludes` (编制 of 编制床位). */
function excluded(sentence: string, at: number, length: number, excludes: readonly string[]): boolean {
  for (const phrase of excludes) {
    for (let from = sentence.indexOf(phrase, Math.max(0, at - phrase.length)); from >= 0 && from <= at; from = sentence.indexOf(phrase, from + 1)) {
      if (from + phrase.length >= at + length) return true;
    }
  }
  return false;
}

/** Indicator mentions in a sentence; the longest pattern wins where patterns overlap; none inside an indicator's `excludes`. */
export function findMentions(sentence: string, lexicon: Lexicon): Mention[] {
  const taken = new Uint8Array(sentence.length);
  const found: Mention[] = [];
  for (const { pattern, indicator } of patternTable(lexicon).patterns) {
    let at = sentence.indexOf(pattern);
    while (at >= 0) {
      if (!taken.subarray(at, at + pattern.length).some(Boolean) && !excluded(sentence, at, pattern.length, indicator.excludes ?? [])) {
        taken.fill(1, at, at + pattern.length);
        found.push({ indicator, index: at, length: pattern.length });
      }
      at = sentence.indexOf(pattern, at + pattern.length);
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

const has = (text: string, cues: string[]) => cues.some((cue) => text.includes(cue));

/** The quantity's unit as the indicator counts it, or null when they do not fit. */
function fittedUnit(q: Quantity, indicator: Indicator, clause: string, compiled: CompiledCues): string | null {
  const { units } = compiled;
  const want = unitFamily(indicator.unit, units);
  const got = unitFamily(q.unit, units);
  if (want === 'density' && (got === 'people' || got === 'count')) {
    // Beds are counted in 张, people in 人 or 名: 1名 per 1,000 is no bed standard.
    const counted = q.unit === '张' ? '张' : got === 'people' || q.unit === '名' ? '人' : null;
    if (!counted || !indicator.unit.startsWith(counted)) return null;
    if (compiled.perThousand.test(clause)) return `${counted}/千人`;
    if (compiled.perTenThousand.test(clause)) return `${counted}/万人`;
    return null;
  }
  if (want === got) return q.unit;
  if (want === 'percent' && got === 'points') return q.unit;
  // Posts are counted in people as well (编制827名); people are not counted in 个 (3个进修名额 are places).
  if (want === 'count' && got === 'people') return q.unit;
  // A multiple of a reference (最高支付限额达到人均纯收入的6倍) fits any amount or rate.
  if (got === 'times' && (want === 'money' || want === 'percent')) return q.unit;
  return null;
}

function comparatorOf(q: Quantity, clause: string, after: string, cues: ExtractionCues, compiled: CompiledCues): Target['comparator'] {
  if (q.valueMax !== undefined) return 'range';
  if (q.more) return '≥';
  const near = after.slice(0, 4);
  for (const [symbol, words] of Object.entries(cues.comparators) as Array<['≥' | '≤' | '≈', string[]]>) {
    if (words.some((w) => near.startsWith(w))) return symbol;
  }
  // The longest bounding word that ends the text before the number: 不高于 before 高于.
  const before = clause.trimEnd();
  const blocked = cues.boundBlockers.some((w) => before.endsWith(w));
  const adjacent = blocked ? undefined : compiled.boundsBefore.find(({ word }) => before.endsWith(word))?.comparator;
  return adjacent ?? clauseBound(before, compiled.clauseBounds) ?? '=';
}

/** A bounding word further back in the clause (至少能够识别…100种): the nearest, within reach, with no number between. */
export function clauseBound(before: string, bounds: CompiledCues['clauseBounds']): '≥' | '≤' | undefined {
  const tail = before.slice(-bounds.reach - 4);
  let best: { at: number; comparator: '≥' | '≤' } | undefined;
  for (const { word, comparator } of bounds.words) {
    const at = tail.lastIndexOf(word);
    if (at < 0 || tail.length - (at + word.length) > bounds.reach) continue;
    if (!best || at > best.at) best = { at, comparator };
  }
  if (!best) return undefined;
  const between = tail.slice(best.at);
  for (const ch of between) if (ch >= '0' && ch <= '9') return undefined;
  return best.comparator;
}

/**
 * Whether the text names a deadline year (到2020年, 至2025年底: a goal). Neither 达到2…人,
 * 截至2016年底 nor a period (2015年至2017年) is one. (Checked forwards: a look-behind of `\s*`
 * backtracks on long runs of spaces.)
 */
function hasDeadlineYear(text: string, compiled: CompiledCues): boolean {
  for (const m of text.matchAll(compiled.deadline)) {
    if (!compiled.notDeadlineBefore.test(text.slice(Math.max(0, m.index - 16), m.index).trimEnd())) return true;
  }
  return false;
}

/** The text with the words that hold a cue but are not one (cueBlockers: 要求, 主要) blanked out. */
const withoutBlockers = (text: string, blockers: readonly string[]): string => blockers.reduce((t, b) => t.replaceAll(b, '\u3000'.repeat(b.length)), text);

function kindOf(clause: string, lead: string, docType: DocType, cues: ExtractionCues, compiled: CompiledCues): Target['kind'] {
  // "改革前，…共有在岗人员969人": a baseline cue may open the sentence, clauses before the figure.
  const since = withoutBlockers(lead, cues.cueBlockers);
  const opened = Math.max(...cues.baselineCues.map((c) => since.lastIndexOf(c)));
  if (opened >= 0 && !has(since.slice(opened), cues.baselineEnds)) return 'baseline';
  const words = withoutBlockers(clause, cues.cueBlockers);
  if (has(words, cues.achievedCues)) return 'achieved';
  if (has(words, cues.targetCues) || hasDeadlineYear(lead, compiled)) return 'target';
  // A plan's account of where things stand (全县辖7镇…, 县域面积441平方公里, 现有床位1628张) is no goal.
  if (has(words, cues.stateCues)) return 'achieved';
  return compiled.planTypes.has(docType) ? 'target' : 'achieved';
}

/** "由120元提高到200元", "由原1200人补助8000元提高到1200人补助12000元": the start and end of a change in one clause. */
function changeIn(clause: string, quantities: Quantity[], offset: number, cues: ExtractionCues, units: UnitRules): [Quantity, Quantity] | null {
  for (let i = 0; i < quantities.length; i++) {
    const a = quantities[i];
    if (!a) continue;
    const before = clause.slice(Math.max(0, a.index - offset - 12), a.index - offset);
    if (!has(before, cues.changeFrom)) continue;
    for (const b of quantities.slice(i + 1)) {
      if (unitFamily(a.unit, units) !== unitFamily(b.unit, units)) continue;
      const between = clause.slice(a.index - offset + a.length, b.index - offset);
      if (between.length <= 20 && has(between, cues.changeTo)) return [a, b];
      break;
    }
  }
  return null;
}

/** A figure this close before an indicator counts that indicator (307种国家基本药物). */
const QUANTIFIER_GAP = 4;


function yearIn(text: string): number | undefined {
  const m = text.match(/((?:19|20)\d{2})\s*年/u);
  return m ? Number(m[1]) : undefined;
}

/** A sentence as the steps below see it: its text, the indicators it names, its clauses. */
export interface SentenceView {
  text: string;
  mentions: Mention[];
  clauses: Array<[number, number]>;
}

/** One clause of a sentence being read: where it is, its text, the indicators it names. */
export interface ClauseView {
  start: number;
  end: number;
  text: string;
  named: Mention[];
  /** The clause as its per-population base is read: its text, after the base a list it continues opened with (平均每千常住人口拥有卫技人员6.47人，执业（助理）医师2.48人). */
  basisText?: string;
}

/** The longest list item that continues a per-population base of an earlier clause: 执业（助理）医师2.48人. */
const LIST_ITEM_CHARS = 16;

/**
 * Step: the per-population base (每千常住人口) of a list of figures, carried from the clause that
 * names it to the short items after it in the sentence (…拥有卫技人员6.47人，执业（助理）医师2.48人，
 * 注册护士2.49人), while each item is a name and a figure and names no base of its own.
 */
export function carriedBase(sentence: SentenceView, k: number, quantities: Quantity[], compiled: CompiledCues): string | undefined {
  const isItem = (j: number) => {
    const [start, end] = sentence.clauses[j] ?? [0, 0];
    const text = sentence.text.slice(start, end).trim().replace(/[，,。；;]$/u, '');
    return [...text].length <= LIST_ITEM_CHARS && quantities.some((q) => q.index >= start && q.index < end) && !/[；;。]/u.test(text);
  };
  if (!isItem(k)) return undefined;
  for (let j = k - 1; j >= 0; j--) {
    const [start, end] = sentence.clauses[j] ?? [0, 0];
    const text = sentence.text.slice(start, end);
    const base = text.match(compiled.perThousand) ?? text.match(compiled.perTenThousand);
    if (base) return text.slice(base.index ?? 0);
    if (!isItem(j)) return undefined;
  }
  return undefined;
}

/**
 * Step: the indicator a figure without one of its own continues — the last one named in the
 * clause just before (not further back: 管理岗位110个、占总岗位的13.3% is about 管理岗位), unless a
 * breakdown (其中…) began since.
 */
export function inheritedMention(sentence: SentenceView, k: number, clause: ClauseView, compiled: CompiledCues): Mention | undefined {
  const previousStart = sentence.clauses[k - 1]?.[0] ?? clause.start;
  const last = sentence.mentions.filter((m) => m.index < clause.start && m.index >= previousStart).at(-1);
  if (last === undefined) return undefined;
  const between = sentence.text.slice(last.index, clause.end);
  const split = between.search(compiled.breakdown);
  // …药占比为47%，改革后2012—2014年分别为42%、31%…: values of another time, not a breakdown.
  return split >= 0 && !ANOTHER_TIME.test(between.slice(0, split)) ? undefined : last;
}

/**
 * Step: whether a figure of an enumeration (a 、 after it or before its item) names in its own item
 * a rate or share the lexicon does not know (基层首诊率60%、县内就诊率70%): then no indicator named
 * elsewhere in the clause is its, and open extraction keeps it under its phrase.
 */
export function ownsMetric(q: Quantity, text: string, clause: ClauseView, own: { heads: string[]; marks: string[]; enumeration: string }): boolean {
  let from = clause.start;
  for (const mark of own.marks) {
    const at = text.lastIndexOf(mark, q.index - 1);
    if (at >= from) from = at + mark.length;
  }
  const listed = text.startsWith(own.enumeration, q.index + q.length) || text.slice(0, from).endsWith(own.enumeration);
  const item = text.slice(from, q.index);
  return listed && own.heads.some((h) => item.includes(h)) && !clause.named.some((m) => m.index >= from && m.index < q.index);
}

/**
 * Step: which indicator a figure measures, most likely first: the noun it directly counts
 * (307种国家基本药物), the indicators named before it in the clause (nearest first), those named
 * after it (20名…进行全科医生转岗培训), then the one it inherits — unless its clause names a
 * subject of its own (地方财政收入6.4亿元). With a per-capita base in the clause (每万名居民), a
 * density indicator comes first; an indicator whose unit does not fit the figure is no candidate.
 */
export function candidateMentions(q: Quantity, sentence: SentenceView, clause: ClauseView, inherited: Mention | undefined, lexicon: Lexicon, compiled: CompiledCues): Mention[] {
  const cues = lexicon.extraction;
  const { units } = lexicon;
  if (ownsMetric(q, sentence.text, clause, cues.ownMetric)) return [];
  const continues = cues.continuePredicates.some((p) => clause.text.trimStart().startsWith(p));
  const ownSubject = !continues && has(sentence.text.slice(clause.start, q.index), cues.subjectHeads);
  const after = clause.named.filter((m) => m.index > q.index);
  // (Not across a list mark or a stop: 医师数达到3.5人、注册护士数… — the next item's indicator.)
  const counted = after.filter((m) => m.index - (q.index + q.length) <= QUANTIFIER_GAP && !/[、，,；;。：:]/u.test(sentence.text.slice(q.index + q.length, m.index)));
  const before = clause.named.filter((m) => m.index < q.index).reverse();
  const fromBefore = inherited && !ownSubject ? [inherited] : [];
  const perThousand = compiled.perThousand.test(clause.basisText ?? clause.text);
  const perTenThousand = compiled.perTenThousand.test(clause.basisText ?? clause.text);
  const density = perThousand || perTenThousand;
  const isDensity = (m: Mention) => Number(unitFamily(m.indicator.unit, units) === 'density');
  // With a per-population base, a count names its density counterpart (indicators.yaml perPopulation).
  const perPopulation = (m: Mention): Mention => {
    const id = perTenThousand ? m.indicator.perPopulation?.tenThousand : perThousand ? m.indicator.perPopulation?.thousand : undefined;
    const counterpart = id ? lexicon.indicators.find((i) => i.id === id) : undefined;
    return counterpart ? { ...m, indicator: counterpart } : m;
  };
  return [...counted, ...before, ...after.reverse(), ...fromBefore]
    .map(perPopulation)
    .sort((a, b) => (density ? isDensity(b) - isDensity(a) : 0))
    .filter((m) => {
      // "达到个人缴费标准的2倍": the noun right before 的N倍 is the reference, not the indicator.
      const reference = q.unit === '倍' && m.index < q.index && /^的?\s*$/u.test(sentence.text.slice(m.index + m.length, q.index));
      return !reference && fittedUnit(q, m.indicator, clause.basisText ?? clause.text, compiled) !== null;
    });
}

/**
 * Step: the indicator a figure is paired with in a "respectively" clause — A和B分别为x和y: after a
 * word of extraction.yaml `respectively`, the clause's figures go one to one, in order, with the
 * indicators it names before the word, when they are as many (two or more).
 */
export function respectiveMention(q: Quantity, clause: ClauseView, inClause: readonly Quantity[], words: readonly string[]): Mention | undefined {
  let at = -1;
  for (const word of words) {
    const found = clause.text.indexOf(word);
    if (found >= 0 && (at < 0 || found < at)) at = found;
  }
  if (at < 0) return undefined;
  const split = clause.start + at;
  const named = clause.named.filter((m) => m.index < split);
  const after = inClause.filter((x) => x.index > split);
  if (named.length < 2 || named.length !== after.length) return undefined;
  const i = after.indexOf(q);
  return i >= 0 ? named[i] : undefined;
}

/**
 * Step: whether a figure breaks down a total already taken — after 其中 / 分别为, a figure of the
 * same unit family as a total before them (共有在岗人员969人，其中在编人员665人), unless its clause
 * splits it by institution (其中：乡镇卫生院编制768名).
 */
export function isBreakdown(q: Quantity, sentence: SentenceView, clause: ClauseView, totals: readonly Quantity[], lexicon: Lexicon, compiled: CompiledCues): boolean {
  const split = sentence.text.slice(0, q.index).search(compiled.breakdown);
  if (split < 0 || lexicon.extraction.scopes.some((scope) => clause.text.includes(scope))) return false;
  // A figure of another time is no part of a total (改革前…为47%，改革后2012—2014年分别为42%、31%…).
  const laterTime = (t: Quantity) => ANOTHER_TIME.test(sentence.text.slice(t.index + t.length, split));
  return totals.some((t) => t.index < split && !laterTime(t) && unitFamily(t.unit, lexicon.units) === unitFamily(q.unit, lexicon.units));
}

/** A year, or the time after a reform, named between a total and its 其中/分别为: the figures after it are of another time. */
const ANOTHER_TIME = /(?:19|20)\d{2}\s*年|改革后|改革以来/u;

/**
 * Step: the kind of a figure — a level done away with (取消了15%的: a baseline), a change (由…提高到,
 * a movement verb before it, percentage points), else by cue words and the document type.
 */
export function figureKind(q: Quantity, isChange: boolean, sentence: SentenceView, clause: ClauseView, docType: DocType, lexicon: Lexicon, compiled: CompiledCues): Target['kind'] {
  const before = sentence.text.slice(Math.max(clause.start, q.index - 6), q.index);
  if (!isChange && compiled.removal.test(before)) return 'baseline';
  const delta = compiled.delta.test(before);
  if (isChange || delta || unitFamily(q.unit, lexicon.units) === 'points') return 'change';
  return kindOf(clause.text, sentence.text.slice(0, q.index), docType, lexicon.extraction, compiled);
}

/**
 * Step: what a figure is counted per and the time it covers, from the words of its clause up to
 * it (extraction.yaml `basis`, `period`): 人均月收入 → per person and month; 每院每年 → per
 * institution and year; none → a total, over no stated time.
 */
export function figureBasis(before: string, cues: ExtractionCues): { basis?: 'person' | 'institution'; per?: 'year' | 'month' } {
  const out: { basis?: 'person' | 'institution'; per?: 'year' | 'month' } = {};
  if (has(before, cues.basis.institution)) out.basis = 'institution';
  else if (has(before, cues.basis.person)) out.basis = 'person';
  if (has(before, cues.period.month)) out.per = 'month';
  else if (has(before, cues.period.year)) out.per = 'year';
  return out;
}

/** Step: whether a movement falls (a downward verb right before it: 下调15%), so its value is negative. */
export function isFalling(q: Quantity, sentence: SentenceView, clause: ClauseView, compiled: CompiledCues): boolean {
  return compiled.falling.test(sentence.text.slice(Math.max(clause.start, q.index - 6), q.index));
}

/** Figures in a row with nothing but a list mark between them (分别下调15%30%, 15%、30%): one statement. */
const SERIES_GAP = /^[\s、，,和及与]*$/u;

/** Step: the year the sentence ties a figure to — in its clause, or the last one named before it. */
export function figureYear(q: Quantity, sentence: SentenceView, clause: ClauseView, inClause: readonly Quantity[] = []): number | undefined {
  return seriesYear(q, clause, inClause) ?? yearIn(clause.text) ?? yearIn([...sentence.text.slice(0, q.index).matchAll(/(?:19|20)\d{2}\s*年/gu)].at(-1)?.[0] ?? '');
}

/** A span of years, then 分别: 2012—2014年…分别为42%、31%和28%. */
const YEAR_SPAN = /((?:19|20)\d{2})\s*(?:年\s*)?[—–\-~～至到]\s*((?:19|20)\d{2})\s*年[^，。；]{0,20}?分别/u;

/**
 * A figure of a yearly series: a span of years whose values follow 分别 one a year, as many as the
 * years (2012—2014年…分别为42%、31%和28% → 2012, 2013, 2014); else none.
 */
function seriesYear(q: Quantity, clause: ClauseView, inClause: readonly Quantity[]): number | undefined {
  const span = clause.text.match(YEAR_SPAN);
  if (!span || span.index === undefined) return undefined;
  const from = Number(span[1]);
  const to = Number(span[2]);
  const end = clause.start + span.index + span[0].length;
  const after = inClause.filter((x) => x.index >= end);
  if (to <= from || after.length !== to - from + 1) return undefined;
  const i = after.findIndex((x) => x.index === q.index);
  return i >= 0 ? from + i : undefined;
}

/**
 * Step: what a figure applies to — a scope its own clause names; else one named before it in the
 * sentence, but for a figure of an indicator named in its own clause only one that frames the whole
 * sentence (全县…, before its first indicator), not one of an earlier clause's figure
 * (…县级医院提高到70%，最高支付限额提高到15万元).
 */
export function figureScope(q: Quantity, mention: Mention, sentence: SentenceView, clause: ClauseView, scopes: readonly string[]): string | undefined {
  const first = sentence.mentions[0];
  const framing = clause.named.includes(mention) && first ? sentence.text.slice(0, first.index) : sentence.text.slice(0, q.index);
  return scopes.find((s) => clause.text.includes(s)) ?? scopes.find((s) => framing.includes(s));
}

/**
 * The targets of a document's sentences: for each figure in a clause that names (or continues) an
 * indicator, the steps above in turn — candidates, breakdown, change, kind, comparator, quote,
 * year, scope — and then the checks that keep one figure once and a movement beside its level out.
 */
export function extractTargets(sentences: Sentence[], docType: DocType, lexicon: Lexicon, taken?: Set<string>): Target[] {
  const cues = lexicon.extraction;
  const compiled = compileCues(lexicon);
  const { units } = lexicon;
  const targets: Target[] = [];
  const seen = new Set<string>();
  for (const [n, { text, paragraph, row }] of sentences.entries()) {
    const mentions = findMentions(text, lexicon);
    if (mentions.length === 0) continue;
    const quantities = findQuantities(text, units).filter((q) => !mentions.some((m) => q.index >= m.index && q.index < m.index + m.length));
    if (quantities.length === 0) continue;
    const sentence: SentenceView = { text, mentions, clauses: clauses(text) };
    const totals: Quantity[] = [];
    const levels = new Set<string>();
    for (const [k, [start, end]] of sentence.clauses.entries()) {
      const inClause = quantities.filter((q) => q.index >= start && q.index < end);
      if (inClause.length === 0) continue;
      const own = text.slice(start, end);
      const base = compiled.perThousand.test(own) || compiled.perTenThousand.test(own) ? undefined : carriedBase(sentence, k, quantities, compiled);
      const clause: ClauseView = { start, end, text: own, named: mentions.filter((m) => m.index >= start && m.index < end), ...(base ? { basisText: `${base}，${own}` } : {}) };
      const inherited = inheritedMention(sentence, k, clause, compiled);
      const change = changeIn(clause.text, inClause, start, cues, units);
      // The names of a "respectively" clause, one a figure, when as many (respectiveMetrics).
      const names = respectiveMetrics(clause.text, inClause.map((q) => ({ start: q.index - start })), cues);
      const used = new Set<Quantity>();
      // The movement just read, for a figure that follows it in a series (分别下调15%30%).
      // (A holder, not a let: TypeScript would narrow a let assigned further down the loop to null.)
      const series: { last: { q: Quantity; falling: boolean } | null } = { last: null };
      for (const q of inClause) {
        if (used.has(q)) continue;
        const candidates = candidateMentions(q, sentence, clause, inherited, lexicon, compiled);
        const paired = respectiveMention(q, clause, inClause, cues.respectively);
        const mention = (paired && candidates.find((c) => c.index === paired.index)) || candidates[0];
        if (!mention) continue;
        // 药占比、耗材占比分别下降3%、2%: the second figure is 耗材占比's, which the lexicon does not
        // know — it is left to open extraction, not filed under 药占比.
        // (Only when the indicator stands in an earlier name: 高血压、糖尿病管理人数 share their head noun.)
        const named = text.slice(mention.index, mention.index + mention.length);
        const home = names ? names.findIndex((x) => x.includes(named)) : -1;
        const own = names?.[inClause.indexOf(q)];
        if (names && own !== undefined && !paired && home >= 0 && home < names.length - 1 && !own.includes(named)) continue;
        if (!paired && isBreakdown(q, sentence, clause, totals, lexicon, compiled)) continue;
        const isChange = change !== null && change[1] === q;
        if (change && change[0] === q) continue;
        const previous = series.last;
        const inSeries = previous !== null && SERIES_GAP.test(text.slice(previous.q.index + previous.q.length, q.index));
        const kind: Target['kind'] = inSeries ? 'change' : figureKind(q, isChange, sentence, clause, docType, lexicon, compiled);
        // A movement down is negative (下调15% → −15%); a change from a start keeps its end level.
        const falling: boolean = kind === 'change' && !isChange && (inSeries && previous ? previous.falling : isFalling(q, sentence, clause, compiled));
        series.last = kind === 'change' && !isChange ? { q, falling } : null;
        const target: Target = {
          indicator: mention.indicator.id,
          label: mention.indicator.label,
          kind,
          // A falling range keeps its order: 下降10%-20% is −20 to −10.
          value: falling ? -(q.valueMax ?? q.value) : q.value,
          unit: fittedUnit(q, mention.indicator, clause.basisText ?? clause.text, compiled) ?? q.unit,
          comparator: comparatorOf(q, text.slice(start, q.index), text.slice(q.index + q.length), cues, compiled),
          quote: quoteAround(text, Math.min(mention.index, q.index), q.index + q.length),
          paragraph,
        };
        if (row !== undefined) target.row = row;
        if (q.valueMax !== undefined) target.valueMax = falling ? -q.value : q.valueMax;
        if (isChange && change) {
          target.from = change[0].value;
          used.add(change[0]);
        }
        Object.assign(target, figureBasis(text.slice(Math.min(start, mention.index), q.index), cues));
        const implausible = implausibility(target, mention.indicator, units);
        if (implausible) target.implausible = implausible;
        const year = figureYear(q, sentence, clause, inClause);
        if (year) target.year = year;
        const scope = figureScope(q, mention, sentence, clause, cues.scopes);
        if (scope) target.scope = scope;
        const key = `${target.indicator}|${target.kind}|${target.value}|${target.unit}`;
        if (seen.has(key)) continue;
        // A movement given beside a level (住院报销比例高达68.7%，提高了7.5%) belongs to that level, not a target of its own.
        if (kind === 'change' && target.from === undefined && levels.has(target.indicator)) continue;
        if (kind !== 'change') levels.add(target.indicator);
        seen.add(key);
        used.add(q);
        totals.push(q);
        targets.push(target);
        taken?.add(quantityKey(n, q));
        if (isChange && change) taken?.add(quantityKey(n, change[0]));
      }
    }
  }
  return targets;
}

/** The longest object of a movement verb kept as a metric. */
const MAX_MOVED_CHARS = 16;

/**
 * What the clause before a subjectless change moves: the words after its last movement verb, up to
 * its end (…将再次提高农牧区医疗制度政府人均补助标准，从…提高至…), if they are a name.
 */
function movedBefore(sentence: SentenceView, start: number, cues: ExtractionCues): string | null {
  const k = sentence.clauses.findIndex(([from]) => from === start);
  const previous = k > 0 ? sentence.clauses[k - 1] : undefined;
  if (!previous) return null;
  const text = trimEndOf(sentence.text.slice(previous[0], previous[1]), '，,；;、 ');
  const at = Math.max(...cues.deltaVerbs.map((v) => { const i = text.lastIndexOf(v); return i < 0 ? -1 : i + v.length; }));
  const object = at > 0 ? text.slice(at) : '';
  return /^\p{Script=Han}{2,}$/u.test(object) && object.length <= MAX_MOVED_CHARS ? object : null;
}

/** A clause that opens with 占 and names nothing before its share: 占71.08%, 占比为30%. */
const SHARE_OF_BEFORE = /^\s*占(?:比)?(?:为|达|达到)?\s*$/u;

/** A quantity's place: its sentence and its offset there. */
const quantityKey = (sentence: number, q: Quantity): string => `${sentence}:${q.index}`;

/**
 * Open extraction: every other quantity of the text that a metric phrase names (metric.ts), as a
 * figure under that phrase, read by the same steps as a target (change, kind and its direction,
 * comparator, year, scope). `taken` holds the quantities the targets used.
 */
export function extractOpenFigures(sentences: Sentence[], docType: DocType, lexicon: Lexicon, taken: ReadonlySet<string>): Figure[] {
  const cues = lexicon.extraction;
  const compiled = compileCues(lexicon);
  const figures: Figure[] = [];
  const seen = new Set<string>();
  for (const [n, { text, paragraph, row }] of sentences.entries()) {
    const quantities = findQuantities(text, lexicon.units);
    if (quantities.length === 0) continue;
    const sentence: SentenceView = { text, mentions: [], clauses: clauses(text) };
    // The last figure read in the sentence, for a share of it in the next clause.
    const counts: { last: { metric: string } | null } = { last: null };
    for (const [start, end] of sentence.clauses) {
      const inClause = quantities.filter((q) => q.index >= start && q.index < end);
      if (inClause.length === 0) continue;
      const clause: ClauseView = { start, end, text: text.slice(start, end), named: [] };
      const change = changeIn(clause.text, inClause, start, cues, lexicon.units);
      // 门诊人次、住院人次分别增长12%和15%: the names go one to one with the figures.
      const respective = respectiveMetrics(clause.text, inClause.map((q) => ({ start: q.index - start })), cues);
      // The movement just read, for a figure that follows it in a series (分别增长12%和15%).
      // (A holder, not a let: TypeScript would narrow a let assigned further down the loop to null.)
      const series: { last: { q: Quantity; falling: boolean } | null } = { last: null };
      const listed: { last: { q: Quantity; metric: string } | null } = { last: null };
      for (const [i, q] of inClause.entries()) {
        if (taken.has(quantityKey(n, q))) {
          // A target's figure is the one a comparison in the next clause may move (业务收入…，较上年同期减少…).
          const phrase = metricPhrase(clause.text, q.index - start, q.index - start + q.length, q.unit, cues);
          counts.last = phrase ? { metric: phrase } : counts.last;
          continue;
        }
        if (change && change[0] === q) continue;
        const own = respective?.[i];
        // 柳州市中医医院、妇幼保健院…分别排名第44、23位: each name's ranking.
        const isChange = change !== null && change[1] === q;
        // A change from one value to another (由原来的8000元提高到5万元) names its subject before the first.
        const from = isChange && change ? change[0].index : q.index;
        const named = own !== undefined ? (q.unit === RANK_UNIT ? asRanking(own) : own) : metricPhrase(clause.text, from - start, q.index - start + q.length, q.unit, cues);
        // 分别增加100元、200元和300元: a figure listed right after another of its unit, with no
        // subject of its own, measures what that one does.
        const prior = listed.last;
        const counted = counts.last;
        // 业务收入2275.9万元，较上年同期减少了471.3万元: a clause that opens with its comparison's
        // base moves what the clause before measured, not the base.
        const lead = text.slice(start, q.index).trim();
        // …，减少17.1%: a clause of a movement verb alone moves the same.
        const againstBase = counted !== null && (cues.metric.comparisonLeads.some((w) => lead.startsWith(w)) || compiled.bareMovement.test(lead));
        const listedAfter = prior && prior.q.unit === q.unit && SERIES_GAP.test(text.slice(prior.q.index + prior.q.length, q.index)) ? prior.metric : null;
        // 农村人口1078953人，占71.08%: a bare share of what the clause before counted.
        const shareOf = counted && q.unit === '%' && SHARE_OF_BEFORE.test(text.slice(start, q.index)) ? `${counted.metric}占比` : null;
        // 将再次提高农牧区医疗制度政府人均补助标准，从380元提高至420元 (提高村医待遇，人均月增300元):
        // a subjectless movement moves what the clause before does.
        const moved = () => (isChange || cues.deltaVerbs.some((v) => lead.includes(v)) ? movedBefore(sentence, start, cues) : null);
        const metric = (againstBase ? counted.metric : null) ?? named ?? listedAfter ?? shareOf ?? moved();
        if (!metric) continue;
        listed.last = { q, metric };
        counts.last = { metric };
        // The figure before it in the clause may be a target's (药占比、耗材占比分别下降3%、2%): its movement counts too.
        const before = inClause[i - 1];
        const previous = series.last ?? (before && figureKind(before, false, sentence, clause, docType, lexicon, compiled) === 'change' ? { q: before, falling: isFalling(before, sentence, clause, compiled) } : null);
        const inSeries = previous !== null && SERIES_GAP.test(text.slice(previous.q.index + previous.q.length, q.index));
        const kind: Figure['kind'] = inSeries ? 'change' : figureKind(q, isChange, sentence, clause, docType, lexicon, compiled);
        const falling: boolean = kind === 'change' && !isChange && (inSeries && previous ? previous.falling : isFalling(q, sentence, clause, compiled));
        series.last = kind === 'change' && !isChange ? { q, falling } : null;
        const figure: Figure = {
          metric,
          kind,
          value: falling ? -(q.valueMax ?? q.value) : q.value,
          unit: lexicon.units.aliases[q.unit] ?? q.unit,
          comparator: comparatorOf(q, text.slice(start, q.index), text.slice(q.index + q.length), cues, compiled),
          quote: quoteAround(text, q.index, q.index + q.length),
          paragraph,
        };
        if (q.valueMax !== undefined) figure.valueMax = falling ? -q.value : q.valueMax;
        if (isChange && change) figure.from = change[0].value;
        if (row !== undefined) figure.row = row;
        Object.assign(figure, figureBasis(text.slice(start, q.index), cues));
        const year = figureYear(q, sentence, clause, inClause);
        if (year) figure.year = year;
        const scope = cues.scopes.find((sc) => clause.text.includes(sc));
        if (scope) figure.scope = scope;
        const key = `${metric}|${kind}|${figure.value}|${figure.unit}`;
        if (seen.has(key)) continue;
        seen.add(key);
        figures.push(figure);
      }
    }
  }
  return figures;
}

function statusOf(sentence: string, docType: DocType, cues: ExtractionCues, planTypes: ReadonlySet<DocType>): Practice['status'] {
  if (planTypes.has(docType)) return has(sentence, cues.adoptedCues) ? 'adopted' : 'planned';
  return has(sentence, cues.plannedCues) ? 'planned' : 'adopted';
}

/** Practice patterns, longest first, so 院长任期目标责任制 is read as one practice, not also as 目标责任制. */
const practiceTables = new WeakMap<PracticeDef[], Array<{ pattern: string; practice: PracticeDef }>>();

function practicePatterns(practices: PracticeDef[]): Array<{ pattern: string; practice: PracticeDef }> {
  let table = practiceTables.get(practices);
  if (!table) {
    table = practices.flatMap((practice) => practice.patterns.map((pattern) => ({ pattern, practice })));
    table.sort((a, b) => b.pattern.length - a.pattern.length || a.pattern.localeCompare(b.pattern));
    practiceTables.set(practices, table);
  }
  return table;
}

export function extractPractices(sentences: Sentence[], docType: DocType, practices: PracticeDef[], cues: ExtractionCues, planTypes: ReadonlySet<DocType>): Practice[] {
  const found = new Map<string, Practice>();
  for (const sentence of sentences) {
    const taken = new Uint8Array(sentence.text.length);
    for (const { pattern, practice } of practicePatterns(practices)) {
      const at = sentence.text.indexOf(pattern);
      if (at < 0 || taken.subarray(at, at + pattern.length).some(Boolean)) continue;
      taken.fill(1, at, at + pattern.length);
      // The first sentence that names the practice is cited, unless a later one reports it done
      // while the first only looked ahead (我们将进一步完善… then 改革后…实施绩效工资制度).
      const status = statusOf(sentence.text, docType, cues, planTypes);
      const known = found.get(practice.id);
      if (known && (known.status === 'adopted' || status === 'planned')) continue;
      found.set(practice.id, {
        id: practice.id,
        label: practice.label,
        status,
        quote: quoteAround(sentence.text, at, at + pattern.length),
        paragraph: sentence.paragraph,
        ...(sentence.row !== undefined ? { row: sentence.row } : {}),
      });
    }
  }
  // In lexicon order, so the output does not depend on where each practice was first seen.
  return practices.flatMap((p) => found.get(p.id) ?? []);
}

export function extract(blocks: NumberedBlock[], options: ExtractOptions): { targets: Target[]; figures: Figure[]; practices: Practice[] } {
  const sentences = sentencesOf(blocks);
  const taken = new Set<string>();
  const targets = extractTargets(sentences, options.docType, options.lexicon, taken);
  return {
    targets,
    figures: extractOpenFigures(sentences, options.docType, options.lexicon, taken),
    practices: extractPractices(sentences, options.docType, options.lexicon.practices, options.lexicon.extraction, compileCues(options.lexicon).planTypes),
  };
}
