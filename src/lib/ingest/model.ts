/**
 * The document object that flows through the ingest pipeline.
 *
 * Text is kept as `TextLine`s that remember which source lines they came
 * from, so every paragraph of the output can cite its origin and every source
 * line can be accounted for in the report.
 */

/** A run of text and the 1-based source lines it came from (inclusive). */
export interface TextLine {
  text: string;
  from: number;
  to: number;
}

/** A source line that did not reach any document, and why. */
export interface DroppedLine {
  line: number;
  text: string;
  /**
   * The stage that dropped it (decode: what the reader left out of a web page or PDF; boilerplate: site
   * junk; frame: 公文 and portal metadata, kept as record fields; split: repeated or body-less titles).
   */
  stage: 'decode' | 'boilerplate' | 'frame' | 'split';
  /** Why: the reader's reason (`html-chrome` …), the boilerplate rule's id, the frame field's id, or split's reason (`repeated-title`, `title-without-body`, `footer-without-text`). */
  reason: string;
  /** The line marked a page break (its rule says `pageBreak`): unpaginate rejoins text across it. */
  pageBreak?: boolean;
  /** The line stood where the site cut the text out (its rule says `gap`): the page marks the place. */
  gap?: boolean;
}

/** One repair of the text, kept for provenance. */
export interface Repair {
  /**
   * What kind of repair: `synonym` (a spun word undone), `rejoin` (text a page break cut, joined),
   * `unflatten` (a 公文 run into one line, broken at its elements),
   * `chrome` (a site's marks inside a line removed), `numbering` (a list number that lost its
   * marker, removed), `space` (a space a line wrap left inside a word, removed).
   */
  kind: 'synonym' | 'rejoin' | 'unflatten' | 'chrome' | 'numbering' | 'space';
  from: string;
  to: string;
  /** Source line where it happened. */
  line: number;
}

import type { Lexicon } from '../lexicon.ts';
import type { Format } from '../source/formats.ts';
import type { Extracted, Origin } from '../source/extracted.ts';
import type { CleaningNote, DocumentFrontmatter, RecordField } from '../../schema/document.ts';

/** A block of the cleaned body, the unit that gets a paragraph id. */
export type Block =
  | { type: 'heading'; depth: 2 | 3 | 4; text: string; from: number; to: number }
  | { type: 'paragraph'; text: string; from: number; to: number }
  | { type: 'table'; header: string[]; rows: string[][]; from: number; to: number };

/** A source file after decoding, before it is split into documents. */
export interface Source {
  /** File name (no directory). */
  file: string;
  sha256: string;
  encoding: string;
  /** The format the file was read as (by its content): text, html, docx, doc or pdf. */
  format: Format;
  /** Where each line (index: line number − 1) came from in the original, for web pages, Word files and PDFs. */
  origins: Array<Origin | undefined>;
  /** Heading levels the original marked (index: line number − 1): a web page's <h2>, a Word Heading 2. */
  headings: Array<number | undefined>;
  /** What the reader made of a web page, Word file or PDF (ingest keeps it for the site); absent for text. */
  extracted?: Extracted;
  /** Host or site name of the document-sharing site it was scraped from, when the boilerplate tells. */
  site: string | null;
  lines: TextLine[];
  dropped: DroppedLine[];
  repairs: Repair[];
  warnings: CleaningNote[];
  /** 公文 and portal metadata read off the frame lines (the frame stage), each with its source line. */
  record: RecordField[];
}

/** One document cut from a source. Stages fill in the optional parts. */
export interface Draft {
  source: Source;
  /** Position of the document within its source, from 1. */
  index: number;
  /** The marker that introduced it (第四篇, 篇二), when there was one. */
  marker: string | null;
  titleLines: TextLine[];
  lines: TextLine[];
  scriptConverted: boolean;
  repairs: Repair[];
  /** The body's blocks; paragraphs and tables get their ids (p-1, p-2 …) from the number stage. */
  blocks: NumberedBlock[];
  notes: CleaningNote[];
  /** The record fields of this document (the split stage assigns the source's to its documents). */
  record: RecordField[];
  /** A transmittal notice joined with the document it transmits: that document's title, and where its text starts. */
  attachment?: { title: string; line: number };
  /** The transmittal notice this document came with (its title and text), for its date and issuer. */
  notice?: { titleLines: TextLine[]; lines: TextLine[] };
  /** The frontmatter but the slug, from the metadata stage on (extract fills targets and practices). */
  data?: Omit<DocumentFrontmatter, 'slug'>;
  /** Whether the text's years look rewritten (metadata stage), so extract drops figure years outside the terms' lifetimes. */
  yearsRewritten?: boolean;
  /** The first source line of the next document of the same source, if there is one (what lies beyond is not this document's). */
  nextDocumentLine?: number;
}

/**
 * A block with its paragraph id (headings have none); `gapAfter` when the source site cut text
 * out right after it (the gaps stage), which the page marks.
 */
export type NumberedBlock = Block & { id?: string; gapAfter?: boolean };

/** A document through every stage before its slug: what emit needs besides the slug. */
export interface Analysed {
  draft: Draft;
  blocks: NumberedBlock[];
  data: Omit<DocumentFrontmatter, 'slug'>;
}

/** What every stage may read: the lexicon, and the time by which its file must be done. */
export interface Context {
  lexicon: Lexicon;
  /** `performance.now()` after which the file is rejected as taking too long (checked between stages). */
  deadline?: number;
  /** Called with each stage's result as it is made (the per-stage fixture tests read them). */
  observe?: (stage: string, value: unknown) => void;
  /** When given, each stage adds its time (ms) and one call here, so the slow stages show (npm run ingest -- --timings). */
  timings?: StageTimings;
}

/** Time spent in each stage (milliseconds, summed over every core) and how many times it ran. */
export type StageTimings = Record<string, { ms: number; calls: number }>;

/** Adds one stage's time to a tally. */
export function addTiming(timings: StageTimings | undefined, stage: string, ms: number): void {
  if (!timings) return;
  const t = (timings[stage] ??= { ms: 0, calls: 0 });
  t.ms += ms;
  t.calls += 1;
}

/** Adds one tally to another (a worker's to the run's). */
export function mergeTimings(into: StageTimings, from: StageTimings): void {
  for (const [stage, t] of Object.entries(from)) {
    const total = (into[stage] ??= { ms: 0, calls: 0 });
    total.ms += t.ms;
    total.calls += t.calls;
  }
}

/** A stage: a name (for errors and timings) and a pure step over one value. */
export interface Stage<T> {
  name: string;
  run(value: T, context: Context): T;
}
