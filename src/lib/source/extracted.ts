/**
 * What a reader makes of a file: its lines in reading order, each with where
 * in the original it came from (a PDF's page and line, a Word file's
 * paragraph, a web page's element), and the lines it left out (a page's
 * menus and footer) with the reason. Every reader gives this shape, so all
 * that follows is shared by every format.
 */
import type { CleaningNote } from '../../schema/evidence.ts';
import type { Format } from './formats.ts';

/** Where in the original file a line came from. */
export type Origin =
  /** A PDF: page and line on that page, from 1. */
  | { kind: 'pdf'; page: number; line: number }
  /** A Word file: its paragraph (or table row), from 1; `note` for a footnote's or endnote's text. */
  | { kind: 'word'; paragraph: number; note?: boolean }
  /** A web page: the element, as a short selector of it and its nearest named ancestor (div#zoom > p). */
  | { kind: 'html'; element: string };

export interface ExtractedLine {
  text: string;
  origin?: Origin;
  /** The original marks the line as a heading of this level (<h2>, a Word Heading 2 style). */
  heading?: number;
  /** Why the reader left the line out of the text (a page's menu, footer, or text outside its article). */
  omitted?: OmitReason;
}

/** Why a reader left a line out. */
export type OmitReason =
  /** Inside a menu, breadcrumb, share row, footer or other chrome element of a web page (html.yaml `chrome`). */
  | 'html-chrome'
  /** Outside the element that holds the page's article. */
  | 'html-outside-article'
  /** A running header or footer repeated on the pages of a PDF. */
  | 'running-header';

export interface Extracted {
  format: Format;
  /** The text encoding (text, web pages) or the file format's name (docx, doc, pdf). */
  encoding: string;
  lines: ExtractedLine[];
  warnings: CleaningNote[];
  /** A PDF's number of pages. */
  pages?: number;
}

/** A page of the original PDF, as pages and citations name it: 原件第3页 (or 原件第3–4页). */
export const pageLabel = (page: number | string): string => `原件第${page}页`;

/**
 * What ingest keeps of a web page, Word file or PDF beside the documents
 * (`<documents>/extracted/<file>.json`): the reader's lines, so the site
 * shows the original's text line by line, with where each came from, without
 * reading the file again.
 */
export interface ExtractedFile {
  file: string;
  sha256: string;
  format: Exclude<Format, 'text'>;
  encoding: string;
  pages?: number;
  lines: ExtractedLine[];
}

/** The folder of extracted texts, inside the documents folder (the collection loader reads only its *.mdx). */
export const EXTRACTED_FOLDER = 'extracted';

/** The extracted file as written: keys in a fixed order, one line per source line, so it is deterministic and diffs well. */
export function serializeExtracted(file: string, sha256: string, extracted: Extracted): string {
  const head = { file, sha256, format: extracted.format, encoding: extracted.encoding, ...(extracted.pages !== undefined ? { pages: extracted.pages } : {}) };
  const lines = extracted.lines.map((l) => `    ${JSON.stringify({ text: l.text, ...(l.origin ? { origin: l.origin } : {}), ...(l.heading ? { heading: l.heading } : {}), ...(l.omitted ? { omitted: l.omitted } : {}) })}`);
  return `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "lines": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

/** Reads an extracted file back; null when it is not one (the site then shows no original lines). */
export function parseExtracted(json: string): ExtractedFile | null {
  try {
    const value = JSON.parse(json) as Partial<ExtractedFile>;
    if (typeof value.file !== 'string' || typeof value.sha256 !== 'string' || !Array.isArray(value.lines)) return null;
    if (!value.lines.every((l) => typeof l === 'object' && l !== null && typeof l.text === 'string')) return null;
    return value as ExtractedFile;
  } catch {
    return null;
  }
}
