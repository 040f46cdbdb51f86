/**
 * Reading the text back out of emitted MDX, without an MDX parser: the
 * emitted shapes are few (src/lib/ingest/emit.ts) and every character of the
 * source that could be syntax is a character reference (./encode.ts), so any
 * `<`, `[` or `]` left in the MDX is our own markup. Kept free of
 * dependencies, because the site runs it on every document while it builds.
 */
import { decodeReferences } from './encode.ts';

/** A link to one of our pages: its text captured. */
const LINK = /\[([^[\]]*)\]\(\.\.\/\.\.\/[^()\s]*\)/g;
/** Between two cells of a table row. */
const CELL_GAP = /<\/t[hd]><t[hd](?:\s[^<>]*)?>/g;
/** Our marks' and tables' tags. */
const TAG = /<\/?(?:mark|table|thead|tbody|tr|th|td)(?:\s[^<>]*)?>/g;
/** The indentation emit writes inside JSX elements (text's own leading spaces are references). */
const INDENT = /^ +/gm;

/**
 * The plain text of emitted MDX (a body, or any part of one): our marks and
 * links reduced to their text, a table's cells separated by spaces, one row
 * per line, references decoded; `Para` tags and heading markers left as they
 * are. The emit tests check it against the text that went in.
 */
export function plainText(mdx: string): string {
  return decodeReferences(mdx.replace(INDENT, '').replace(LINK, '$1').replace(CELL_GAP, ' ').replace(TAG, ''));
}

/**
 * The words of an emitted body as a reader reads them: plainText without the
 * `Para` tags and heading markers, one block (or table row) per line.
 */
export function readingText(body: string): string {
  const words = body.replace(/^<\/?Para(?: id="p-\d+")?(?: gap="after")?>$/gm, '').replace(/^#{1,6} /gm, '');
  return plainText(words)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** Each paragraph's plain text (see plainText) by paragraph id (p-1, p-2 …); a table's rows one per line. */
export function paragraphTexts(mdx: string): Map<string, string> {
  const texts = new Map<string, string>();
  // A scan for our own tags (source text holds no `<`: it is a reference in the MDX).
  for (let at = mdx.indexOf(PARA_OPEN); at >= 0; at = mdx.indexOf(PARA_OPEN, at + 1)) {
    // The id, then the tag's end (after any other attribute: gap="after").
    const idEnd = mdx.indexOf('"', at + PARA_OPEN.length);
    const tagEnd = mdx.indexOf('>\n', idEnd);
    const close = mdx.indexOf(PARA_CLOSE, tagEnd);
    if (idEnd < 0 || tagEnd < 0 || close < 0) break;
    const lines = plainText(mdx.slice(tagEnd + 2, close)).split('\n').filter((line) => line.trim() !== '');
    texts.set(mdx.slice(at + PARA_OPEN.length, idEnd), lines.join('\n'));
    at = close;
  }
  return texts;
}

const PARA_OPEN = '<Para id="';
const PARA_CLOSE = '\n</Para>';
