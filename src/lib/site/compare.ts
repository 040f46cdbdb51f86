/**
 * Comparisons of regions: which pairs get a page, what a pair shares, the
 * indicator and practice matrices, a region's headline figures.
 */
import type { Practice, Target } from '../../schema/document.ts';
import { push, type Indicator, type PracticeDef, type PracticeRow, type RegionInfo, type SiteData, type TargetRow } from './data.ts';
import { comparableUnit } from './scale.ts';

/** Pairs of regions for the comparison pages, each slug pair in alphabetical order. */
export interface RegionPair {
  a: RegionInfo;
  b: RegionInfo;
  /** `a-vs-b`, the URL segment. */
  key: string;
}

export function pairKey(slugA: string, slugB: string): string {
  const [a, b] = [slugA, slugB].sort();
  return `${a}-vs-${b}`;
}

/** Up to this many regions, every pair gets a comparison page. */
export const ALL_PAIRS_LIMIT = 30;
/** Beyond it, each region is compared with the focus regions and this many neighbours of its prefecture. */
export const NEIGHBOURS = 4;

const pairCache = new WeakMap<SiteData, RegionPair[]>();

/**
 * The pairs of regions that get a comparison page. With few regions, every
 * pair; with many, a number linear in the regions: each region with the
 * focus regions (content/lexicon/focus-regions.yaml) and with a few
 * neighbours of the same prefecture — the comparisons officials make —
 * instead of the quadratic all-pairs set.
 */
export function regionPairs(site: SiteData): RegionPair[] {
  const cached = pairCache.get(site);
  if (cached) return cached;
  const pairs = new Map<string, RegionPair>();
  const add = (a: RegionInfo, b: RegionInfo) => {
    if (a.slug === b.slug) return;
    const [x, y] = a.slug < b.slug ? [a, b] : [b, a];
    const key = pairKey(x.slug, y.slug);
    if (!pairs.has(key)) pairs.set(key, { a: x, b: y, key });
  };
  if (site.regions.length <= ALL_PAIRS_LIMIT) {
    site.regions.forEach((a, i) => site.regions.slice(i + 1).forEach((b) => add(a, b)));
  } else {
    const focus = new Set(site.lexicon.focusRegions);
    const featured = site.regions.filter((r) => focus.has(r.region.name));
    const byPrefecture = new Map<string, RegionInfo[]>();
    for (const r of site.regions) push(byPrefecture, r.region.prefecture ?? r.region.province, r);
    for (const r of site.regions) {
      for (const f of featured) add(r, f);
      for (const n of (byPrefecture.get(r.region.prefecture ?? r.region.province) ?? []).filter((n) => n.slug !== r.slug).slice(0, NEIGHBOURS)) add(r, n);
    }
  }
  const list = [...pairs.values()].sort((p, q) => p.key.localeCompare(q.key));
  pairCache.set(site, list);
  return list;
}

const partnerCache = new WeakMap<SiteData, Map<string, RegionInfo[]>>();

/** The regions a region has a comparison page with (an index built once, not a scan per region). */
export function comparePartners(site: SiteData, slug: string): RegionInfo[] {
  let partners = partnerCache.get(site);
  if (!partners) {
    partners = new Map();
    for (const p of regionPairs(site)) {
      push(partners, p.a.slug, p.b);
      push(partners, p.b.slug, p.a);
    }
    for (const list of partners.values()) list.sort((a, b) => a.slug.localeCompare(b.slug));
    partnerCache.set(site, partners);
  }
  return partners.get(slug) ?? [];
}

export interface PairComparison {
  /** Indicators both regions state, with each side's rows. */
  shared: Array<{ indicator: Indicator; a: TargetRow[]; b: TargetRow[] }>;
  onlyA: Indicator[];
  onlyB: Indicator[];
  /** Practices either region reports, with each side's rows. */
  practices: Array<{ practice: PracticeDef; a: PracticeRow[]; b: PracticeRow[] }>;
}

