/**
 * Ingests a folder of source files into a folder of MDX documents and an
 * ingest report. Used by scripts/ingest.ts and by the tests.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { DEFAULT_LEXICON_DIR, loadLexicon, type Lexicon } from '../lexicon.ts';
import { documentSchema, formatIssues, type DocType, type DocumentFrontmatter } from '../../schema/document.ts';
import { processSource, sha256 } from './pipeline.ts';
import { RejectedSource } from './stages/decode.ts';
import { analyse, boilerplateCount, type Analysed } from './analyse.ts';
import { emitMdx, readFrontmatter } from './emit.ts';
import type { DroppedLine } from './model.ts';

export const REPORT_FILE = 'ingest-report.json';

const docTypeSlug: Record<DocType, string> = {
  工作总结: 'summary',
  工作汇报: 'report',
  实施方案: 'plan',
  工作安排: 'workplan',
  任务分解: 'tasks',
  其他: 'document',
};

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
}

export interface ReportSource {
  source: string;
  /** sha256 of the file's bytes. */
  sha256?: string;
  status: 'ok' | 'rejected';
  /** True when the file had not changed since the last run and its documents were kept as they were. */
  unchanged?: boolean;
  reason?: string;
  encoding?: string;
  site?: string | null;
  warnings?: string[];
  documents: ReportDocument[];
  /** Source lines that reached no document, each with the reason. */
  dropped: DroppedLine[];
  /** Documents skipped because an identical one was already ingested. */
  duplicates?: Array<{ title: string; duplicateOf: string }>;
}

export interface IngestReport {
  /** Hash of the pipeline's code and lexicons that produced the report. */
  fingerprint: string;
  sources: ReportSource[];
  summary: {
    sources: number;
    unchanged: number;
    ok: number;
    rejected: number;
    documents: number;
    duplicates: number;
    droppedLines: number;
    targets: number;
    practices: number;
  };
}

/** Largest source file ingested: a policy document is never this big; a dump is. */
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

export interface IngestOptions {
  sources: string;
  out: string;
  lexicon?: Lexicon;
  /** Files larger than this are rejected with a reason (default 8 MiB). */
  maxBytes?: number;
  /** The previous run's report and files: sources whose sha256 and pipeline are unchanged are not processed again. */
  previous?: { report: IngestReport; files: Map<string, string> };
  /** Called after each source, for progress output. */
  onSource?: (entry: ReportSource, done: number, total: number) => void;
}

export interface IngestResult {
  report: IngestReport;
  /** slug → MDX text, in slug order. */
  files: Map<string, string>;
}

/** Source files of a folder, in a stable order. Hidden files are skipped. */
export function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

function slugBase(data: Omit<DocumentFrontmatter, 'slug'>): string {
  const place = data.region?.slug ?? 'unknown-region';
  return `${place}-${data.year ?? 'undated'}-${docTypeSlug[data.docType]}`;
}

/** Identity of a document's text (title and body, spacing ignored), to find the same document under two names. */
const contentHash = (a: Analysed) =>
  createHash('sha256')
    .update([a.data.title, ...a.blocks.map((b) => (b.type === 'table' ? b.rows.flat().join('') : b.text))].join('\n').replace(/\s+/g, ''))
    .digest('hex');

/**
 * Hash of everything that decides the output besides the sources: the
 * lexicons and the code of the pipeline, extraction, schema and labels. When it
 * changes, every source is processed again.
 */
export function pipelineFingerprint(lexiconDir = DEFAULT_LEXICON_DIR): string {
  const hash = createHash('sha256');
  const code = join(import.meta.dirname, '..', '..');
  const files = [
    ...readdirSync(lexiconDir).map((f) => join(lexiconDir, f)),
    ...['lib/ingest', 'lib/extract', 'schema'].flatMap((dir) =>
      readdirSync(join(code, dir), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name)),
    ),
    join(code, 'lib/lexicon.ts'),
    // The figure marks' titles and number formats are the site's labels.
    join(code, 'lib/site/labels.ts'),
  ].sort();
  for (const file of files) hash.update(file.slice(file.lastIndexOf('/') + 1)).update(readFileSync(file));
  return hash.digest('hex');
}

interface Processed {
  entry: ReportSource;
  doc: Analysed;
}
interface Kept {
  entry: ReportSource;
  kept: { data: DocumentFrontmatter; mdx: string; report: ReportDocument };
}

