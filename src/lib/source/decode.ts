/**
 * Decode stage: bytes → text. Detects the encoding (BOM, then strict UTF-8,
 * then GB18030, which is a superset of GBK and GB2312) instead of assuming it,
 * and rejects binary or undecodable input with a reason.
 */
import { createHash } from 'node:crypto';
import type { CleaningNote } from '../../schema/evidence.ts';

/** The sha256 of a file's bytes, as ingest records it and the site checks it. */
export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export class RejectedSource extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RejectedSource';
  }
}

export interface Decoded {
  text: string;
  encoding: string;
  /** What decoding had to do, as data (rendered in Chinese on the page, src/lib/evidence.ts). */
  warnings: CleaningNote[];
}

const strict = (label: string) => new TextDecoder(label, { fatal: true, ignoreBOM: true });

/** Share of C0 control characters (other than tab, LF, CR, FF) above which a text is called binary. */
const MAX_CONTROL_SHARE = 0.01;

/**
 * Share of replacement characters tolerated in otherwise valid UTF-8 (a few
 * corrupt bytes mid-file). GBK text read as UTF-8 breaks on nearly every
 * character, far above this.
 */
const MAX_REPLACEMENT_SHARE = 0.01;

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new RejectedSource('empty file');
  const warnings: CleaningNote[] = [];

  let text: string;
  let encoding: string;
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  if (bom) {
    ({ text, encoding } = decodeMarked(bytes, bom, warnings));
  } else if (looksBinary(bytes)) {
    throw new RejectedSource('binary file: it contains NUL bytes, so it is not text');
  } else {
    ({ text, encoding } = decodeUnmarked(bytes, warnings));
  }

  const controls = countControls(text);
  if (controls / Math.max(text.length, 1) > MAX_CONTROL_SHARE) {
    throw new RejectedSource(`binary file: ${controls} control characters in ${text.length}`);
  }
  if (controls > 0) {
    // A few stray control characters (a NUL deep in the file) are no text: removed, and said so.
    text = text.replace(CONTROL, '');
    warnings.push({ kind: 'controlCharacters', count: controls });
  }
  if (text.trim() === '') throw new RejectedSource('file has no text (only whitespace)');
  return { text, encoding, warnings };
}

interface Bom {
  bytes: number[];
  label: 'utf-8' | 'utf-16le' | 'utf-16be';
  encoding: string;
}
const BOMS: Bom[] = [
  { bytes: [0xef, 0xbb, 0xbf], label: 'utf-8', encoding: 'utf-8-bom' },
  { bytes: [0xff, 0xfe], label: 'utf-16le', encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], label: 'utf-16be', encoding: 'utf-16be' },
];

/** Below this share of readable characters, text decoded under its BOM is taken for another encoding's bytes. */
const MIN_READABLE_SHARE = 0.9;

/**
 * Text behind a byte-order mark. An editor or a converter sometimes writes a BOM before bytes of
 * another encoding (a UTF-8 BOM before GBK, a UTF-16 BOM before UTF-8): when the bytes do not read
 * as the BOM says but do read as another encoding, that one is used, with a warning.
 */
function decodeMarked(bytes: Uint8Array, bom: Bom, warnings: CleaningNote[]): { text: string; encoding: string } {
  const rest = bytes.subarray(bom.bytes.length);
  let text: string | undefined;
  try {
    text = strict(bom.label).decode(rest);
  } catch {
    // Not valid in the BOM's encoding.
  }
  if (text !== undefined && readableShare(text) >= MIN_READABLE_SHARE) return { text, encoding: bom.encoding };
  if (!looksBinary(rest)) {
    try {
      const other = decodeUnmarked(rest, []);
      if (readableShare(other.text) >= MIN_READABLE_SHARE) {
        warnings.push({ kind: 'bomMismatch', declared: bom.encoding, actual: other.encoding });
        return other;
      }
    } catch {
      // Neither: fall back to the BOM's encoding, leniently.
    }
  }
  const lenient = new TextDecoder(bom.label, { ignoreBOM: true }).decode(rest);
  if (text === undefined) warnings.push({ kind: 'invalidBytes', encoding: bom.label });
  return { text: lenient, encoding: bom.encoding };
}

/** Share of characters that text is made of (Han, CJK punctuation, Latin, digits, whitespace, common symbols). */
function readableShare(text: string): number {
  const sample = text.slice(0, 20_000);
  if (sample.length === 0) return 1;
  const readable = sample.match(/[\p{Script=Han}\p{Script=Latin}\p{N}\p{P}\p{Zs}\s\u3000-\u303f\uff00-\uffef%+=<>$￥~^|`]/gu)?.length ?? 0;
  return readable / sample.length;
}

function decodeUnmarked(bytes: Uint8Array, warnings: CleaningNote[]): { text: string; encoding: string } {
  try {
    return { text: strict('utf-8').decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: either another encoding, or UTF-8 with a few corrupt bytes.
  }
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const replaced = [...lenient.matchAll(/\uFFFD/g)].length;
  if (replaced / lenient.length <= MAX_REPLACEMENT_SHARE && hasHan(lenient)) {
    warnings.push({ kind: 'invalidBytes', encoding: 'utf-8', count: replaced });
    return { text: lenient, encoding: 'utf-8' };
  }
  try {
    const text = strict('gb18030').decode(bytes);
    if (hasHan(text)) return { text, encoding: 'gb18030' };
  } catch {
    // fall through to the rejection below
  }
  throw new RejectedSource('undecodable: not valid UTF-8, UTF-16 (with BOM) or GB18030 text');
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  return sample.includes(0);
}

/** C0 controls but tab, LF, CR and FF; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;

function countControls(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c <= 0x9f)) n++;
  }
  return n;
}

function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/** Splits text into lines, accepting LF, CRLF and lone CR endings. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}
