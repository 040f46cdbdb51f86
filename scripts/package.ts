/**
 * npm run package [-- --base /path/] [--dist DIR] [--out DIR]
 *
 * Writes artifacts/reform-atlas-<YYYY-MM-DD>[-<base>].tar.gz, which unpacks to
 * one folder reform-atlas/: site/ (the built site, and nothing else, so that
 * the web server serves only it), DEPLOY.md (the deployment note for IT staff)
 * and serve.py (a server in Python's standard library). Without --base it packs
 * dist/ as built; with --base it first builds the site for that sub-path into
 * dist-package/ (links and the search index carry the path, and an intranet
 * server without Node cannot rebuild).
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const usage = 'usage: npm run package -- [--base /path/] [--dist DIR] [--out DIR]';
let values;
try {
  ({ values } = parseArgs({ options: { base: { type: 'string' }, dist: { type: 'string' }, out: { type: 'string', default: 'artifacts' } } }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const base = values.base === undefined ? '/' : `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
if (!/^\/(?:[A-Za-z0-9._~-]+\/)*$/.test(base)) {
  console.error(`package: --base must be a path of letters, digits and . _ ~ -, like /reform-atlas/, not ${JSON.stringify(values.base)}\n${usage}`);
  process.exit(2);
}

let dist = values.dist ?? 'dist';
if (base !== '/' && values.dist === undefined) {
  dist = 'dist-package';
  console.log(`package: building the site for ${base} into ${dist}/`);
  const build = spawnSync(process.execPath, ['scripts/build.ts', '--no-ingest'], { stdio: 'inherit', env: { ...process.env, SITE_BASE: base, SITE_OUT_DIR: dist } });
  if (build.status !== 0) {
    console.error('package: the build failed');
    process.exit(1);
  }
}
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`package: ${dist}/index.html not found; run \`npm run build\` first`);
  process.exit(2);
}

const date = new Date().toISOString().slice(0, 10);
const suffix = base === '/' ? '' : `-${base.slice(1, -1).replace(/\//g, '-')}`;
const archive = resolve(values.out, `reform-atlas-${date}${suffix}.tar.gz`);
mkdirSync(values.out, { recursive: true });
const stage = mkdtempSync(join(tmpdir(), 'atlas-package-'));
const folder = join(stage, 'reform-atlas');
cpSync(dist, join(folder, 'site'), { recursive: true });
copyFileSync('docs/DEPLOY.md', join(folder, 'DEPLOY.md'));
copyFileSync('deploy/serve.py', join(folder, 'serve.py'));
// Sorted names, fixed owner and mtime: the same site gives the same archive bytes.
const tar = spawnSync('tar', ['--sort=name', '--owner=0', '--group=0', '--numeric-owner', '--mtime=2000-01-01', '-czf', archive, '-C', stage, 'reform-atlas'], { stdio: 'inherit' });
rmSync(stage, { recursive: true, force: true });
if (tar.status !== 0) {
  console.error('package: tar failed');
  process.exit(1);
}
console.log(`package: wrote ${archive} (a site for ${base})`);
