/**
 * Step of open extraction: the metric phrase a figure measures, as the text
 * writes it, for a figure whose clause names no indicator of the lexicon —
 * the noun a measure word counts (12所乡镇卫生院 → 乡镇卫生院, 召开2次研判会
 * → 研判会), else the subject before the figure, without the verb that
 * links them (每千人口床位数达到6.5张 → 每千人口床位数). The words are data
 * (extraction.yaml `metric`): predicates that end a subject or begin what
 * follows a counted noun, and openings (time, place) that are no part of it.
 */
import type { ExtractionCues } from '../lexicon.ts';
import { RANK_UNIT } from '../units.ts';
import { POPULATION_NOUN } from './quantities.ts';

/** The longest metric phrase kept, in characters (a longer run is a clause, not a name). */
const MAX_METRIC = 16;
/** The longest noun after a measure word kept (what follows is most often the rest of the clause). */
const MAX_COUNTED = 12;

interface Compiled {
  /** Predicates, longest first: one ends a counted noun, or a clause before a subject. */
  predicates: string[];
  /** What may end the text before a figure and is no part of its subject: predicates, bounds, movement verbs, particles. */
  trailing: string[];
  /** Openings of a subject that are no part of its name (全县, 其中), longest first. */
  openings: string[];
  /** What makes a predicate before it part of a noun (覆盖率). */
  nounEnds: string[];
  /** Nouns a metric may end in though they end in a trailing word (平均降幅, 药占比). */
  keptEnds: string[];
}

const cache = new WeakMap<ExtractionCues, Compiled>();
const longestFirst = (words: Iterable<string>) => [...new Set(words)].filter(Boolean).sort((a, b) => b.length - a.length);

function compiled(cues: ExtractionCues): Compiled {
  let c = cache.get(cues);
  if (!c) {
    const { predicates, openings, particles } = cues.metric;
    const bounds = [...Object.values(cues.comparators).flat(), ...Object.values(cues.boundsBefore).flat()];
    c = {
      predicates: longestFirst(predicates),
      trailing: longestFirst([...predicates, ...bounds, ...cues.deltaVerbs, ...cues.approximately, ...particles]),
      keptEnds: longestFirst(cues.metric.keptEnds),
      openings: longestFirst(openings),
      nounEnds: longestFirst(cues.metric.nounEnds),
    };
    cache.set(cues, c);
  }
  return c;
}

/** Letters of a name: Han characters, and the Latin letters and digits inside one (120急救, 5G). */
const NAME_CHAR = /[\p{Script=Han}A-Za-z0-9]/u;

/** The run of name characters at the start of the text (scanned, no backtracking on long input). */
function headRun(text: string): string {
  let i = 0;
  while (i < text.length && NAME_CHAR.test(text[i] ?? '')) i++;
  return text.slice(0, i);
}

/** The run of name characters at the end of the text. */
function tailRun(text: string): string {
  let i = text.length;
  while (i > 0 && NAME_CHAR.test(text[i - 1] ?? '')) i--;
  return text.slice(i);
}

const words = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Where predicates stand in the text: a predicate of two characters or more wherever it occurs, one
 * of a single character (为, 占, 和) only where it is a word of its own (not 作为, 和谐).
 */
function predicateCuts(text: string, predicates: readonly string[], nounEnds: readonly string[] = []): Array<[number, number]> {
  const cuts: Array<[number, number]> = [];
  for (const p of predicates) {
    if (p.length < 2) continue;
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) {
      // 覆盖率, 签约人数: the verb is part of the noun there.
      if (!nounEnds.some((w) => text.startsWith(w, at + p.length))) cuts.push([at, at + p.length]);
    }
  }
  const single = new Set(predicates.filter((p) => p.length === 1));
  for (const { segment, index } of words.segment(text)) if (single.has(segment)) cuts.push([index, index + 1]);
  return cuts;
}

/** The text up to the first predicate in it. */
function beforePredicate(text: string, predicates: readonly string[], nounEnds: readonly string[] = []): string {
  const cut = Math.min(text.length, ...predicateCuts(text, predicates, nounEnds).map(([from]) => from));
  return text.slice(0, cut);
}

/** The text after the last predicate in it. */
function afterPredicate(text: string, predicates: readonly string[], nounEnds: readonly string[] = []): string {
  const from = Math.max(0, ...predicateCuts(text, predicates, nounEnds).map(([, to]) => to));
  return text.slice(from);
}

