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
  /** Figures whose value is not plausible for their indicator (target.implausible): listed apart, never compared. */
  implausibleByIndicator: Map<string, TargetRow[]>;
  practiceById: Map<string, PracticeDef>;
  practicesWithData: PracticeDef[];
  practicesWithoutData: PracticeDef[];
  practicesById: Map<string, PracticeRow[]>;
  topicById: Map<string, Topic>;
  docsByTopic: Map<string, Doc[]>;
  glossaryById: Map<string, GlossaryTerm>;
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

export function compareDocs(a: Doc, b: Doc): number {
  return (
    compareYears(a.data.year, b.data.year) ||
    (a.data.region?.slug ?? '~').localeCompare(b.data.region?.slug ?? '~') ||
    zhCollator.compare(a.data.title, b.data.title) ||
    a.id.localeCompare(b.id)
  );
}

/** Appends to the list a map holds under a key. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
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

/** What of the lexicon the site shows: indicators, practices, topics, glossary, focus regions, former place names. */
/** The lexicon's entries as pages name them (pages import no lexicon module). */
export type { GlossaryTerm, Indicator, PracticeDef, Topic } from '../lexicon.ts';

export type SiteLexicon = Pick<Lexicon, 'indicators' | 'practices' | 'topics' | 'glossary' | 'focusRegions'> & {
  historical: Lexicon['gazetteerExtra']['historical'];
  /** Unit families and scales, to compare 亿元 with 万元 (src/lib/site/scale.ts); without them, units are compared as written. */
  units?: Pick<Lexicon['units'], 'families' | 'scales' | 'densityEndings'>;
};

/** What of a loaded lexicon the site takes (getSiteData and the open-data worker alike). */
export function siteLexicon(lexicon: Lexicon): SiteLexicon {
  const { indicators, practices, topics, glossary, focusRegions, gazetteerExtra, units } = lexicon;
  return { indicators, practices, topics, glossary, focusRegions, historical: gazetteerExtra.historical, units: { families: units.families, scales: units.scales, densityEndings: units.densityEndings } };
}

/** Builds every index the pages need, in one pass over the documents. */
export function buildSiteData(entries: readonly Doc[], lexicon: SiteLexicon): SiteData {
  const docs = [...entries].sort(compareDocs);
  const docById = new Map<string, Doc>();
  const docRank = new Map(docs.map((d, i) => [d, i]));
  const regionBySlug = new Map<string, RegionInfo>();
  const unknownRegionDocs: Doc[] = [];
  const targetsByIndicator = new Map<string, TargetRow[]>();
  const implausibleByIndicator = new Map<string, TargetRow[]>();
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
      // An implausible figure (810万元 for 8—10万元) is listed apart on its indicator's page: no comparison, chart or count.
      if (target.implausible) {
        push(implausibleByIndicator, target.indicator, row);
        if (!indicatorById.has(target.indicator)) indicatorById.set(target.indicator, fallbackIndicator(target));
        return;
      }
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
    indicatorsWithData: indicators.filter((i) => targetsByIndicator.has(i.id) || implausibleByIndicator.has(i.id)),
    indicatorsWithoutData: indicators.filter((i) => !targetsByIndicator.has(i.id) && !implausibleByIndicator.has(i.id)),
    targetsByIndicator,
    implausibleByIndicator,
    practiceById,
    practicesWithData: practices.filter((p) => practicesById.has(p.id)),
    practicesWithoutData: practices.filter((p) => !practicesById.has(p.id)),
    practicesById,
    topicById: new Map(lexicon.topics.map((t) => [t.id, t])),
    docsByTopic,
    glossaryById: new Map(lexicon.glossary.map((g) => [g.id, g])),
  };
}
