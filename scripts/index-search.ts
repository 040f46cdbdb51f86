/**
 * Builds the Pagefind search index of a built site with Pagefind's own
 * indexer, which reads the directory in Rust, in parallel. (Its Node API runs
 * the same indexer but took a second longer per thousand pages here; feeding
 * pages one by one from JavaScript took twice as long: docs/benchmarks.md.)
 *
 * What to index is written in the pages themselves (src/lib/site/search-index.ts,
 * src/layouts/Base.astro): documents in full with their filters (region, year,
 * type, topic, kind), a year sort key and a hidden line of other words to find
 * them by; other pages by their title and summary; source pages, the search
 * page and 404 not at all.
 *
 * Pagefind reads only document pages and, for every other indexed page, a
 * stub holding its one indexed line and its address (`href` meta, which the
 * search page links to): parsing the region, indicator, practice and
 * comparison pages whole, only to find that line, cost a tenth of the
 * indexing time. The stubs are removed once the index is written.
 *
 *   node scripts/index-search.ts [dist]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_KIND, pageKind, summaryStub } from '../src/lib/site/search-index.ts';

const site = process.argv[2] ?? 'dist';
/** Where the stubs go while Pagefind runs (inside the site, so its glob reaches them). */
const STUBS = '_search-stubs';

/** A document page (`documents/<slug>/index.html`), as the pages' own kind filter tells it. */
const isDocumentPage = (path: string): boolean => pageKind(path.replace(/index\.html$/, '')) === DOCUMENT_KIND;

/** Writes a stub for every summary page; returns how many. */
function writeStubs(): number {
  let count = 0;
  for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const path = relative(site, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (isDocumentPage(path) || path.startsWith('pagefind/') || path.startsWith(`${STUBS}/`)) continue;
    const stub = summaryStub(readFileSync(join(site, path), 'utf8'), path);
    if (!stub) continue;
    const target = join(site, STUBS, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, stub);
    count++;
  }
  return count;
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
const runner = join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), 'runner/bin.cjs');
rmSync(join(site, STUBS), { recursive: true, force: true });
const stubs = writeStubs();
const args = [
  '--site', site, '--force-language', 'zh-cn', '--quiet',
  '--glob', `{documents/*/index.html,${STUBS}/**/*.html}`,
  ...EXCLUDE_SELECTORS.flatMap((s) => ['--exclude-selectors', s]),
];
const run = spawnSync(process.execPath, [runner, ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
rmSync(join(site, STUBS), { recursive: true, force: true });
if (run.status !== 0) {
  console.error(`pagefind: indexing ${site} failed (exit ${run.status ?? run.signal})`);
  process.exit(1);
}
console.log(`pagefind: indexed ${site} into ${join(site, 'pagefind')} (document pages, and ${stubs} other pages by their summary)`);
