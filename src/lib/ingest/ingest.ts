/**
 * Ingests a folder of source files into a folder of MDX documents and an
 * ingest report. Used by scripts/ingest.ts and by the tests.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { DEFAULT_LEXICON_DIR, loadLexicon, type Lexicon } from '../lexicon.ts';
import { availableParallelism } from 'node:os';
import type { CleaningNote, DocType, DocumentFrontmatter } from '../../schema/document.ts';
import { sha256 } from './pipeline.ts';
import { EXTRACTED_FOLDER } from '../source/extracted.ts';
import { RejectedSource } from '../source/decode.ts';
import { readFrontmatter } from './emit.ts';
import { displayTitle } from './display.ts';
import { mergeTimings, type DroppedLine, type StageTimings } from './model.ts';
import { analyseJob, renderJob, type AnalyseJob, type AnalyseOutcome, type AnalysedDocument, type RenderJob, type RenderOutcome } from './jobs.ts';
import { IngestPool } from './pool.ts';
import { documentKey, loadCuration, type CurationSet } from '../curation/files.ts';
import { applyCuration } from '../curation/apply.ts';

export const REPORT_FILE = 'ingest-report.json';


export interface ReportDocument {
  slug: string;
  /** Identity of the document's text, to recognise it again (duplicates, unchanged sources). */
  hash: string;
  title: string;
  region: string | null;
  year: number | null;
  docType: DocType;
  topics: string[];
  targets: DocumentFrontmatter['targets'];
  practices: DocumentFrontmatter['practices'];
  /** The machine's region-year-type (before curation), which the slug is made of: a curated year does not move the page. */
  slugBase?: string;
  /** The curation file applied to it (its name in the curation folder), if any. */
  curation?: { file: string; applied: number; problems: string[] };
}

export interface ReportSource {
  source: string;
  /** sha256 of the file's bytes. */
  sha256?: string;
  /**
   * ok: every document it holds was ingested (or is a duplicate); partial: some of its documents
   * were quarantined; rejected: the file, or every document in it, could not be ingested;
   * skipped: an entry of the sources folder that is not a file ingest reads (hidden, folder, link).
   */
  status: 'ok' | 'partial' | 'rejected' | 'skipped';
  /** True when the file had not changed since the last run and its documents were kept as they were. */
  unchanged?: boolean;
  reason?: string;
  encoding?: string;
  site?: string | null;
  warnings?: CleaningNote[];
  documents: ReportDocument[];
  /** Source lines that reached no document, each with the reason. */
  dropped: DroppedLine[];
  /** Documents skipped because an identical one was already ingested, with the lines they span. */
  duplicates?: Array<{ title: string; duplicateOf: string; lines: [number, number] }>;
  /** Documents that could not be validated or emitted as inert MDX, with the lines they span and why. */
  quarantined?: Array<{ title: string; lines: [number, number]; reason: string }>;
  /** Digest of the curation files of this source's documents: when it changes, the source is processed again. */
  curationDigest?: string;
}

export interface IngestReport {
  /** Hash of the pipeline's code and lexicons that produced the report. */
  fingerprint: string;
  sources: ReportSource[];
  /** Curation (content/curation/): files that could not be used, and files that match no document. */
  curation?: { files: number; applied: number; errors: Array<{ file: string; message: string }>; unmatched: string[] };
  summary: {
    sources: number;
    unchanged: number;
    ok: number;
    partial: number;
    rejected: number;
    skipped: number;
    documents: number;
    duplicates: number;
    quarantined: number;
    droppedLines: number;
    targets: number;
    practices: number;
  };
}

/** Largest source file ingested: a policy document is never this big; a dump is. */
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
/** Longest one file may take: every rule is linear (tests/unit/regex-safety.test.ts), so only a pathological file comes near. */
export const DEFAULT_TIME_LIMIT_MS = 60_000;

