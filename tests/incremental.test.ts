/**
 * Incremental site build: the content loader (src/lib/site/documents-loader.ts)
 * keeps each document's rendered text in Astro's content store, keyed by its
 * file's digest. A build after one document changed renders that one again
 * and no other; the page cache (src/lib/site/page-cache.ts) copies the pages
 * whose inputs did not change; every page that lists documents shows the
 * change, and the site it writes is byte-identical to a cold build of the
 * same documents (dist/, built by tests/global-setup.ts from content/documents).
 * The search index, cut into shards, is indexed again only where a document
 * changed, and is the index a build from scratch makes.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'atlas-incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const documents = join(work, 'documents');
const out = join(work, 'dist');
cpSync(join(root, 'content/documents'), documents, { recursive: true });
const file = readdirSync(documents).filter((f) => f.endsWith('.mdx')).sort()[0] as string;
const original = readFileSync(join(documents, file), 'utf8');
const title = /^title: "(.*)"$/m.exec(original)?.[1] as string;
const slug = /^slug: "(.*)"$/m.exec(original)?.[1] as string;

const env = { ...process.env, DOCUMENTS_DIR: documents, SOURCES_DIR: join(root, 'content/sources'), SITE_OUT_DIR: out, SITE_BASE: '/', SITE_URL: '', SITE_CONTACT: '' };
/** npm run build -- --no-ingest over the copy, as dist/ was built (root path, no address, no contact); its log. */
function build(extra: Record<string, string> = {}): string {
  const run = spawnSync(process.execPath, ['scripts/build.ts', '--no-ingest'], { cwd: root, encoding: 'utf8', env: { ...env, ...extra } });
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout + run.stderr;
}
const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
const renderedCount = (log: string) => /(\d+) documents, (\d+) rendered, (\d+) unchanged/.exec(log)?.slice(1).map(Number);
/** The page cache's line: pages copied from the cache, pages rendered. */
const cachedPages = (log: string) => /(\d+) pages unchanged \(copied from the cache\), (\d+) rendered/.exec(log)?.slice(1).map(Number);
/** The search index's line: shards, indexes built, indexes unchanged. */
const indexes = (log: string) => /in (\d+) shard\(s\).*; (\d+) of \d+ indexes built, (\d+) unchanged/.exec(log)?.slice(1).map(Number);
const same = (a: string, b: string) => files(a).filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));

describe('an incremental build', () => {
  test('renders only the changed document, lists the change, and writes what a cold build writes', () => {
    const count = readdirSync(documents).filter((f) => f.endsWith('.mdx')).length;
    // A cold build (empty content store) with one document's title changed …
    writeFileSync(join(documents, file), original.replace(`title: "${title}"`, `title: "${title}（修订稿）"`));
    expect(renderedCount(build())).toEqual([count, count, 0]);
    const home = readFileSync(join(out, 'documents/index.html'), 'utf8');
    expect(home).toContain(`${title}（修订稿）`);
    expect(readFileSync(join(out, 'documents', slug, 'index.html'), 'utf8')).toContain(`${title}（修订稿）`);

    // … then the document as it was: only it is rendered again, and the site is dist/'s, file for file.
    writeFileSync(join(documents, file), original);
    const log = build();
    expect(renderedCount(log)).toEqual([count, 1, count - 1]);
    // The page cache: the document's page and those whose related lists name it are rendered; the others copied.
    const [copied = 0, rendered = 0] = cachedPages(log) ?? [];
    expect(rendered).toBeGreaterThanOrEqual(1);
    expect(copied).toBeGreaterThan(0);
    // (Besides the document pages, some documents have a figures or source page.)
    expect(copied + rendered).toBeGreaterThanOrEqual(count);
    expect(readFileSync(join(out, 'documents/index.html'), 'utf8')).not.toContain('（修订稿）');
    const cold = join(root, 'dist');
    expect(files(out)).toEqual(files(cold));
    expect(same(cold, out)).toEqual([]);
  }, 300_000);

  test('indexes again only the search shard of the changed document, and the index is the one indexing from scratch gives', () => {
    const shards = { SEARCH_SHARD_SIZE: '3' };
    // Cut into shards of three (ten documents: four shards), then one document changed.
    const [count = 0] = indexes(build(shards)) ?? [];
    expect(count).toBe(4);
    writeFileSync(join(documents, file), original.replace(`title: "${title}"`, `title: "${title}（修订稿）"`));
    const [, built = 0, unchanged = 0] = indexes(build(shards)) ?? [];
    // Its shard, and the main index if a summary names the title; never the other shards.
    expect(built).toBeGreaterThanOrEqual(1);
    expect(built).toBeLessThanOrEqual(2);
    expect(unchanged).toBeGreaterThanOrEqual(2);
    // The same site indexed with no cache at all (another output folder has a cache of its own).
    const fresh = join(work, 'fresh');
    cpSync(out, fresh, { recursive: true });
    rmSync(join(fresh, 'pagefind'), { recursive: true, force: true });
    const run = spawnSync(process.execPath, ['scripts/index-search.ts', fresh], { cwd: root, encoding: 'utf8', env: { ...env, ...shards, SITE_OUT_DIR: fresh } });
    expect(run.status, run.stderr).toBe(0);
    expect(indexes(run.stdout)?.[2]).toBe(0);
    expect(same(join(out, 'pagefind'), join(fresh, 'pagefind'))).toEqual([]);
    writeFileSync(join(documents, file), original);
  }, 300_000);
});
