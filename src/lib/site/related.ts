/**
 * Related documents of a document page: the same region's nearest ones, and
 * those sharing its topics, indicators and practices, from windows of the indexes.
 */
import { push, type Doc, type SiteData } from './data.ts';

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

