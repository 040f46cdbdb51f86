/**
 * How the search index is cut into shards, so that a build after one
 * document changed indexes that document's shard again and no other
 * (scripts/index-search.ts). The search page merges the shards into one
 * index (Pagefind's mergeIndex: one WebAssembly module, each shard's small
 * metadata file).
 *
 * A document's shard is read off the first bits of its slug's digest, and
 * the number of shards is a power of two: when the collection grows past a
 * doubling every shard splits in two (and is indexed once again), otherwise
 * a document stays where it was.
 */
import { createHash } from 'node:crypto';

/** Documents per shard the count aims at: about a second of Pagefind's work on this machine. */
export const SHARD_SIZE = 256;

/** How many shards `documents` documents take: 1 up to `size`, then the power of two that keeps each near `size`. */
export function shardCount(documents: number, size = SHARD_SIZE): number {
  if (!Number.isInteger(size) || size < 1) throw new Error(`the shard size must be a positive whole number, not ${JSON.stringify(size)}`);
  if (documents <= size) return 1;
  return 2 ** Math.ceil(Math.log2(documents / size));
}

/** The shard (0 … count − 1) a document's slug goes to: the first bits of its digest. */
export function shardOf(slug: string, count: number): number {
  const bits = createHash('sha256').update(slug).digest().readUInt32BE(0);
  return Math.floor((bits / 2 ** 32) * count);
}

/** The key of a shard: what decides its index (the indexer's settings, and each page's path and inputs). */
export function shardKey(settings: string, pages: ReadonlyArray<readonly [path: string, inputs: string]>): string {
  const hash = createHash('sha256').update(settings).update('\0');
  for (const [path, inputs] of [...pages].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) hash.update(path).update('\0').update(inputs).update('\0');
  return hash.digest('hex');
}