/** The text without the words it ends in (达到, 不低于, 了 …), however many, until it ends in a noun that is kept (降幅). */
function withoutTrailing(text: string, words: readonly string[], kept: readonly string[] = []): string {
  let rest = text.trimEnd();
  for (let found = true; found && !kept.some((w) => rest.endsWith(w)); ) {
    found = false;
    for (const w of words) {
      if (rest.endsWith(w)) {
        rest = rest.slice(0, -w.length).trimEnd();
        found = true;
        break;
      }
    }
  }
  return rest;
}

/** The text without the openings it starts with (2023年, 全县, 其中 …), however many. */
function withoutOpenings(text: string, openings: readonly string[]): string {
  let rest = text;
  for (let found = true; found; ) {
    found = false;
    const year = /^(?:19|20)\d{2}年(?:底|末|初|度)?/u.exec(rest)?.[0];
    if (year) {
      rest = rest.slice(year.length);
      found = true;
      continue;
    }
    for (const w of openings) {
      if (rest.startsWith(w)) {
        rest = rest.slice(w.length);
        found = true;
        break;
      }
    }
  }
  return rest;
}

const isName = (s: string | undefined): s is string => s !== undefined && /\p{Script=Han}{2}/u.test(s) && !/^\d/.test(s);

/**
 * The metric phrase of the figure at [start, end) of its clause, or null when the clause gives none
 * (a bare number, a list of numbers).
 */
/** What may stand between a number and its unit: digits, separators, a multiplier, 多/余, a range's dash. */
const NOT_UNIT = new Set([...'0123456789., \u2009\u202f千百万亿多余-—–~～至到']);

/** The unit of a quantity as the text writes it: what follows its number, multiplier and 多/余 (scanned, no regex). */
function writtenUnit(raw: string): string {
  let i = raw.length;
  while (i > 0 && !NOT_UNIT.has(raw[i - 1] ?? '')) i--;
  return raw.slice(i);
}

/**
 * The text after its last predicate, where a predicate that ends the text is the noun's there, not
 * a verb (政府补助, 生活补助按…): with none inside, the whole text.
 */
function afterInnerPredicate(text: string, c: Compiled): string {
  return text.slice(Math.max(0, ...predicateCuts(text, c.predicates, c.nounEnds).filter(([, to]) => to < text.length).map(([, to]) => to)));
}

/** The noun a run opens with, up to a predicate — one that ends the run is the noun's (奖励性补助). */
function nounAfter(run: string, c: Compiled): string {
  const cut = Math.min(run.length, ...predicateCuts(run, c.predicates, c.nounEnds).filter(([, to]) => to < run.length).map(([from]) => from));
  return run.slice(0, cut);
}

/** What may stand between a count's measure word and its noun: 4类以上中医药适宜技术. */
const COUNT_BOUND = /^(?:以上|以下|左右|多|余)/u;
/** A subject that is only a basis: 每所, 每人, 每个村. */
const PER_UNIT_SUBJECT = /^每\p{Script=Han}{1,2}$/u;

/** A counted noun without an adverb that stands before a predicate in it (县级医院基本达到 → 县级医院). */
function withoutAdverb(noun: string, counted: string, adverbs: readonly string[], predicates: readonly string[]): string {
  for (const a of adverbs) {
    const at = noun.indexOf(a);
    if (at > 0 && predicates.some((p) => counted.startsWith(p, at + a.length))) return noun.slice(0, at);
  }
  return noun;
}

/** What follows an age that bounds a group (35岁以下护理人员): 以上/以下, maybe 的, then a noun. */
const AGE_BOUND_GROUP = /^(?:及以上|及以下|以上|以下)的?\p{Script=Han}/u;

/** The noun a figure qualifies through 的 (1个月以上的临床进修学习 → 临床进修学习), up to a predicate-free run of Han. */
const QUALIFIED_NOUN = /^(?:以上|以下|左右|多|余)?的(\p{Script=Han}{2,16})/u;

/** What a count of people after an activity is called, by its unit (培训120人 → 培训人数). */
const PEOPLE_UNITS: Readonly<Record<string, string>> = { 人: '人数', 万人: '人数', 人次: '人次', 万人次: '人次' };

/** The units of a sum of money. */
const MONEY_UNITS = new Set(['元', '万元', '亿元']);

