/**
 * The whole seed run: the five real source files in content/sources, checked
 * against what a reader of those files knows (tests/seed-expectations.yaml,
 * written by hand from the sources).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { ingestInMemory, persistedReport } from '../src/lib/ingest/ingest.ts';
import { loadLexicon } from '../src/lib/lexicon.ts';
import { documentSchema } from '../src/schema/document.ts';
import { plainText } from '../src/lib/ingest/emit.ts';
import { findDocument } from '../src/lib/extract/evaluate.ts';

const sources = join(import.meta.dirname, '../content/sources');
const committed = join(import.meta.dirname, '../content/documents');
const { report, files } = ingestInMemory({ sources });
const docs = [...files.values()].map((mdx) => {
  const [, yaml = '', body = ''] = mdx.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/) ?? [];
  // The text as a reader sees it: marks and links reduced to their words.
  return { data: documentSchema.parse(parse(yaml)), body: plainText(body) };
});

interface Expectation {
  source: string;
  titleIncludes: string;
  region: string | null;
  prefecture?: string | null;
  province?: string;
  year?: number | null;
  docType: string;
  contains?: string[];
}
const expectations = parse(readFileSync(join(import.meta.dirname, 'seed-expectations.yaml'), 'utf8')) as {
  documents: Expectation[];
  boilerplate: string[];
};

describe('content/sources', () => {
  test('holds the five seed files byte for byte', () => {
    const recorded = readFileSync(join(import.meta.dirname, 'sources.sha256'), 'utf8').trim().split('\n').map((l) => l.split(/\s+/));
    const files = readdirSync(sources).sort();
    expect(files).toEqual(recorded.map(([, name]) => name));
    for (const [hash, name] of recorded) {
      const actual = createHash('sha256').update(readFileSync(join(sources, name ?? ''))).digest('hex');
      expect(actual, name).toBe(hash);
      const seed = join(import.meta.dirname, '../../shared/seeds', name ?? '');
      if (existsSync(seed)) expect(readFileSync(seed).equals(readFileSync(join(sources, name ?? ''))), name).toBe(true);
    }
  });
});

describe('the seed run', () => {
  test('gives ten documents, five from the first file and two from the second', () => {
    expect(report.summary.documents).toBe(10);
    expect(report.sources.map((s) => [s.status, s.documents.length])).toEqual([['ok', 5], ['ok', 2], ['ok', 1], ['ok', 1], ['ok', 1]]);
  });

  test.each(expectations.documents.map((e) => [e.titleIncludes, e] as const))('%s', (_title, e) => {
    const match = findDocument(docs.map((d) => d.data), e.source, e.titleIncludes);
    const doc = docs.find((d) => d.data === match);
    expect(doc, `no document titled …${e.titleIncludes}… from ${e.source}`).toBeDefined();
    if (!doc) return;
    expect(doc.data.region?.name ?? null).toBe(e.region);
    if (e.prefecture !== undefined) expect(doc.data.region?.prefecture ?? null).toBe(e.prefecture);
    if (e.province !== undefined) expect(doc.data.region?.province).toBe(e.province);
    if (e.year !== undefined) expect(doc.data.year).toBe(e.year);
    expect(doc.data.docType).toBe(e.docType);
    // The evidence names the place it found, or why none was found.
    const [evidence] = doc.data.regionEvidence;
    if (e.region) expect(JSON.stringify(evidence)).toMatch(new RegExp(e.region.replace(/[县市区]$/, '')));
    else expect(['anonymised', 'none']).toContain(evidence?.kind);
    for (const text of e.contains ?? []) expect(doc.body.replace(/\s+/g, ''), text).toContain(text.replace(/\s+/g, ''));
  });

  test('a text whose years were rewritten (2010 → 2024) gives none of its figures the rewritten year', () => {
    const rewritten = docs.filter((d) => d.data.yearEvidence.some((e) => e.kind === 'rewritten'));
    // 000-1, 000-4 and 000-5 (tests/golden/README.md, "Rewritten years").
    expect(rewritten.length).toBeGreaterThanOrEqual(3);
    for (const { data } of rewritten) expect(data.targets.filter((t) => t.year === 2024), data.slug).toEqual([]);
  });

  test('no boilerplate string survives in any document', () => {
    for (const { body, data } of docs) {
      for (const junk of expectations.boilerplate) expect(body, `${data.slug}: ${junk}`).not.toContain(junk);
      expect(body, data.slug).not.toMatch(/第\s*\d+\s*页\s*\/\s*共\s*\d+\s*页/);
    }
  });

  test('every source line reaches a document or the report', () => {
    for (const entry of report.sources) {
      const lines = readFileSync(join(sources, entry.source), 'utf8').split(/\r\n|\r|\n/);
      const covered = new Set(entry.dropped.map((d) => d.line));
      for (const doc of docs.filter((d) => d.data.source.file === entry.source)) {
        const [from, to] = doc.data.source.lines;
        for (let n = from; n <= to; n++) covered.add(n);
      }
      lines.forEach((text, i) => {
        if (text.trim() !== '') expect(covered.has(i + 1), `${entry.source}:${i + 1} ${text.slice(0, 30)}`).toBe(true);
      });
    }
  });

  test('the Traditional-script seed comes out Simplified, with its spun words repaired and recorded', () => {
    const doc = docs.find((d) => d.data.cleaning.scriptConverted);
    expect(doc?.data.source.file).toBe('002_a48de9fc04c35524.txt');
    const body = doc?.body ?? '';
    for (const phrase of ['基本医疗保障制度', '职工基本医疗保险', '人力资源社会保障局', '城镇居民基本医疗保险', '失业保险金']) expect(body).toContain(phrase);
    for (const spun of ['醫', '衞', '基本医疗安全', '社会保证局', '医疗平安']) expect(body).not.toContain(spun);
    expect(doc?.data.cleaning.repairs).toContainEqual(expect.objectContaining({ kind: 'synonym', from: '人力资源社会保证局', to: '人力资源社会保障局' }));
  });

  test('the committed documents are what ingest produces now, with the curation of content/curation applied', () => {
    const curated = ingestInMemory({ sources, curation: join(import.meta.dirname, '../content/curation') });
    const onDisk = readdirSync(committed).filter((f) => f.endsWith('.mdx')).sort();
    expect(onDisk).toEqual([...curated.files.keys()].map((s) => `${s}.mdx`).sort());
    for (const [slug, mdx] of curated.files) expect(readFileSync(join(committed, `${slug}.mdx`), 'utf8'), `${slug}.mdx: run npm run ingest`).toBe(mdx);
    const reportOnDisk = JSON.parse(readFileSync(join(committed, 'ingest-report.json'), 'utf8'));
    expect(reportOnDisk).toEqual(JSON.parse(JSON.stringify(persistedReport(curated.report))));
    // Every curation file found its document and every entry applied.
    expect(curated.report.curation?.errors).toEqual([]);
    expect(curated.report.curation?.unmatched).toEqual([]);
    const problems = curated.report.sources.flatMap((s) => s.documents.flatMap((d) => d.curation?.problems ?? []));
    expect(problems).toEqual([]);
  });

  test('the machine\'s own output carries no curation (npm run eval scores it)', () => {
    for (const mdx of files.values()) {
      expect(mdx).not.toContain('review:');
      expect(mdx).not.toMatch(/^curation:/m);
    }
  });

  test('is deterministic', () => {
    const again = ingestInMemory({ sources, lexicon: loadLexicon() });
    expect([...again.files]).toEqual([...files]);
  });
});
