/**
 * npm run bench -- [--docs N] [--rounds R] [--no-warmup] [--keep] [--skip-baseline] [--skip-browser]
 *
 * Generates a synthetic corpus of N documents (seed paragraphs recombined
 * with other regions, years and figures), then measures in one run on this
 * machine: ingest throughput, Astro build time, Pagefind time, peak memory,
 * size of dist/, median and largest HTML page, and the bytes a browser
 * downloads for one search. The same documents are also built by a bare
 * Astro + MDX + Pagefind project (no plugins, plain layout) for a baseline.
 * With --rounds R, both builds run R times, alternating which goes first
 * (full, bare, bare, full, …) so that a machine slowing down or speeding up
 * during the run weighs on both alike (use an even R); times and peaks are
 * the medians. Before the timed rounds each build runs once untimed, so that
 * neither meets a cold disk cache alone (--no-warmup skips that).
 * Prints a table and, as its last line, one JSON object with the figures.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
const documents = join(work, 'documents');
const dist = join(work, 'dist');
console.error(`bench: ${N} documents in ${work}`);
generateCorpus(sources, N, root);

const nodeBin = process.execPath;
const ingestRun = await measure(nodeBin, ['scripts/ingest.ts', '--sources', sources, '--out', documents, '--quiet']);
const report = JSON.parse(readFileSync(join(documents, 'ingest-report.json'), 'utf8')) as { summary: { documents: number } };
const env = { DOCUMENTS_DIR: documents, SITE_OUT_DIR: dist, SITE_BASE: '/' };
const project = join(work, 'baseline');
if (!values['skip-baseline']) writeBaseline(project, documents, root);

/** One build of each kind from cold: no output, no content cache. */
async function fullBuild(): Promise<{ astro: Run; pagefind: Run }> {
  rmSync(dist, { recursive: true, force: true });
  rmSync(`${dist}-astro-cache`, { recursive: true, force: true });
  const astro = await measure(nodeBin, ['node_modules/astro/bin/astro.mjs', 'build'], { env });
  const pagefind = await measure(nodeBin, ['scripts/index-search.ts', dist], { env });
  return { astro, pagefind };
}
async function bareBuild(): Promise<{ astro: Run; pagefind: Run }> {
  for (const dir of ['dist', '.astro-cache', '.astro']) rmSync(join(project, dir), { recursive: true, force: true });
  const astro = await measure(nodeBin, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: project });
  const pagefind = await measure(nodeBin, [join(root, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', join(project, 'dist')], { cwd: project });
  return { astro, pagefind };
}

if (!values['no-warmup']) {
  await fullBuild();
  if (!values['skip-baseline']) await bareBuild();
  console.error('bench: warm-up builds done');
}
const fullRuns: Array<{ astro: Run; pagefind: Run }> = [];
const bareRuns: Array<{ astro: Run; pagefind: Run }> = [];
for (let round = 0; round < ROUNDS; round++) {
  // full, bare | bare, full | full, bare …
  const fullFirst = round % 2 === 0;
  if (fullFirst) fullRuns.push(await fullBuild());
  if (!values['skip-baseline']) bareRuns.push(await bareBuild());
  if (!fullFirst) fullRuns.push(await fullBuild());
  if (ROUNDS > 1) console.error(`bench: round ${round + 1} of ${ROUNDS} done`);
}
const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const medianRun = (runs: Run[]): Run => ({ seconds: median(runs.map((r) => r.seconds)), peakMB: median(runs.map((r) => r.peakMB)) });
const astroRun = medianRun(fullRuns.map((r) => r.astro));
const pagefindRun = medianRun(fullRuns.map((r) => r.pagefind));
const weights = htmlWeights(dist);
const searchDownload = values['skip-browser'] ? null : await searchBytes(dist, '零差率');
const baseline = bareRuns.length > 0 ? { astro: medianRun(bareRuns.map((r) => r.astro)), pagefind: medianRun(bareRuns.map((r) => r.pagefind)) } : null;
/** Each round's ratio, to show the spread. */
const roundRatios = bareRuns.map((b, i) => {
  const f = fullRuns[i];
  return f ? +((f.astro.seconds + f.pagefind.seconds) / (b.astro.seconds + b.pagefind.seconds)).toFixed(2) : 0;
});

const full = { seconds: astroRun.seconds + pagefindRun.seconds, peakMB: Math.max(astroRun.peakMB, pagefindRun.peakMB) };
const base = baseline ? { seconds: baseline.astro.seconds + baseline.pagefind.seconds, peakMB: Math.max(baseline.astro.peakMB, baseline.pagefind.peakMB) } : null;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const rows: Array<[string, string]> = [
  ['documents', `${report.summary.documents} of ${N} generated`],
  ['ingest', `${ingestRun.seconds.toFixed(1)} s (${(N / ingestRun.seconds).toFixed(0)} docs/s), peak ${ingestRun.peakMB.toFixed(0)} MB`],
  ['astro build', `${astroRun.seconds.toFixed(1)} s, peak ${astroRun.peakMB.toFixed(0)} MB`],
  ['pagefind', `${pagefindRun.seconds.toFixed(1)} s, peak ${pagefindRun.peakMB.toFixed(0)} MB`],
  ['dist/', `${(dirBytes(dist) / 1048576).toFixed(1)} MB`],
  ['HTML page', `median ${kb(weights.median)}, largest ${kb(weights.largest)}; document page + CSS ${kb(weights.documentPage)}`],
  ['one search', searchDownload === null ? 'not measured' : kb(searchDownload)],
];
if (baseline && base) {
  rows.push(['baseline astro', `${baseline.astro.seconds.toFixed(1)} s, peak ${baseline.astro.peakMB.toFixed(0)} MB`]);
  rows.push(['baseline pagefind', `${baseline.pagefind.seconds.toFixed(1)} s, peak ${baseline.pagefind.peakMB.toFixed(0)} MB`]);
  rows.push(['time ratio', `${(full.seconds / base.seconds).toFixed(2)}× (build + index, full ÷ bare)${ROUNDS > 1 ? `; by round ${roundRatios.join(', ')}` : ''}`]);
  rows.push(['memory ratio', `${(full.peakMB / base.peakMB).toFixed(2)}× (peak, full ÷ bare)`]);
}
for (const [k, v] of rows) console.log(`${k.padEnd(18)} ${v}`);
console.log(
  JSON.stringify({
    docs: N,
    rounds: ROUNDS,
    warmup: !values['no-warmup'],
    ingestSeconds: +ingestRun.seconds.toFixed(2),
    ingestDocsPerSecond: +(N / ingestRun.seconds).toFixed(1),
    astroSeconds: +astroRun.seconds.toFixed(2),
    pagefindSeconds: +pagefindRun.seconds.toFixed(2),
    peakMemoryMB: +full.peakMB.toFixed(0),
    distMB: +(dirBytes(dist) / 1048576).toFixed(2),
    medianHtmlKB: +(weights.median / 1024).toFixed(1),
    largestHtmlKB: +(weights.largest / 1024).toFixed(1),
    documentPageKB: +(weights.documentPage / 1024).toFixed(1),
    searchKB: searchDownload === null ? null : +(searchDownload / 1024).toFixed(1),
    baselineSeconds: base ? +base.seconds.toFixed(2) : null,
    baselinePeakMemoryMB: base ? +base.peakMB.toFixed(0) : null,
    timeRatio: base ? +(full.seconds / base.seconds).toFixed(2) : null,
    roundTimeRatios: roundRatios,
    memoryRatio: base ? +(full.peakMB / base.peakMB).toFixed(2) : null,
  }),
);
if (!values.keep) rmSync(work, { recursive: true, force: true });
