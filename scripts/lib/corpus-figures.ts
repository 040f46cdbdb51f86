/**
 * Precision of figure extraction on the corpus. For some documents of each half an annotator
 * wrote down every quantitative statement (tests/corpus/figures/<id>.yaml, `complete: true`),
 * by reading the text; there, every figure the program extracts can be judged: it is one the
 * annotator found (same value, overlapping quote) or it is not a figure of the text. The sample
 * figures of annotations/ cannot say that, since an analyst picked only 4–8 of them.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import type { DocumentFrontmatter } from '../../src/schema/document.ts';
import { figureSchema, norm, quotesOverlap, readYaml, sameMagnitude, scaled } from './corpus.ts';

/** A figure as the sample annotations write it (corpus.ts), without their year and indicator, and two fields more. */
const completeFigureSchema = figureSchema.omit({ year: true, indicator: true }).extend({
  /** A change that goes down. */
  negative: z.boolean().optional(),
  /** `chinese` when the number is written in Chinese numerals (五个, 三家). */
  written: z.literal('chinese').optional(),
});

export const completeFiguresSchema = z.object({
  id: z.string(),
  /** Always true: the list holds every quantitative statement of the text. */
  complete: z.literal(true),
  figures: z.array(completeFigureSchema),
  notes: z.string().nullable().optional(),
});
export type CompleteFigures = z.infer<typeof completeFiguresSchema>;
type AnnotatedFigure = CompleteFigures['figures'][number];

/** The complete figure lists of tests/corpus/figures/, by document id. */
export function loadCompleteFigures(dir: string): Map<string, CompleteFigures> {
  const folder = join(dir, 'figures');
  const out = new Map<string, CompleteFigures>();
  if (!existsSync(folder)) return out;
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.yaml')).sort()) {
    const figures = readYaml(join(folder, name), completeFiguresSchema);
    out.set(figures.id, figures);
  }
  return out;
}

type Extracted = NonNullable<DocumentFrontmatter['targets']>[number] | NonNullable<DocumentFrontmatter['figures']>[number];

export interface FigureJudgement {
  /** Extracted figures, and those that are figures of the text. */
  precision: [number, number];
  /** Annotated figures, and those the program found; the same for figures written in Arabic numerals. */
  recall: [number, number];
  recallArabic: [number, number];
  /** Of the matched figures: comparator and kind read as the annotator did. */
  comparator: [number, number];
  kind: [number, number];
  /** Extracted figures that are none of the text's, for the development half's listing. */
  spurious: Array<{ value: number; unit: string; quote: string }>;
  /** Annotated figures the program did not find. */
  missed: Array<{ value: number; unit: string; quote: string }>;
  /** Matched figures read otherwise than the annotator did. */
  misread: Array<{ value: number; field: 'comparator' | 'kind'; got: string; want: string; quote: string }>;
}

/** The values an extracted figure states: its value, a change's start, a range's end. */
const valuesOf = (t: Extracted): number[] => [t.value, ...(t.from !== undefined ? [t.from] : []), ...(t.valueMax !== undefined ? [t.valueMax] : [])];

/** The annotator's comparator as the program writes it: ">=" and ">" are ≥, "<=" and "<" ≤, a range is `range`. */
const comparatorOf = (f: AnnotatedFigure): string => (f.valueMax !== undefined ? 'range' : /^>/u.test(f.comparator ?? '') ? '≥' : /^</u.test(f.comparator ?? '') ? '≤' : '=');

/**
 * Whether an extracted figure reads an annotated one's kind. The program writes 从380元提高至420元
 * as one change from 380 to 420; the annotator as a baseline of 380 and a result of 420: both agree.
 */
function kindAgrees(t: Extracted, f: AnnotatedFigure): boolean {
  if (t.kind === f.kind) return true;
  if (t.kind === 'change' && t.from !== undefined) return sameMagnitude(t.from, f.value) ? f.kind === 'baseline' : f.kind === 'achieved' || f.kind === 'target';
  return false;
}

const isShare = (unit: string | null | undefined) => unit === '%' || unit === '个百分点';

export function judgeFigures(complete: CompleteFigures, doc: DocumentFrontmatter | undefined): FigureJudgement {
  const extracted: Extracted[] = [...(doc?.targets ?? []), ...(doc?.figures ?? [])];
  const annotated = complete.figures;
  const valueMatches = (t: Extracted, f: AnnotatedFigure) =>
    isShare(t.unit) === isShare(f.unit) && valuesOf(t).some((v) => sameMagnitude(scaled(v, t.unit), scaled(f.value, f.unit)));
  // The same value in an overlapping quote; else, as the sample scorer allows, in a quote that holds the number.
  const matches = (t: Extracted, f: AnnotatedFigure) => valueMatches(t, f) && (quotesOverlap(t.quote, f.quote) || norm(t.quote).includes(norm(String(f.value))));
  const best = (f: AnnotatedFigure) => extracted.find((t) => valueMatches(t, f) && quotesOverlap(t.quote, f.quote)) ?? extracted.find((t) => matches(t, f));
  const spurious = extracted.filter((t) => !annotated.some((f) => matches(t, f)));
  const found = annotated.map((f) => ({ f, t: best(f) }));
  const matched = found.filter((m): m is { f: AnnotatedFigure; t: Extracted } => m.t !== undefined);
  // A change's start is judged as a value, not as a comparator (the program reads 380 as `from`).
  const asValue = matched.filter((m) => !(m.t.from !== undefined && sameMagnitude(m.t.from, m.f.value)));
  const comparatorMisread = asValue.filter((m) => (m.t.comparator === '≈' ? '=' : m.t.comparator) !== comparatorOf(m.f));
  const kindMisread = matched.filter((m) => !kindAgrees(m.t, m.f));
  const arabic = found.filter((m) => m.f.written !== 'chinese');
  return {
    precision: [extracted.length - spurious.length, extracted.length],
    recall: [matched.length, annotated.length],
    recallArabic: [arabic.filter((m) => m.t !== undefined).length, arabic.length],
    comparator: [asValue.length - comparatorMisread.length, asValue.length],
    kind: [matched.length - kindMisread.length, matched.length],
    spurious: spurious.map((t) => ({ value: t.value, unit: t.unit, quote: t.quote })),
    missed: found.filter((m) => m.t === undefined).map((m) => ({ value: m.f.value, unit: m.f.unit ?? '', quote: m.f.quote })),
    misread: [
      ...comparatorMisread.map((m) => ({ value: m.f.value, field: 'comparator' as const, got: m.t.comparator, want: comparatorOf(m.f), quote: m.f.quote })),
      ...kindMisread.map((m) => ({ value: m.f.value, field: 'kind' as const, got: m.t.kind, want: m.f.kind ?? '', quote: m.f.quote })),
    ],
  };
}

const add = (a: [number, number], b: [number, number]): [number, number] => [a[0] + b[0], a[1] + b[1]];

/** The judgements of one half, summed. */
export function sumJudgements(js: readonly FigureJudgement[]): Omit<FigureJudgement, 'spurious' | 'missed' | 'misread'> & { documents: number } {
  const zero: [number, number] = [0, 0];
  return {
    documents: js.length,
    precision: js.reduce((a, j) => add(a, j.precision), zero),
    recall: js.reduce((a, j) => add(a, j.recall), zero),
    recallArabic: js.reduce((a, j) => add(a, j.recallArabic), zero),
    comparator: js.reduce((a, j) => add(a, j.comparator), zero),
    kind: js.reduce((a, j) => add(a, j.kind), zero),
  };
}
