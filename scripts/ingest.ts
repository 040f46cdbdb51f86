/**
 * npm run ingest -- [--sources DIR] [--out DIR] [--strict] [--quiet] [--max-bytes N] [--force]
 *
 * Turns the messy source files of DIR (default content/sources) into MDX
 * documents and an ingest report in --out (default content/documents).
 * Sources whose sha256 (and the pipeline) did not change since the last run
 * into --out are kept as they are; --force processes everything again.
 * Exit code: 0 when at least one document was produced (with --strict, 1 if
 * any source was rejected); 2 on bad arguments or when nothing was produced.
 */
import { parseArgs } from 'node:util';
import { ingest, REPORT_FILE } from '../src/lib/ingest/ingest.ts';

const usage = 'usage: npm run ingest -- [--sources DIR] [--out DIR] [--strict] [--quiet] [--max-bytes N] [--force]';

let args;
try {
  args = parseArgs({
    options: {
      sources: { type: 'string', default: 'content/sources' },
      out: { type: 'string', default: 'content/documents' },
      strict: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      'max-bytes': { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (args['max-bytes'] !== undefined && !(Number(args['max-bytes']) > 0)) {
  console.error(`--max-bytes must be a positive number of bytes, not ${JSON.stringify(args['max-bytes'])}\n${usage}`);
  process.exit(2);
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}

const tty = process.stderr.isTTY && !args.quiet;
const started = performance.now();
let result;
try {
  result = ingest({
    sources: args.sources,
    out: args.out,
    force: args.force,
    ...(args['max-bytes'] ? { maxBytes: Number(args['max-bytes']) } : {}),
    onSource(entry, done, total) {
      if (tty && total > 20) {
        const width = 30;
        const filled = Math.round((done / total) * width);
        process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
        if (done === total) process.stderr.write('\n');
      }
      if (entry.status === 'rejected') console.error(`rejected ${entry.source}: ${entry.reason}`);
    },
  });
} catch (error) {
  console.error(`ingest failed: ${(error as Error).message}`);
  process.exit(2);
}

const { summary } = result.report;
if (!args.quiet) {
  for (const entry of result.report.sources) {
    if (entry.status === 'rejected') {
      console.log(`rejected  ${entry.source}: ${entry.reason}`);
      continue;
    }
    const dup = entry.duplicates?.length ? `, ${entry.duplicates.length} duplicate(s) skipped` : '';
    const kept = entry.unchanged ? ' (unchanged, kept)' : '';
    console.log(`ok        ${entry.source}: ${entry.documents.length} document(s), ${entry.dropped.length} line(s) dropped${dup}${kept}`);
    for (const doc of entry.documents) console.log(`            ${doc.slug}.mdx  ${doc.title} (${doc.region ?? '地区不详'}, ${doc.year ?? '年份不详'}, ${doc.docType})`);
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `${summary.documents} document(s) from ${summary.ok} of ${summary.sources} source(s) in ${seconds}s (${summary.unchanged} unchanged); ${summary.rejected} rejected, ${summary.duplicates} duplicate(s), ${summary.droppedLines} line(s) dropped (see ${args.out}/${REPORT_FILE})`,
);
if (summary.documents === 0) process.exit(2);
if (args.strict && summary.rejected > 0) process.exit(1);
