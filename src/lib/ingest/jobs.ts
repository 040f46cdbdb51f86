/**
 * The two pieces of ingest that run per file or per document, with no state
 * across the collection: analysing a source file, and rendering a document
 * with its slug to verified MDX. What goes in and out is plain data, so a job
 * runs alike in this thread (ingestInMemory) or in a worker thread
 * (ingestParallel, ./worker.ts): the same code either way.
 */
import type { Lexicon } from '../lexicon.ts';
import { documentSchema, formatIssues, type CleaningNote, type DocumentFrontmatter } from '../../schema/document.ts';
import { analyseSource, renderDocument } from './pipeline.ts';
import { serializeExtracted } from '../source/extracted.ts';
import type { DroppedLine, NumberedBlock, StageTimings } from './model.ts';
import { readFrontmatter } from './emit.ts';
import { NotInertError } from './verify.ts';

/** A source file to analyse. */
export interface AnalyseJob {
  file: string;
  bytes: Uint8Array;
  /** Milliseconds the file may take, counted from the start of its analysis. */
  timeLimitMs: number;
}

/** A document of an analysed file: what the rest of ingest needs of it. */
export interface AnalysedDocument {
  /** Position of the document within its source, from 1. */
  index: number;
  data: Omit<DocumentFrontmatter, 'slug'>;
  blocks: NumberedBlock[];
}

export type AnalyseOutcome =
  | {
      ok: true;
      encoding: string;
      site: string | null;
      warnings: CleaningNote[];
      dropped: DroppedLine[];
      /** What the reader made of a web page, Word file or PDF (serializeExtracted), for `extracted/`. */
      extracted?: string;
      documents: AnalysedDocument[];
    }
  /** The file's reason for rejection (RejectedSource's message, or the stage's error). */
  | { ok: false; reason: string };

/** Every stage before the slug, over one file; never throws. */
export function analyseJob(job: AnalyseJob, lexicon: Lexicon, timings?: StageTimings): AnalyseOutcome {
  const deadline = performance.now() + job.timeLimitMs;
  try {
    const { source, documents, dropped } = analyseSource(job.file, job.bytes, { lexicon, deadline, ...(timings ? { timings } : {}) });
    return {
      ok: true,
      encoding: source.encoding,
      site: source.site,
      warnings: source.warnings,
      dropped,
      ...(source.extracted ? { extracted: serializeExtracted(job.file, source.sha256, source.extracted) } : {}),
      documents: documents.map((d) => ({ index: d.draft.index, data: d.data, blocks: d.blocks })),
    };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** A document with its slug and its curation applied, to validate and render. */
export interface RenderJob {
  data: DocumentFrontmatter;
  blocks: NumberedBlock[];
}

export type RenderOutcome =
  /** The MDX, and the frontmatter as the schema parsed it. */
  | { ok: true; mdx: string; data: DocumentFrontmatter }
  /** Why the document is quarantined. */
  | { ok: false; reason: string };

/** Why rendering failed, naming the source line of the block that failed when there is one. */
function failure(blocks: NumberedBlock[], error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const block = error instanceof NotInertError && error.block !== undefined ? blocks[error.block] : undefined;
  return block ? `line ${block.from}: ${message}` : message;
}

/** Validate → render → verify the MDX reads back; never throws. */
export function renderJob(job: RenderJob, lexicon: Lexicon, timings?: StageTimings): RenderOutcome {
  const parsed = documentSchema.safeParse(job.data);
  if (!parsed.success) return { ok: false, reason: `invalid frontmatter: ${formatIssues(parsed.error)}` };
  try {
    const mdx = renderDocument(parsed.data, job.blocks, { lexicon, ...(timings ? { timings } : {}) });
    // What the site's loader will read back must pass the schema too (a title of 2021-01-01 must stay a string).
    const readBack = documentSchema.safeParse(readFrontmatter(mdx));
    if (!readBack.success) return { ok: false, reason: `frontmatter does not read back: ${formatIssues(readBack.error)}` };
    return { ok: true, mdx, data: parsed.data };
  } catch (error) {
    return { ok: false, reason: `cannot emit MDX: ${failure(job.blocks, error)}` };
  }
}
