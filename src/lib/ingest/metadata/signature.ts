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
  const all = lines.map((l) => l.trim()).filter((l) => l !== '');
  // A joint document's signature may run to many lines (one or two organs a line): those above the window are read too.
  const start = Math.max(0, all.length - window);
  for (let i = all.length - 1; i >= start; i--) {
    const line = all[i] ?? '';
    const alone = dateLine(line);
    if (alone) {
      const signers: string[] = [];
      const organs: string[] = [];
      for (let j = i - 1; j >= 0 && signers.length < MAX_SIGNATURE_LINES; j--) {
        const own = organsOf(all[j] ?? '', endings);
        if (!own) break;
        signers.unshift(all[j] ?? '');
        organs.unshift(...own);
      }
      return { date: alone, lines: [...signers, line], ...(organs.length ? { issuer: jointIssuer(organs) } : {}) };
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

/** The most lines a joint signature is read over (16 organs, two a line, as GB/T 9704 sets them). */
const MAX_SIGNATURE_LINES = 12;
/** The most organs named in full as a joint document's issuer; more are its lead organ and their number. */
const MAX_NAMED_ISSUERS = 3;

/** The organs a signature line names: one, or several set apart by spaces (常州市民政局 常州市财政局). */
function organsOf(line: string, endings: readonly string[]): string[] | undefined {
  if (isIssuerLine(line, endings)) {
    const parts = line.split(/[\s\u3000]+/u).filter(Boolean);
    // Several organs apart on one line, or one name with spaces in it (某县 卫生健康局).
    return parts.length > 1 && parts.every((p) => isIssuerLine(p, endings)) ? parts : [line.replace(/[\s\u3000]+/gu, '')];
  }
  return undefined;
}

/** A joint document's issuer: its organs (A、B、C), or beyond three its lead organ and their number (A等16个单位). */
function jointIssuer(organs: readonly string[]): string {
  return organs.length <= MAX_NAMED_ISSUERS ? organs.join('、') : `${organs[0]}等${organs.length}个单位`;
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
