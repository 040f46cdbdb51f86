import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { filesDigest, filesIn } from '../../src/lib/site/files-digest.ts';

const root = mkdtempSync(join(tmpdir(), 'atlas-digest-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'src/lib'), { recursive: true });
writeFileSync(join(root, 'src/a.ts'), 'a');
writeFileSync(join(root, 'src/lib/b.ts'), 'b');
writeFileSync(join(root, 'config.mjs'), 'c');

describe('filesIn', () => {
  test.each([
    [['src'], ['src/a.ts', 'src/lib/b.ts']],
    [['config.mjs', 'src/lib'], ['config.mjs', 'src/lib/b.ts']],
    [['missing', 'config.mjs'], ['config.mjs']],
  ])('%j → %j', (paths, expected) => {
    expect(filesIn(root, paths)).toEqual(expected);
  });
});

describe('filesDigest', () => {
  test('changes with a file’s bytes and with its path, not otherwise', () => {
    const before = filesDigest(root, ['src/a.ts', 'config.mjs']);
    expect(filesDigest(root, ['src/a.ts', 'config.mjs'])).toBe(before);
    expect(filesDigest(root, ['src/lib/b.ts', 'config.mjs'])).not.toBe(before);
    writeFileSync(join(root, 'src/a.ts'), 'a2');
    expect(filesDigest(root, ['src/a.ts', 'config.mjs'])).not.toBe(before);
  });
});
