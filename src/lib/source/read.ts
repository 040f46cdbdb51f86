/**
 * Any source file → its lines with provenance: the reader is chosen by the
 * file's content (./formats.ts), never its extension. Plain text is decoded
 * (./decode.ts); a saved web page read for its article (./html.ts); a Word
 * file or PDF read in a worker (./read-sync.ts). What no reader takes is
 * rejected with RejectedSource and a reason that says what to do.
 */
import { decode, splitLines } from './decode.ts';
import type { Extracted } from './extracted.ts';
import { sniff } from './formats.ts';
import { readHtml, type HtmlOptions } from './html.ts';
import { readBinarySync } from './read-sync.ts';

export interface ReadOptions {
  html: HtmlOptions;
  /** Longest a Word or PDF reader may take, in milliseconds. */
  timeoutMs?: number;
  /** What opens a heading or list item (structure.yaml `ordinals`): a PDF line with one starts a paragraph. */
  ordinals?: string[];
}

export function readSource(bytes: Uint8Array, options: ReadOptions): Extracted {
  const format = sniff(bytes);
  if (format === 'text') {
    const { text, encoding, warnings } = decode(bytes);
    return { format, encoding, lines: splitLines(text).map((line) => ({ text: line })), warnings };
  }
  if (format === 'html') return readHtml(bytes, options.html);
  return readBinarySync(format, bytes, options.timeoutMs, options.ordinals ? { ordinals: options.ordinals } : {});
}
