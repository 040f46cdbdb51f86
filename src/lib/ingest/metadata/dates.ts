/**
 * Dates as documents write them: 2019年3月5日, 2019-03-05, 2019.3.5,
 * 二〇一九年三月五日, 二O一一年十月二十九日, 2019年3月 — read into the
 * partial ISO form of the schema (YYYY-MM-DD, YYYY-MM, YYYY).
 */
import { CHINESE_YEAR_DIGIT, parseChineseYear } from '../chinese.ts';

const CN_DIGIT = CHINESE_YEAR_DIGIT;
const CN_SMALL = '[一二三四五六七八九十]{1,3}';
/** A date in Chinese or Arabic numerals; groups: year, month, day (month and day optional). */
export const DATE = new RegExp(
  `((?:19|20)\\d{2}|${CN_DIGIT}{4})\\s*年\\s*(?:(\\d{1,2}|${CN_SMALL})\\s*月\\s*(?:(\\d{1,2}|${CN_SMALL})\\s*日)?)?`,
  'u',
);
/** 2019-03-05, 2019/3/5, 2019.03.05, and a news page's 2025 05/19 (a time may follow). */
export const NUMERIC_DATE = /((?:19|20)\d{2})(?: ?[-/.．] ?| (?=\d{1,2}\/))(\d{1,2}) ?[-/.．] ?(\d{1,2})(?!\d)/u;

const smallNumbers: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 十 → 10, 十二 → 12, 二十九 → 29, 三十一 → 31; Arabic digits as they are. */
export function smallNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const chars = [...text];
  if (chars.some((c) => smallNumbers[c] === undefined)) return null;
  const ten = chars.indexOf('十');
  if (ten < 0) return chars.length === 1 ? (smallNumbers[chars[0] ?? ''] ?? null) : null;
  const tens = ten === 0 ? 1 : (smallNumbers[chars[ten - 1] ?? ''] ?? 0);
  const units = ten === chars.length - 1 ? 0 : (smallNumbers[chars[ten + 1] ?? ''] ?? 0);
  return tens * 10 + units;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A partial date from its parts, or null when they are not a date. */
function partial(yearText: string, monthText?: string, dayText?: string): string | null {
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : parseChineseYear(yearText);
  if (!year) return null;
  if (!monthText) return String(year);
  const month = smallNumber(monthText);
  if (!month || month > 12) return String(year);
  if (!dayText) return `${year}-${pad(month)}`;
  const day = smallNumber(dayText);
  return day && day <= 31 ? `${year}-${pad(month)}-${pad(day)}` : `${year}-${pad(month)}`;
}

/** A date written day first, with dots (08.08.2015): the year last makes the order plain. */
const DAY_FIRST_DATE = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?![\d.])/u;

/** The first date in a text, with where it is. */
export function findDate(text: string): { date: string; index: number; length: number } | null {
  const cn = text.match(DATE);
  const num = text.match(NUMERIC_DATE);
  const dayFirst = text.match(DAY_FIRST_DATE);
  if (dayFirst && dayFirst.index !== undefined && !cn && !num) {
    const date = partial(dayFirst[3] ?? '', dayFirst[2], dayFirst[1]);
    return date ? { date, index: dayFirst.index, length: dayFirst[0].length } : null;
  }
  const pick = [cn, num].filter((m): m is RegExpMatchArray => m !== null && m.index !== undefined).sort((a, b) => (a.index ?? 0) - (b.index ?? 0))[0];
  if (!pick || pick.index === undefined) return null;
  const date = partial(pick[1] ?? '', pick[2], pick[3]);
  return date ? { date, index: pick.index, length: pick[0].length } : null;
}

/** A date that is the whole of a line (a 成文日期 under a signature): 2019年3月5日, 二〇一九年三月五日. */
export function dateLine(text: string): string | null {
  const t = text.trim().replace(/^[（(]|[）)]$/gu, '');
  const found = findDate(t);
  if (!found || found.index !== 0 || t.length - found.length > 1) return null;
  return found.date.length >= 7 ? found.date : null;
}

/** The year of a partial date. */
export const yearOf = (date: string): number => Number(date.slice(0, 4));
