/**
 * The original text of a document: its lines of the raw source file under
 * content/sources, decoded the way ingest decoded them, or, for a web page,
 * Word file or PDF, the lines its reader made of it (kept by ingest under
 * extracted/, with where each came from). Shown as escaped text for the
 * reader to check the cleaning against.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { decode, sha256, splitLines } from '../source/decode.ts';
import { EXTRACTED_FOLDER, pageLabel, parseExtracted } from '../source/extracted.ts';
import { publishSources } from './config.ts';

/** SOURCES_DIR, else the `sources` folder beside the documents (content/sources for content/documents). */
export const SOURCES_DIR = resolve(
  process.env.SOURCES_DIR ?? join(dirname(resolve(process.env.DOCUMENTS_DIR ?? 'content/documents')), 'sources'),
);

/** The documents folder, whose extracted/ holds what the readers made of web pages, Word files and PDFs. */
export const DOCUMENTS_DIR = resolve(process.env.DOCUMENTS_DIR ?? 'content/documents');

export interface SourceLine {
  n: number;
  text: string;
  /** A PDF's page the line is on (原件第2页), shown where a new page begins. */
  where?: string;
  /** The reader left it out of the text (a page's menu or footer, a PDF's running header). */
  omitted?: boolean;
}

/** A web page's, Word file's or PDF's lines as its reader gave them, when ingest kept them for these bytes. */
function extractedLines(file: string, bytes: Uint8Array, documentsDir: string): SourceLine[] | null {
  let json: string;
  try {
    json = readFileSync(join(documentsDir, EXTRACTED_FOLDER, `${file}.json`), 'utf8');
  } catch {
    return null;
  }
  const extracted = parseExtracted(json);
  if (!extracted || extracted.sha256 !== sha256(bytes)) return null;
  return extracted.lines.map((l, i) => ({ n: i + 1, text: l.text, ...(l.origin?.kind === 'pdf' ? { where: pageLabel(l.origin.page) } : {}), ...(l.omitted ? { omitted: true } : {}) }));
}


/**
 * Lines `from`..`to` (1-based, inclusive) of a source file, decoded and split
 * by ingest's own decode stage so the line numbers are the ones ingest
 * recorded; [] when the file is missing or no longer decodes.
 */
export function readSourceLines(file: string, [from, to]: readonly [number, number], dir = SOURCES_DIR, documentsDir = DOCUMENTS_DIR): SourceLine[] {
  // The name comes from frontmatter: never let it leave the sources folder.
  if (basename(file) !== file) return [];
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(join(dir, file));
  } catch {
    return [];
  }
  let lines: SourceLine[] | null = extractedLines(file, bytes, documentsDir);
  if (!lines) {
    try {
      lines = splitLines(decode(bytes).text).map((text, i) => ({ n: i + 1, text }));
    } catch {
      return [];
    }
  }
  return lines.slice(Math.max(1, from) - 1, Math.max(0, Math.min(to, lines.length)));
}

/**
 * A digest of what a page reads of a document's original: the file's bytes and what the reader
 * made of them (extracted/), for the page cache (src/lib/site/page-cache.ts). "missing" for
 * what is not there.
 */
export function sourceDigest(file: string, dir = SOURCES_DIR, documentsDir = DOCUMENTS_DIR): string {
  const digest = (path: string): string => {
    try {
      return sha256(readFileSync(path));
    } catch {
      return 'missing';
    }
  };
  if (basename(file) !== file) return 'outside';
  return `${digest(join(dir, file))}:${digest(join(documentsDir, EXTRACTED_FOLDER, `${file}.json`))}`;
}

/** Longest line a page shows of an original; a scraped page on one line would make a page of megabytes. */
export const MAX_LINE_SHOWN = 1_000;

