/**
 * npm run build [-- --no-ingest]: ingest → Astro build → Pagefind index.
 * SOURCES_DIR, DOCUMENTS_DIR and CURATION_DIR build another collection than
 * content/ (the benchmark's); ingest and the Astro build each keep what did
 * not change since the last build (unchanged sources, unchanged documents).
 * Each step's failure stops the build with the step's name; when the Astro
 * build names a generated document, the source file and lines it came from
 * are named too. --no-ingest builds the committed documents as they are (the
 * tests do, so that they can check that re-ingesting would not change them).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFrontmatter } from '../src/lib/ingest/emit.ts';
import { SOURCES_DIR } from '../src/lib/site/source.ts';

const ingest = !process.argv.includes('--no-ingest');
const documents = process.env.DOCUMENTS_DIR ?? 'content/documents';
// Another collection (the benchmark's): its sources (by default the folder beside its documents, where
// the site reads the originals too: src/lib/site/source.ts), its documents and its curation.
const ingestArgs = [
  '--sources', SOURCES_DIR,
  ...(process.env.DOCUMENTS_DIR ? ['--out', process.env.DOCUMENTS_DIR] : []),
  ...(process.env.CURATION_DIR !== undefined ? ['--curation', process.env.CURATION_DIR] : []),
];
const steps: Array<[string, string[]]> = [
  ...(ingest ? [['ingest', ['scripts/ingest.ts', '--quiet', ...ingestArgs]] as [string, string[]]] : []),
  ['astro build', ['node_modules/astro/bin/astro.mjs', 'build']],
  ['search index', ['scripts/index-search.ts', process.env.SITE_OUT_DIR ?? 'dist']],
];

/** Runs a step with its output passed through, keeping the last of it to explain a failure. */
function run(args: string[]): Promise<{ status: number | null; tail: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['inherit', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-65_536);
    };
    child.stdout.on('data', (c: Buffer) => (process.stdout.write(c), keep(c)));
    child.stderr.on('data', (c: Buffer) => (process.stderr.write(c), keep(c)));
    child.on('close', (status) => resolve({ status, tail }));
  });
}

/** The sources behind the generated documents an error message names. */
function sourcesNamedIn(output: string): string[] {
  const slugs = new Set([...output.matchAll(/([a-z0-9-]+)\.mdx/g)].map((m) => m[1] ?? ''));
  return [...slugs].flatMap((slug) => {
    try {
      const { source } = readFrontmatter(readFileSync(join(documents, `${slug}.mdx`), 'utf8'));
      return [`${slug}.mdx comes from ${source.file}, lines ${source.lines[0]}–${source.lines[1]}`];
    } catch {
      return [];
    }
  });
}

for (const [name, args] of steps) {
  const started = performance.now();
  const { status, tail } = await run(args);
  if (status !== 0) {
    console.error(`build: step "${name}" failed (exit ${status})`);
    for (const line of sourcesNamedIn(tail)) console.error(`build: ${line}`);
    process.exit(1);
  }
  console.log(`build: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)}s`);
}
