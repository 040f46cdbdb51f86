/**
 * Computations over the document collection for the site pages: regions,
 * indicators and practices with data, matrices, related documents.
 *
 * Plain typed functions over `{ id, data }` entries (the shape of an Astro
 * collection entry), so they run in tests without Astro. `buildSiteData`
 * walks every document once and builds Map indexes; the other functions
 * only read those indexes, so their cost follows the size of their answer,
 * never documents × documents.
 */
import type { DocumentFrontmatter, Practice, Region, Target } from '../../schema/document.ts';
import type { GlossaryTerm, Indicator, Lexicon, PracticeDef, Topic } from '../lexicon.ts';

/** A document as the collection gives it. */
export interface Doc {
  id: string;
  data: DocumentFrontmatter;
}

/** One target of one document. */
export interface TargetRow {
  doc: Doc;
  target: Target;
  /** Position of the target in its document's `targets`. */
  index: number;
}

/** One practice of one document. */
export interface PracticeRow {
  doc: Doc;
  practice: Practice;
}

export interface RegionInfo {
  slug: string;
  /** The region as its first document states it. */
  region: Region;
  /** Its documents, by year (null years last), then title. */
  docs: Doc[];
  /** Targets of its documents, by indicator id (lexicon order of first use). */
  targets: Map<string, TargetRow[]>;
  /** Practices of its documents, by practice id. */
  practices: Map<string, PracticeRow[]>;
}

export interface SiteData {
  /** The lexicon as the pages read it (they read it nowhere else). */
  lexicon: SiteLexicon;
  /** Every document, by year (null last), then region, then title. */
  docs: Doc[];
  docById: Map<string, Doc>;
  /** A document's place in `docs`: comparing two places is comparing the documents. */
  docRank: Map<Doc, number>;
  /** Regions that have documents, by slug. */
  regions: RegionInfo[];
  regionBySlug: Map<string, RegionInfo>;
  /** Documents whose region is null. */
  unknownRegionDocs: Doc[];
  indicatorById: Map<string, Indicator>;
  /** Indicators stated by at least one document, in lexicon order. */
  indicatorsWithData: Indicator[];
  /** Indicators nobody states. */
  indicatorsWithoutData: Indicator[];
  targetsByIndicator: Map<string, TargetRow[]>;
  practiceById: Map<string, PracticeDef>;
  practicesWithData: PracticeDef[];
  practicesWithoutData: PracticeDef[];
  practicesById: Map<string, PracticeRow[]>;
  topicById: Map<string, Topic>;
  docsByTopic: Map<string, Doc[]>;
  glossaryById: Map<string, GlossaryTerm>;
}

/**
 * How many rows a list on an indicator, practice, region, topic or timeline
 * page shows. Those lists grow with the collection (at 5,000 documents the
 * busiest indicator page held 2.7 MB); beyond this, the page shows the rows
 * of the most recent documents and says where the rest are (the open data,
 * or the document pages).
 */
export const LIST_LIMIT = 150;

export interface Bounded<T> {
  /** The rows the page shows, in the order they were given. */
  shown: T[];
  /** How many there are in all. */
  total: number;
}

/**
 * At most `limit` rows, those of the most recent documents (undated last),
 * kept in their given order. Deterministic: ties keep the given order.
 */
export function boundedRows<T>(rows: readonly T[], docOf: (row: T) => Doc, limit = LIST_LIMIT): Bounded<T> {
  if (rows.length <= limit) return { shown: [...rows], total: rows.length };
  const keep = new Set(
    rows
      .map((row, i) => ({ i, year: docOf(row).data.year }))
      .sort((a, b) => compareYears(b.year ?? -Infinity, a.year ?? -Infinity) || a.i - b.i)
      .slice(0, limit)
      .map((x) => x.i),
  );
  return { shown: rows.filter((_, i) => keep.has(i)), total: rows.length };
}

/** null years sort after every year. */
export function compareYears(a: number | null | undefined, b: number | null | undefined): number {
  if (a == null && b == null) return 0;
  if (a == null) return 1;
  if (b == null) return -1;
  return a - b;
}