/** A source line as a page shows it: cut after MAX_LINE_SHOWN characters, saying how long it is (the file keeps it whole). */
export function shownLine(text: string): string {
  const chars = [...text];
  return chars.length <= MAX_LINE_SHOWN ? text : `${chars.slice(0, MAX_LINE_SHOWN).join('')}……（此行共${chars.length}字，这里只显示前${MAX_LINE_SHOWN}字，全文见来源文件）`;
}

const squeeze = (s: string): string => s.replace(/\s+/g, '');

/**
 * The lines cleaning removed or changed: those whose text (spaces aside) is
 * not in the cleaned text. Boilerplate, page counters, repaired and converted
 * lines; a line split by a page break still reads in the text in its two
 * halves, so it is not listed (the rejoins are counted in the facts).
 */
export function changedLines(lines: readonly SourceLine[], cleanedText: string): SourceLine[] {
  const text = squeeze(cleanedText);
  return lines.filter((l) => {
    const line = squeeze(l.text);
    return line.length > 0 && !text.includes(line);
  });
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

/** Bytes one row of the repairs table takes on a page. */
const REPAIR_ROW = 110;

/** Room on a document page for its repairs table and changed lines: what the page has left (pageRoom), at most 16 KB. */
export function provenanceBudget(room: number): number {
  return Math.max(0, Math.min(16_000, room));
}

/**
 * What a document page has left (below 0 when nothing): a page stays under
 * 50 KB with its stylesheets (~8 KB with the phone table rules), so what the
 * text, tables and lists take (estimated from the text as read, see
 * readingText, and the counts) and `reserved` bytes of other things are
 * subtracted from 41 KB.
 */
export function pageRoom(body: string, counts: { targets: number; practices: number }, reserved = 0): number {
  const estimate = Buffer.byteLength(body) * 1.45 + counts.targets * 200 + counts.practices * 110 + 6_000 + reserved;
  return 41_000 - estimate;
}

export interface ProvenanceView {
  /** The changed lines shown on the document page (all, a leading part, or none). */
  shown: SourceLine[];
  /** How many lines cleaning removed or changed. */
  changed: number;
  /** Rows of the repairs table shown there. */
  repairLimit: number;
  /** Whether something was left out, so the document needs a page of its own source. */
  cut: boolean;
}

/**
 * What of the changed lines (changedLines) and the repairs a document page
 * shows within `budget` bytes. The other lines of the original are the text
 * itself; a document whose changes do not fit gets a source page with them all.
 */
export function provenanceView(lines: readonly SourceLine[], repairs: ReadonlyArray<{ kind: string; from: string; to: string }>, budget: number): ProvenanceView {
  const repairGroups = new Set(repairs.map((r) => `${r.kind}\u0000${r.from}\u0000${r.to}`)).size;
  const repairLimit = Math.max(5, Math.min(repairGroups, Math.floor(budget / 3 / REPAIR_ROW)));
  const room = budget - Math.min(repairGroups, repairLimit) * REPAIR_ROW;
  const fitting = byteSize(lines) <= room ? [...lines] : linesWithin(lines, room);
  // A handful of lines is no view of the original: then only the link.
  const shown = fitting.length >= Math.min(10, lines.length) ? fitting : [];
  return { shown, changed: lines.length, repairLimit, cut: shown.length < lines.length || repairLimit < repairGroups };
}

/**
 * The bytes of a document's original file when this build publishes it (SITE_PUBLISH_SOURCES) and
 * the file is still the one ingested (same sha256); null otherwise, and the page offers no download.
 */
export function publishedOriginal(source: { file: string; sha256: string }, dir = SOURCES_DIR): Uint8Array<ArrayBuffer> | null {
  if (!publishSources() || basename(source.file) !== source.file) return null;
  try {
    const bytes = readFileSync(join(dir, source.file));
    // A Buffer's own ArrayBuffer (not a shared pool slice), as a Response body needs.
    return sha256(bytes) === source.sha256 ? new Uint8Array(bytes) : null;
  } catch {
    return null;
  }
}
