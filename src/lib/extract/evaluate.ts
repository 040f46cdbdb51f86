/**
 * Measures extraction against the hand-checked golden annotations in
 * tests/golden/: precision and recall of targets and practices, accuracy of
 * region, year and document type. A target matches a golden one with the
 * same indicator and value (and start value, for a change); its kind and
 * comparator are scored among the matches.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { DocumentFrontmatter, Practice, Target } from '../../schema/document.ts';

export interface GoldenTarget {
  indicator: string;
  kind: Target['kind'];
  value: number;
  unit: string;
  comparator: Target['comparator'];
  valueMax?: number;
  from?: number;
  scope?: string;
  quote: string;
}

export interface GoldenDocument {
  file: string;
  source: string;
  titleIncludes: string;
  region: string | null;
  year: number | null;
  docType: string;
  targets: GoldenTarget[];
  practices: Array<{ id: string; status: Practice['status']; quote: string }>;
}

export function loadGolden(dir: string): GoldenDocument[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const raw = parse(readFileSync(join(dir, file), 'utf8')) as Omit<GoldenDocument, 'file'>;
      return { ...raw, file, targets: raw.targets ?? [], practices: raw.practices ?? [] };
    });
}

export interface Score {
  precision: number;
  recall: number;
  truePositives: number;
  extracted: number;
  golden: number;
}

export interface Evaluation {
  targets: Score & { kindAccuracy: number; comparatorAccuracy: number; scopeAccuracy: number };
  practices: Score & { statusAccuracy: number };
  region: number;
  year: number;
  docType: number;
  documents: Array<{
    golden: string;
    slug: string | null;
    targets: { tp: number; extracted: number; golden: number; missed: GoldenTarget[]; spurious: Target[] };
    practices: { tp: number; extracted: number; golden: number; missed: string[]; spurious: string[] };
    region: [string | null, string | null];
    year: [number | null, number | null];
    docType: [string, string];
  }>;
}

/**
 * Units compared as counted: 名 counts people, ％ is %, and a density the
 * extractor spells out (张/千人) matches the annotation's bare count (张).
 */
const sameUnit = (a: string, b: string) => {
  const norm = (u: string) => u.replace(/名/g, '人').replace(/％/g, '%').replace(/\/(千|万)人$/, '');
  return norm(a) === norm(b);
};
const close = (a: number | undefined, b: number | undefined) => (a === undefined && b === undefined) || (a !== undefined && b !== undefined && Math.abs(a - b) < 0.005);

function score(tp: number, extracted: number, golden: number): Score {
  return { precision: extracted === 0 ? 1 : tp / extracted, recall: golden === 0 ? 1 : tp / golden, truePositives: tp, extracted, golden };
}

/** The document of a source whose title contains the text, preferring the shortest such title (the most exact). */
export function findDocument<T extends { title: string; source: { file: string } }>(documents: T[], source: string, titleIncludes: string): T | undefined {
  return documents
    .filter((d) => d.source.file === source && d.title.includes(titleIncludes))
    .sort((a, b) => a.title.length - b.title.length)[0];
}

export function evaluate(golden: GoldenDocument[], documents: DocumentFrontmatter[]): Evaluation {
  let tTp = 0, tEx = 0, tGo = 0, kindOk = 0, cmpOk = 0, scopeOk = 0;
  let pTp = 0, pEx = 0, pGo = 0, statusOk = 0;
  let regionOk = 0, yearOk = 0, typeOk = 0;
  const perDocument: Evaluation['documents'] = [];

  for (const g of golden) {
    const doc = findDocument(documents, g.source, g.titleIncludes);
    const extracted = doc?.targets ?? [];
    const unmatched = [...extracted];
    const missed: GoldenTarget[] = [];
    let tp = 0;
    for (const gt of g.targets) {
      const i = unmatched.findIndex(
        (t) => t.indicator === gt.indicator && close(t.value, gt.value) && sameUnit(t.unit, gt.unit) && (gt.from === undefined || close(t.from, gt.from)),
      );
      if (i < 0) {
        missed.push(gt);
        continue;
      }
      const [t] = unmatched.splice(i, 1);
      tp++;
      if (t?.kind === gt.kind) kindOk++;
      if (t?.comparator === gt.comparator) cmpOk++;
      if ((t?.scope ?? null) === (gt.scope ?? null)) scopeOk++;
    }
    tTp += tp;
    tEx += extracted.length;
    tGo += g.targets.length;

    const practices = doc?.practices ?? [];
    const goldenIds = new Set(g.practices.map((p) => p.id));
    const found = practices.filter((p) => goldenIds.has(p.id));
    for (const p of found) if (g.practices.find((gp) => gp.id === p.id)?.status === p.status) statusOk++;
    pTp += found.length;
    pEx += practices.length;
    pGo += g.practices.length;

    const region = doc?.region?.name ?? null;
    const year = doc?.year ?? null;
    if (doc && region === g.region) regionOk++;
    if (doc && year === g.year) yearOk++;
    if (doc && doc.docType === g.docType) typeOk++;
    perDocument.push({
      golden: g.file,
      slug: doc?.slug ?? null,
      targets: { tp, extracted: extracted.length, golden: g.targets.length, missed, spurious: unmatched },
      practices: {
        tp: found.length,
        extracted: practices.length,
        golden: g.practices.length,
        missed: g.practices.filter((p) => !practices.some((x) => x.id === p.id)).map((p) => p.id),
        spurious: practices.filter((p) => !goldenIds.has(p.id)).map((p) => p.id),
      },
      region: [region, g.region],
      year: [year, g.year],
      docType: [doc?.docType ?? '', g.docType],
    });
  }
  const n = Math.max(golden.length, 1);
  return {
    targets: { ...score(tTp, tEx, tGo), kindAccuracy: tTp ? kindOk / tTp : 1, comparatorAccuracy: tTp ? cmpOk / tTp : 1, scopeAccuracy: tTp ? scopeOk / tTp : 1 },
    practices: { ...score(pTp, pEx, pGo), statusAccuracy: pTp ? statusOk / pTp : 1 },
    region: regionOk / n,
    year: yearOk / n,
    docType: typeOk / n,
    documents: perDocument,
  };
}
