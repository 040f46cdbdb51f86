/**
 * Re-ingest: a source whose sha256 has not changed (with the same pipeline)
 * is not processed again; a changed one is; the output is the same either way.
 */
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ingest } from '../src/lib/ingest/ingest.ts';

const work = mkdtempSync(join(tmpdir(), 'atlas-reingest-'));
const sources = join(work, 'sources');
const out = join(work, 'out');
afterAll(() => rmSync(work, { recursive: true, force: true }));
mkdirSync(sources);
const seeds = join(import.meta.dirname, '../content/sources');
for (const f of readdirSync(seeds)) copyFileSync(join(seeds, f), join(sources, f));
const snapshot = () => Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));

describe('re-ingest', () => {
  test('keeps unchanged sources, processes changed ones, and writes the same output as a full run', () => {
    const first = ingest({ sources, out });
    expect(first.report.summary.unchanged).toBe(0);
    const written = snapshot();

    const second = ingest({ sources, out });
    expect(second.report.sources.every((s) => s.unchanged)).toBe(true);
    expect(snapshot()).toEqual(written);

    appendFileSync(join(sources, '004_25ce2148ba82f1c2.txt'), '\n（五）新增一段测试文字，全县新农合参合率达到99%。\n');
    const third = ingest({ sources, out });
    expect(third.report.sources.filter((s) => !s.unchanged).map((s) => s.source)).toEqual(['004_25ce2148ba82f1c2.txt']);
    const incremental = snapshot();
    const full = ingest({ sources, out: join(work, 'full'), force: true });
    expect(full.report.summary.unchanged).toBe(0);
    expect(Object.fromEntries(readdirSync(join(work, 'full')).map((f) => [f, readFileSync(join(work, 'full', f), 'utf8')]))).toEqual(incremental);
  });
});
