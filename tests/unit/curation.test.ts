/**
 * Curation (src/lib/curation/): applying a file to the machine's reading of a real seed document
 * (隰县's 2011 summary), the decisions `npm run curate` records, figure ids and the folder loader.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { applyCuration } from '../../src/lib/curation/apply.ts';
import { figureIds, identifiedFigures } from '../../src/lib/curation/ids.ts';
import { loadCuration, readCurationFile, writeCurationFile } from '../../src/lib/curation/files.ts';
import * as decide from '../../src/lib/curation/decide.ts';
import { analyseSource } from '../../src/lib/ingest/pipeline.ts';
import { loadLexicon } from '../../src/lib/lexicon.ts';
import { curationFileSchema, type CurationFileInput } from '../../src/schema/curation.ts';
import type { Target } from '../../src/schema/document.ts';

const lexicon = loadLexicon();
const file = '000_9e7e8b6328ceacaa.txt';
const analysed = analyseSource(file, readFileSync(join(import.meta.dirname, '../../content/sources', file)), { lexicon });
const doc = analysed.documents.find((d) => d.data.region?.name === '隰县');
if (!doc) throw new Error('the seed no longer holds 隰县’s summary');
const machine = doc.data;
const listed = identifiedFigures(machine);
const sig = { curator: '测试员', date: '2026-12-01' };
const byQuote = (part: string, value: number) => {
  const hit = listed.find((x) => x.figure.quote.includes(part) && x.figure.value === value);
  if (!hit) throw new Error(`no figure ${value} in a sentence with ${part}`);
  return hit;
};
const drugs = byQuote('开始配送307种', 307);
const procurement = byQuote('累计117.95万元', 117.95);
const clinics = byQuote('村卫生室97个', 97);
const base: CurationFileInput = { source: { sha256: machine.source.sha256, index: machine.source.index } };
const apply = (input: CurationFileInput) => applyCuration(machine, curationFileSchema.parse(input), doc.blocks, lexicon);

describe('figure ids', () => {
  test('are 8 hex digits of sentence, value and unit, the same on every run, and unique in a document', () => {
    const ids = listed.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}(-\d+)?$/);
    const again = analyseSource(file, readFileSync(join(import.meta.dirname, '../../content/sources', file)), { lexicon });
    expect(identifiedFigures(again.documents.find((d) => d.data.region?.name === '隰县')?.data ?? machine).map((x) => x.id)).toEqual(ids);
  });

  test.each([
    ['two figures alike in sentence, value and unit are told apart by their order', [{ quote: 'q', value: 30, unit: '%' }, { quote: 'q', value: 30, unit: '%' }], (ids: string[]) => expect(ids[1]).toBe(`${ids[0]}-2`)],
    ['a reviewed figure keeps the machine id its review names', [{ quote: 'q', value: 8, unit: '万元', review: { status: 'corrected' as const, id: 'abcdef01', curator: 'x', date: '2026-12-01' } }], (ids: string[]) => expect(ids).toEqual(['abcdef01'])],
    [
      'a reviewed duplicate still counts among those alike',
      [{ quote: 'q', value: 30, unit: '%', review: { status: 'checked' as const, id: 'x', curator: 'x', date: '2026-12-01' } }, { quote: 'q', value: 30, unit: '%' }],
      (ids: string[]) => expect(ids[1]).not.toBe(ids[0]),
    ],
  ])('%s', (_name, figures, check) => {
    check(figureIds(figures));
  });

  test('the first of two figures alike rejected, the second keeps its id', () => {
    const two = [{ quote: 'q', value: 1, unit: '名次' }, { quote: 'q', value: 1, unit: '名次' }];
    const [first, second] = figureIds(two);
    expect(figureIds(two.slice(1), new Set([first as string]))).toEqual([second]);
  });
});

describe('applyCuration', () => {
  test('with nothing to apply, leaves the document as the machine read it', () => {
    const { data, problems, applied } = apply(base);
    expect(applied).toBe(0);
    expect(problems).toEqual([]);
    expect(data).toEqual(machine);
  });

  test('confirm: the figure says 人工核对, with the curator and the day', () => {
    const { data } = apply(decide.confirmFigure(base, drugs, sig));
    const t = data.targets.find((x) => x.quote === drugs.figure.quote && x.value === 307);
    expect(t?.review).toEqual({ status: 'checked', id: drugs.id, curator: '测试员', date: '2026-12-01' });
    expect(data.curation).toEqual({ overrides: [], rejected: [] });
  });

  test('confirm of a reading the machine no longer gives is reported, not kept', () => {
    const stale = decide.confirmFigure(base, { ...drugs, figure: { ...drugs.figure, kind: 'target' } }, sig);
    const { data, problems } = apply(stale);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/machine now reads it otherwise \(kind "target" → "achieved"\)/);
    expect(data.targets.every((t) => !t.review)).toBe(true);
  });

  test('reject: the figure leaves the document and is listed with why', () => {
    const { data } = apply(decide.rejectFigure(base, procurement, { ...sig, note: '不是本县的数字' }));
    expect(data.targets.some((t) => t.value === 117.95)).toBe(false);
    expect(data.curation?.rejected).toEqual([expect.objectContaining({ quote: procurement.figure.quote, paragraph: procurement.figure.paragraph, note: '不是本县的数字', curator: '测试员' })]);
  });

  test('correct the number: the new value, the machine reading kept beside it, the text mark where the text writes it', () => {
    const { data } = apply(decide.correctFigure(base, procurement, decide.parseReading('value=117 valueMax=118 comparator=range'), { ...sig, note: '区间' }));
    const t = data.targets.find((x) => x.quote === procurement.figure.quote) as Target;
    expect(t).toMatchObject({ value: 117, valueMax: 118, comparator: 'range', indicator: (procurement.figure as Target).indicator });
    expect(t.review).toMatchObject({ status: 'corrected', id: procurement.id, note: '区间', was: { value: 117.95, unit: '万元' } });
    expect(t.review?.machine).toContain('117.95万元');
  });

  test('correct the indicator of an open figure: it becomes a target, with the lexicon label and a plausibility check', () => {
    const open = listed.find((x) => !x.target && x.figure.unit === '个');
    if (!open) throw new Error('隰县 has no open figure counted in 个');
    const { data } = apply(decide.correctFigure(base, open, { indicator: 'standardized-village-clinics' }, sig));
    const moved = data.targets.find((t) => t.review?.id === open.id);
    expect(moved).toMatchObject({ indicator: 'standardized-village-clinics', label: lexicon.indicators.find((i) => i.id === 'standardized-village-clinics')?.label });
    expect(data.figures.some((f) => f.review?.id === open.id)).toBe(false);
    expect(data.targets.length).toBe(machine.targets.length + 1);
  });

  test('correct a target to no indicator: it becomes an open figure under its metric', () => {
    const { data } = apply(decide.correctFigure(base, clinics, decide.parseReading('indicator= metric=村卫生室总数'), sig));
    expect(data.figures.find((f) => f.review?.id === clinics.id)).toMatchObject({ metric: '村卫生室总数', value: 97 });
  });

  test('a correction to a value the indicator cannot take is flagged implausible', () => {
    const { data } = apply(decide.correctFigure(base, drugs, { indicator: 'ehr-filing-rate', unit: '%', value: 307 }, sig));
    expect(data.targets.find((t) => t.review?.id === drugs.id)?.implausible).toMatchObject({ bound: 'max', limit: 100 });
  });

  test('add: a missed figure enters in its paragraph’s place, 人工补录', () => {
    const paragraph = procurement.figure.paragraph;
    const quote = procurement.figure.quote;
    const { data, problems } = apply(decide.addFigure(base, paragraph, quote, decide.parseReading('indicator=fiscal-investment kind=achieved value=117.95 unit=万元 comparator=='), sig));
    expect(problems).toEqual([]);
    const at = data.targets.findIndex((t) => t.review?.status === 'added');
    expect(data.targets[at]).toMatchObject({ indicator: 'fiscal-investment', label: '财政投入', paragraph });
    const after = data.targets.slice(at + 1).map((t) => Number(t.paragraph.slice(2)));
    expect(after.every((n) => n >= Number(paragraph.slice(2)))).toBe(true);
  });

  test.each<[string, CurationFileInput, RegExp]>([
    ['an id the document no longer has', { ...base, figures: [{ decision: 'confirm', id: '00000000', ...sig }] }, /no figure of the document has this id/],
    ['an indicator the lexicon does not have', { ...base, figures: [{ decision: 'correct', id: drugs.id, set: { indicator: 'no-such-indicator' }, ...sig }] }, /"no-such-indicator" is not in indicators.yaml/],
    ['an added figure whose quote is not in its paragraph', { ...base, figures: [{ decision: 'add', paragraph: 'p-1', quote: '这句话不在文中', reading: { metric: 'x', kind: 'target', value: 1, unit: '个', comparator: '=' }, ...sig }] }, /the quote is not in p-1/],
    ['an added figure in a paragraph the document does not have', { ...base, figures: [{ decision: 'add', paragraph: 'p-999', quote: 'x', reading: { metric: 'x', kind: 'target', value: 1, unit: '个', comparator: '=' }, ...sig }] }, /no paragraph p-999/],
    ['a region the gazetteer does not have', { ...base, document: { region: { value: '不存在县', ...sig } } }, /no place "不存在县" in the gazetteer/],
    ['a name several places share, without its province', { ...base, document: { region: { value: '朝阳区', ...sig } } }, /names 2 places .*add its province/],
    ['a type that is none', { ...base, document: { docType: { value: '报告书', ...sig } } }, /"报告书": not a document type/],
    ['a practice the lexicon does not have', { ...base, practices: [{ decision: 'confirm', id: 'no-such-practice', paragraph: 'p-2', ...sig }] }, /not in practices.yaml/],
    ['an added practice whose quote is not in its paragraph', { ...base, practices: [{ decision: 'add', id: 'family-doctor-contract', paragraph: 'p-3', status: 'planned', quote: '这句话不在文中', ...sig }] }, /the quote is not in p-3/],
    ['a practice the document does not state there', { ...base, practices: [{ decision: 'confirm', id: 'performance-pay', paragraph: 'p-999', ...sig }] }, /no longer states this practice in p-999/],
  ])('reports, and changes nothing for, %s', (_name, input, message) => {
    const { data, problems } = apply(input);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
    expect(data.targets).toEqual(machine.targets);
    expect(data.region).toEqual(machine.region);
    expect(data.practices).toEqual(machine.practices);
  });

  test('a second decision about one figure is reported; the first stands', () => {
    const { data, problems } = apply({ ...base, figures: [{ decision: 'confirm', id: drugs.id, ...sig }, { decision: 'reject', id: drugs.id, ...sig, note: 'x' }] });
    expect(problems).toEqual([expect.stringMatching(/a second decision about the same figure/)]);
    expect(data.targets.find((t) => t.value === 307)?.review?.status).toBe('checked');
  });

  test('metadata overrides: the new values, each with the machine’s kept in the summary', () => {
    let input = decide.overrideField(base, 'year', 2012, { ...sig, note: '落款' });
    input = decide.overrideField(input, 'region', '金安区', sig);
    input = decide.overrideField(input, 'period', decide.parsePeriod('2011-2015'), sig);
    input = decide.overrideField(input, 'docType', '工作汇报', sig);
    const { data, problems } = apply(input);
    expect(problems).toEqual([]);
    expect(data).toMatchObject({ year: 2012, yearInferred: false, period: { from: 2011, to: 2015 }, docType: '工作汇报', region: { name: '金安区', prefecture: '六安市', province: '安徽省', slug: 'jinanqu' } });
    expect(data.curation?.overrides.map((o) => [o.field, o.machine])).toEqual([
      ['region', '隰县'],
      ['year', String(machine.year)],
      ['period', machine.period ? `${machine.period.from}—${machine.period.to}` : '无'],
      ['docType', machine.docType],
    ]);
  });

  test('practices: confirm, correct the status, reject, add', () => {
    const [first, second, third] = machine.practices;
    if (!first || !second || !third) throw new Error('隰县 states fewer than three practices');
    let input = decide.confirmPractice(base, first, sig);
    input = decide.decidePractice(input, { decision: 'correct', id: second.id, paragraph: second.paragraph, set: { status: 'planned' }, ...sig });
    input = decide.rejectPractice(input, third, { ...sig, note: '误读' });
    const p3 = doc.blocks.find((b) => b.id === 'p-3');
    const quote = p3 && p3.type !== 'table' ? p3.text.slice(0, 12) : '';
    input = decide.decidePractice(input, { decision: 'add', id: 'family-doctor-contract', paragraph: 'p-3', status: 'planned', quote, ...sig });
    const { data, problems } = apply(input);
    expect(problems).toEqual([]);
    expect(data.practices.find((p) => p.id === first.id && p.paragraph === first.paragraph)?.review?.status).toBe('checked');
    expect(data.practices.find((p) => p.id === second.id && p.paragraph === second.paragraph)).toMatchObject({ status: 'planned', review: { status: 'corrected' } });
    expect(data.practices.some((p) => p.id === third.id && p.paragraph === third.paragraph)).toBe(false);
    expect(data.practices.find((p) => p.id === 'family-doctor-contract')).toMatchObject({ label: expect.any(String), review: { status: 'added' } });
  });
});

describe('decide: what npm run curate records', () => {
  test.each([
    ['value=8 valueMax=10 comparator=range', { value: 8, valueMax: 10, comparator: 'range' }],
    ['kind=achieved,unit=万元', { kind: 'achieved', unit: '万元' }],
    ['indicator=', { indicator: null }],
    ['metric=财政核发公立医院工资比例', { metric: '财政核发公立医院工资比例' }],
    ['basis=institution per=year', { basis: 'institution', per: 'year' }],
  ])('parseReading(%j)', (spec, expected) => {
    expect(decide.parseReading(spec)).toEqual(expected);
  });

  test.each([
    ['value', /write field=value/],
    ['value=八', /value must be a number, not "八"/],
    ['kind=goal', /cannot use "kind=goal"/],
    ['colour=red', /cannot use "colour=red"/],
  ])('parseReading(%j) fails, quoting it', (spec, message) => {
    expect(() => decide.parseReading(spec)).toThrow(message);
  });

  test.each([
    ['1,3', [0, 2]],
    ['2-4', [1, 2, 3]],
  ])('pickFigures(%j)', (spec, indexes) => {
    expect(decide.pickFigures(listed, spec)).toEqual(indexes.map((i) => listed[i]));
  });

  test('pickFigures by id, and a number or id that is not there named', () => {
    expect(decide.pickFigures(listed, drugs.id)).toEqual([drugs]);
    expect(() => decide.pickFigures(listed, '999')).toThrow(`there is no figure 999 (the document has ${listed.length})`);
    expect(() => decide.pickFigures(listed, 'ffffffff')).toThrow('no figure has the id "ffffffff"');
  });

  test('a later decision about a figure replaces the earlier; forget removes it', () => {
    let input = decide.confirmFigure(base, drugs, sig);
    input = decide.rejectFigure(input, drugs, { ...sig, note: 'x' });
    expect(input.figures).toEqual([expect.objectContaining({ decision: 'reject', id: drugs.id })]);
    expect(decide.forgetFigure(input, drugs).figures).toEqual([]);
  });

  test.each([['2021-2025', { from: 2021, to: 2025 }], ['2016—2020', { from: 2016, to: 2020 }]])('parsePeriod(%j)', (text, expected) => {
    expect(decide.parsePeriod(text)).toEqual(expected);
  });
  test('parsePeriod refuses anything else', () => {
    expect(() => decide.parsePeriod('2025-2021')).toThrow('not "2025-2021"');
  });
  test('an added figure needs an indicator or a metric', () => {
    expect(() => decide.addFigure(base, 'p-3', 'x', decide.parseReading('kind=target value=1 unit=个 comparator=='), sig)).toThrow(/needs indicator=/);
  });
});

describe('the curation folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'curation-'));
  const good = { source: { sha256: 'a'.repeat(64), index: 1 }, figures: [{ decision: 'confirm', id: 'abcdef01', curator: 'x', date: '2026-12-01' }] };
  writeCurationFile(join(dir, 'good.yaml'), good as CurationFileInput);
  writeFileSync(join(dir, 'broken.yaml'), 'source: [unclosed\n');
  writeFileSync(join(dir, 'invalid.yaml'), 'source:\n  sha256: abc\nfigures: []\n');
  writeFileSync(join(dir, 'twice.yaml'), `source:\n  sha256: ${'a'.repeat(64)}\n`);
  writeFileSync(join(dir, 'notes.txt'), 'not a curation file');
  const set = loadCuration(dir);

  test('reads every valid file, keyed by its document', () => {
    expect([...set.byDocument.keys()]).toEqual([`${'a'.repeat(64)}#1`]);
    expect(set.byDocument.get(`${'a'.repeat(64)}#1`)?.name).toBe('good.yaml');
  });

  test('names each file it cannot use, and why', () => {
    expect(set.errors.map((e) => e.file)).toEqual(['broken.yaml', 'invalid.yaml', 'twice.yaml']);
    expect(set.errors[0]?.message).toMatch(/cannot read it/);
    expect(set.errors[1]?.message).toMatch(/source\.sha256: .*64 hex digits/);
    expect(set.errors[2]?.message).toMatch(/curates the same document as good\.yaml/);
  });

  test('a written file reads back as it was, and a missing folder is an empty set', () => {
    expect(readCurationFile(join(dir, 'good.yaml'))).toEqual(curationFileSchema.parse(good));
    expect(readFileSync(join(dir, 'good.yaml'), 'utf8')).toMatch(/^# Curation of one document/);
    expect(loadCuration(join(dir, 'absent')).byDocument.size).toBe(0);
  });
});