export function metricPhrase(clause: string, start: number, end: number, unit: string, cues: ExtractionCues): string | null {
  const c = compiled(cues);
  const after = clause.slice(end);
  // A unit that begins a longer word was no unit (1000人口, 3次均): the number is no count of it.
  // The unit as written counts (1.3万余名群众 is no 人群).
  const written = writtenUnit(clause.slice(start, end)) || unit;
  if (cues.metric.unitCompounds.some((w) => `${written}${after}`.startsWith(w))) return null;
  // 35岁以下护理人员, 65岁以上的老人: an age that bounds a group of people is no figure.
  if (unit === '岁' && AGE_BOUND_GROUP.test(after)) return null;
  // 进行1个月以上的临床进修学习: a duration measures the noun it qualifies.
  const qualified = cues.metric.durationUnits.includes(unit) ? after.match(QUALIFIED_NOUN)?.[1] : undefined;
  if (qualified && isName(qualified)) return capped(qualified, MAX_METRIC);
  // A population in 万 before its noun: 76万农村人口.
  const population = unit === '万人' ? after.match(POPULATION_NOUN)?.[0].replace(/^(?:多|余)/u, '') : undefined;
  if (population) return population;
  // A measure word and the noun it counts: 85个村卫生室, 召开2次意识形态领域分析研判会; the
  // noun ends before the next count (5个中心社区1个街道办事处).
  if (cues.metric.measureWords.includes(unit)) {
    // (Not its 以上: 4类以上中医药适宜技术; nor an adverb before a predicate: 1所县级医院基本达到….)
    // It ends before 的 too: 两支队伍的服务行为 counts 队伍.
    const counted = headRun(after.replace(COUNT_BOUND, '')).replace(/(?<=\p{Script=Han})\d.*$/su, '').replace(/(?<=\p{Script=Han}{2})的.*$/su, '');
    const noun = withoutAdverb(beforePredicate(counted, c.predicates, c.nounEnds), counted, cues.metric.adverbs, c.predicates);
    // A long counted noun keeps its head, which ends it (…综合改革试点县).
    if (isName(noun)) return capped(noun, MAX_COUNTED);
    // 辖12个县: a division counted by its one-character name.
    const division = cues.metric.divisionNouns.find((w) => after.startsWith(w) && !NAME_CHAR.test(after[w.length] ?? ''));
    if (division) return division;
  }
  // A place in a ranking: the ranking is the metric (区内排名第1、2、12位 → 区内排名), its 第, the
  // places listed before this one and the verb that ranks (分列, 位居) no part of it.
  const rank = unit === RANK_UNIT;
  const head = clause.slice(0, start);
  const listed = rank ? (head.match(RANK_LIST)?.[0] ?? '') : '';
  const lead = rank ? head.slice(0, head.length - listed.length).replace(/(?:分别为|分别|分列|位列|位居|名列|排在|列|居)$/u, '') : head;
  // The subject before the figure: 每千人口床位数达到6.5张, 门诊量增长12%; what stands before the
  // last predicate is another clause's (全县开展…其中家庭医生签约率).
  const trimmed = withoutTrailing(lead, c.trailing, c.keptEnds);
  const found = subjectBefore(tailRun(trimmed), c, cues.metric.mannerWords);
  const ranked = rank ? rankedSubject(listed, clause.slice(end), trimmed, found) : found;
  // A subject never opens with 的 (…2014年的人均380元: 的人 is no name).
  const named = rank && isName(ranked) ? asRanking(ranked) : ranked.replace(/^的(?=\p{Script=Han}{2})/u, '').replace(/^的.*$/u, '');
  // 给予每所500万元奖励性补助: 每所 is the figure's basis; what it measures follows it.
  const perUnit = PER_UNIT_SUBJECT.test(named) ? nounAfter(headRun(after), c) : undefined;
  const subject = perUnit !== undefined && isName(perUnit) ? perUnit : named;
  // 同时拨付873万元用于…: a sum right after a spending verb, with no subject, is that verb's funds.
  // (The verb may take 了: 安排了6.39万元.)
  const verbEnd = lead.trimEnd().replace(/了$/u, '');
  const spending = !isName(subject) && MONEY_UNITS.has(unit) ? cues.metric.spendingVerbs.find((v) => verbEnd.endsWith(v)) : undefined;
  if (spending) return `${spending}资金`;
  // 全年培训120人, 累计签约3.2万人: people counted right after an activity, with no subject, are its people.
  const people = PEOPLE_UNITS[unit];
  // (The verb alone may stand as the subject: 接诊 is no predicate of the list.)
  const bare = !isName(subject) || cues.metric.activityVerbs.includes(subject);
  const activity = bare && people ? cues.metric.activityVerbs.find((v) => verbEnd.endsWith(v)) : undefined;
  if (activity && people) return `${activity}${people}`;
  if (!isName(subject)) return null;
  return capped(subject, MAX_METRIC);
}

/**
 * The subject at the end of a run of name characters: what follows its last predicate, or, when
 * that predicate says how (按地区类别), what stands before it.
 */