/** Runs the pipeline over every file of a folder, in memory. */
export function ingestInMemory(options: Omit<IngestOptions, 'out'>): IngestResult {
  const lexicon = options.lexicon ?? loadLexicon();
  const fingerprint = pipelineFingerprint();
  const previous = options.previous?.report.fingerprint === fingerprint ? options.previous : undefined;
  const names = listSources(options.sources);
  const entries: ReportSource[] = [];
  const analysed: Array<Processed | Kept> = [];
  const seen = new Map<string, string>();

  names.forEach((file, i) => {
    const entry: ReportSource = { source: file, status: 'ok', documents: [], dropped: [] };
    try {
      const size = statSync(join(options.sources, file)).size;
      const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
      if (size > maxBytes) {
        throw new RejectedSource(`too large: ${(size / 1048576).toFixed(1)} MiB is over the ${(maxBytes / 1048576).toFixed(1)} MiB limit for one source file (split it, or raise --max-bytes)`);
      }
      const bytes = readFileSync(join(options.sources, file));
      entry.sha256 = sha256(bytes);
      const before = previous?.report.sources.find((s) => s.source === file && s.sha256 === entry.sha256 && s.status === 'ok');
      const keptFiles = before?.documents.map((d) => previous?.files.get(d.slug));
      if (before && keptFiles?.every((mdx) => mdx !== undefined)) {
        // Unchanged file, unchanged pipeline: keep its documents as they are.
        Object.assign(entry, { ...before, documents: [], unchanged: true });
        before.documents.forEach((report, n) => {
          const mdx = keptFiles[n] ?? '';
          seen.set(report.hash, `${file} #${n + 1}`);
          analysed.push({ entry, kept: { data: readFrontmatter(mdx), mdx, report } });
        });
        entries.push(entry);
        options.onSource?.(entry, i + 1, names.length);
        return;
      }
      const { source, drafts, dropped } = processSource(file, bytes, { lexicon });
      Object.assign(entry, { encoding: source.encoding, site: source.site, warnings: source.warnings, dropped });
      const boilerplate = boilerplateCount(dropped);
      for (const draft of drafts) {
        const doc = analyse(draft, boilerplate, lexicon);
        const hash = contentHash(doc);
        const original = seen.get(hash);
        if (original) {
          (entry.duplicates ??= []).push({ title: doc.data.title, duplicateOf: original });
          continue;
        }
        seen.set(hash, `${file} #${draft.index}`);
        analysed.push({ entry, doc });
      }
      if (drafts.length === 0) {
        entry.status = 'rejected';
        entry.reason = 'no document text left after removing site boilerplate';
      }
    } catch (error) {
      entry.status = 'rejected';
      entry.reason = error instanceof RejectedSource ? error.message : `${(error as Error).message}`;
    }
    entries.push(entry);
    options.onSource?.(entry, i + 1, names.length);
  });

  const files = new Map<string, string>();
  const used = new Map<string, number>();
  for (const item of analysed) {
    const { entry } = item;
    const data = 'kept' in item ? item.kept.data : item.doc.data;
    const base = slugBase(data);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    const slug = n === 1 ? base : `${base}-${n}`;
    if ('kept' in item) {
      // A kept document must keep its slug; if the collection around it shifted, process everything again.
      if (item.kept.report.slug !== slug) return ingestInMemory({ ...options, previous: undefined });
      files.set(slug, item.kept.mdx);
      entry.documents.push(item.kept.report);
      continue;
    }
    const { doc } = item;
    const parsed = documentSchema.safeParse({ ...doc.data, slug });
    if (!parsed.success) {
      entry.dropped.push({ line: doc.data.source.lines[0], text: doc.data.title, reason: `invalid frontmatter: ${formatIssues(parsed.error)}` });
      continue;
    }
    try {
      files.set(slug, emitMdx(parsed.data, doc.blocks, lexicon));
    } catch (error) {
      entry.dropped.push({ line: doc.data.source.lines[0], text: doc.data.title, reason: `cannot emit MDX: ${(error as Error).message}` });
      continue;
    }
    const d = parsed.data;
    entry.documents.push({ slug, hash: contentHash(doc), title: d.title, region: d.region?.name ?? null, year: d.year, docType: d.docType, topics: d.topics, targets: d.targets, practices: d.practices });
  }

  const summary = {
    sources: entries.length,
    unchanged: entries.filter((e) => e.unchanged).length,
    ok: entries.filter((e) => e.status === 'ok').length,
    rejected: entries.filter((e) => e.status === 'rejected').length,
    documents: files.size,
    duplicates: entries.reduce((n, e) => n + (e.duplicates?.length ?? 0), 0),
    droppedLines: entries.reduce((n, e) => n + e.dropped.length, 0),
    targets: entries.reduce((n, e) => n + e.documents.reduce((m, d) => m + d.targets.length, 0), 0),
    practices: entries.reduce((n, e) => n + e.documents.reduce((m, d) => m + d.practices.length, 0), 0),
  };
  return { report: { fingerprint, sources: entries, summary }, files: new Map([...files].sort(([a], [b]) => a.localeCompare(b))) };
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

/** The report and MDX files a previous run left in a folder, if any. */
export function readPrevious(out: string): IngestOptions['previous'] {
  try {
    const report = JSON.parse(readFileSync(join(out, REPORT_FILE), 'utf8')) as IngestReport;
    const files = new Map(
      readdirSync(out)
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => [f.slice(0, -4), readFileSync(join(out, f), 'utf8')] as const),
    );
    return { report, files };
  } catch {
    return undefined;
  }
}

/**
 * Runs the pipeline and writes `<out>/<slug>.mdx` and `<out>/ingest-report.json`;
 * stale .mdx files are removed. Sources unchanged since the last run into the
 * same folder are not processed again (unless `force`).
 */
export function ingest(options: IngestOptions & { force?: boolean }): IngestResult {
  const previous = options.force ? undefined : (options.previous ?? readPrevious(options.out));
  const result = ingestInMemory({ ...options, ...(previous ? { previous } : {}) });
  mkdirSync(options.out, { recursive: true });
  for (const name of readdirSync(options.out)) {
    if (name.endsWith('.mdx') && !result.files.has(name.slice(0, -4))) rmSync(join(options.out, name));
  }
  for (const [slug, mdx] of result.files) {
    const path = join(options.out, `${slug}.mdx`);
    if (previous?.files.get(slug) !== mdx) writeFileSync(path, mdx);
  }
  writeFileSync(join(options.out, REPORT_FILE), `${JSON.stringify(persistedReport(result.report), null, 2)}\n`);
  return result;
}
