/**
 * The signature of a 公文 (发文机关署名 and 成文日期, GB/T 9704-2012 7.3.5):
 * the issuing organ on a short line of its own, the date on the next (or
 * both on one line), at the end of the text — or at the end of a transmittal
 * notice, before the document it carries.
 */
import { dateLine, findDate } from './dates.ts';
import { toSimplified } from '../chinese.ts';

export interface Signature {
  /** The issuing organ, when a line names one. */
  issuer?: string;
  /** The 成文日期 as a partial date. */
  date: string;
  /** The signature's lines as written. */
  lines: string[];
}

const SENTENCE = /[，。；;！？!?：:、]/u;

/** Whether a line could be an issuer's signature: short, no sentence punctuation, ends in an organ word. */
export function isIssuerLine(text: string, endings: readonly string[]): boolean {
  const t = toSimplified(text.trim().replace(/[\s\u3000]+/gu, ''));
  return t.length >= 4 && t.length <= 40 && !SENTENCE.test(t) && /^\p{Script=Han}/u.test(t) && endings.some((e) => t.endsWith(e));
}

/**
 * The last signature among the lines: a date line (or an issuer and a date on one line), with
 * the issuer lines above it. Only the last `window` non-blank lines are read.
 */
export function findSignature(lines: readonly string[], endings: readonly string[], window = 6): Signature | undefined {
  const tail = lines.map((l) => l.trim()).filter((l) => l !== '').slice(-window);
  for (let i = tail.length - 1; i >= 0; i--) {
    const line = tail[i] ?? '';
    const alone = dateLine(line);
    if (alone) {
      const issuers: string[] = [];
      for (let j = i - 1; j >= 0 && issuers.length < 3 && isIssuerLine(tail[j] ?? '', endings); j--) issuers.unshift(tail[j] ?? '');
      return { date: alone, lines: [...issuers, line], ...(issuers.length ? { issuer: issuers.map((l) => l.replace(/[\s\u3000]+/gu, '')).join('、') } : {}) };
    }
    // 某县卫生健康局  2019年3月5日 on one line.
    const found = findDate(line);
    if (found && found.date.length >= 7 && found.index + found.length >= line.length - 1) {
      const before = line.slice(0, found.index).trim();
      if (before !== '' && isIssuerLine(before, endings)) return { issuer: before.replace(/[\s\u3000]+/gu, ''), date: found.date, lines: [line] };
    }
  }
  return undefined;
}

/** A notice run together on one line: …印发给你们，请认真贯彻执行。某县人民政府2020年10月19日(此件主动公开)… */
export function findInlineSignature(text: string, endings: readonly string[]): Signature | undefined {
  const head = [...text].slice(0, 1200).join('');
  const sentence = head.search(/(?:印发|转发|下发)给你们[^。]{0,40}。/u);
  if (sentence < 0) return undefined;
  const rest = head.slice(head.indexOf('。', sentence) + 1);
  const found = findDate(rest);
  if (!found || found.index > 40 || found.date.length < 7) return undefined;
  const before = rest.slice(0, found.index).trim();
  return {
    date: found.date,
    lines: [rest.slice(0, found.index + found.length)],
    ...(before !== '' && isIssuerLine(before, endings) ? { issuer: before.replace(/[\s\u3000]+/gu, '') } : {}),
  };
}
