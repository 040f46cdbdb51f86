/**
 * Finds the quantities in a sentence: a number (Arabic, or a Chinese
 * fraction such as 三分之一 or 两成), an optional range end, and a unit.
 * Numbers that are not measurements are skipped: years, months, days,
 * document numbers (〔2010〕12号), list ordinals (3、), phone numbers, and
 * anonymised placeholders (#%, XX%).
 */
import type { UnitRules } from '../lexicon.ts';
import { escapeRegExp } from '../regexp.ts';
import { RANK_UNIT } from '../units.ts';

export interface Quantity {
  value: number;
  /** Upper end of a range (1.5-2人/千人). */
  valueMax?: number;
  unit: string;
  /** Offset of the quantity in the text, and its length. */
  index: number;
  length: number;
  raw: string;
  /** Written with 多 or 余 (7000多元): at least the value. */
  more?: boolean;
}

/**
 * A number: digits, maybe in groups of three after commas (2,371,510) or, after one or two digits,
 * a space (1 796个品规, 4 468人: the typesetting of journals and yearbooks), maybe with decimals.
 */
const NUMBER = '(?:\\d{1,2}[ \\u2009\\u202f]\\d{3}(?!\\d)|\\d+(?:,\\d{3})*)(?:\\.\\d+)?';
const numberOf = (written: string) => Number(written.replace(/[, \u2009\u202f]/gu, ''));

/** A number, an optional range end, an optional multiplier and 多/余, then one of the units (longest first). */
export function quantityPattern(units: UnitRules): RegExp {
  const alternatives = [...units.recognised].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  // (Not after 每: 每1200个农业户籍人口 is a base, not a figure.)
  return new RegExp(`(?<![\\d.〔\\[（(第#xX×每])(?<!\\d,)(${NUMBER})(?:\\s*[-—–~～至到]\\s*(${NUMBER}))?\\s*(千|百|万|亿)?(多|余)?(${alternatives})`, 'gu');
}
const patterns = new WeakMap<UnitRules, RegExp>();
const MULTIPLIER: Record<string, number> = { 千: 1000, 百: 100, 万: 10000, 亿: 100000000 };
/** A ratio to one (1∶1.1, 1:2): not a clock time (no minutes after it) nor part of a longer number. */
const RATIO = /(?<![\d.])1\s*[:∶：]\s*(\d+(?:\.\d+)?)(?![\d:∶])/gu;
/** A comma-less pair like 15%30% is two values; the first unit is repeated. */
const CN_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 三 → 3, 十 → 10, 二十五 → 25 (enough for fractions and percentages). */
export function chineseNumber(text: string): number | null {
  if (/^[零一二两三四五六七八九]$/u.test(text)) return CN_DIGITS[text] ?? null;
  const m = text.match(/^([一二三四五六七八九])?十([一二三四五六七八九])?$/u);
  if (m) return (m[1] ? (CN_DIGITS[m[1]] ?? 0) : 1) * 10 + (m[2] ? (CN_DIGITS[m[2]] ?? 0) : 0);
  return null;
}

/** 第93名, 第101、129、427位: places in a ranking, one or a list after one 第. */
const RANK = /第\s*(\d{1,4}(?:\s*[、，,和及]\s*\d{1,4})*)\s*(?:名|位)(?!置|于|列|居)/gu;
/** 第一名, or 第一 after a ranking verb (得分列全省地市第一, 排名全国第三). */
const RANK_WORDS = /(?:(?:排名|排|列|位列|位居|居|名列)[^，。；,;]{0,10}?第([一二三四五六七八九十]{1,3})(?![章节条款部篇次批个项年届])|第([一二三四五六七八九十]{1,3})(?:名|位)(?!置|于))/gu;

/**
 * A count in Chinese numerals before a measure word (三次, 两家, 十二个): two or more, not an ordinal
 * (第三次), not inside a quoted name (“三个一批”), not part of a larger numeral (一百二十), not a
 * span of months (前六个月, 七个月来: the time a figure covers).
 */
