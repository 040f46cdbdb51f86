/**
 * Decode stage: bytes → text. Detects the encoding (BOM, then strict UTF-8,
 * then GB18030, which is a superset of GBK and GB2312) instead of assuming it,
 * and rejects binary or undecodable input with a reason.
 */
export class RejectedSource extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RejectedSource';
  }
}

export interface Decoded {
  text: string;
  encoding: string;
  warnings: string[];
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
  const warnings: string[] = [];

  let text: string;
  let encoding: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
    encoding = 'utf-8-bom';
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    encoding = 'utf-16le';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    encoding = 'utf-16be';
  } else if (looksBinary(bytes)) {
    throw new RejectedSource('binary file: it contains NUL bytes, so it is not text');
  } else {
    ({ text, encoding } = decodeUnmarked(bytes, warnings));
  }

  const controls = countControls(text);
  if (controls / Math.max(text.length, 1) > MAX_CONTROL_SHARE) {
    throw new RejectedSource(`binary file: ${controls} control characters in ${text.length}`);
  }
  if (text.trim() === '') throw new RejectedSource('file has no text (only whitespace)');
  return { text, encoding, warnings };
}

function decodeUnmarked(bytes: Uint8Array, warnings: string[]): { text: string; encoding: string } {
  try {
    return { text: strict('utf-8').decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: either another encoding, or UTF-8 with a few corrupt bytes.
  }
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const replaced = [...lenient.matchAll(/\uFFFD/g)].length;
  if (replaced / lenient.length <= MAX_REPLACEMENT_SHARE && hasHan(lenient)) {
    warnings.push(`${replaced} invalid UTF-8 byte sequence(s) replaced with U+FFFD`);
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

function countControls(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) n++;
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
