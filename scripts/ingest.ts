/**
 * npm run ingest -- [--sources DIR] [--out DIR] [--curation DIR] [--strict] [--quiet] [--max-bytes N] [--time-limit SECONDS] [--force] [--workers N] [--timings]
 *
 * Turns the messy source files of DIR (default content/sources) into MDX
 * documents and an ingest report in --out (default content/documents),
 * applying the curation files of --curation (default content/curation;
 * --curation '' for the machine's output alone).
 * Sources whose sha256 (and the pipeline) did not change since the last run
 * into --out are kept as they are; --force processes everything again.
 * Files are analysed and documents rendered on --workers threads (default:
 * one per core; 1 runs everything in this thread): the output is the same
 * either way. --timings prints the time each stage took, summed over the
 * threads, and its throughput, to stderr.
 * Exit code: 0 when at least one document was produced (with --strict, 1 if
 * any source was rejected or any document quarantined); 2 on bad arguments or
 * when nothing was produced.
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { ingestToFolder, REPORT_FILE, type ReportSource } from '../src/lib/ingest/ingest.ts';
import type { StageTimings } from '../src/lib/ingest/model.ts';
import { printable } from '../src/lib/ingest/display.ts';

const usage = 'usage: npm run ingest -- [--sources DIR] [--out DIR] [--curation DIR] [--strict] [--quiet] [--max-bytes N] [--time-limit SECONDS] [--force] [--workers N] [--timings]';

let args;
try {
  args = parseArgs({
    options: {
      sources: { type: 'string', default: 'content/sources' },
      out: { type: 'string', default: 'content/documents' },
      curation: { type: 'string', default: 'content/curation' },
      strict: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      'max-bytes': { type: 'string' },
      'time-limit': { type: 'string' },
      force: { type: 'boolean', default: false },
      workers: { type: 'string' },
      timings: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (args.workers !== undefined && !(Number.isInteger(Number(args.workers)) && Number(args.workers) >= 1)) {
  console.error(`--workers must be a whole number of threads, 1 or more, not ${JSON.stringify(args.workers)}\n${usage}`);
  process.exit(2);
}
for (const option of ['max-bytes', 'time-limit'] as const) {
  if (args[option] !== undefined && !(Number(args[option]) > 0)) {
    console.error(`--${option} must be a positive number, not ${JSON.stringify(args[option])}\n${usage}`);
    process.exit(2);
  }
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}

/** What a source's entry says went wrong, one line each, for stderr. */
function problems(entry: ReportSource): string[] {
  const name = printable(entry.source);
  if (entry.status === 'rejected' && !entry.quarantined?.length) return [`rejected ${name}: ${printable(entry.reason ?? '')}`];
  return (entry.quarantined ?? []).map((q) => `quarantined ${name} lines ${q.lines[0]}-${q.lines[1]} (${printable(q.title)}): ${printable(q.reason)}`);
}

const tty = process.stderr.isTTY && !args.quiet;
const started = performance.now();
let result;
const timings: StageTimings | undefined = args.timings ? {} : undefined;
try {
  result = await ingestToFolder({
    sources: args.sources,
    out: args.out,
    force: args.force,
    ...(args.curation ? { curation: args.curation } : {}),
    ...(args['max-bytes'] ? { maxBytes: Number(args['max-bytes']) } : {}),
    ...(args['time-limit'] ? { timeLimitMs: Number(args['time-limit']) * 1000 } : {}),
    ...(args.workers ? { workers: Number(args.workers) } : {}),
    ...(timings ? { timings } : {}),
    onProgress(done, total) {
      if (tty && total > 20) {
        const width = 30;
        const filled = Math.round((done / total) * width);
        process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
        if (done === total) process.stderr.write('\n');
      }
    },
    onSource(entry) {
      for (const line of problems(entry)) console.error(line);
    },
  });
} catch (error) {
  console.error(`ingest failed: ${printable((error as Error).message)}`);
  process.exit(2);
}

const { summary } = result.report;
// Curation that did not apply is said every time, --quiet or not: a person's decision is never dropped silently.
const curation = result.report.curation;
const curationFile = (name: string) => printable(join(args.curation ?? '', name));
for (const e of curation?.errors ?? []) console.error(`curation ${curationFile(e.file)}: ${printable(e.message)}`);
for (const file of curation?.unmatched ?? []) console.error(`curation ${curationFile(file)}: no document of the sources matches its source (sha256 and index): the source changed or is gone`);
for (const entry of result.report.sources) {
  for (const doc of entry.documents) for (const problem of doc.curation?.problems ?? []) console.error(`curation ${curationFile(doc.curation?.file ?? '')} (${doc.slug}): ${printable(problem)}`);
}
for (const entry of result.report.sources.filter((e) => e.status === 'skipped')) console.error(`skipped  ${printable(entry.source)}: ${entry.reason}`);
for (const name of result.foreign) console.error(`warning: ${printable(join(args.out, name))} was not written by ingest and is left alone${name.endsWith('.mdx') ? ' (the site will build it as a document)' : ''}`);
if (!args.quiet) {
  for (const entry of result.report.sources) {
    if (entry.status === 'skipped') continue;
    const name = printable(entry.source);
    if (entry.status === 'rejected') {
      console.log(`rejected  ${name}: ${printable(entry.reason ?? '')}`);
      continue;
    }
    const dup = entry.duplicates?.length ? `, ${entry.duplicates.length} duplicate(s) skipped` : '';
    const quarantined = entry.quarantined?.length ? `, ${entry.quarantined.length} quarantined` : '';
    const kept = entry.unchanged ? ' (unchanged, kept)' : '';
    console.log(`${entry.status.padEnd(9)} ${name}: ${entry.documents.length} document(s), ${entry.dropped.length} line(s) dropped${dup}${quarantined}${kept}`);
    for (const doc of entry.documents) console.log(`            ${doc.slug}.mdx  ${printable(doc.title)} (${doc.region ?? '地区不详'}, ${doc.year ?? '年份不详'}, ${doc.docType})`);
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `${summary.documents} document(s) from ${summary.ok + summary.partial} of ${summary.sources - summary.skipped} source(s) in ${seconds}s (${summary.unchanged} unchanged); ${summary.rejected} rejected, ${summary.partial} partial (${summary.quarantined} document(s) quarantined), ${summary.skipped} skipped, ${summary.duplicates} duplicate(s), ${summary.droppedLines} line(s) dropped (see ${args.out}/${REPORT_FILE})`,
);
if (timings) {
  // Slowest first: the time each stage took over all threads, and how many files or documents it did per second of it.
  const rows = Object.entries(timings).sort(([, a], [, b]) => b.ms - a.ms);
  const total = rows.reduce((n, [, t]) => n + t.ms, 0);
  console.error(`stage          seconds  share  per second (files or documents)`);
  for (const [stage, t] of rows) {
    console.error(`${stage.padEnd(14)} ${(t.ms / 1000).toFixed(2).padStart(7)}  ${((100 * t.ms) / total).toFixed(0).padStart(4)}%  ${t.ms > 0 ? ((t.calls * 1000) / t.ms).toFixed(0) : '–'}`);
  }
}
if (summary.documents === 0) process.exit(2);
if (args.strict && summary.rejected + summary.partial > 0) process.exit(1);
