/**
 * What a page that gathers documents reads, as the page cache's inputs
 * (./page-cache.ts): each document it shows, by id and file digest (a digest
 * covers everything the document says), in the order the page shows them,
 * and whatever else of the collection it names. A region page of a region
 * nobody added to is then copied from the cache, not rendered again. Pages
 * that read the whole collection (the home page, the lists, the compare
 * matrix, the timeline) are not cached: every change changes them.
 */
import type { Doc, RegionInfo, SiteData } from './data.ts';
import { comparePartners } from './compare.ts';

/** A document's digest by its id (the content store's). */
export type DigestOf = (id: string) => string | undefined;

/** A document as a page's inputs name it: its id and its file's digest. */
export const docRef = (doc: Doc, digestOf: DigestOf): string => `${doc.id}@${digestOf(doc.id) ?? ''}`;

const regionDocs = (info: RegionInfo, digestOf: DigestOf): string[] => info.docs.map((d) => docRef(d, digestOf));

/** A region's page: its documents, the regions it is compared with (their names link), its practices' order. */
export function regionPageInputs(site: SiteData, info: RegionInfo, digestOf: DigestOf): unknown {
  return {
    docs: regionDocs(info, digestOf),
    partners: comparePartners(site, info.slug).map((o) => [o.slug, o.region.name, o.region.province]),
    practices: site.practicesWithData.filter((p) => info.practices.has(p.id)).map((p) => p.id),
  };
}

/** Two regions side by side: both regions' documents (the indicators and practices follow the lexicon's order). */
export function pairPageInputs(a: RegionInfo, b: RegionInfo, digestOf: DigestOf): unknown {
  return { a: regionDocs(a, digestOf), b: regionDocs(b, digestOf) };
}

/** An indicator's page: its figures and its doubtful figures, each by document and place in it. */
export function indicatorPageInputs(site: SiteData, id: string, digestOf: DigestOf): unknown {
  const rows = (list: Array<{ doc: Doc; index: number }> | undefined) => (list ?? []).map((r) => [docRef(r.doc, digestOf), r.index]);
  return { rows: rows(site.targetsByIndicator.get(id)), doubtful: rows(site.implausibleByIndicator.get(id)) };
}

/** A practice's page: the documents that mention it, in order. */
export function practicePageInputs(site: SiteData, id: string, digestOf: DigestOf): unknown {
  return (site.practicesById.get(id) ?? []).map((r) => docRef(r.doc, digestOf));
}
