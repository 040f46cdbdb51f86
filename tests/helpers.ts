/**
 * Helpers shared by the tests: a plain-text rendering of ingested documents
 * for input/expected fixture pairs, and the fixture pair runner itself.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportSource } from '../src/lib/ingest/ingest.ts';
import { readFrontmatter } from '../src/lib/ingest/emit.ts';
import { loadLexicon } from '../src/lib/lexicon.ts';
import { analyseSource } from '../src/lib/ingest/pipeline.ts';

/** Renders a source the way a reader checks it: each document's metadata, then its blocks. */
export function renderSource(file: string, bytes: Uint8Array): string {
  const lexicon = loadLexicon();
  // The pipeline's own runner, up to the slug: what ingest does to the file.
  const { documents, dropped } = analyseSource(file, bytes, { lexicon });
  const out: string[] = [];
  for (const { data, blocks } of documents) {
    out.push(`# ${data.title}`, `region: ${data.region?.name ?? 'null'} | year: ${data.year ?? 'null'} | type: ${data.docType}`);
    for (const r of data.cleaning.repairs) out.push(`repair: ${r.from} → ${r.to} (line ${r.line})`);
    out.push('');
    for (const block of blocks) {
      if (block.type === 'heading') out.push(`${'#'.repeat(block.depth)} ${block.text}`);
      else if (block.type === 'paragraph') out.push(`[${block.id}] ${block.text}`);
      else out.push(`[${block.id}] | ${block.header.join(' | ')} |`, ...block.rows.map((r) => `| ${r.join(' | ')} |`));
      out.push('');
    }
  }
  for (const d of dropped) out.push(`dropped line ${d.line} (${d.reason}): ${d.text.trim()}`);
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * Compares a fixture's rendering with its `expected.txt`. With UPDATE_FIXTURES=1
 * the expectation is rewritten instead — then read the diff and check it by hand.
 */
export function checkFixture(dir: string): { actual: string; expected: string } {
  const input = readFileSync(join(dir, 'input.txt'));
  const actual = renderSource('input.txt', input);
  const expectedPath = join(dir, 'expected.txt');
  if (process.env.UPDATE_FIXTURES === '1') writeFileSync(expectedPath, actual);
  if (!existsSync(expectedPath)) throw new Error(`${expectedPath} is missing: run UPDATE_FIXTURES=1 npx vitest run tests/fixtures.test.ts and check it by hand`);
  return { actual, expected: readFileSync(expectedPath, 'utf8') };
}

/**
 * The non-blank lines (1-based numbers) of a source that its report entry does
 * not account for: not inside a document's line range, a duplicate's, or a
 * quarantined document's, and not listed as dropped.
 */
export function unaccountedLines(entry: ReportSource, files: Map<string, string>, lines: string[]): number[] {
  const ranges: Array<[number, number]> = [
    ...entry.documents.map((d) => readFrontmatter(files.get(d.slug) ?? '').source.lines),
    ...(entry.duplicates ?? []).map((d) => d.lines),
    ...(entry.quarantined ?? []).map((q) => q.lines),
  ];
  const dropped = new Set(entry.dropped.map((d) => d.line));
  const missing: number[] = [];
  lines.forEach((line, i) => {
    const n = i + 1;
    if (line.trim() === '' || dropped.has(n) || ranges.some(([from, to]) => n >= from && n <= to)) return;
    missing.push(n);
  });
  return missing;
}
