/**
 * npm run build [-- --no-ingest]: ingest → Astro build → Pagefind index.
 * Each step's failure stops the build with the step's name. --no-ingest
 * builds the committed documents as they are (the tests do, so that they can
 * check that re-ingesting would not change them).
 */
import { spawnSync } from 'node:child_process';

const ingest = !process.argv.includes('--no-ingest');
const steps: Array<[string, string[]]> = [
  ...(ingest ? [['ingest', ['scripts/ingest.ts', '--quiet']] as [string, string[]]] : []),
  ['astro build', ['node_modules/astro/bin/astro.mjs', 'build']],
  ['search index', ['scripts/index-search.ts', process.env.SITE_OUT_DIR ?? 'dist']],
];

for (const [name, args] of steps) {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`build: step "${name}" failed (exit ${run.status ?? run.signal})`);
    process.exit(1);
  }
  console.log(`build: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)}s`);
}
