/**
 * npm run bench -- [--docs N] [--rounds R] [--no-warmup] [--keep] [--skip-baseline] [--skip-browser]
 *
 * Generates a synthetic corpus of N documents (seed paragraphs recombined
 * with other regions, years and figures) and measures what users wait for,
 * in one run on this machine:
 * - a cold build: `npm run build` from the sources with empty caches
 *   (ingest + Astro build + Pagefind), each step timed;
 * - an incremental build: one document added to the N, then `npm run build`
 *   again (ingest keeps the unchanged sources, the content store the
 *   unchanged documents);
 * - the same documents built by a bare Astro + MDX + Pagefind project (no
 *   plugins, a plain page per document), the baseline of every ratio:
 *   timeRatio (Astro + Pagefind of the cold build), coldRatio (the whole cold
 *   build), incrementalRatio, memoryRatio (peaks);
 * - size of dist/, median and largest HTML page, bytes of one search.
 * With --rounds R, both run R times, alternating which goes first (full,
 * bare, bare, full, …) so that a machine slowing down or speeding up during
 * the run weighs on both alike (use an even R); the figures are the medians.
 * The bare build runs once untimed first, as the full one does before the
 * rounds (--no-warmup skips the bare one's).
 * Prints a table and, as its last line, one JSON object with the figures.
 */
import { copyFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './bench/corpus.ts';
import { dirBytes, htmlWeights, measure as measureIn, searchBytes, type Run } from './bench/measure.ts';
import { writeBaseline } from './bench/baseline.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    'skip-baseline': { type: 'boolean', default: false },
    'skip-browser': { type: 'boolean', default: false },
    'no-warmup': { type: 'boolean', default: false },
  },
});
const N = Number(values.docs);
if (!Number.isInteger(N) || N < 1) {
  console.error(`--docs must be a positive integer, not ${JSON.stringify(values.docs)}`);
  process.exit(2);
}
const ROUNDS = Number(values.rounds);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) {
  console.error(`--rounds must be a positive integer, not ${JSON.stringify(values.rounds)}`);
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), `atlas-bench-${N}-`));