const CHINESE_COUNT = /(?<![第“"「《之一二两三四五六七八九十百千万零〇几数每这那])([两二三四五六七八九]|十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?)(个(?!月)|家|所|项|次|种|名|支|批|场|类|件)/gu;
/** What follows 次 in a session's name (六次会议, 三次全会). */
const SESSION_WORDS = ['会议', '全会', '全体会议', '代表大会', '常委会'];
/** What follows a slogan's count (三个一批, 四个全面, 两个维护, 五位一体): no count of things. */
const SLOGAN_NOUNS = ['一', '全面', '代表', '维护', '确立', '自信', '意识', '优先', '统一', '不变', '坚持', '务必', '倾斜'];

const FRACTION = /(?<![一二两三四五六七八九十])([一二两三四五六七八九十]+)分之([一二两三四五六七八九十]+)/gu;
const TENTHS = /([一二两三四五六七八九])成(?=[，。；,;、以左]|$)/gu;
const PERCENT_WORDS = /百分之([一二三四五六七八九十]+)/gu;
/**
 * A population in 万 without a unit after it: 户籍人口274.2万, 人口总数30万, 76万农村人口, 20万群众.
 * Only where 人口 stands right before, or a word for people right after (a bare 万 elsewhere counts
 * nothing known).
 */
const POPULATION_BEFORE = /人口(?:总数|总量)?(?:为|达|达到|约|近|有)?\s*(\d+(?:\.\d+)?)\s*万(?![\p{Script=Han}%])/gu;
const POPULATION_AFTER = /(?<![\d.])(\d+(?:\.\d+)?)\s*万(?:多|余)?(?=(?:农村|城镇|城乡|常住|户籍|服务|流动|贫困)?人口|(?:城乡|农村|城镇)?居民|群众|农牧民|农民)/gu;
/** The population a count in 万 before it names (76万农村人口 → 农村人口). */
export const POPULATION_NOUN = /^(?:多|余)?(?:(?:农村|城镇|城乡|常住|户籍|服务|流动|贫困)?人口|(?:城乡|农村|城镇)?居民|群众|农牧民|农民)/u;

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Only a dash or a tilde between two figures of one unit: 25元-30元, 8%—10% (至 and 到 may end a change: 由25元至30元). */
const RANGE_GAP = /^\s*[-—–~～]\s*$/u;

/**
 * A range written with its unit at both ends (25元-30元) is one quantity, as 25-30元 is: the second
 * figure becomes the first's upper end.
 */
function mergeUnitRanges(found: Quantity[], text: string): void {
  for (let i = found.length - 2; i >= 0; i--) {
    const a = found[i];
    const b = found[i + 1];
    if (!a || !b || a.valueMax !== undefined || b.valueMax !== undefined || a.unit !== b.unit || b.value <= a.value) continue;
    if (!RANGE_GAP.test(text.slice(a.index + a.length, b.index))) continue;
    a.valueMax = b.value;
    a.length = b.index + b.length - a.index;
    a.raw = text.slice(a.index, a.index + a.length);
    found.splice(i + 1, 1);
  }
}

/**
 * A number with no unit right after a noun that implies one (出生人数7588, 期望寿命80.48), maybe
 * after a linking word, and the numbers listed after it (分别为78.57和82.57).
 */
export function impliedPattern(units: UnitRules): RegExp | null {
  const heads = Object.keys(units.impliedUnits).sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (heads.length === 0) return null;
  return new RegExp(`(${heads.join('|')})(?:分别为|分别是|为|达到|达|是)?\\s*(${NUMBER})(?!\\d|\\.\\d|\\s*(?![、和及与]\\s*\\d)[\\p{Script=Han}%％‰/])`, 'gu');
}
/** A further number of a list after an implied-unit number: 、82.57, 和82.57. */
export const LISTED_NUMBER = new RegExp(`^\\s*[、和及与]\\s*(${NUMBER})(?!\\d|\\.\\d|\\s*(?![、和及与]\\s*\\d)[\\p{Script=Han}%％‰/])`, 'u');
const implied = new WeakMap<UnitRules, RegExp | null>();

function impliedQuantities(text: string, units: UnitRules, found: readonly Quantity[]): Quantity[] {
  if (!implied.has(units)) implied.set(units, impliedPattern(units));
  const pattern = implied.get(units);
  if (!pattern) return [];
  const out: Quantity[] = [];
  for (const m of text.matchAll(pattern)) {
    const unit = units.impliedUnits[m[1] ?? ''] ?? '';
    let number = m[2] ?? '';
    let index = (m.index ?? 0) + m[0].length - number.length;
    for (;;) {
      // A year is no count (人数2019年 never matches: 年 is Han), nor is a number already read.
      if (!found.some((q) => index >= q.index && index < q.index + q.length)) out.push({ value: numberOf(number), unit, index, length: number.length, raw: number });
      const next = LISTED_NUMBER.exec(text.slice(index + number.length));
      if (!next) break;
      index += number.length + next[0].length - (next[1] ?? '').length;
      number = next[1] ?? '';
    }
  }
  return out;
}

/** Whether a quantity starts inside one of the spans [from, to). */
const within = (q: Quantity, spans: ReadonlyArray<[number, number]>): boolean => spans.some(([from, to]) => q.index >= from && q.index < to);

/** Where 《…》 titles stand in a text: the offsets of each 《 and its 》 (scanned, not matched). */
function titleSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '《') open = i;
    else if (text[i] === '》' && open >= 0) {
      spans.push([open, i]);
      open = -1;
    }
  }
  return spans;
}

