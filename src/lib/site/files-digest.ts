/**
 * Digests of code and data files, by which the build's caches tell what
 * changed: the content store's renderer fingerprint (./documents-loader.ts)
 * and the page cache's build fingerprint (./page-cache-integration.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The files at `paths` below `root` (a folder stands for every file in it), relative to root, sorted; missing paths left out. */
export function filesIn(root: string, paths: readonly string[]): string[] {
  return paths
    .flatMap((path) => {
      const full = join(root, path);
      const stat = statSync(full, { throwIfNoEntry: false });
      if (!stat) return [];
      if (!stat.isDirectory()) return [full];
      return readdirSync(full, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name));
    })
    .map((file) => relative(root, file).split(sep).join('/'))
    .sort();
}

/** Digest of files (relative to `root`) by their paths and bytes, in the order given. */
export function filesDigest(root: string, files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  return hash.digest('hex');
}