// ── run ─────────────────────────────────────────────────────────────────
const measure = (command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> => measureIn(command, args, { cwd: options.cwd ?? root, ...(options.env ? { env: options.env } : {}) });
const sources = join(work, 'sources');
const extra = join(work, 'extra');
const documents = join(work, 'documents');
const dist = join(work, 'dist');
console.error(`bench: ${N} documents in ${work}`);
generateCorpus(sources, N, root, extra);
const added = readdirSync(extra)[0] as string;

const nodeBin = process.execPath;
// npm run build over the benchmark's collection, as a user runs it (no curation of its own).
const env = { SOURCES_DIR: sources, DOCUMENTS_DIR: documents, CURATION_DIR: '', SITE_OUT_DIR: dist, SITE_BASE: '/' };
const project = join(work, 'baseline');

/** A build's steps as scripts/build.ts times them (`build: astro build done in 12.3s`). */
interface Steps {
  total: Run;
  ingest: number;
  astro: number;
  pagefind: number;
}
const stepSeconds = (lines: string, step: string): number => Number(lines.match(new RegExp(`build: ${step} done in ([\\d.]+)s`))?.[1] ?? Number.NaN);
const steps = (total: Run): Steps => ({ total, ingest: stepSeconds(total.buildLines, 'ingest'), astro: stepSeconds(total.buildLines, 'astro build'), pagefind: stepSeconds(total.buildLines, 'search index') });

/** From the sources with empty caches: no documents, no output, no content store. */
async function coldBuild(): Promise<Steps> {
  rmSync(join(sources, added), { force: true });
  for (const dir of [documents, dist, `${dist}-astro-cache`]) rmSync(dir, { recursive: true, force: true });
  return steps(await measure(nodeBin, ['scripts/build.ts'], { env }));
}
/** One document added to the N of the last cold build, then npm run build again. */
async function incrementalBuild(): Promise<Steps> {
  copyFileSync(join(extra, added), join(sources, added));
  const run = steps(await measure(nodeBin, ['scripts/build.ts'], { env }));
  rmSync(join(sources, added), { force: true });
  return run;
}
async function bareBuild(): Promise<{ astro: Run; pagefind: Run }> {
  for (const dir of ['dist', '.astro-cache', '.astro']) rmSync(join(project, dir), { recursive: true, force: true });
  const astro = await measure(nodeBin, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: project });
  const pagefind = await measure(nodeBin, [join(root, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', join(project, 'dist')], { cwd: project });
  return { astro, pagefind };
}

// The baseline builds the documents the full build ingested.
await coldBuild();
const report = JSON.parse(readFileSync(join(documents, 'ingest-report.json'), 'utf8')) as { summary: { documents: number } };
const bareDocuments = join(work, 'bare-documents');
cpSync(documents, bareDocuments, { recursive: true });
if (!values['skip-baseline']) writeBaseline(project, bareDocuments, root);
if (!values['no-warmup'] && !values['skip-baseline']) await bareBuild();
console.error('bench: warm-up builds done');

const coldRuns: Steps[] = [];
const incrementalRuns: Steps[] = [];
const bareRuns: Array<{ astro: Run; pagefind: Run }> = [];
for (let round = 0; round < ROUNDS; round++) {
  // full, bare | bare, full | full, bare …
  const fullFirst = round % 2 === 0;
  const full = async () => {
    coldRuns.push(await coldBuild());
    incrementalRuns.push(await incrementalBuild());
  };
  if (fullFirst) await full();
  if (!values['skip-baseline']) bareRuns.push(await bareBuild());
  if (!fullFirst) await full();
  if (ROUNDS > 1) console.error(`bench: round ${round + 1} of ${ROUNDS} done`);
}
// The site measured is the cold build's of the N documents.
await coldBuild();
const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const bareSeconds = (b: { astro: Run; pagefind: Run }) => b.astro.seconds + b.pagefind.seconds;
const barePeak = (b: { astro: Run; pagefind: Run }) => Math.max(b.astro.peakMB, b.pagefind.peakMB);
/** The medians of a kind of build's runs: the whole and each step. */
const medianSteps = (runs: Steps[]) => ({
  seconds: median(runs.map((r) => r.total.seconds)),
  ingest: median(runs.map((r) => r.ingest)),
  astro: median(runs.map((r) => r.astro)),
  pagefind: median(runs.map((r) => r.pagefind)),
  peakMB: median(runs.map((r) => r.total.peakMB)),
});
const cold = medianSteps(coldRuns);
const incremental = medianSteps(incrementalRuns);
const weights = htmlWeights(dist);
const searchDownload = values['skip-browser'] ? null : await searchBytes(dist, '零差率');
const base = bareRuns.length > 0 ? { seconds: median(bareRuns.map(bareSeconds)), astro: median(bareRuns.map((b) => b.astro.seconds)), pagefind: median(bareRuns.map((b) => b.pagefind.seconds)), peakMB: median(bareRuns.map(barePeak)) } : null;
/** Each round's ratios, to show the spread. */
const byRound = (f: (r: number) => number | null) => bareRuns.map((_, i) => f(i)).map((x) => (x === null ? null : +x.toFixed(2)));
const roundTimeRatios = byRound((i) => (coldRuns[i] && bareRuns[i] ? (coldRuns[i].astro + coldRuns[i].pagefind) / bareSeconds(bareRuns[i]) : null));
const roundColdRatios = byRound((i) => (coldRuns[i] && bareRuns[i] ? coldRuns[i].total.seconds / bareSeconds(bareRuns[i]) : null));
const roundIncrementalRatios = byRound((i) => (incrementalRuns[i] && bareRuns[i] ? incrementalRuns[i].total.seconds / bareSeconds(bareRuns[i]) : null));
const ratio = (x: number) => (base ? +(x / base.seconds).toFixed(2) : null);

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const s = (x: number) => `${x.toFixed(1)} s`;
const rows: Array<[string, string]> = [
  ['documents', `${report.summary.documents} of ${N} generated`],
  ['cold build', `${s(cold.seconds)} = ingest ${s(cold.ingest)} (${(N / cold.ingest).toFixed(0)} docs/s) + astro ${s(cold.astro)} + pagefind ${s(cold.pagefind)} (+ start-up), peak ${cold.peakMB.toFixed(0)} MB`],
  ['incremental build', `${s(incremental.seconds)} = ingest ${s(incremental.ingest)} + astro ${s(incremental.astro)} + pagefind ${s(incremental.pagefind)}, peak ${incremental.peakMB.toFixed(0)} MB (one document added)`],
  ['dist/', `${(dirBytes(dist) / 1048576).toFixed(1)} MB`],
  ['HTML page', `median ${kb(weights.median)}, largest ${kb(weights.largest)}; document page + CSS ${kb(weights.documentPage)}`],
  ['one search', searchDownload === null ? 'not measured' : kb(searchDownload)],
];
if (base) {
  rows.push(['baseline', `astro ${s(base.astro)} + pagefind ${s(base.pagefind)} = ${s(base.seconds)}, peak ${base.peakMB.toFixed(0)} MB`]);
  rows.push(['time ratio', `${ratio(cold.astro + cold.pagefind)}× (astro + pagefind, cold, ÷ bare)${ROUNDS > 1 ? `; by round ${roundTimeRatios.join(', ')}` : ''}`]);
  rows.push(['cold ratio', `${ratio(cold.seconds)}× (ingest + astro + pagefind from the sources ÷ bare)${ROUNDS > 1 ? `; by round ${roundColdRatios.join(', ')}` : ''}`]);
  rows.push(['incremental ratio', `${ratio(incremental.seconds)}× (one document added, npm run build ÷ bare)${ROUNDS > 1 ? `; by round ${roundIncrementalRatios.join(', ')}` : ''}`]);
  rows.push(['memory ratio', `${(cold.peakMB / base.peakMB).toFixed(2)}× (peak, cold build ÷ bare)`]);
}
for (const [k, v] of rows) console.log(`${k.padEnd(18)} ${v}`);
console.log(
  JSON.stringify({
    docs: N,
    rounds: ROUNDS,
    warmup: !values['no-warmup'],
    coldSeconds: +cold.seconds.toFixed(2),
    ingestSeconds: +cold.ingest.toFixed(2),
    ingestDocsPerSecond: +(N / cold.ingest).toFixed(1),
    astroSeconds: +cold.astro.toFixed(2),
    pagefindSeconds: +cold.pagefind.toFixed(2),
    incrementalSeconds: +incremental.seconds.toFixed(2),
    incrementalSteps: { ingest: incremental.ingest, astro: incremental.astro, pagefind: incremental.pagefind },
    peakMemoryMB: +cold.peakMB.toFixed(0),
    distMB: +(dirBytes(dist) / 1048576).toFixed(2),
    medianHtmlKB: +(weights.median / 1024).toFixed(1),
    largestHtmlKB: +(weights.largest / 1024).toFixed(1),
    documentPageKB: +(weights.documentPage / 1024).toFixed(1),
    searchKB: searchDownload === null ? null : +(searchDownload / 1024).toFixed(1),
    baselineSeconds: base ? +base.seconds.toFixed(2) : null,
    baselinePeakMemoryMB: base ? +base.peakMB.toFixed(0) : null,
    timeRatio: ratio(cold.astro + cold.pagefind),
    coldRatio: ratio(cold.seconds),
    incrementalRatio: ratio(incremental.seconds),
    memoryRatio: base ? +(cold.peakMB / base.peakMB).toFixed(2) : null,
    roundTimeRatios,
    roundColdRatios,
    roundIncrementalRatios,
  }),
);
if (!values.keep) rmSync(work, { recursive: true, force: true });
