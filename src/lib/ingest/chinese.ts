/**
 * Script conversion (Traditional → Simplified) and small helpers for Chinese
 * text. OpenCC's Hong Kong table is applied first because it knows the
 * variant forms (衞, 羣) that the Taiwan table keeps, then the Taiwan table.
 */
import { ConverterFactory, type DictGroup } from 'opencc-js/core';
import * as Locale from 'opencc-js/preset';

const HONG_KONG: readonly DictGroup[] = [...(Locale.from.hk ?? []), ...(Locale.to.cn ?? [])];
const TAIWAN: readonly DictGroup[] = [...(Locale.from.tw ?? []), ...(Locale.to.cn ?? [])];
const fromHongKong = ConverterFactory(...HONG_KONG);
const fromTaiwan = ConverterFactory(...TAIWAN);

/**
 * Every character whose presence can make the conversion change a text: the
 * single characters the tables convert, and in each phrase the tables convert
 * (反覆 → 反复, whose 覆 alone stays) the characters that differ. A text with
 * none of them comes out as it went in, so it is not run through the tables:
 * most of our text is Simplified, and the tables' walk over it was a fifth of
 * ingest's time.
 */
const TRIGGERS: ReadonlySet<number> = (() => {
  const triggers = new Set<number>();
  for (const group of [...HONG_KONG, ...TAIWAN]) {
    for (const dict of group) {
      const pairs = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ') as [string, string?]) : (dict as ReadonlyArray<readonly [string, string]>);
      for (const [from, to = from] of pairs) {
        if (from === to) continue;
        const a = [...from];
        const b = [...to];
        a.forEach((char, i) => {
          if (a.length !== b.length || char !== b[i]) triggers.add(char.codePointAt(0) as number);
        });
      }
    }
  }
  return triggers;
})();

/** The lowest trigger: nothing below it converts (ASCII, punctuation, kana). */
const LOWEST_TRIGGER = Math.min(...TRIGGERS);

/** Whether a text holds a character the conversion could change (TRIGGERS). */
function mayChange(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Surrogate pairs are read whole.
    if (code < LOWEST_TRIGGER) continue;
    const point = code >= 0xd800 && code <= 0xdbff ? (text.codePointAt(i) as number) : code;
    if (TRIGGERS.has(point)) return true;
    if (point > 0xffff) i++;
  }
  return false;
}

/** The tables applied to every text, without the shortcut (tests/unit/chinese.test.ts checks they agree). */
export const toSimplifiedByTables = (text: string): string => fromTaiwan(fromHongKong(text));

/** Conversions already made, by text; cleared when full, so memory stays bounded on any collection. */
const converted = new Map<string, string>();
const CONVERTED_MAX = 20_000;

/** Traditional → Simplified (Hong Kong's table, then Taiwan's, each with the mainland's). */
export function toSimplified(text: string): string {
  if (!mayChange(text)) return text;
  const known = converted.get(text);
  if (known !== undefined) return known;
  const result = toSimplifiedByTables(text);
  // The same line is converted by several stages (frame, boilerplate, split, metadata): once is enough.
  if (converted.size >= CONVERTED_MAX) converted.clear();
  converted.set(text, result);
  return result;
}


/** Share of Han characters that change under conversion: ~0 for Simplified text. */
export function traditionalShare(text: string): number {
  const han = text.match(/\p{Script=Han}/gu) ?? [];
  if (han.length === 0) return 0;
  const converted = [...toSimplified(han.join(''))];
  let changed = 0;
  han.forEach((char, i) => {
    if (converted[i] !== char) changed++;
  });
  return changed / han.length;
}

/** Text with all whitespace removed, for comparisons that ignore spacing (工 作 总 结). */
// trimEndOf lives with the other regex-free text helpers (src/lib/regexp.ts), which extraction shares.
export { trimEndOf } from '../regexp.ts';

export function compact(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/**
 * The digits of a year in Chinese numerals. Typists write the zero 〇 with whatever round glyph
 * is at hand: ○ (a geometric circle), O and o, the Cyrillic О, 0 and its full-width ０, 零.
 */
const chineseDigits: Record<string, number> = {
  〇: 0, 零: 0, '○': 0, O: 0, o: 0, Ｏ: 0, ｏ: 0, О: 0, о: 0, '0': 0, '０': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** A regular-expression class of one digit of a year in Chinese numerals (the dates' patterns share it). */
export const CHINESE_YEAR_DIGIT = `[${Object.keys(chineseDigits).filter((d) => d !== '两').join('')}]`;

/**
 * Reads a year written in Chinese numerals digit by digit (二〇一一, 二O一一,
 * 二0一0), as closing dates of official documents are. Returns null if it is not one.
 */
export function parseChineseYear(text: string): number | null {
  const digits = [...text].map((c) => chineseDigits[c] ?? (/[0-9]/.test(c) ? Number(c) : undefined));
  if (digits.length !== 4 || digits.some((d) => d === undefined)) return null;
  return Number(digits.join(''));
}

const OPENING = new Set(['（', '(']);
const CLOSING = new Set(['）', ')']);

/**
 * The text without the parentheticals that close it: 实施方案（征求意见稿）(2015) → 实施方案.
 * A scan from the end rather than a regular expression: `(…)+$` backtracks quadratically on a
 * long run of parentheses.
 */
export function withoutTrailingParentheticals(text: string): string {
  let end = text.length;
  while (end > 0 && CLOSING.has(text.charAt(end - 1))) {
    let open = end - 2;
    while (open >= 0 && !OPENING.has(text.charAt(open)) && !CLOSING.has(text.charAt(open))) open--;
    if (open < 0 || !OPENING.has(text.charAt(open))) break;
    end = open;
  }
  return text.slice(0, end);
}
