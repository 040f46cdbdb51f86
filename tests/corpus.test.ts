/**
 * The corpus of real documents (tests/corpus/): its annotations hold together,
 * its halves are fixed and disjoint, the scoring reads what it should, and the
 * pipeline keeps the accuracy it has on both halves (floors a little below
 * what `npm run eval` measures, so that a regression fails here).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadCorpus, mainDocument, norm, titleNorm, readBatches, scoreCorpus, scoreDocument, scoreHalf, splitHalves, type DocScore } from '../scripts/lib/corpus.ts';
import { completeFiguresSchema, judgeFigures, loadCompleteFigures, sumJudgements, type CompleteFigures } from '../scripts/lib/corpus-figures.ts';
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

describe('figures annotated in full (tests/corpus/figures/)', () => {
  const complete = loadCompleteFigures(dir);
  test('cover documents of both halves, and every quote is in its text', () => {
    const half = new Map(entries.map((e) => [e.id, e.half]));
    for (const [id, c] of complete) {
      expect(half.has(id), id).toBe(true);
      const text = norm(readFileSync(join(dir, 'docs', `${id}.txt`), 'utf8'));
      for (const f of c.figures) expect(text, `${id}: ${f.quote}`).toContain(norm(f.quote));
    }
    expect([...complete.keys()].filter((id) => half.get(id) === 'dev').length).toBeGreaterThanOrEqual(20);
    expect([...complete.keys()].filter((id) => half.get(id) === 'test').length).toBeGreaterThanOrEqual(20);
  });

  const doc = (figures: unknown[]) => ({ targets: [], figures }) as unknown as DocumentFrontmatter;
  const annotated = (figures: unknown[]) => completeFiguresSchema.parse({ id: 'x', complete: true, figures });
  const quote = '乡镇卫生人员生活补助按地区类别分别增加100元、200元，共招聘2.5万名医生。';
  test.each([
    // Same value in an overlapping quote: a figure of the text; its comparator and kind agree.
    [[{ value: 100, unit: '元', kind: 'change', comparator: '=', quote }], [{ quote: '分别增加100元', value: 100, unit: '元', comparator: '=', kind: 'change' }], { precision: [1, 1], recall: [1, 1], comparator: [1, 1], kind: [1, 1] }],
    // A value the annotator has not: not a figure of the text; one the program has not: missed.
    [[{ value: 300, unit: '元', kind: 'change', comparator: '=', quote }], [{ quote: '分别增加100元', value: 100, unit: '元' }], { precision: [0, 1], recall: [0, 1] }],
    // 2.5万名 written as 25000人 by the program is the same count; 2.5% would not be.
    [[{ value: 25000, unit: '人', kind: 'achieved', comparator: '=', quote }], [{ quote: '共招聘2.5万名医生', value: 2.5, unit: '万人', kind: 'achieved' }], { precision: [1, 1], recall: [1, 1] }],
    [[{ value: 2.5, unit: '%', kind: 'achieved', comparator: '=', quote }], [{ quote: '共招聘2.5万名医生', value: 2.5, unit: '万人' }], { precision: [0, 1] }],
    // A change from 380 to 420 agrees with a baseline of 380 and a result of 420.
    [[{ value: 420, from: 380, unit: '元', kind: 'change', comparator: '=', quote: '从380元提高至420元' }], [{ quote: '从380元提高至420元', value: 380, unit: '元', kind: 'baseline', comparator: '=' }, { quote: '从380元提高至420元', value: 420, unit: '元', kind: 'achieved', comparator: '=' }], { precision: [1, 1], recall: [2, 2], kind: [2, 2], comparator: [1, 1] }],
    // 不低于75% read as = is a misread comparator.
    [[{ value: 75, unit: '%', kind: 'target', comparator: '=', quote: '不低于75%' }], [{ quote: '不低于75%', value: 75, unit: '%', kind: 'target', comparator: '>=' }], { comparator: [0, 1], kind: [1, 1] }],
  ])('%j against %j', (extracted, figures, expected) => {
    expect(judgeFigures(annotated(figures), doc(extracted))).toMatchObject(expected);
  });
});

describe('the pipeline on the corpus', () => {
  let scores: DocScore[] = [];
  let documents: ReturnType<typeof scoreCorpus>['documents'] = new Map();
  beforeAll(() => {
    ({ scores, documents } = scoreCorpus(dir));
  }, 120_000);

  // Of the figures extracted from documents whose every figure is annotated, the share that are
  // figures of the text (measured 1.00 and 0.99 in session 16; floors a little under).
  test.each(['dev', 'test'] as const)('%s half extracts no figure the text does not state, or very few', (half) => {
    const complete = loadCompleteFigures(dir);
    const judged = entries.filter((e) => e.half === half && complete.has(e.id)).map((e) => judgeFigures(complete.get(e.id) as CompleteFigures, mainDocument(documents.get(e.file) ?? [])));
    const { precision } = sumJudgements(judged);
    expect(precision[1]).toBeGreaterThan(50);
    expect(precision[0] / precision[1]).toBeGreaterThanOrEqual(0.95);
  });

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
  // (Raised for the development half in session 16, when batch fourteen's project totals, which
  // its annotators read as no 财政投入, took it from 9.2% to 12.6% on arrival.)
  test.each([
    ['dev', 0.15],
    ['test', 0.3],
  ] as const)('%s half files no more of its figures under a wrong indicator', (half, ceiling) => {
    const h = scoreHalf(half, scores);
    expect(h.mapped).toBeGreaterThan(5);
    expect(h.wrongIndicator).toBeLessThanOrEqual(ceiling);
  });
});