/** One collator for every title comparison: `localeCompare(…, 'zh-CN')` would look the locale up each time. */
const zhCollator = new Intl.Collator('zh-CN');

function compareDocs(a: Doc, b: Doc): number {
  return (
    compareYears(a.data.year, b.data.year) ||
    (a.data.region?.slug ?? '~').localeCompare(b.data.region?.slug ?? '~') ||
    zhCollator.compare(a.data.title, b.data.title) ||
    a.id.localeCompare(b.id)
  );
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** An indicator id found in a document but missing from the lexicon still gets a page. */
function fallbackIndicator(target: Target): Indicator {
  return { id: target.indicator, label: target.label, topic: '', unit: target.unit, patterns: [target.label] };
}

function fallbackPractice(practice: Practice): PracticeDef {
  return { id: practice.id, label: practice.label, topic: '', patterns: [practice.label] };
}

/** Builds every index the pages need, in one pass over the documents. */
/** What of the lexicon the site shows: indicators, practices, topics, glossary, focus regions, former place names. */
/** The lexicon's entries as pages name them (pages import no lexicon module). */
export type { GlossaryTerm, Indicator, PracticeDef, Topic } from '../lexicon.ts';

export type SiteLexicon = Pick<Lexicon, 'indicators' | 'practices' | 'topics' | 'glossary' | 'focusRegions'> & { historical: Lexicon['gazetteerExtra']['historical'] };

export function buildSiteData(entries: readonly Doc[], lexicon: SiteLexicon): SiteData {
  const docs = [...entries].sort(compareDocs);
  const docById = new Map<string, Doc>();
  const docRank = new Map(docs.map((d, i) => [d, i]));
  const regionBySlug = new Map<string, RegionInfo>();
  const unknownRegionDocs: Doc[] = [];
  const targetsByIndicator = new Map<string, TargetRow[]>();
  const practicesById = new Map<string, PracticeRow[]>();
  const docsByTopic = new Map<string, Doc[]>();
  const indicatorById = new Map(lexicon.indicators.map((i) => [i.id, i]));
  const practiceById = new Map(lexicon.practices.map((p) => [p.id, p]));

  for (const doc of docs) {
    docById.set(doc.id, doc);
    const region = doc.data.region;
    let info: RegionInfo | undefined;
    if (region) {
      info = regionBySlug.get(region.slug);
      if (!info) {
        info = { slug: region.slug, region, docs: [], targets: new Map(), practices: new Map() };
        regionBySlug.set(region.slug, info);
      }
      info.docs.push(doc);
    } else {
      unknownRegionDocs.push(doc);
    }
    doc.data.targets.forEach((target, index) => {
      const row = { doc, target, index };
      push(targetsByIndicator, target.indicator, row);
      if (info) push(info.targets, target.indicator, row);
      if (!indicatorById.has(target.indicator)) indicatorById.set(target.indicator, fallbackIndicator(target));
    });
    for (const practice of doc.data.practices) {
      const row = { doc, practice };
      push(practicesById, practice.id, row);
      if (info) push(info.practices, practice.id, row);
      if (!practiceById.has(practice.id)) practiceById.set(practice.id, fallbackPractice(practice));
    }
    for (const topic of new Set(doc.data.topics)) push(docsByTopic, topic, doc);
  }

  const indicators = [...indicatorById.values()];
  const practices = [...practiceById.values()];
  return {
    lexicon,
    docs,
    docById,
    docRank,
    regions: [...regionBySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug)),
    regionBySlug,
    unknownRegionDocs,
    indicatorById,
    indicatorsWithData: indicators.filter((i) => targetsByIndicator.has(i.id)),
    indicatorsWithoutData: indicators.filter((i) => !targetsByIndicator.has(i.id)),
    targetsByIndicator,
    practiceById,
    practicesWithData: practices.filter((p) => practicesById.has(p.id)),
    practicesWithoutData: practices.filter((p) => !practicesById.has(p.id)),
    practicesById,
    topicById: new Map(lexicon.topics.map((t) => [t.id, t])),
    docsByTopic,
    glossaryById: new Map(lexicon.glossary.map((g) => [g.id, g])),
  };
}

