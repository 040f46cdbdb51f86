/**
 * Builds the Pagefind search index of a built site with Pagefind's own
 * indexer, which reads the pages in Rust, in parallel. (Its Node API runs
 * the same indexer but took a second longer per thousand pages here; feeding
 * pages one by one from JavaScript took twice as long: docs/benchmarks.md.)
 *
 * What to index is written in the pages themselves (src/lib/site/search-index.ts,
 * src/layouts/Base.astro): documents in full with their filters (region, year,
 * type, topic, kind) and a hidden line of other words to find
 * them by; other pages by their title and summary; source pages, the search
 * page and 404 not at all.
 *
 * The index is cut into shards (scripts/lib/search-shards.ts): the document
 * pages, by their slug, into `pagefind/shards/<n>/`, which the search page
 * merges into the main index, `pagefind/`, of the other pages. Each shard is
 * kept in the build's cache (src/lib/site/config.ts, buildCacheDir) with the
 * key of what decided it: the indexer's settings and, for each page, what the
 * page cache recorded as the inputs of its indexed part (its document: the
 * related list, which changes with other documents, is not indexed), else
 * the page's bytes. A shard whose key is unchanged is copied, not indexed.
 *
 * Of pages other than documents Pagefind reads a stub holding their one
 * indexed line and their address (`href` meta, which the search page links
 * to): parsing the region, indicator, practice and comparison pages whole,
 * only to find that line, cost a tenth of the indexing time.
 *
 *   node scripts/index-search.ts [dist]
 *   SEARCH_SHARD_SIZE=n: documents per shard the count aims at (default 256)
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_KIND, pageKind, summaryStub } from '../src/lib/site/search-index.ts';
import { buildCacheDir } from '../src/lib/site/config.ts';
import { indexedKeys } from '../src/lib/site/page-cache.ts';
import { SHARD_SIZE, shardCount, shardKey, shardOf } from './lib/search-shards.ts';

const site = process.argv[2] ?? 'dist';
const cache = join(buildCacheDir(), 'search');
const shardSize = process.env.SEARCH_SHARD_SIZE ? Number(process.env.SEARCH_SHARD_SIZE) : SHARD_SIZE;

/** A document page (`documents/<slug>/index.html`), as the pages' own kind filter tells it. */
const isDocumentPage = (path: string): boolean => pageKind(path.replace(/index\.html$/, '')) === DOCUMENT_KIND;
const sha = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The site's pages, by path below it. */
function pages(): string[] {
  return readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(site, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((p) => !p.startsWith('pagefind/'))
    .sort();
}

/**
 * Parts of document pages that are not their text: the 第N段 self-link of every
 * paragraph and the caption the site gives a table in it (原文表格（第N段）),
 * citation links, and of the figures and practices panels all but the
 * indicator and practice names (headings, captions, values, scopes).
 */
const EXCLUDE_SELECTORS = [
  '.para > a',
  '.para caption',
  '.citation', '.doc-practices a[href^="#p-"]',
  '.doc-figures h2', '.doc-figures > p', '.doc-figures caption', '.doc-figures thead', '.doc-figures td',
  '.doc-practices h2', '.doc-practices h3', '.doc-practices > p',
];

// The package's bin (it finds the platform's binary); its exports list only the Node API.
const pagefindDir = dirname(fileURLToPath(import.meta.resolve('pagefind')));
const runner = join(pagefindDir, 'runner/bin.cjs');
/** What decides every shard besides its pages: Pagefind's version and this script (its selectors and arguments). */
const settings = sha(`${readFileSync(join(pagefindDir, '../package.json'), 'utf8')}\0${readFileSync(fileURLToPath(import.meta.url))}`);

/** One index: its name in the cache, its key, and how to lay out its pages for Pagefind. */
interface Index {
  name: string;
  key: string;
  glob: string;
  stage(dir: string): void;
}

function runPagefind(stage: string, glob: string, output: string): Promise<void> {
  const args = [
    runner, '--site', stage, '--output-path', output, '--force-language', 'zh-cn', '--quiet', '--glob', glob,
    ...EXCLUDE_SELECTORS.flatMap((s) => ['--exclude-selectors', s]),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('close', (status, signal) => (status === 0 ? resolve() : reject(new Error(`pagefind: indexing ${stage} failed (exit ${status ?? signal})`))));
  });
}

