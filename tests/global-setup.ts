/**
 * Builds the site once for every test file that reads dist/ (the committed
 * documents, then Astro, then the search index), unless SKIP_SITE_BUILD=1
 * and a dist/ already exists.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export default function setup(): void {
  if (process.env.SKIP_SITE_BUILD === '1' && existsSync('dist/index.html')) return;
  const run = spawnSync(process.execPath, ['scripts/build.ts', '--no-ingest'], { stdio: 'inherit', env: { ...process.env, SITE_BASE: '/' } });
  if (run.status !== 0) throw new Error(`site build failed (exit ${run.status}); run \`npm run build\` to see why`);
}
