/**
 * npm run package [-- --dist DIR] [--out DIR]
 *
 * Writes artifacts/reform-atlas-<YYYY-MM-DD>.tar.gz: the built site (dist/)
 * with DEPLOY.md, the deployment note for IT staff, at its top level.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, out: { type: 'string', default: 'artifacts' } } });
if (!existsSync(join(values.dist, 'index.html'))) {
  console.error(`package: ${values.dist}/index.html not found; run \`npm run build\` first`);
  process.exit(2);
}
const date = new Date().toISOString().slice(0, 10);
const archive = join(values.out, `reform-atlas-${date}.tar.gz`);
mkdirSync(values.out, { recursive: true });
copyFileSync('docs/DEPLOY.md', join(values.dist, 'DEPLOY.md'));
// Sorted names, fixed owner and mtime: the same dist/ gives the same archive bytes.
const tar = spawnSync('tar', ['--sort=name', '--owner=0', '--group=0', '--numeric-owner', '--mtime=2000-01-01', '-czf', archive, '-C', values.dist, '.'], { stdio: 'inherit' });
rmSync(join(values.dist, 'DEPLOY.md'));
if (tar.status !== 0) {
  console.error('package: tar failed');
  process.exit(1);
}
console.log(`package: wrote ${archive}`);
