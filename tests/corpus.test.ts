/**
 * The corpus of real documents (tests/corpus/): its annotations hold together,
 * its halves are fixed and disjoint, the scoring reads what it should, and the
 * pipeline keeps the accuracy it has on both halves (floors a little below
 * what `npm run eval` measures, so that a regression fails here).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadCorpus, norm, titleNorm, readBatches, scoreCorpus, scoreDocument, scoreHalf, splitHalves, type DocScore } from '../scripts/lib/corpus.ts';
import type { DocumentFrontmatter } from '../src/schema/document.ts';

const dir = join(import.meta.dirname, 'corpus');
const { entries, unsplit } = loadCorpus(dir);

describe('the corpus', () => {
  test('has at least 40 documents from 30 places in 15 provinces, every one in a half', () => {
    expect(unsplit).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(40);
    const places = new Set(entries.map((e) => e.annotation.region?.name).filter(Boolean));
    const provinces = new Set(entries.map((e) => e.annotation.region?.province).filter(Boolean));
    expect(places.size).toBeGreaterThanOrEqual(30);
    expect(provinces.size).toBeGreaterThanOrEqual(15);
  });

  test('each annotation has its text, and its quotes and chrome lines are in that text', () => {
    const texts = new Set(readdirSync(join(dir, 'docs')));
    for (const e of entries) {
      expect(texts.has(e.file), e.id).toBe(true);
      const text = readFileSync(join(dir, 'docs', e.file), 'utf8');
      const lines = new Set(text.split('\n').map((l) => l.trim()));
      for (const f of e.annotation.figures ?? []) expect(norm(text), `${e.id}: ${f.quote}`).toContain(norm(f.quote));
      for (const c of e.annotation.chrome ?? []) expect(lines.has(c.trim()), `${e.id}: ${c}`).toBe(true);
    }
  });

  test('the halves are disjoint, balanced in each batch, and as the split rule makes them', () => {
    const batches = readBatches(join(dir, 'split.yaml'));
    const byBatch = new Map<string, string[]>();
    for (const [id, { batch }] of batches) byBatch.set(batch, [...(byBatch.get(batch) ?? []), id]);
    for (const [batch, ids] of byBatch) {
      const halves = splitHalves(ids);
      for (const id of ids) expect(batches.get(id)?.half, `${batch}: ${id}`).toBe(halves.get(id));
      const dev = ids.filter((id) => halves.get(id) === 'dev').length;
      expect(Math.abs(dev - (ids.length - dev)), batch).toBeLessThanOrEqual(1);
    }
  });
});

describe('scoring', () => {
  const data = (over: Partial<DocumentFrontmatter>) => ({ title: '', region: null, year: null, docType: '其他', issuer: null, docNumber: null, targets: [], ...over }) as unknown as DocumentFrontmatter;
  const entry = entries[0];

  test.each([
    ['某县卫生健康事业发展规划(2021年-2025年)', '某县卫生健康事业发展规划20212025'],
    ['某县卫生健康事业发展规划（2021-2025）', '某县卫生健康事业发展规划20212025'],
    ['2021年工作总结', '2021年工作总结'],
  ])('titleNorm(%s) = %s', (text, expected) => {
    expect(titleNorm(text)).toBe(expected);
  });

  test.each([
    ['《某县“十四五”规划》', '某县十四五规划'],
    ['醫改 工作', '医改工作'],
  ])('norm(%s) = %s', (text, expected) => {
    expect(norm(text)).toBe(expected);
  });

  test('a renamed county is the same place (子长县 = 子长市); the longest document of a file is the one scored', () => {
    if (!entry) return;
    const annotated = { ...entry, annotation: { ...entry.annotation, region: { name: '子长县', province: '陕西省' } } };
    const region = (name: string) => ({ name, prefecture: null, province: '陕西省', level: 'county' as const, slug: 'x' });
    const score = scoreDocument(annotated, [
      { data: data({ region: region('子长市') }), mdx: '---\n---\nlong text here' },
      { data: data({ region: region('别处') }), mdx: '---\n---\n' },
    ]);
    expect(score.region).toBe(true);
    expect(score.documents[0]).toBe(2);
  });
});

describe('a figure found', () => {
  const entries = loadCorpus(dir).entries;
  const data = (targets: unknown[]) => ({ title: '', region: null, year: null, docType: '其他', issuer: null, docNumber: null, targets, figures: [] }) as unknown as DocumentFrontmatter;
  const quote = '拉萨市今年将再次提高补助标准，从2014年的人均380元提高至420元。';
  test.each([
    ['by its value', { value: 420, from: 380 }, 420, true],
    ["as a change's starting value", { value: 420, from: 380 }, 380, true],
    ['not by another value of its sentence', { value: 420 }, 380, false],
  ])('%s', (_, target, value, found) => {
    const entry = entries[0];
    if (!entry) return;
    const annotated = { ...entry, annotation: { ...entry.annotation, figures: [{ quote: '从2014年的人均380元提高至420元', value }] } };
    const score = scoreDocument(annotated, [{ data: data([{ indicator: 'x', kind: 'change', unit: '元', quote, ...target }]), mdx: '---\n---\n' }]);
    expect(score.figures[0]).toBe(found ? 1 : 0);
  });
});

describe('the pipeline on the corpus', () => {
  let scores: DocScore[] = [];
  beforeAll(() => {
    scores = scoreCorpus(dir).scores;
  }, 120_000);

  // Floors a few points under the measured values (README, "Measured accuracy"). Lowered in
  // session 14 when batch nine arrived, not because a rule got worse: its documents, scored on
  // arrival, took the test half's title from 0.626 to 0.600 and the development half's region,
  // year and type from 0.893, 0.885, 0.910 to 0.883, 0.867, 0.891.
  test.each([
    ['dev', { title: 0.77, region: 0.86, year: 0.84, type: 0.87, oneDocument: 0.97 }],
    ['test', { title: 0.58, region: 0.77, year: 0.73, type: 0.67, oneDocument: 0.95 }],
  ] as const)('%s half keeps its accuracy', (half, floors) => {
    const h = scoreHalf(half, scores);
    for (const [measure, floor] of Object.entries(floors)) expect(h[measure as keyof typeof floors], measure).toBeGreaterThanOrEqual(floor);
  });

  // Ceilings a little over the measured wrong-indicator rates (README, "Wrong indicator").
  // (Batch six's development half brought project totals and a 补助资金 its annotator reads as no
  // 财政投入, which the seeds' golden set files under fiscal-investment: 4 of 35, 11.4%.)
  test.each([
    ['dev', 0.13],
    ['test', 0.3],
  ] as const)('%s half files no more of its figures under a wrong indicator', (half, ceiling) => {
    const h = scoreHalf(half, scores);
    expect(h.mapped).toBeGreaterThan(5);
    expect(h.wrongIndicator).toBeLessThanOrEqual(ceiling);
  });
});