export interface IngestOptions {
  sources: string;
  out: string;
  lexicon?: Lexicon;
  /** Files larger than this are rejected with a reason (default 8 MiB). */
  maxBytes?: number;
  /** A file still being processed after this many milliseconds is rejected with a reason (default 60 s). */
  timeLimitMs?: number;
  /** The previous run's report and files: sources whose sha256 and pipeline are unchanged are not processed again. */
  previous?: { report: IngestReport; files: Map<string, string> };
  /** Folder of curation files applied after extraction (content/curation); none: the machine's output as it is (npm run eval). */
  curation?: string;
  /** Called once for each source once its documents are settled, in the sources' order (problems to print). */
  onSource?: (entry: ReportSource) => void;
  /** Called as files are analysed, with how many of how many are done (a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /** Time each stage took, summed over every thread (filled in when given). */
  timings?: StageTimings;
}

export interface IngestResult {
  report: IngestReport;
  /** slug → MDX text, in slug order. */
  files: Map<string, string>;
  /** Source file → what its reader made of it (web pages, Word files, PDFs processed in this run), as written to `extracted/`. */
  extracted: Map<string, string>;
}

export interface SourceListing {
  /** Regular files ingest reads, in a stable order. */
  files: string[];
  /** Every other entry of the folder, with why it is not read. */
  skipped: ReportSource[];
}

/** The entries of a sources folder: the files to read, and a report entry for each one that is not read. */
export function listSources(dir: string): SourceListing {
  const files: string[] = [];
  const skipped: ReportSource[] = [];
  const skip = (source: string, reason: string) => skipped.push({ source, status: 'skipped', reason, documents: [], dropped: [] });
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) skip(e.name, 'hidden file or folder (its name starts with a dot): not read');
    else if (e.isSymbolicLink()) skip(e.name, 'symbolic link: not followed (copy the file itself into the sources folder)');
    else if (e.isDirectory()) skip(e.name, 'folder: sub-folders are not read (put its files in the sources folder itself)');
    else if (!e.isFile()) skip(e.name, 'not a regular file (device, socket or pipe): not read');
    else files.push(e.name);
  }
  return { files, skipped };
}

/** region-year-type (xixian-2011-summary): the type's word from doc-types.yaml. */
function slugBase(data: Omit<DocumentFrontmatter, 'slug'>, lexicon: Lexicon): string {
  const place = data.region?.slug ?? 'unknown-region';
  const type = lexicon.docTypes.find((t) => t.type === data.docType)?.slug ?? 'document';
  return `${place}-${data.year ?? 'undated'}-${type}`;
}

/** Identity of a document's text (title and body, spacing ignored), to find the same document under two names. */
const contentHash = (a: AnalysedDocument) =>
  createHash('sha256')
    .update([a.data.title, ...a.blocks.map((b) => (b.type === 'table' ? b.rows.flat().join('') : b.text))].join('\n').replace(/\s+/g, ''))
    .digest('hex');

/**
 * Hash of everything that decides the output besides the sources: the
 * lexicons and the code of the pipeline, extraction, MDX syntax, schema and
 * labels. When it changes, every source is processed again.
 */
export function pipelineFingerprint(lexiconDir = DEFAULT_LEXICON_DIR): string {
  const hash = createHash('sha256');
  const code = join(import.meta.dirname, '..', '..');
  const files = [
    ...readdirSync(lexiconDir).map((f) => join(lexiconDir, f)),
    ...['lib/ingest', 'lib/extract', 'lib/mdx', 'lib/source', 'lib/curation', 'schema'].flatMap((dir) =>
      readdirSync(join(code, dir), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name)),
    ),
    join(code, 'lib/lexicon.ts'),
    join(code, 'lib/regexp.ts'),
    // Unit families and scales, which extraction and plausibility use.
    join(code, 'lib/units.ts'),
    // The figure marks' titles and number formats.
    join(code, 'lib/labels.ts'),
  ].sort();
  for (const file of files) hash.update(file.slice(file.lastIndexOf('/') + 1)).update(readFileSync(file));
  return hash.digest('hex');
}

/** A document analysed in this run, waiting for its slug. */
interface Fresh {
  entry: ReportSource;
  doc: AnalysedDocument;
  hash: string;
}
/** A document kept from the previous run (its source and the pipeline unchanged). */
interface Kept {
  entry: ReportSource;
  /** Its frontmatter, read only when asked (a report of an older version has no slugBase): a run keeping thousands parses none. */
  data: () => DocumentFrontmatter;
  mdx: string;
  report: ReportDocument;
}
type Item = Fresh | Kept;
const isKept = (item: Item): item is Kept => 'mdx' in item;