/** Rows grouped by region slug (`''` for an unknown region), regions in slug order, unknown last. */
export function groupByRegion<R extends { doc: Doc }>(rows: readonly R[]): Array<{ region: Region | null; rows: R[] }> {
  const groups = new Map<string, { region: Region | null; rows: R[] }>();
  for (const row of rows) {
    const key = row.doc.data.region?.slug ?? '';
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else groups.set(key, { region: row.doc.data.region, rows: [row] });
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([, g]) => g);
}

/** Rows grouped by unit, the most frequent unit first: one chart per unit. */
export function groupByUnit(rows: readonly TargetRow[]): Array<{ unit: string; rows: TargetRow[] }> {
  const groups = new Map<string, TargetRow[]>();
  for (const row of rows) push(groups, row.target.unit, row);
  return [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([unit, list]) => ({ unit, rows: list }));
}

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

export function indicatorMatrix(site: SiteData): Array<MatrixRow<TargetRow, Indicator>> {
  return site.indicatorsWithData.map((item) => {
    const cells = matrixRegions(site).map((r) => r.targets.get(item.id) ?? []);
    return { item, cells, regionCount: cells.filter((c) => c.length > 0).length };
  });
}

export function practiceMatrix(site: SiteData): Array<MatrixRow<PracticeRow, PracticeDef>> {
  return site.practicesWithData.map((item) => {
    const cells = matrixRegions(site).map((r) => r.practices.get(item.id) ?? []);
    return { item, cells, regionCount: cells.filter((c) => c.length > 0).length };
  });
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

export interface Related {
  /** Other documents of the same region: the nearest in order (at most `limit`). */
  sameRegion: Doc[];
  /** How many other documents the region has in all (its page lists them). */
  sameRegionTotal: number;
  /** Other documents sharing topics, most shared first (at most `limit`). */
  sameTopic: Array<{ doc: Doc; topics: string[] }>;
  /** Other documents stating the same indicators or practices (backlinks), most shared first. */
  shared: Array<{ doc: Doc; indicators: string[]; practices: string[] }>;
}

/**
 * How many neighbours in a shared topic's, indicator's or practice's list a
 * document page considers. Every list can hold nearly all documents; reading
 * whole lists for every page made the build quadratic (measured: 5,000
 * documents took 6× as long as 1,000). A window around the document keeps the
 * work per page constant; the page lists a handful of them.
 */
export const RELATED_WINDOW = 20;
/** Fewer for topics: every document has several, and the page names only two topic neighbours. */
export const TOPIC_WINDOW = 8;

const positions = new WeakMap<readonly unknown[], Map<Doc, number>>();

/** The document's place in a list (its first item), from an index built once per list. */
function placeIn<T>(list: readonly T[], doc: Doc, docOf: (item: T) => Doc): number {
  let index = positions.get(list);
  if (!index) {
    index = new Map();
    for (let i = 0; i < list.length; i++) {
      const d = docOf(list[i] as T);
      if (!index.has(d)) index.set(d, i);
    }
    positions.set(list, index);
  }
  return index.get(doc) ?? 0;
}

/** Up to `size` items of a list around the document's own place in it. */
function around<T>(list: readonly T[], doc: Doc, docOf: (item: T) => Doc, size = RELATED_WINDOW): readonly T[] {
  if (list.length <= size) return list;
  const at = placeIn(list, doc, docOf);
  const start = Math.max(0, Math.min(at - Math.floor(size / 2), list.length - size));
  return list.slice(start, start + size);
}

const self = (d: Doc): Doc => d;
const rowDoc = (r: { doc: Doc }): Doc => r.doc;

/** Related documents and backlinks of one document, read from the indexes. */
export function relatedDocuments(site: SiteData, doc: Doc, limit = 5): Related {
  const rank = (d: Doc) => site.docRank.get(d) ?? 0;
  const region = doc.data.region ? site.regionBySlug.get(doc.data.region.slug) : undefined;
  const regionDocs = region?.docs ?? [];
  // The documents just before and after this one (by year): a region can have hundreds.
  const at = placeIn(regionDocs, doc, self);
  const from = Math.max(0, Math.min(at - Math.floor(limit / 2), regionDocs.length - limit - 1));
  const sameRegion = regionDocs.slice(from, from + limit + 1).filter((d) => d !== doc).slice(0, limit);

  const topics = new Map<Doc, string[]>();
  for (const topic of new Set(doc.data.topics)) {
    for (const other of around(site.docsByTopic.get(topic) ?? [], doc, self, TOPIC_WINDOW)) if (other !== doc) push(topics, other, topic);
  }
  const sameTopic = [...topics]
    .map(([d, list]) => ({ doc: d, topics: list, rank: rank(d) }))
    .sort((x, y) => y.topics.length - x.topics.length || x.rank - y.rank)
    .slice(0, limit)
    .map(({ doc: d, topics: list }) => ({ doc: d, topics: list }));

  const shared = new Map<Doc, { indicators: Set<string>; practices: Set<string> }>();
  const entry = (d: Doc) => {
    let e = shared.get(d);
    if (!e) shared.set(d, (e = { indicators: new Set(), practices: new Set() }));
    return e;
  };
  for (const id of new Set(doc.data.targets.map((t) => t.indicator))) {
    for (const row of around(site.targetsByIndicator.get(id) ?? [], doc, rowDoc)) if (row.doc !== doc) entry(row.doc).indicators.add(id);
  }
  for (const id of new Set(doc.data.practices.map((p) => p.id))) {
    for (const row of around(site.practicesById.get(id) ?? [], doc, rowDoc)) if (row.doc !== doc) entry(row.doc).practices.add(id);
  }
  const sharedList = [...shared]
    .map(([d, e]) => ({ doc: d, indicators: [...e.indicators], practices: [...e.practices], rank: rank(d) }))
    .sort((x, y) => y.indicators.length + y.practices.length - (x.indicators.length + x.practices.length) || x.rank - y.rank)
    .map(({ doc: d, indicators, practices }) => ({ doc: d, indicators, practices }));
  return { sameRegion, sameRegionTotal: Math.max(0, regionDocs.length - 1), sameTopic, shared: sharedList };
}

export interface TimelineYear {
  /** null: documents and figures without a year. */
  year: number | null;
  docs: Doc[];
  /** Targets whose sentence names this year. */
  targets: TargetRow[];
}

/** Documents by their year and targets by the year they refer to, years ascending, undated last. */
export function timeline(site: SiteData): TimelineYear[] {
  const years = new Map<number | null, TimelineYear>();
  const at = (year: number | null): TimelineYear => {
    let y = years.get(year);
    if (!y) years.set(year, (y = { year, docs: [], targets: [] }));
    return y;
  };
  for (const doc of site.docs) {
    at(doc.data.year).docs.push(doc);
    doc.data.targets.forEach((target, index) => {
      if (target.year !== undefined) at(target.year).targets.push({ doc, target, index });
    });
  }
  return [...years.values()].sort((a, b) => compareYears(a.year, b.year));
}

/** Indicators and practices of a topic that have data. */
export function topicContents(site: SiteData, topicId: string): { indicators: Indicator[]; practices: PracticeDef[]; docs: Doc[] } {
  return {
    indicators: site.indicatorsWithData.filter((i) => i.topic === topicId),
    practices: site.practicesWithData.filter((p) => p.topic === topicId),
    docs: site.docsByTopic.get(topicId) ?? [],
  };
}

/** Distinct years of a list of documents, ascending; `null` last when present. */
export function yearsOf(docs: readonly Doc[]): Array<number | null> {
  return [...new Set(docs.map((d) => d.data.year))].sort(compareYears);
}
