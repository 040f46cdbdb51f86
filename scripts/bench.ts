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
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadLexicon } from '../src/lib/lexicon.ts';
import { splitSentences } from '../src/lib/extract/sentences.ts';
import { paragraphTexts } from '../src/lib/ingest/emit.ts';

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

// ── corpus ──────────────────────────────────────────────────────────────
/** A small deterministic PRNG, so the same N always gives the same corpus. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateCorpus(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const next = random(N);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)] as T;
  const paragraphs = readdirSync(join(root, 'content/documents'))
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .flatMap((f) => {
      const mdx = readFileSync(join(root, 'content/documents', f), 'utf8');
      return [...paragraphTexts(mdx).values()].filter((p) => p.length > 40 && !p.startsWith('|'));
    });
  const counties = loadLexicon().gazetteer.filter((d) => d.level === 'county');
  const regions = Array.from({ length: Math.min(200, Math.max(5, Math.ceil(N / 5))) }, () => pick(counties));
  const types = ['工作总结', '实施方案', '工作汇报', '工作安排'];
  for (let i = 0; i < N; i++) {
    const region = pick(regions);
    const year = 2009 + Math.floor(next() * 15);
    const body = Array.from({ length: 6 + Math.floor(next() * 10) }, () =>
      splitSentences(pick(paragraphs))
        .map((s) => s.replace(/\d+(\.\d+)?(?=%|万元|元|人|个)/g, (n) => String(Math.round(Number(n) * (0.5 + next()) * 100) / 100)))
        .join(''),
    );
    const headings = ['一、基本情况', '二、主要做法', '三、主要成效', '四、存在问题', '五、下一步打算'];
    const lines = [`${region.name}深化医药卫生体制改革${pick(types)}`, ''];
    body.forEach((p, j) => {
      if (j % 3 === 0) lines.push(headings[Math.floor(j / 3) % headings.length] ?? '');
      lines.push(p.replace(/我县|我区|我市/g, region.name));
    });
    lines.push(`${year}年${1 + Math.floor(next() * 12)}月${1 + Math.floor(next() * 28)}日`);
    writeFileSync(join(dir, `bench-${String(i).padStart(5, '0')}.txt`), `${lines.join('\n')}\n`);
  }
}

// ── measuring ───────────────────────────────────────────────────────────
interface Run {
  seconds: number;
  peakMB: number;
}

/** Resident memory of a process and all its descendants, in kB (Linux /proc). */
function treeRss(pid: number): number {
  let total = 0;
  try {
    total += Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    for (const child of children) total += treeRss(Number(child));
  } catch {
    // the process ended between two reads
  }
  return total;
}

function measure(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd ?? root, env: { ...process.env, ...options.env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid ?? 0))), 100);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${stderr.slice(-2000)}`));
      else resolvePromise({ seconds: (performance.now() - started) / 1000, peakMB: peak / 1024 });
    });
  });
}

function dirBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0);
}

function htmlWeights(dir: string): { median: number; largest: number; documentPage: number } {
  const sizes = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => statSync(join(e.parentPath, e.name)).size)
    .sort((a, b) => a - b);
  // Document pages only (documents/<slug>/index.html), each with the stylesheets it links.
  const documents = readdirSync(join(dir, 'documents'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => {
      const html = readFileSync(join(dir, 'documents', e.name, 'index.html'), 'utf8');
      const css = [...html.matchAll(/<link rel="stylesheet" href="\/([^"]+)"/g)].reduce((n, m) => n + statSync(join(dir, m[1] ?? '')).size, 0);
      return Buffer.byteLength(html) + css;
    })
    .sort((a, b) => a - b);
  return { median: sizes[Math.floor(sizes.length / 2)] ?? 0, largest: sizes.at(-1) ?? 0, documentPage: documents[Math.floor(documents.length / 2)] ?? 0 };
}

/** Bytes a browser downloads for one search on the search page (all responses after the page itself). */
async function searchBytes(dir: string, query: string): Promise<number> {
  const { serveStatic } = await import('./lib/static-server.ts');
  const { launchChromium } = await import('./lib/chromium.ts');
  const server = await serveStatic(dir, '/');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    let bytes = 0;
    page.on('response', async (response) => {
      if (response.url().includes('/pagefind/') || response.url().includes('/search/')) bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
    });
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'networkidle' });
    await page.waitForSelector('#search-results li', { timeout: 30_000 }).catch(() => undefined);
    return bytes;
  } finally {
    await browser.close();
    await server.close();
  }
}

// ── the bare baseline project ───────────────────────────────────────────
function writeBaseline(dir: string, documents: string): void {
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{ "name": "bench-baseline", "private": true, "type": "module" }\n');
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    // Its own cache folder: node_modules is a link to the project's, and a cache left there would warm the next run.
    `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ cacheDir: './.astro-cache', integrations: [mdx()] });\n`,
  );
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { documents: defineCollection({ loader: glob({ pattern: '*.mdx', base: ${JSON.stringify(documents)} }) }) };\n`,
  );
  mkdirSync(join(dir, 'src/components'), { recursive: true });
  // The documents wrap paragraphs in <Para>; the baseline renders them as plain divs.
  writeFileSync(join(dir, 'src/components/Para.astro'), '---\nconst { id } = Astro.props;\n---\n<div id={id}><slot /></div>\n');
  writeFileSync(
    join(dir, 'src/pages/[slug].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nimport Para from '../components/Para.astro';\nexport async function getStaticPaths() { return (await getCollection('documents')).map((entry) => ({ params: { slug: entry.id }, props: { entry } })); }\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{entry.data.title}</title></head><body><main><h1>{entry.data.title}</h1><Content components={{ Para }} /></main></body></html>\n`,
  );
}

// ── run ─────────────────────────────────────────────────────────────────
const sources = join(work, 'sources');
const documents = join(work, 'documents');
const dist = join(work, 'dist');
console.error(`bench: ${N} documents in ${work}`);
generateCorpus(sources);

const nodeBin = process.execPath;
const ingestRun = await measure(nodeBin, ['scripts/ingest.ts', '--sources', sources, '--out', documents, '--quiet']);
const report = JSON.parse(readFileSync(join(documents, 'ingest-report.json'), 'utf8')) as { summary: { documents: number } };
const env = { DOCUMENTS_DIR: documents, SITE_OUT_DIR: dist, SITE_BASE: '/' };
const project = join(work, 'baseline');
if (!values['skip-baseline']) writeBaseline(project, documents);

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