export function comparePair(site: SiteData, a: RegionInfo, b: RegionInfo): PairComparison {
  const indicator = (id: string): Indicator => site.indicatorById.get(id) as Indicator;
  const shared: PairComparison['shared'] = [];
  const onlyA: Indicator[] = [];
  const onlyB: Indicator[] = [];
  for (const [id, rows] of a.targets) {
    const other = b.targets.get(id);
    if (other) shared.push({ indicator: indicator(id), a: rows, b: other });
    else onlyA.push(indicator(id));
  }
  for (const id of b.targets.keys()) if (!a.targets.has(id)) onlyB.push(indicator(id));
  const order = new Map(site.indicatorsWithData.map((i, n) => [i.id, n]));
  const byOrder = (x: Indicator, y: Indicator): number => (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0);
  shared.sort((x, y) => byOrder(x.indicator, y.indicator));
  onlyA.sort(byOrder);
  onlyB.sort(byOrder);
  const practices = site.practicesWithData
    .filter((p) => a.practices.has(p.id) || b.practices.has(p.id))
    .map((practice) => ({ practice, a: a.practices.get(practice.id) ?? [], b: b.practices.get(practice.id) ?? [] }));
  return { shared, onlyA, onlyB, practices };
}

/** Indicators × regions: for each indicator with data, each region's rows. */
export interface MatrixRow<R, T> {
  item: T;
  cells: R[][];
  /** How many regions have at least one row. */
  regionCount: number;
}

/** Most regions a matrix shows as columns; beyond it the page would grow with regions × indicators. */
export const MATRIX_LIMIT = 30;

const matrixCache = new WeakMap<SiteData, RegionInfo[]>();

/**
 * The regions that are columns of the comparison matrices: all of them up to
 * MATRIX_LIMIT, else the focus regions and then those with the most figures.
 */
export function matrixRegions(site: SiteData): RegionInfo[] {
  const cached = matrixCache.get(site);
  if (cached) return cached;
  let regions = site.regions;
  if (regions.length > MATRIX_LIMIT) {
    const focus = new Set(site.lexicon.focusRegions);
    const figures = (r: RegionInfo) => [...r.targets.values()].reduce((n, rows) => n + rows.length, 0);
    regions = [...regions]
      .sort((a, b) => Number(focus.has(b.region.name)) - Number(focus.has(a.region.name)) || figures(b) - figures(a) || a.slug.localeCompare(b.slug))
      .slice(0, MATRIX_LIMIT)
      .sort((a, b) => a.slug.localeCompare(b.slug));
  }
  matrixCache.set(site, regions);
  return regions;
}

/** A row of the indicators matrix: one indicator in one measure (kind, unit on the indicator's scale, basis). */
export type MeasureRow = MatrixRow<TargetRow, Indicator> & { kind: Target['kind']; unit: string };

/**
 * An indicator's figures in `regions`, a row per measure: one kind and unit (money on the
 * indicator's scale, src/lib/site/scale.ts) and basis, so that a row never puts a target beside a
 * result, or 元 per person beside 元 in total; rows in the order their first figure comes.
 */
export function measureRows(site: SiteData, item: Indicator, regions: readonly RegionInfo[]): MeasureRow[] {
  const byMeasure = new Map<string, MeasureRow>();
  regions.forEach((region, i) => {
    for (const row of region.targets.get(item.id) ?? []) {
      const unit = comparableUnit(row.target, item.unit, site.lexicon.units);
      const key = `${row.target.kind}\u0000${unit}`;
      let measure = byMeasure.get(key);
      if (!measure) {
        measure = { item, kind: row.target.kind, unit, cells: regions.map(() => []), regionCount: 0 };
        byMeasure.set(key, measure);
      }
      measure.cells[i]?.push(row);
    }
  });
  const rows = [...byMeasure.values()];
  for (const r of rows) r.regionCount = r.cells.filter((c) => c.length > 0).length;
  return rows;
}

/** Indicators × the matrix regions, a row per measure (measureRows); an indicator several measures state has several rows, together. */
export function indicatorMatrix(site: SiteData): MeasureRow[] {
  const regions = matrixRegions(site);
  return site.indicatorsWithData.flatMap((item) => {
    const rows = measureRows(site, item, regions);
    // An indicator nobody in the columns states keeps its (empty) row, as before.
    return rows.length > 0 ? rows : [{ item, kind: 'achieved' as const, unit: item.unit, cells: regions.map(() => []), regionCount: 0 }];
  });
}

/** Practices × regions (the matrix regions unless given). */
export function practiceMatrix(site: SiteData, regions: readonly RegionInfo[] = matrixRegions(site)): Array<MatrixRow<PracticeRow, PracticeDef>> {
  return site.practicesWithData.map((item) => {
    const cells = regions.map((r) => r.practices.get(item.id) ?? []);
    return { item, cells, regionCount: cells.filter((c) => c.length > 0).length };
  });
}

/** Figures a matrix cell shows: a region with five figures of one measure names two and links to its page for the rest. */
export const CELL_LIMIT = 2;

