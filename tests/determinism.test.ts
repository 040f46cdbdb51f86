/**
 * Determinism: the same sources give byte-identical MDX (tests/seeds.test.ts
 * re-ingests and compares) and a byte-identical site: a second build of the
 * committed documents must equal dist/ file for file, byte for byte.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..');
const second = mkdtempSync(join(tmpdir(), 'atlas-rebuild-'));
afterAll(() => rmSync(second, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('a second build', () => {
  test('is byte-identical to the first', () => {
    const run = spawnSync(process.execPath, ['scripts/build.ts', '--no-ingest'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SITE_BASE: '/', SITE_OUT_DIR: join(second, 'dist') },
    });
    expect(run.status, run.stderr).toBe(0);
    const first = join(root, 'dist');
    const rebuilt = join(second, 'dist');
    expect(files(rebuilt)).toEqual(files(first));
    const differing = files(first).filter((f) => !readFileSync(join(first, f)).equals(readFileSync(join(rebuilt, f))));
    expect(differing).toEqual([]);
  }, 300_000);
});
