/**
 * Builds the site once for every test file that reads it: dist/ at the root
 * and dist-subpath/ under /atlas/ (the committed documents, Astro, the search
 * index). SKIP_SITE_BUILD=1 reuses builds that already exist.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** The sub-path build the browser tests serve, as an intranet server under a path would. */
export const SUBPATH = { dir: 'dist-subpath', base: '/atlas/' } as const;
/**
 * The sub-path build is also the one with a public address and a contact, as a
 * deployment would configure them, and with its search index in shards of
 * three documents, as a large collection's is (scripts/index-search.ts); the
 * root build has none of these (the defaults: one shard for the ten documents).
 */
export const CONFIGURED = { SITE_URL: 'https://atlas.example.cn', SITE_CONTACT: 'yigai@atlas.example.cn', SEARCH_SHARD_SIZE: '3' } as const;

function build(outDir: string, base: string, env: Record<string, string> = {}): void {
  if (process.env.SKIP_SITE_BUILD === '1' && existsSync(`${outDir}/index.html`)) return;
  const run = spawnSync(process.execPath, ['scripts/build.ts', '--no-ingest'], {
    stdio: 'inherit',
    env: { ...process.env, SITE_URL: '', SITE_CONTACT: '', ...env, SITE_BASE: base, SITE_OUT_DIR: outDir },
  });
  if (run.status !== 0) throw new Error(`site build (${outDir}, base ${base}) failed (exit ${run.status}); run \`npm run build\` to see why`);
}

export default function setup(): void {
  build('dist', '/');
  build(SUBPATH.dir, SUBPATH.base, CONFIGURED);
}