/** Indexes `index` into the cache unless the cache holds it with the same key; true when it indexed. */
async function build(index: Index): Promise<boolean> {
  const out = join(cache, index.name);
  if (existsSync(join(out, 'key')) && readFileSync(join(out, 'key'), 'utf8') === index.key) return false;
  const stage = join(cache, `${index.name}.stage`);
  const fresh = join(cache, `${index.name}.new`);
  for (const dir of [stage, fresh]) rmSync(dir, { recursive: true, force: true });
  index.stage(stage);
  await runPagefind(stage, index.glob, fresh);
  rmSync(stage, { recursive: true, force: true });
  writeFileSync(join(fresh, 'key'), index.key);
  rmSync(out, { recursive: true, force: true });
  renameSync(fresh, out);
  return true;
}

/** Puts a site page at its path in a stage (a hard link where the file system allows it). */
function linkInto(stage: string, path: string): void {
  const target = join(stage, path);
  mkdirSync(dirname(target), { recursive: true });
  try {
    linkSync(join(site, path), target);
  } catch {
    cpSync(join(site, path), target);
  }
}

const all = pages();
const documents = all.filter(isDocumentPage);
const count = shardCount(documents.length, shardSize);
const indexed = indexedKeys(join(buildCacheDir(), 'pages'));
const byShard = Array.from({ length: count }, () => [] as string[]);
for (const path of documents) byShard[shardOf(path.split('/')[1] ?? path, count)]?.push(path);

/** The main index: every other page by its summary stub (written into its stage, never into the site). */
const stubs = all.filter((p) => !isDocumentPage(p)).flatMap((path) => {
  const stub = summaryStub(readFileSync(join(site, path), 'utf8'), path);
  return stub ? [[path, stub] as const] : [];
});
const indexes: Index[] = [
  {
    name: 'main',
    key: shardKey(`${settings} main`, stubs.map(([path, stub]) => [path, sha(stub)])),
    glob: '**/*.html',
    stage: (dir) => {
      for (const [path, stub] of stubs) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), stub);
      }
    },
  },
  // A shard no document fell into has no index (Pagefind indexes no empty folder).
  ...byShard.flatMap((paths, n) => (paths.length === 0 ? [] : [{
    name: `shards/${n}`,
    key: shardKey(`${settings} shard ${n} of ${count}`, paths.map((path) => [path, indexed[path] ?? sha(readFileSync(join(site, path)))])),
    glob: 'documents/*/index.html',
    stage: (dir: string) => paths.forEach((path) => linkInto(dir, path)),
  }])),
];
const shards = byShard.flatMap((paths, n) => (paths.length === 0 ? [] : [n]));

// Two at a time: each run is short, and half of it is Pagefind starting and writing its files.
let next = 0;
let built = 0;
const worker = async () => {
  while (next < indexes.length) {
    const index = indexes[next++] as Index;
    if (await build(index)) built++;
  }
};
try {
  await Promise.all([worker(), worker()]);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
// Shards of an earlier count are not the site's any more.
if (existsSync(join(cache, 'shards'))) for (const name of readdirSync(join(cache, 'shards'))) if (!(Number(name) < count)) rmSync(join(cache, 'shards', name), { recursive: true, force: true });

// The site's index: the main bundle (Pagefind's scripts and WebAssembly, the other pages), then
// each shard's index files only (a merged index uses the main bundle's scripts), and their list.
const target = join(site, 'pagefind');
rmSync(target, { recursive: true, force: true });
cpSync(join(cache, 'main'), target, { recursive: true, filter: (from) => !from.endsWith(`${sep}key`) });
const SHARD_FILES = /^(pagefind-entry\.json|pagefind\..+\.pf_meta|index|fragment|filter)$/;
for (const n of shards) {
  const from = join(cache, 'shards', String(n));
  for (const name of readdirSync(from).filter((f) => SHARD_FILES.test(f))) cpSync(join(from, name), join(target, 'shards', String(n), name), { recursive: true });
}
writeFileSync(join(target, 'shards.json'), JSON.stringify(shards.map((n) => `shards/${n}/`)));
console.log(`pagefind: indexed ${site} into ${target}: ${documents.length} document pages in ${count} shard(s) and ${stubs.length} other pages by their summary; ${built} of ${indexes.length} indexes built, ${indexes.length - built} unchanged`);