/** The lines a document spans in its source. */
const spanOf = (doc: AnalysedDocument): [number, number] => doc.data.source.lines;

interface RunContext {
  options: Omit<IngestOptions, 'out'>;
  lexicon: Lexicon;
  previous: IngestOptions['previous'];
  /** Text hash → where it was first ingested (`file #n`), to skip duplicates. */
  seen: Map<string, string>;
  /** Source file → its extracted text (serializeExtracted), for the formats that are not plain text. */
  extracted: Map<string, string>;
  curation: CurationSet;
  /** Curation files applied in this run (or kept with their unchanged source). */
  usedCuration: Set<string>;
}

/** The digest of the curation files of a source's documents ('' when none). */
function curationDigest(run: RunContext, sha: string | undefined): string {
  if (!sha) return '';
  const mine = [...run.curation.byDocument].filter(([key]) => key.startsWith(`${sha}#`)).sort(([a], [b]) => (a < b ? -1 : 1));
  return mine.length ? createHash('sha256').update(mine.map(([key, c]) => `${key}:${c.digest}`).join('\n')).digest('hex') : '';
}

/** Step 1, read: a file's bytes, or its entry rejected (too large, unreadable). */
function readOne(run: RunContext, file: string): { entry: ReportSource; bytes?: Buffer } {
  const entry: ReportSource = { source: file, status: 'ok', documents: [], dropped: [] };
  try {
    const path = join(run.options.sources, file);
    const size = statSync(path).size;
    const maxBytes = run.options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (size > maxBytes) {
      throw new RejectedSource(`too large: ${(size / 1048576).toFixed(1)} MiB is over the ${(maxBytes / 1048576).toFixed(1)} MiB limit for one source file (split it, or raise --max-bytes)`);
    }
    const bytes = readFileSync(path);
    entry.sha256 = sha256(bytes);
    return { entry, bytes };
  } catch (error) {
    reject(entry, error);
    return { entry };
  }
}

function reject(entry: ReportSource, error: unknown): void {
  entry.status = 'rejected';
  entry.reason = error instanceof RejectedSource ? error.message : `${(error as Error).message}`;
}

/** Step 2, reuse: the previous run's entry of an unchanged file, when its documents can be kept as they were. */
function reusable(run: RunContext, entry: ReportSource): ReportSource | undefined {
  const before = run.previous?.report.sources.find((s) => s.source === entry.source && s.sha256 === entry.sha256 && s.status === 'ok');
  // The entry carries its curation's digest from step 1 (readOne's caller).
  if (!before || (before.curationDigest ?? '') !== (entry.curationDigest ?? '')) return undefined;
  return before.documents.every((d) => run.previous?.files.has(d.slug)) ? before : undefined;
}

/** The previous run's documents of an unchanged file, kept. */
function keepUnchanged(run: RunContext, entry: ReportSource, before: ReportSource): Kept[] {
  for (const d of before.documents) if (d.curation) run.usedCuration.add(d.curation.file);
  Object.assign(entry, { ...before, documents: [], unchanged: true });
  return before.documents.map((report, n) => {
    run.seen.set(report.hash, `${entry.source} #${n + 1}`);
    const mdx = run.previous?.files.get(report.slug) ?? '';
    return { entry, data: () => readFrontmatter(mdx), mdx, report };
  });
}

/** Step 3, process: a file's analysis taken in, its duplicates set aside. */
function takeAnalysis(run: RunContext, entry: ReportSource, outcome: AnalyseOutcome): Fresh[] {
  if (!outcome.ok) {
    reject(entry, new Error(outcome.reason));
    return [];
  }
  Object.assign(entry, { encoding: outcome.encoding, site: outcome.site, warnings: outcome.warnings, dropped: outcome.dropped });
  if (outcome.extracted) run.extracted.set(entry.source, outcome.extracted);
  const fresh: Fresh[] = [];
  for (const doc of outcome.documents) {
    const hash = contentHash(doc);
    const original = run.seen.get(hash);
    if (original) {
      (entry.duplicates ??= []).push({ title: doc.data.title, duplicateOf: original, lines: spanOf(doc) });
      continue;
    }
    run.seen.set(hash, `${entry.source} #${doc.index}`);
    fresh.push({ entry, doc, hash });
  }
  if (outcome.documents.length === 0) reject(entry, new RejectedSource('no document text left after removing site boilerplate'));
  return entry.status === 'rejected' ? [] : fresh;
}

