/**
 * Incremental site build: the content loader (src/lib/site/documents-loader.ts)
 * keeps each document's rendered text in Astro's content store, keyed by its
 * file's digest. A build after one document changed renders that one again
 * and no other, every page that lists documents shows the change, and the
 * site it writes is byte-identical to a cold build of the same documents
 * (dist/, built by tests/global-setup.ts from content/documents).
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

/** npm run build -- --no-ingest over the copy, as dist/ was built (root path, no address, no contact); its log. */
function build(): string {
  const run = spawnSync(process.execPath, ['scripts/build.ts', '--no-ingest'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DOCUMENTS_DIR: documents, SOURCES_DIR: join(root, 'content/sources'), SITE_OUT_DIR: out, SITE_BASE: '/', SITE_URL: '', SITE_CONTACT: '' },
  });
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout + run.stderr;
}
const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
const renderedCount = (log: string) => /(\d+) documents, (\d+) rendered, (\d+) unchanged/.exec(log)?.slice(1).map(Number);

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
    expect(renderedCount(build())).toEqual([count, 1, count - 1]);
    expect(readFileSync(join(out, 'documents/index.html'), 'utf8')).not.toContain('（修订稿）');
    const cold = join(root, 'dist');
    expect(files(out)).toEqual(files(cold));
    const differing = files(cold).filter((f) => !readFileSync(join(cold, f)).equals(readFileSync(join(out, f))));
    expect(differing).toEqual([]);
  }, 300_000);
});
