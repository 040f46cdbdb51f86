/**
 * The development corpus of real documents (tests/corpus/): each text as
 * found (docs/<id>.txt) and its annotation, written by reading it
 * (annotations/<id>.yaml). Every document belongs to the development half or
 * the test half by a hash of its id, fixed before any tuning; rules are tuned
 * on the development half only, and the test half is only scored.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { docTypes, type DocumentFrontmatter } from '../../src/schema/document.ts';
import { compact, toSimplified } from '../../src/lib/ingest/chinese.ts';
import { ingestInMemory } from '../../src/lib/ingest/ingest.ts';
import { readFrontmatter } from '../../src/lib/ingest/emit.ts';

export const figureSchema = z.object({
  quote: z.string(),
  metric: z.string().optional(),
  value: z.number(),
  valueMax: z.number().optional(),
  unit: z.string().nullable().optional(),
  comparator: z.string().optional(),
  kind: z.string().optional(),
  year: z.number().nullable().optional(),
  /** The canonical indicator (indicators.yaml id) the figure measures, read from the text by an annotator; null when the lexicon has none of its meaning. */
  indicator: z.string().nullable().optional(),
});

export const annotationSchema = z.object({
  id: z.string(),
  url: z.string(),
  shape: z.string(),
  title: z.string().nullable(),
  region: z.object({ name: z.string(), province: z.string().nullable().optional() }).nullable(),
  year: z.number().int().nullable(),
  yearInferred: z.boolean().optional(),
  issued: z.union([z.string(), z.date()]).nullable().optional(),
  published: z.union([z.string(), z.date()]).nullable().optional(),
  period: z.object({ from: z.number().nullable(), to: z.number().nullable() }).nullable().optional(),
  type: z.enum(docTypes),
  issuer: z.string().nullable().optional(),
  docNumber: z.string().nullable().optional(),
  documents: z.number().int().min(0),
  figures: z.array(figureSchema).nullable().optional(),
  chrome: z.array(z.string()).nullable().optional(),
  notes: z.string().nullable().optional(),
});
export type Annotation = z.infer<typeof annotationSchema>;

const hashOf = (id: string) => createHash('sha256').update(id).digest('hex');

/**
 * The halves: documents ordered by the hash of their id, alternately development and test —
 * fixed by the ids alone, never by what the documents contain, and as even as the count allows.
 */
export function splitHalves(ids: readonly string[]): Map<string, 'dev' | 'test'> {
  const ordered = [...ids].sort((a, b) => (hashOf(a) < hashOf(b) ? -1 : hashOf(a) > hashOf(b) ? 1 : 0));
  return new Map(ordered.map((id, i) => [id, i % 2 === 0 ? 'dev' : 'test']));
}

const splitSchema = z.object({ batches: z.array(z.object({ name: z.string(), dev: z.array(z.string()), test: z.array(z.string()) })) });

/** The halves as fixed in split.yaml: id → half. */
export function readSplit(path: string): Map<string, 'dev' | 'test'> {
  return new Map([...readBatches(path)].map(([id, v]) => [id, v.half]));
}

/** Each id's half and the batch it was collected in. */
export function readBatches(path: string): Map<string, { half: 'dev' | 'test'; batch: string }> {
  const parsed = splitSchema.parse(parse(readFileSync(path, 'utf8')));
  const out = new Map<string, { half: 'dev' | 'test'; batch: string }>();
  for (const batch of parsed.batches) {
    for (const id of batch.dev) out.set(id, { half: 'dev', batch: batch.name });
    for (const id of batch.test) out.set(id, { half: 'test', batch: batch.name });
  }
  return out;
}

export interface CorpusEntry {
  id: string;
  file: string;
  half: 'dev' | 'test';
  /** The collection batch (split.yaml): a later batch's test half was unseen when earlier rules were made. */
  batch: string;
  annotation: Annotation;
}