/**
 * The figures of a cell a matrix shows, at most `limit` of them — those a person checked first,
 * then the most recent (the sentence's year, else the document's) — in the cell's own order, and
 * how many it leaves out. A matrix of every figure of 30 regions had reached 2 MB at 1,000
 * documents.
 */
export function cellFigures(rows: readonly TargetRow[], limit = CELL_LIMIT): { shown: TargetRow[]; hidden: number } {
  if (rows.length <= limit) return { shown: [...rows], hidden: 0 };
  const yearOf = ({ doc, target }: TargetRow): number => target.year ?? doc.data.year ?? 0;
  const kept = new Set([...rows].sort((a, b) => Number(!a.target.review) - Number(!b.target.review) || yearOf(b) - yearOf(a)).slice(0, limit));
  return { shown: rows.filter((row) => kept.has(row)), hidden: rows.length - limit };
}

/** The best status among rows: adopted wins over planned. */
export function bestStatus(rows: readonly PracticeRow[]): Practice['status'] | null {
  if (rows.length === 0) return null;
  return rows.some((r) => r.practice.status === 'adopted') ? 'adopted' : 'planned';
}

/**
 * Two or three figures that say most about a region: one per indicator,
 * preferring indicators that many regions state (comparable), then
 * percentages, then targets and results over baselines.
 */
export function headlineFigures(site: SiteData, region: RegionInfo, limit = 3): TargetRow[] {
  const kindRank: Record<Target['kind'], number> = { achieved: 0, target: 1, change: 2, baseline: 3 };
  const candidates: Array<{ row: TargetRow; score: number; order: number }> = [];
  let order = 0;
  for (const [id, rows] of region.targets) {
    const spread = new Set((site.targetsByIndicator.get(id) ?? []).map((r) => r.doc.data.region?.slug ?? '')).size;
    const best = [...rows].sort((x, y) => kindRank[x.target.kind] - kindRank[y.target.kind])[0];
    if (!best) continue;
    const score = spread * 10 + (best.target.unit === '%' ? 5 : 0) - kindRank[best.target.kind];
    candidates.push({ row: best, score, order: order++ });
  }
  return candidates
    .sort((x, y) => y.score - x.score || x.order - y.order)
    .slice(0, limit)
    .map((c) => c.row);
}


/**
 * Region columns a printed page holds: a matrix with more is printed as
 * several tables of at most this many regions each (A4 landscape, 8 pt).
 */
export const PRINT_COLUMNS = 8;

/** `items` in consecutive groups of at most `size`, the last one possibly shorter: [[0, size), [size, 2·size) …]. */
export function columnGroups<T>(items: readonly T[], size = PRINT_COLUMNS): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`columnGroups: size must be a positive integer, not ${size}`);
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}

/** An indicator several regions state, but not all in one kind, unit and basis: listed, not lined up. */
export interface DifferingIndicator {
  indicator: Indicator;
  /** The measures it is stated in (目标 · %, 实际 · 万元/院·年), each with the regions that use it. */
  measures: Array<{ kind: Target['kind']; unit: string; regions: RegionInfo[] }>;
}

/**
 * The figures of `regions` in rows that hold only what can be compared: the same indicator, kind
 * (a target beside a target, never beside a result), unit (亿元 and 万元 on one scale) and basis; implausible figures are
 * never among them (they are not in the regions' targets). Rows two or more regions share come
 * first, in the lexicon's order; indicators the regions state in different measures are returned
 * apart, to be said (口径不同) rather than lined up.
 */
export function comparableRows(site: SiteData, regions: readonly RegionInfo[]): { rows: MeasureRow[]; differing: DifferingIndicator[] } {
  const rows: MeasureRow[] = [];
  const differing: DifferingIndicator[] = [];
  for (const indicator of site.indicatorsWithData) {
    const measures = measureRows(site, indicator, regions);
    const stating = new Set(measures.flatMap((m) => m.cells.flatMap((c, i) => (c.length > 0 ? [i] : []))));
    rows.push(...measures.filter((m) => m.regionCount >= 2));
    if (stating.size >= 2 && measures.length > 1) {
      differing.push({
        indicator,
        measures: measures.map((m) => ({ kind: m.kind, unit: m.unit, regions: regions.filter((_, i) => (m.cells[i]?.length ?? 0) > 0) })),
      });
    }
  }
  return { rows, differing };
}

/** The focus regions (focus-regions.yaml) that have documents, in the file's order. */
export function focusRegions(site: SiteData): RegionInfo[] {
  return site.lexicon.focusRegions.flatMap((name) => site.regions.filter((r) => r.region.name === name));
}
