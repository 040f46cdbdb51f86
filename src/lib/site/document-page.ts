/**
 * What a document page will hold besides its text, decided once for the page
 * and for the question of whether the document needs a source page of its own.
 */
import type { DocumentFrontmatter } from '../../schema/document.ts';
import type { Doc, SiteData } from './data.ts';
import { relatedDocuments } from './related.ts';
import { docRef } from './page-inputs.ts';
import { searchTerms, type SearchTerms } from './search-index.ts';
import { changedLines, pageRoom, provenanceBudget, provenanceView, readSourceLines, sourceDigest, type ProvenanceView } from './source.ts';
import { reviewBytes } from './review.ts';

export interface DocumentPagePlan {
  /** The hidden line of other words and places the search index finds the page by. */
  searchTerms: SearchTerms;
  /** The provenance panel's changed lines and repairs, cut to the room the page has. */
  provenance: ProvenanceView;
  /** Lines of the original (0 when the source file is not in the build). */
  originalLines: number;
  /** How many of the other figures (open extraction) the page lists; the rest are on its figures page. */
  figuresShown: number;
  /** How many documents sharing indicators or practices the related list names (fewer on a full page). */
  relatedLimit: number;
  /** How many documents of similar topics it names (none on a page far over its room: the topic pages list them). */
  topicLimit: number;
}

/**
 * Plans by document: the source pages' route asks for every document before
 * the document pages render (a few hundred bytes each, more only for the few
 * documents with many changed lines).
 */
const plans = new Map<string, DocumentPagePlan>();

/** Bytes one row of the other figures' table takes on a page (OpenFigures.astro), with its share of the script's button. */
const FIGURE_ROW = 210;
/** Bytes kept free on a page that lists other figures: its table's caption and the estimate's error. */
const FIGURES_MARGIN = 800;

/** The plan of a document's page; `entry.body` is its reading text, as the content store holds it. */
export function documentPagePlan(entry: { id: string; body?: string; data: DocumentFrontmatter }, lexicon: SiteData['lexicon']): DocumentPagePlan {
  const known = plans.get(entry.id);
  if (known && !import.meta.env?.DEV) return known;
  const plan = makePlan(entry, lexicon);
  plans.set(entry.id, plan);
  return plan;
}

function makePlan(entry: { body?: string; data: DocumentFrontmatter }, lexicon: SiteData['lexicon']): DocumentPagePlan {
  const d = entry.data;
  // The text as the page shows it: the estimates below were measured on it, markup aside.
  // The content store holds each document's reading text as its body (./documents-loader.ts).
  const body = entry.body ?? '';
  const text = `${d.title}\n${body}`;
  const terms = searchTerms(d, text, lexicon);
  // The terms line and the search attributes take their share of the page.
  // So do the 核对 column, the notes of corrections and the figures' ids (reviewBytes).
  const reserved = Buffer.byteLength([...terms.words, ...terms.places].join(' ')) + 600 + reviewBytes(d);
  // The other figures come before the provenance lines; what does not fit goes to a page of its own.
  // (Less a margin for the estimate's error, when the page also lists other figures.)
  const room = pageRoom(body, { targets: d.targets.length, practices: d.practices.length }, reserved) - (d.figures.length > 0 ? FIGURES_MARGIN : 0);
  const figuresShown = Math.min(d.figures.length, Math.max(0, Math.floor(room / FIGURE_ROW)));
  const budget = provenanceBudget(room - figuresShown * FIGURE_ROW);
  const original = readSourceLines(d.source.file, d.source.lines);
  const changed = changedLines(original, text);
  // A page with no room left names fewer related documents (the indicator pages list them all).
  const relatedLimit = room < -1500 ? 1 : room < 0 ? 2 : 4;
  const topicLimit = room < -2000 ? 0 : 2;
  return { searchTerms: terms, provenance: provenanceView(changed, d.cleaning.repairs, budget), originalLines: original.length, figuresShown, relatedLimit, topicLimit };
}

/**
 * Everything a document page reads besides the build's code, lexicon and
 * settings, for the page cache (./page-cache.ts): its document (by its
 * digest), its original (sourceDigest) and the documents its related list
 * names, each by its digest, since the list shows their titles, years and
 * regions.
 */
export function documentPageInputs(site: SiteData, doc: Doc, digestOf: (id: string) => string | undefined): unknown {
  const ref = (d: Doc) => docRef(d, digestOf);
  const related = relatedDocuments(site, doc);
  return {
    ...documentIndexInputs(doc, digestOf),
    sameRegion: related.sameRegion.map(ref),
    sameRegionTotal: related.sameRegionTotal,
    sameTopic: related.sameTopic.map((r) => [ref(r.doc), r.topics]),
    shared: related.shared.map((r) => [ref(r.doc), r.indicators, r.practices]),
  };
}

/**
 * What decides what the search index takes of a document page: its document
 * and its original (the related list is marked data-pagefind-ignore).
 */
export function documentIndexInputs(doc: Doc, digestOf: (id: string) => string | undefined): { document: string; source: string } {
  return { document: docRef(doc, digestOf), source: sourceDigest(doc.data.source.file) };
}