/** The job that analyses a file. */
const analyseJobOf = (run: RunContext, file: string, bytes: Buffer): AnalyseJob => ({ file, bytes, timeLimitMs: run.options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS });

/** Step 4, slugs: region-year-type, numbered in collection order where several share one. */
function assignSlugs(items: Item[], lexicon: Lexicon): string[] {
  const used = new Map<string, number>();
  return items.map((item) => {
    const base = isKept(item) ? (item.report.slugBase ?? slugBase(item.data(), lexicon)) : slugBase(item.doc.data, lexicon);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/** Step 5a, curate: a person's overrides and decisions (content/curation/) applied, after extraction; the job that renders the result. */
function curate(run: RunContext, item: Fresh, slug: string): { job: RenderJob; curation?: ReportDocument['curation'] } {
  const { doc } = item;
  const curated = run.curation.byDocument.get(documentKey(doc.data.source.sha256, doc.data.source.index));
  if (!curated) return { job: { data: { ...doc.data, slug }, blocks: doc.blocks } };
  const applied = applyCuration(doc.data, curated.curation, doc.blocks, run.lexicon);
  run.usedCuration.add(curated.name);
  return { job: { data: { ...applied.data, slug }, blocks: doc.blocks }, curation: { file: curated.name, applied: applied.applied, problems: applied.problems } };
}

/** Step 5b, emit: a rendered document reported, or quarantined with its reason. */
function emitOne(run: RunContext, item: Fresh, slug: string, outcome: RenderOutcome, curation: ReportDocument['curation']): string | undefined {
  const { doc, entry } = item;
  if (!outcome.ok) {
    (entry.quarantined ??= []).push({ title: displayTitle(doc.data.title), lines: spanOf(doc), reason: outcome.reason });
    return undefined;
  }
  const d = outcome.data;
  entry.documents.push({
    slug,
    hash: item.hash,
    title: d.title,
    region: d.region?.name ?? null,
    year: d.year,
    docType: d.docType,
    topics: d.topics,
    targets: d.targets,
    practices: d.practices,
    slugBase: slugBase(doc.data, run.lexicon),
    ...(curation ? { curation } : {}),
  });
  return outcome.mdx;
}

/** A file's status once its documents are emitted: partial or rejected when some or all were quarantined. */
function settle(entry: ReportSource): void {
  if (entry.status !== 'ok' || !entry.quarantined?.length) return;
  entry.status = entry.documents.length > 0 ? 'partial' : 'rejected';
  if (entry.status === 'rejected') entry.reason = `every document failed: ${entry.quarantined.map((q) => q.reason).join('; ')}`;
}

/** Step 6, summarise. */
function summarise(entries: ReportSource[], documents: number): IngestReport['summary'] {
  const count = (status: ReportSource['status']) => entries.filter((e) => e.status === status).length;
  const sum = (f: (e: ReportSource) => number) => entries.reduce((n, e) => n + f(e), 0);
  return {
    sources: entries.length,
    unchanged: entries.filter((e) => e.unchanged).length,
    ok: count('ok'),
    partial: count('partial'),
    rejected: count('rejected'),
    skipped: count('skipped'),
    documents,
    duplicates: sum((e) => e.duplicates?.length ?? 0),
    quarantined: sum((e) => e.quarantined?.length ?? 0),
    droppedLines: sum((e) => e.dropped.length),
    targets: sum((e) => e.documents.reduce((m, d) => m + d.targets.length, 0)),
    practices: sum((e) => e.documents.reduce((m, d) => m + d.practices.length, 0)),
  };
}

/** What the ingest core asks of its driver: files analysed, or documents rendered (./jobs.ts), in this thread or in workers. */
type Request = { kind: 'analyse'; jobs: AnalyseJob[] } | { kind: 'render'; jobs: RenderJob[] };
type Outcomes = AnalyseOutcome[] | RenderOutcome[];

/**
 * The pipeline over every file of a folder, in named steps: read → reuse
 * unchanged → process → assign slugs → curate, validate and emit →
 * summarise. The per-file and per-document work (analyse, render) is asked
 * of the driver in batches, so the one core runs single-threaded
 * (ingestInMemory) or on every core (ingestParallel) with the same result.
 */
function* ingestCore(options: Omit<IngestOptions, 'out'>): Generator<Request, IngestResult, Outcomes> {
  const lexicon = options.lexicon ?? loadLexicon();
  const fingerprint = pipelineFingerprint();
  const previous = options.previous?.report.fingerprint === fingerprint ? options.previous : undefined;
  const run: RunContext = { options, lexicon, previous, seen: new Map(), extracted: new Map(), curation: loadCuration(options.curation), usedCuration: new Set() };
  const { files: names, skipped } = listSources(options.sources);
  const entries: ReportSource[] = [];
  const bytesOf = new Map<ReportSource, Buffer>();

  // Read every file; those that cannot be kept as they were are analysed, all in one batch.
  const kept = new Map<ReportSource, ReportSource>();
  for (const file of names) {
    const { entry, bytes } = readOne(run, file);
    const digest = curationDigest(run, entry.sha256);
    if (digest) entry.curationDigest = digest;
    if (bytes) {
      bytesOf.set(entry, bytes);
      const before = reusable(run, entry);
      if (before) kept.set(entry, before);
    }
    entries.push(entry);
  }
  const toAnalyse = entries.filter((e) => bytesOf.has(e) && !kept.has(e));
  const analysed = (yield { kind: 'analyse', jobs: toAnalyse.map((e) => analyseJobOf(run, e.source, bytesOf.get(e) as Buffer)) }) as AnalyseOutcome[];
  const outcomeOf = new Map(toAnalyse.map((e, i) => [e, analysed[i] as AnalyseOutcome]));

  // In the sources' order, so that the first of two identical documents is the one kept.
  const items: Item[] = [];
  for (const entry of entries) {
    const before = kept.get(entry);
    const outcome = outcomeOf.get(entry);
    if (before) items.push(...keepUnchanged(run, entry, before));
    else if (outcome) items.push(...takeAnalysis(run, entry, outcome));
  }

  // A kept document must keep its slug. Where the collection around it shifted, its file is
  // processed again (same bytes, same pipeline: the same documents), and slugs are assigned anew.
  let slugs = assignSlugs(items, lexicon);
  const moved = [...new Set(items.filter((item, i) => isKept(item) && item.report.slug !== slugs[i]).map((item) => item.entry))];
  if (moved.length > 0) {
    const again = (yield { kind: 'analyse', jobs: moved.map((e) => analyseJobOf(run, e.source, bytesOf.get(e) as Buffer)) }) as AnalyseOutcome[];
    moved.forEach((entry, m) => {
      const at = items.findIndex((item) => item.entry === entry);
      const count = items.filter((item) => item.entry === entry).length;
      for (const item of items.slice(at, at + count)) if (isKept(item)) run.seen.delete(item.report.hash);
      const fresh: ReportSource = { source: entry.source, sha256: entry.sha256, status: 'ok', documents: [], dropped: [], ...(entry.curationDigest ? { curationDigest: entry.curationDigest } : {}) };
      entries[entries.indexOf(entry)] = fresh;
      items.splice(at, count, ...takeAnalysis(run, fresh, again[m] as AnalyseOutcome));
    });
    slugs = assignSlugs(items, lexicon);
  }

  // Curation in this thread (it reads the whole set of files), rendering in the driver's.
  const prepared = items.map((item, i) => (isKept(item) ? undefined : curate(run, item, slugs[i] as string)));
  const jobs = prepared.flatMap((p) => (p ? [p.job] : []));
  const rendered = (yield { kind: 'render', jobs }) as RenderOutcome[];
  let next = 0;
  const files = new Map<string, string>();
  items.forEach((item, i) => {
    const slug = slugs[i] as string;
    if (isKept(item)) {
      files.set(slug, item.mdx);
      item.entry.documents.push(item.report);
      return;
    }
    const mdx = emitOne(run, item, slug, rendered[next++] as RenderOutcome, prepared[i]?.curation);
    if (mdx !== undefined) files.set(slug, mdx);
  });
  entries.forEach(settle);
  for (const entry of entries) options.onSource?.(entry);
  const all = [...entries, ...skipped].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  const curationReport = options.curation
    ? {
        files: run.curation.byDocument.size + run.curation.errors.length,
        applied: all.reduce((n, e) => n + e.documents.filter((d) => d.curation).length, 0),
        errors: run.curation.errors,
        unmatched: [...run.curation.byDocument.values()].map((c) => c.name).filter((f) => !run.usedCuration.has(f)),
      }
    : undefined;
  return {
    report: { fingerprint, sources: all, ...(curationReport ? { curation: curationReport } : {}), summary: summarise(all, files.size) },
    files: new Map([...files].sort(([a], [b]) => a.localeCompare(b))),
    extracted: new Map([...run.extracted].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}

/** A batch of jobs done in this thread, reporting progress as the files are analysed. */
function runHere(request: Request, lexicon: Lexicon, options: Pick<IngestOptions, 'timings' | 'onProgress'>): Outcomes {
  if (request.kind === 'render') return request.jobs.map((job) => renderJob(job, lexicon, options.timings));
  return request.jobs.map((job, i) => {
    const outcome = analyseJob(job, lexicon, options.timings);
    options.onProgress?.(i + 1, request.jobs.length);
    return outcome;
  });
}

/** Runs the pipeline over every file of a folder, in memory, in this thread. */
export function ingestInMemory(options: Omit<IngestOptions, 'out'>): IngestResult {
  const lexicon = options.lexicon ?? loadLexicon();
  const core = ingestCore({ ...options, lexicon });
  let step = core.next();
  while (!step.done) step = core.next(runHere(step.value, lexicon, options));
  return step.value;
}

/** Fewer files than this are not worth starting worker threads for. */
const PARALLEL_MIN_FILES = 8;

/** How many worker threads ingest starts by default: one per core. */
export const defaultWorkers = (): number => availableParallelism();

/**
 * The same as ingestInMemory, with the files analysed and the documents
 * rendered on `workers` threads (default: one per core); the result is the
 * same, byte for byte and in the same order. A custom lexicon object cannot
 * go to a worker: with one, or with one worker, or with few files to
 * analyse, the work stays in this thread.
 */
export async function ingestParallel(options: Omit<IngestOptions, 'out'> & { workers?: number }): Promise<IngestResult> {
  const workers = options.workers ?? defaultWorkers();
  const files = listSources(options.sources).files;
  const threadsWorthIt = workers >= 2 && !options.lexicon && files.length >= PARALLEL_MIN_FILES;
  // Started before the files are read, so that the threads load while this one reads, when many
  // files are new (a first run, files added); otherwise only once a step has many jobs (a changed
  // pipeline), so that a run keeping all but a few files starts no thread at all.
  const kept = new Set(options.previous?.report.sources.filter((s) => s.status === 'ok').map((s) => s.source));
  const manyNew = files.filter((f) => !kept.has(f)).length >= PARALLEL_MIN_FILES;
  let pool = threadsWorthIt && manyNew ? new IngestPool({ size: workers }) : undefined;
  const lexicon = options.lexicon ?? loadLexicon();
  const core = ingestCore({ ...options, lexicon });
  try {
    let step = core.next();
    while (!step.done) {
      const request = step.value;
      // A few jobs (one new file among thousands kept) are done here: a thread would first have to load the pipeline.
      if (threadsWorthIt && request.jobs.length >= PARALLEL_MIN_FILES) pool ??= new IngestPool({ size: workers });
      const threads = pool && request.jobs.length >= PARALLEL_MIN_FILES ? pool : undefined;
      let outcomes: Outcomes;
      if (!threads) outcomes = runHere(request, lexicon, options);
      else if (request.kind === 'analyse') outcomes = await threads.analyse(request.jobs, (done) => options.onProgress?.(done, request.jobs.length));
      else outcomes = await threads.render(request.jobs);
      step = core.next(outcomes);
    }
    return step.value;
  } finally {
    if (pool) {
      if (options.timings) mergeTimings(options.timings, pool.timings);
      await pool.close();
    }
  }
}

/** The report as written to disk: what depends on the run's history (unchanged) is left out, so it is deterministic. */
export function persistedReport(report: IngestReport): IngestReport {
  const { unchanged: _unchanged, ...summary } = report.summary;
  return {
    ...report,
    summary: { ...summary, unchanged: 0 },
    sources: report.sources.map(({ unchanged: _kept, ...entry }) => entry),
  };
}

/** The report and MDX files a previous run left in a folder, if any (only the files its report lists). */
export function readPrevious(out: string): IngestOptions['previous'] {
  let report: IngestReport;
  try {
    report = JSON.parse(readFileSync(join(out, REPORT_FILE), 'utf8')) as IngestReport;
  } catch {
    return undefined;
  }
  const files = new Map<string, string>();
  for (const slug of writtenSlugs(report)) {
    try {
      files.set(slug, readFileSync(join(out, `${slug}.mdx`), 'utf8'));
    } catch {
      // Gone since: the source is processed again.
    }
  }
  return { report, files };
}

/** The slugs a report says were written (its documents). */
const writtenSlugs = (report: IngestReport): string[] => (report.sources ?? []).flatMap((s) => (s.documents ?? []).map((d) => d.slug)).filter((slug) => /^[a-z0-9-]+$/.test(slug));

/**
 * Runs the pipeline and writes `<out>/<slug>.mdx` and `<out>/ingest-report.json`.
 * Documents that the previous run wrote and this one did not are removed; any
 * other file in `out` is left alone and listed in `foreign` (an .mdx there is
 * built into the site). Sources unchanged since the last run into the same
 * folder are not processed again (unless `force`).
 */
export function ingest(options: IngestOptions & { force?: boolean }): IngestResult & { foreign: string[] } {
  const before = options.previous ?? readPrevious(options.out);
  const result = ingestInMemory({ ...options, ...(before && !options.force ? { previous: before } : {}) });
  return writeResult(options.out, before, result);
}

/** ingest on every core (ingestParallel): the same files written. */
export async function ingestToFolder(options: IngestOptions & { force?: boolean; workers?: number }): Promise<IngestResult & { foreign: string[] }> {
  const before = options.previous ?? readPrevious(options.out);
  const result = await ingestParallel({ ...options, ...(before && !options.force ? { previous: before } : {}) });
  return writeResult(options.out, before, result);
}

/** Writes a run's documents, report and extracted texts into `out`, removing what the previous run wrote and this one did not. */
function writeResult(out: string, before: IngestOptions['previous'], result: IngestResult): IngestResult & { foreign: string[] } {
  mkdirSync(out, { recursive: true });
  const ours = new Set(before ? writtenSlugs(before.report) : []);
  for (const slug of ours) {
    if (!result.files.has(slug)) rmSync(join(out, `${slug}.mdx`), { force: true });
  }
  for (const [slug, mdx] of result.files) {
    const path = join(out, `${slug}.mdx`);
    if (before?.files.get(slug) !== mdx) writeFileSync(path, mdx);
  }
  writeFileSync(join(out, REPORT_FILE), `${JSON.stringify(persistedReport(result.report), null, 2)}\n`);
  writeExtracted(out, result);
  const foreign = readdirSync(out).filter((name) => name !== REPORT_FILE && name !== EXTRACTED_FOLDER && !(name.endsWith('.mdx') && result.files.has(name.slice(0, -4))));
  return { ...result, foreign };
}

/**
 * The extracted texts of the web pages, Word files and PDFs, beside the documents: fresh ones
 * written, an unchanged source's kept, a gone or rejected source's removed.
 */
function writeExtracted(out: string, result: IngestResult): void {
  const dir = join(out, EXTRACTED_FOLDER);
  const live = new Set(result.report.sources.filter((s) => s.status === 'ok' || s.status === 'partial').map((s) => `${s.source}.json`));
  let present: string[] = [];
  try {
    present = readdirSync(dir);
  } catch {
    // No folder yet.
  }
  for (const name of present) if (!live.has(name)) rmSync(join(dir, name), { force: true });
  if (result.extracted.size === 0) return;
  mkdirSync(dir, { recursive: true });
  for (const [file, json] of result.extracted) writeFileSync(join(dir, `${file}.json`), json);
}
