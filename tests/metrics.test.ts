/**
 * npm run metrics: the metric phrases of figures without an indicator, for
 * curators, read from a collection's documents.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readFrontmatter } from '../src/lib/ingest/emit.ts';

const root = join(import.meta.dirname, '..');
const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/metrics.ts', ...args], { cwd: root, encoding: 'utf8' });
const documents = readdirSync(join(root, 'content/documents')).filter((f) => f.endsWith('.mdx')).map((f) => readFrontmatter(readFileSync(join(root, 'content/documents', f), 'utf8')));

describe('npm run metrics', () => {
  test('lists every phrase once, most documents first, with a quote that holds its figure', () => {
    const out = run('--json');
    expect(out.status).toBe(0);
    const phrases = JSON.parse(out.stdout.trim()) as Array<{ metric: string; figures: number; documents: number; example: { slug: string; quote: string } }>;
    const expected = new Set(documents.flatMap((d) => d.figures.map((f) => f.metric)));
    expect(new Set(phrases.map((p) => p.metric))).toEqual(expected);
    expect(phrases.map((p) => p.documents)).toEqual([...phrases.map((p) => p.documents)].sort((a, b) => b - a));
    for (const p of phrases) {
      const doc = documents.find((d) => d.slug === p.example.slug);
      expect(doc?.figures.some((f) => f.metric === p.metric && f.quote === p.example.quote), p.metric).toBe(true);
      expect(p.figures).toBe(documents.flatMap((d) => d.figures).filter((f) => f.metric === p.metric).length);
    }
  });

  test('--min leaves out the rarer phrases; a bad --min is an error naming it', () => {
    const all = JSON.parse(run('--json').stdout.trim()) as Array<{ figures: number }>;
    const frequent = JSON.parse(run('--json', '--min', '2').stdout.trim()) as Array<{ figures: number }>;
    expect(frequent).toHaveLength(all.filter((p) => p.figures >= 2).length);
    const bad = run('--min', 'many');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--min must be a whole number from 1, not "many"');
  });
});
