/**
 * What a document page will hold besides its text, decided once for the page
 * and for the question of whether the document needs a source page of its own.
 */
import type { DocumentFrontmatter } from '../../schema/document.ts';
import type { SiteData } from './data.ts';
import { searchTerms } from './search-index.ts';
import { provenanceBudget } from './source.ts';
import { plainText } from '../ingest/emit.ts';

export interface DocumentPagePlan {
  /** The hidden line of other words the search index finds the page by. */
  searchTerms: string[];
  /** Bytes left for the provenance panel's repairs table and original text. */
  provenanceBudget: number;
}

/** Plans by document, as the document page and the source pages' route both ask (a few KB each). */
const plans = new Map<string, DocumentPagePlan>();

export function documentPagePlan(entry: { id: string; body?: string; data: DocumentFrontmatter }, lexicon: SiteData['lexicon']): DocumentPagePlan {
  const known = plans.get(entry.id);
  if (known && !import.meta.env?.DEV) return known;
  const plan = makePlan(entry, lexicon);
  plans.set(entry.id, plan);
  return plan;
}

function makePlan(entry: { body?: string; data: DocumentFrontmatter }, lexicon: SiteData['lexicon']): DocumentPagePlan {
  const body = entry.body ?? '';
  const terms = searchTerms(entry.data, `${entry.data.title}\n${plainText(body)}`, lexicon);
  // The terms line and the search attributes take their share of the page.
  const reserved = Buffer.byteLength(terms.join(' ')) + 600;
  return { searchTerms: terms, provenanceBudget: provenanceBudget(body, { targets: entry.data.targets.length, practices: entry.data.practices.length }, reserved) };
}