/** The quantities of a sentence, in the order they stand (units from content/lexicon/units.yaml). */
export function findQuantities(text: string, units: UnitRules): Quantity[] {
  let quantity = patterns.get(units);
  if (!quantity) patterns.set(units, (quantity = quantityPattern(units)));
  const found: Quantity[] = [];
  for (const m of text.matchAll(quantity)) {
    const [raw, a = '', b, written, more, spelled = ''] = m;
    // 万 and 亿 before a unit they form a unit with (5万元, 3万人次, 2亿元) are that unit; before
    // another (1万家, 2万张) they multiply.
    const merged = written !== undefined && units.recognised.includes(`${written}${spelled}`);
    const multiplier = merged ? undefined : written;
    const unit = merged ? `${written}${spelled}` : spelled;
    const times = multiplier ? (MULTIPLIER[multiplier] ?? 1) : 1;
    const index = m.index ?? 0;
    const after = text.slice(index + raw.length, index + raw.length + 1);
    // "2024年" never reaches here (年 is no unit), but 12号 / 3日 could follow a range: skip dates and numbers glued to letters.
    if (/[A-Za-z]/.test(after)) continue;
    const q: Quantity = { value: numberOf(a) * times, unit: units.aliases[unit] ?? unit, index, length: raw.length, raw };
    if (b !== undefined) q.valueMax = numberOf(b) * times;
    // A number of hundreds of digits is no measurement (and would be Infinity).
    if (!Number.isFinite(q.value) || (q.valueMax !== undefined && !Number.isFinite(q.valueMax)) || a.length > 15) continue;
    if (more) q.more = true;
    found.push(q);
  }
  mergeUnitRanges(found, text);
  found.push(...impliedQuantities(text, units, found));
  for (const m of text.matchAll(RATIO)) {
    // 1∶1.1 (医护比, one doctor to 1.1 nurses): the second term, in the unit "1:n". A larger
    // second term (1:30) is a clock time.
    if (Number(m[1]) > 20) continue;
    found.push({ value: Number(m[1]), unit: '1:n', index: m.index ?? 0, length: m[0].length, raw: m[0] });
  }
  for (const m of text.matchAll(FRACTION)) {
    const den = chineseNumber(m[1] ?? '');
    const num = chineseNumber(m[2] ?? '');
    if (den && num !== null) found.push({ value: round2((num / den) * 100), unit: '%', index: m.index ?? 0, length: m[0].length, raw: m[0] });
  }
  for (const m of text.matchAll(PERCENT_WORDS)) {
    const n = chineseNumber(m[1] ?? '');
    if (n !== null) found.push({ value: n, unit: '%', index: m.index ?? 0, length: m[0].length, raw: m[0] });
  }
  for (const m of text.matchAll(CHINESE_COUNT)) {
    const n = chineseNumber(m[1] ?? '');
    const unit = m[2] ?? '';
    // 三个一批, 四个全面, 两个维护: a slogan's count, not one of things done.
    const rest = (m.index ?? 0) + m[0].length;
    if (n === null || n < 2 || SLOGAN_NOUNS.some((w) => text.startsWith(w, rest))) continue;
    // 二届人大六次会议: the session's number, not a count of meetings.
    if (unit === '次' && SESSION_WORDS.some((w) => text.startsWith(w, rest))) continue;
    found.push({ value: n, unit: units.aliases[unit] ?? unit, index: m.index ?? 0, length: m[0].length, raw: m[0] });
  }
  for (const m of text.matchAll(TENTHS)) {
    const n = CN_DIGITS[m[1] ?? ''];
    if (n !== undefined) found.push({ value: n * 10, unit: '%', index: m.index ?? 0, length: m[0].length, raw: m[0] });
  }
  for (const pattern of [POPULATION_BEFORE, POPULATION_AFTER]) {
    for (const m of text.matchAll(pattern)) {
      const number = m[1] ?? '';
      const index = (m.index ?? 0) + m[0].indexOf(number);
      const raw = m[0].slice(m[0].indexOf(number)).replace(/(?:多|余)$/u, '');
      if (!found.some((q) => q.index === index)) found.push({ value: Number(number), unit: '万人', index, length: raw.length, raw });
    }
  }
  // A ranking's places are no counts of 位 (第101、129、427位): its span is the ranking's alone.
  const ranked: Array<[number, number]> = [];
  for (const m of text.matchAll(RANK)) {
    ranked.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
    const list = m[1] ?? '';
    const at = (m.index ?? 0) + m[0].indexOf(list);
    for (const n of list.matchAll(/\d+/gu)) {
      const index = at + (n.index ?? 0);
      found.push({ value: Number(n[0]), unit: RANK_UNIT, index, length: n[0].length, raw: n[0] });
    }
  }
  for (const m of text.matchAll(RANK_WORDS)) {
    const word = m[1] ?? m[2] ?? '';
    const n = chineseNumber(word);
    const index = (m.index ?? 0) + m[0].lastIndexOf(word);
    if (n !== null && n > 0) found.push({ value: n, unit: RANK_UNIT, index, length: word.length, raw: word });
  }
  // A number inside a document's title is part of its name (《云南省健康扶贫30条措施》): the title's
  // span starts at its 《, so a number right after it lies within.
  const titled = titleSpans(text).map(([open, close]): [number, number] => [open + 1, close]);
  return found.filter((q) => (q.unit === RANK_UNIT || !within(q, ranked)) && !within(q, titled)).sort((x, y) => x.index - y.index);
}

// The family of a unit: src/lib/units.ts, shared with the site.
export { unitFamily, type UnitFamily } from '../units.ts';