/** A YAML file read and validated; an error names the file and each issue's path. */
export function readYaml<T extends z.ZodType>(path: string, schema: T): z.infer<T> {
  const result = schema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!result.success) throw new Error(`${path}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return result.data;
}

/** Whether two values are one figure's, its sign aside (the annotations write 下降21% as 21). */
export const sameMagnitude = (a: number, b: number): boolean => Math.abs(Math.abs(a) - Math.abs(b)) < 1e-9;
/** Whether one quote holds the other, as compared (norm). */
export const quotesOverlap = (a: string, b: string): boolean => {
  const [x, y] = [norm(a), norm(b)];
  return x.includes(y) || y.includes(x);
};

/** The corpus, and the ids of documents not yet in split.yaml (a batch still being collected). */
export function loadCorpus(dir: string): { entries: CorpusEntry[]; unsplit: string[] } {
  const all = readdirSync(join(dir, 'annotations')).filter((n) => n.endsWith('.yaml')).sort();
  const halves = readBatches(join(dir, 'split.yaml'));
  const unsplit = all.map((n) => n.replace(/\.yaml$/, '')).filter((id) => !halves.has(id));
  const names = all.filter((n) => halves.has(n.replace(/\.yaml$/, '')));
  const entries = names.map((name) => {
    const annotation = readYaml(join(dir, 'annotations', name), annotationSchema);
    const id = name.replace(/\.yaml$/, '');
    const split = halves.get(id);
    return { id, file: `${id}.txt`, half: split?.half ?? 'test', batch: split?.batch ?? '', annotation };
  });
  return { entries, unsplit };
}

/** The corpus ingested in memory and each annotated document scored against what ingest made of its file. */
export function scoreCorpus(dir: string): { entries: CorpusEntry[]; unsplit: string[]; scores: DocScore[]; documents: Map<string, Array<{ data: DocumentFrontmatter; mdx: string }>> } {
  const { entries, unsplit } = loadCorpus(dir);
  const { files } = ingestInMemory({ sources: join(dir, 'docs') });
  const byFile = new Map<string, Array<{ data: DocumentFrontmatter; mdx: string }>>();
  for (const mdx of files.values()) {
    const data = readFrontmatter(mdx);
    byFile.set(data.source.file, [...(byFile.get(data.source.file) ?? []), { data, mdx }]);
  }
  return { entries, unsplit, scores: entries.map((entry) => scoreDocument(entry, byFile.get(entry.file) ?? [])), documents: byFile };
}

/** A count in 万 or 亿 as a plain number (2.5万人 = 25000人): the annotators keep the unit as written, the program multiplies a 万 before a measure word. */
export const scaled = (value: number, unit: string | null | undefined): number =>
  unit && unit !== '万元' && unit.startsWith('万') ? value * 1e4 : unit && unit !== '亿元' && unit.startsWith('亿') ? value * 1e8 : value;

/** Text as compared: Simplified, no spaces or punctuation. */
export const norm = (text: string) => compact(toSimplified(text)).replace(/[\p{P}\p{S}]/gu, '');

/** A title as compared: a period written with or without 年 is the same ((2021年-2025年) = (2021-2025)). */
export const titleNorm = (title: string) => norm(title.replace(/((?:19|20)\d{2})\s*年(?=\s*(?:[-—–~～至到]\s*(?:19|20)\d{2}|[)）]))/gu, '$1'));

/** A division name without its generic ending, so 子长县 and 子长市 (renamed) compare equal. */
const stem = (name: string) => norm(name).replace(/(自治州|自治县|自治旗|地区|新区|县|市|区|旗|州|盟)$/u, '');

export interface DocScore {
  id: string;
  half: 'dev' | 'test';
  batch: string;
  documents: [number, number];
  title: boolean | null;
  region: boolean;
  year: boolean;
  type: boolean;
  issuer: boolean | null;
  docNumber: boolean | null;
  figures: [number, number];
  /** Of the found figures: how many the program put under an indicator, how many of those under another than the annotation's, how many it left open although the annotation names one. */
  indicators: { mapped: number; wrong: number; unmapped: number; misfiled: Array<{ value: number; metric: string; got: string; want: string | null }>; open: Array<{ value: number; metric: string; got: string; want: string }> };
  chromeLeaks: string[];
  got: { title: string; region: string | null; year: number | null; type: string; issuer: string | null; docNumber: string | null };
}

/** The text of an emitted document: its body with character references resolved and tags dropped. */
export function bodyText(mdx: string): string {
  const end = mdx.indexOf('\n---\n');
  return mdx
    .slice(end + 5)
    .replace(/&#x([0-9a-f]+);/giu, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/gu, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/<[^>]*>/gu, ' ');
}

/** The document an annotation describes: the longest one ingest made of the file. */
export const mainDocument = (docs: ReadonlyArray<{ data: DocumentFrontmatter; mdx: string }>): DocumentFrontmatter | undefined =>
  [...docs].sort((x, y) => y.mdx.length - x.mdx.length)[0]?.data;

export function scoreDocument(entry: CorpusEntry, docs: Array<{ data: DocumentFrontmatter; mdx: string }>): DocScore {
  const a = entry.annotation;
  const d = mainDocument(docs);
  const eq = (x: string | null | undefined, y: string | null | undefined) => (x ? norm(x) : '') === (y ? norm(y) : '');
  const regionOk = a.region === null ? (d?.region ?? null) === null : d?.region != null && stem(d.region.name) === stem(a.region.name);
  const figures = a.figures ?? [];
  // A figure is found when a target or an open figure has its value (a movement's sign aside: the
  // annotations write 下降21% as 21), or starts from it (从2014年的380元提高至420元: 380 is the
  // change's `from`), in an overlapping quote.
  const extracted = [...(d?.targets ?? []), ...(d?.figures ?? [])];
  const valued = (t: (typeof extracted)[number], f: (typeof figures)[number]) =>
    [t.value, ...(t.from !== undefined ? [t.from] : [])].some((v) => sameMagnitude(scaled(v, t.unit), scaled(f.value, f.unit)) || sameMagnitude(v, f.value));
  const matchOf = (f: (typeof figures)[number]) => extracted.find((t) => valued(t, f) && (quotesOverlap(t.quote, f.quote) || norm(t.quote).includes(norm(String(f.value)))));
  const matches = figures.map((f) => ({ f, t: matchOf(f) })).filter((m) => m.t !== undefined);
  const found = matches.length;
  // Wrong indicator: a found figure the program filed under an indicator the annotator did not
  // (another one, or none of the lexicon's meaning); figures annotated before indicators were
  // (no `indicator` key) are not judged.
  const judged = matches.filter((m) => m.f.indicator !== undefined);
  const mapped = judged.filter((m) => m.t && 'indicator' in m.t);
  const misfiled = mapped.filter((m) => (m.t as { indicator: string }).indicator !== m.f.indicator);
  const indicators = {
    mapped: mapped.length,
    wrong: misfiled.length,
    misfiled: misfiled.map((m) => ({ value: m.f.value, metric: m.f.metric ?? '', got: (m.t as { indicator: string }).indicator, want: m.f.indicator ?? null })),
    unmapped: judged.filter((m) => m.t && !('indicator' in m.t) && m.f.indicator).length,
    open: judged
      .filter((m) => m.t && !('indicator' in m.t) && m.f.indicator)
      .map((m) => ({ value: m.f.value, metric: m.f.metric ?? '', got: (m.t as { metric: string }).metric, want: m.f.indicator as string })),
  };
  const texts = docs.map((x) => norm(`${x.data.title}\n${bodyText(x.mdx)}`));
  const chromeLeaks = (a.chrome ?? []).filter((line) => norm(line).length >= 4 && texts.some((t) => t.includes(norm(line))));
  return {
    id: entry.id,
    half: entry.half,
    batch: entry.batch,
    documents: [docs.length, a.documents],
    title: a.title === null ? null : titleNorm(d?.title ?? '') === titleNorm(a.title),
    region: regionOk,
    year: (d?.year ?? null) === a.year,
    type: d?.docType === a.type,
    issuer: a.issuer ? eq(d?.issuer, a.issuer) : null,
    docNumber: a.docNumber ? eq(d?.docNumber, a.docNumber) : null,
    figures: [found, figures.length],
    indicators,
    chromeLeaks,
    got: { title: d?.title ?? '', region: d?.region?.name ?? null, year: d?.year ?? null, type: d?.docType ?? '', issuer: d?.issuer ?? null, docNumber: d?.docNumber ?? null },
  };
}

export interface HalfScore {
  half: 'dev' | 'test';
  count: number;
  title: number;
  region: number;
  year: number;
  type: number;
  issuer: number;
  docNumber: number;
  /** Share of single-document files that came out as exactly one document. */
  oneDocument: number;
  figureRecall: number;
  /** Of the found figures the program put under an indicator, the share under another than the annotator's. */
  wrongIndicator: number;
  /** Found figures under an indicator, and found figures left open that the annotator gives one. */
  mapped: number;
  unmapped: number;
  chromeLeaks: number;
}

const share = (xs: Array<boolean | null>) => {
  const scored = xs.filter((x): x is boolean => x !== null);
  return scored.length === 0 ? 1 : scored.filter(Boolean).length / scored.length;
};

export function scoreHalf(half: 'dev' | 'test', scores: DocScore[], batch?: string): HalfScore {
  const s = scores.filter((x) => x.half === half && (batch === undefined || x.batch === batch));
  const figures = s.reduce<[number, number]>((acc, x) => [acc[0] + x.figures[0], acc[1] + x.figures[1]], [0, 0]);
  return {
    half,
    count: s.length,
    title: share(s.map((x) => x.title)),
    region: share(s.map((x) => x.region)),
    year: share(s.map((x) => x.year)),
    type: share(s.map((x) => x.type)),
    issuer: share(s.map((x) => x.issuer)),
    docNumber: share(s.map((x) => x.docNumber)),
    oneDocument: share(s.filter((x) => x.documents[1] === 1).map((x) => x.documents[0] === 1)),
    figureRecall: figures[1] === 0 ? 1 : figures[0] / figures[1],
    wrongIndicator: ((m, w) => (m === 0 ? 0 : w / m))(s.reduce((n, x) => n + x.indicators.mapped, 0), s.reduce((n, x) => n + x.indicators.wrong, 0)),
    mapped: s.reduce((n, x) => n + x.indicators.mapped, 0),
    unmapped: s.reduce((n, x) => n + x.indicators.unmapped, 0),
    chromeLeaks: s.reduce((n, x) => n + x.chromeLeaks.length, 0),
  };
}
