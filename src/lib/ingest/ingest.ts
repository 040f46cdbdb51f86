/**
 * Ingests a folder of source files into a folder of MDX documents and an
 * ingest report. Used by scripts/ingest.ts and by the tests.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { loadLexicon, type Lexicon } from '../lexicon.ts';
import { documentSchema, formatIssues, type DocType, type DocumentFrontmatter } from '../../schema/document.ts';
import { processSource } from './pipeline.ts';
import { RejectedSource } from './stages/decode.ts';
import { analyse, boilerplateCount, type Analysed } from './analyse.ts';
import { emitMdx } from './emit.ts';
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
  status: 'ok' | 'rejected';
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
  sources: ReportSource[];
  summary: {
    sources: number;
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

/** Runs the pipeline over every file of a folder, in memory. */
export function ingestInMemory(options: Omit<IngestOptions, 'out'>): IngestResult {
  const lexicon = options.lexicon ?? loadLexicon();
  const names = listSources(options.sources);
  const entries: ReportSource[] = [];
  const analysed: Array<{ entry: ReportSource; doc: Analysed }> = [];
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
  for (const { entry, doc } of analysed) {
    const base = slugBase(doc.data);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    const slug = n === 1 ? base : `${base}-${n}`;
    const parsed = documentSchema.safeParse({ ...doc.data, slug });
    if (!parsed.success) {
      entry.dropped.push({ line: doc.data.source.lines[0], text: doc.data.title, reason: `invalid frontmatter: ${formatIssues(parsed.error)}` });
      continue;
    }
    try {
      files.set(slug, emitMdx(parsed.data, doc.blocks));
    } catch (error) {
      entry.dropped.push({ line: doc.data.source.lines[0], text: doc.data.title, reason: `cannot emit MDX: ${(error as Error).message}` });
      continue;
    }
    const d = parsed.data;
    entry.documents.push({ slug, title: d.title, region: d.region?.name ?? null, year: d.year, docType: d.docType, topics: d.topics, targets: d.targets, practices: d.practices });
  }

  const summary = {
    sources: entries.length,
    ok: entries.filter((e) => e.status === 'ok').length,
    rejected: entries.filter((e) => e.status === 'rejected').length,
    documents: files.size,
    duplicates: entries.reduce((n, e) => n + (e.duplicates?.length ?? 0), 0),
    droppedLines: entries.reduce((n, e) => n + e.dropped.length, 0),
    targets: entries.reduce((n, e) => n + e.documents.reduce((m, d) => m + d.targets.length, 0), 0),
    practices: entries.reduce((n, e) => n + e.documents.reduce((m, d) => m + d.practices.length, 0), 0),
  };
  return { report: { sources: entries, summary }, files: new Map([...files].sort(([a], [b]) => a.localeCompare(b))) };
}

/** Runs the pipeline and writes `<out>/<slug>.mdx` and `<out>/ingest-report.json`; stale .mdx files are removed. */
export function ingest(options: IngestOptions): IngestResult {
  const result = ingestInMemory(options);
  mkdirSync(options.out, { recursive: true });
  for (const name of readdirSync(options.out)) {
    if (name.endsWith('.mdx') && !result.files.has(name.slice(0, -4))) rmSync(join(options.out, name));
  }
  for (const [slug, mdx] of result.files) writeFileSync(join(options.out, `${slug}.mdx`), mdx);
  writeFileSync(join(options.out, REPORT_FILE), `${JSON.stringify(result.report, null, 2)}\n`);
  return result;
}