function subjectBefore(run: string, c: Compiled, mannerWords: readonly string[]): string {
  // A kept noun at the end (占比, 降幅) is no predicate: the subject is read before it and keeps it.
  const kept = c.keptEnds.find((w) => run.endsWith(w) && run.length > w.length);
  if (kept) {
    const stem = subjectBefore(run.slice(0, -kept.length), c, mannerWords);
    return isName(stem) ? `${stem}${kept}` : stem;
  }
  const after = afterInnerPredicate(run, c);
  const head = run.slice(0, run.length - after.length);
  const manner = mannerWords.find((w) => head.endsWith(w));
  if (manner) {
    const before = withoutOpenings(afterInnerPredicate(head.slice(0, -manner.length), c), c.openings);
    if (isName(before)) return before;
  }
  // 1 796个品规平均价格下降8%: the count before the subject is no part of it.
  let subject = withoutOpenings(after, c.openings);
  // 64岁的72272名贫困人员…: each count or qualifier that opens it goes too.
  for (let m = subject.match(COUNT_OPENING); m; m = subject.match(COUNT_OPENING)) subject = subject.slice(m[0].length);
  return subject;
}

/** A count that opens a run of name characters (796个品规…, 64岁的…): a number and a measure word, or a number qualifying with 的. */
const COUNT_OPENING = /^\d[\d.]*(?:(?:个|家|所|项|种|名|张|台)(?=\p{Script=Han}{2})|\p{Script=Han}{1,2}的(?=\p{Script=Han}{2}|\d))/u;

/** A ranked subject as the ranking it names: 柳州市中医医院 → 柳州市中医医院排名 (区内排名 stays). */
export const asRanking = (phrase: string): string => (/排名|名次|排行/u.test(phrase) ? phrase : `${phrase}排名`);

/** A ranking's 第 and the places listed before this one, at the end of the text before it (第101、129、). */
const RANK_LIST = /第[\s\d、，,和及]*$/u;

/**
 * The subject of a place in a ranking when several are ranked at once: 工人医院、人民医院、柳铁中心医院
 * 在综合医院组排名分列第101、129、427位 — one to one when the names and places are as many
 * (人民医院综合医院组排名 for 129), else the ranking alone (综合医院组排名), never the last name for
 * every place.
 */
function rankedSubject(listed: string, rest: string, lead: string, found: string): string {
  const prior = lead.slice(0, lead.length - found.length);
  if (!prior.endsWith('、')) return found;
  const at = found.search(/在|排名|名次|排行/u);
  if (at <= 0) return found;
  const ranking = found.slice(at).replace(/^在/u, '');
  const items = prior.slice(0, -1).split('、');
  const names = [tailRun(items[0] ?? ''), ...items.slice(1), found.slice(0, at)];
  // This place's position in its list (第101、129、427位), and the list's length.
  const after = rest.match(/^(?:[、，,和及]\s*\d+)*/u)?.[0] ?? '';
  const position = (listed.match(/\d+/gu) ?? []).length;
  const places = position + 1 + (after.match(/\d+/gu) ?? []).length;
  const name = names[position];
  return names.length === places && name && isName(name) ? `${name}${ranking}` : ranking;
}

/** A phrase kept to `max` characters by its last whole words, where a name's head stands. */
const capped = (phrase: string, max: number): string => (phrase.length > max ? lastWords(phrase, max) : phrase);

/** The last whole words of a text that fit in `max` characters (革前… is no start of a name). */
function lastWords(text: string, max: number): string {
  const parts = [...words.segment(text)].map((w) => w.segment);
  let out = '';
  for (let i = parts.length - 1; i >= 0 && out.length + (parts[i] ?? '').length <= max; i--) out = `${parts[i] ?? ''}${out}`;
  return out || text.slice(-max);
}

/**
 * Metric phrases of a "respectively" clause whose names the lexicon does not know — 门诊人次、住院人次
 * 分别增长12%和15%: the names before the word (extraction.yaml `respectively`), set apart by 、 和 及 与,
 * go one to one, in order, with the figures after it, when they are as many; else null (each figure
 * then takes its phrase as any other, and never the last name for all).
 */
export function respectiveMetrics(clause: string, figures: ReadonlyArray<{ start: number }>, cues: ExtractionCues): string[] | null {
  const c = compiled(cues);
  const word = longestFirst(cues.respectively).find((w) => clause.includes(w));
  if (!word) return null;
  const at = clause.indexOf(word);
  const after = figures.filter((f) => f.start >= at + word.length);
  if (after.length < 2 || after.length !== figures.length) return null;
  const names = clause
    .slice(0, at)
    .split(/[、和及与]/u)
    .map((part, i) => (i === 0 ? tailRun(part) : part.trim()))
    .map((part) => withoutOpenings(part, c.openings));
  if (names.length !== after.length || !names.every((n) => isName(n) && n.length <= MAX_METRIC)) return null;
  return names;
}
