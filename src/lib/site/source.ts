/**
 * The original text of a document: its lines of the raw source file under
 * content/sources, decoded the way ingest decoded them. Shown as escaped
 * text for the reader to check the cleaning against.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { decode, splitLines } from '../ingest/stages/decode.ts';

/** SOURCES_DIR, else the `sources` folder beside the documents (content/sources for content/documents). */
export const SOURCES_DIR = resolve(
  process.env.SOURCES_DIR ?? join(dirname(resolve(process.env.DOCUMENTS_DIR ?? 'content/documents')), 'sources'),
);

export interface SourceLine {
  n: number;
  text: string;
}

/**
 * Lines `from`..`to` (1-based, inclusive) of a source file, decoded and split
 * by ingest's own decode stage so the line numbers are the ones ingest
 * recorded; [] when the file is missing or no longer decodes.
 */
export function readSourceLines(file: string, [from, to]: readonly [number, number], dir = SOURCES_DIR): SourceLine[] {
  // The name comes from frontmatter: never let it leave the sources folder.
  if (basename(file) !== file) return [];
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(join(dir, file));
  } catch {
    return [];
  }
  let lines: string[];
  try {
    lines = splitLines(decode(bytes).text);
  } catch {
    return [];
  }
  const out: SourceLine[] = [];
  for (let n = Math.max(1, from); n <= Math.min(to, lines.length); n++) out.push({ n, text: lines[n - 1] ?? '' });
  return out;
}

/** UTF-8 size of the lines, to keep a page light. */
export function byteSize(lines: readonly SourceLine[]): number {
  let size = 0;
  for (const l of lines) size += Buffer.byteLength(l.text, 'utf8') + 10;
  return size;
}

/** As many leading lines as fit in `budget` bytes. */
export function linesWithin(lines: readonly SourceLine[], budget: number): SourceLine[] {
  const out: SourceLine[] = [];
  let size = 0;
  for (const l of lines) {
    size += Buffer.byteLength(l.text, 'utf8') + 10;
    if (size > budget) break;
    out.push(l);
  }
  return out;
}
