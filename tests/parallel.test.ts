/**
 * Ingest on every core (ingestParallel, worker threads) gives what ingest in
 * one thread gives: the same documents, report and extracted texts, byte for
 * byte and in the same order, with duplicates, rejected files and unchanged
 * sources handled alike.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ingestInMemory, ingestParallel, ingestToFolder, persistedReport } from '../src/lib/ingest/ingest.ts';
import type { StageTimings } from '../src/lib/ingest/model.ts';

const work = mkdtempSync(join(tmpdir(), 'atlas-parallel-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const sources = join(work, 'sources');
mkdirSync(sources);
// The seeds and the real-document corpus (text, web pages, Word files, PDFs) …
for (const dir of ['../content/sources', 'corpus/docs']) {
  const from = join(import.meta.dirname, dir);
  for (const f of readdirSync(from)) copyFileSync(join(from, f), join(sources, f));
}
// … a second copy of a seed (its documents are duplicates), a file with no text, and one that is not text.
const seed = readdirSync(join(import.meta.dirname, '../content/sources')).sort()[0] as string;
copyFileSync(join(sources, seed), join(sources, `zz-copy-of-${seed}`));
writeFileSync(join(sources, 'zz-empty.txt'), '\n\n');
writeFileSync(join(sources, 'zz-binary.txt'), Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8]));
const curation = join(import.meta.dirname, '../content/curation');

describe('ingest on worker threads', () => {
  test('gives the same documents, report and extracted texts as one thread, and times every stage', async () => {
    const oneTimings: StageTimings = {};
    const manyTimings: StageTimings = {};
    const one = ingestInMemory({ sources, curation, timings: oneTimings });
    const many = await ingestParallel({ sources, curation, workers: 2, timings: manyTimings });
    expect(one.report.summary.duplicates).toBeGreaterThan(0);
    expect(one.report.summary.rejected).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(persistedReport(many.report))).toBe(JSON.stringify(persistedReport(one.report)));
    expect([...many.files]).toEqual([...one.files]);
    expect([...many.extracted]).toEqual([...one.extracted]);
    // Every stage ran as often on the threads as in one thread.
    const calls = (t: StageTimings) => Object.fromEntries(Object.entries(t).map(([stage, { calls: n }]) => [stage, n]));
    expect(calls(manyTimings)).toEqual(calls(oneTimings));
    expect(oneTimings.extract?.calls).toBe(one.report.sources.reduce((n, s) => n + s.documents.length + (s.duplicates?.length ?? 0), 0));
    expect(Object.values(manyTimings).every((t) => t.ms >= 0)).toBe(true);
  }, 180_000);

  test('analyses only the files that changed when run again, and writes the same folder', async () => {
    const out = join(work, 'out');
    const progress: number[] = [];
    await ingestToFolder({ sources, out, workers: 2 });
    const again = await ingestToFolder({ sources, out, workers: 2, onProgress: (_done, total) => progress.push(total) });
    expect(again.report.summary.unchanged).toBe(again.report.summary.sources - again.report.summary.skipped - again.report.summary.rejected);
    // Only the rejected files are tried again (an unchanged file that was ingested is kept).
    const rejected = again.report.summary.rejected;
    expect(new Set(progress)).toEqual(new Set([rejected]));
    progress.length = 0;
    writeFileSync(join(sources, 'zz-new.txt'), '某县深化医药卫生体制改革工作总结\n\n全县新农合参合率达到99%。\n\n2024年3月1日\n');
    const third = await ingestToFolder({ sources, out, workers: 2, onProgress: (_done, total) => progress.push(total) });
    expect(new Set(progress)).toEqual(new Set([rejected + 1]));
    expect(third.report.sources.filter((s) => s.status !== 'skipped' && s.status !== 'rejected' && !s.unchanged).map((s) => s.source)).toEqual(['zz-new.txt']);
  }, 180_000);
});
