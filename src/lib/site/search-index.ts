/**
 * What the search index learns from a page, written into the page itself as
 * Pagefind attributes (`data-pagefind-*`), so that scripts/index-search.ts
 * hands the built directory to Pagefind's own indexer as it is: no page is
 * read, rewritten or sent one by one from JavaScript.
 */
import type { DocumentFrontmatter } from '../../schema/document.ts';
import type { SiteData } from './data.ts';

/** How a page is indexed: in full (documents), by its title and summary, or not at all. */
export type IndexMode = 'full' | 'summary' | 'none';

/** The `kind` filter value of document pages; the search page lists them apart from the rest. */
export const DOCUMENT_KIND = '文件';

const sectionKinds: Record<string, string> = {
  regions: '地区', indicators: '指标', practices: '做法', compare: '对比', topics: '主题', glossary: '术语', timeline: '时间线',
};

/** The `kind` filter value of a page, from its path below the site base (`regions/xixian/`). */
export function pageKind(path: string): string {
  if (/^documents\/[^/]+\/$/.test(path)) return DOCUMENT_KIND;
  return sectionKinds[path.split('/')[0] ?? ''] ?? '页面';
}

/**
 * What a summary page tells the index after its title: its description, without the title
 * it often opens with (隰县：山西省隰县的医改文件… for the page titled 隰县).
 */
export function summaryAfterTitle(title: string, description: string | undefined): string {
  if (!description) return '';
  return description.startsWith(title) ? description.slice(title.length).replace(/^[：:，,\s]+/u, '') : description;
}

type Lexicon = SiteData['lexicon'];

interface TermIndex {
  /** Plain Chinese lexicon terms (indicator, practice and glossary forms), by the code of their first character. */
  byFirst: Map<number, string[]>;
}
const indexCache = new WeakMap<Lexicon, TermIndex>();

function termIndex(lexicon: Lexicon): TermIndex {
  let index = indexCache.get(lexicon);
  if (index) return index;
  const byFirst = new Map<number, string[]>();
  const add = (term: string) => {
    const list = byFirst.get(term.charCodeAt(0)) ?? [];
    if (!list.includes(term)) list.push(term);
    byFirst.set(term.charCodeAt(0), list);
  };
  const plain = [
    ...lexicon.indicators.flatMap((i) => [i.label, ...i.patterns]),
    ...lexicon.practices.flatMap((p) => [p.label, ...p.patterns]),
    ...lexicon.glossary.map((g) => g.term),
  ].filter((t) => /^\p{Script=Han}{2,8}$/u.test(t));
  plain.forEach(add);
  for (const g of lexicon.glossary) for (const f of [g.term, ...g.aliases].filter((f) => f.length >= 2)) add(f);
  index = { byFirst };
  indexCache.set(lexicon, index);
  return index;
}

/** The hidden words of a document page: other words of its text, and its places. */
export interface SearchTerms {
  /**
   * The lexicon's short terms it contains, as words of their own (jieba may cut
   * 合疗 apart inside 县合疗办, while the browser keeps the query whole).
   */
  words: string[];
  /**
   * Its region, the name without its suffix as readers type it (金安), its
   * prefecture and province (the page's head is kept out of the index).
   */
  places: string[];
}

/**
 * What a document should be found by besides its text, indexed at low weight.
 * (Indicator and practice names are indexed from the page's panels.)
 */
export function searchTerms(data: DocumentFrontmatter, text: string, lexicon: Lexicon): SearchTerms {
  const { byFirst } = termIndex(lexicon);
  const found = new Set<string>();
  // One pass over the text, trying only the terms that start with the character at hand
  // (looked up by its code: a one-character string per position costs more than the lookup).
  for (let at = 0; at < text.length; at++) {
    const terms = byFirst.get(text.charCodeAt(at));
    if (terms) for (const term of terms) if (text.startsWith(term, at)) found.add(term);
  }
  // Short words only: a longer query is cut into words by the browser too. The other forms of a
  // glossary term are not repeated here: the search page runs every form of the query itself
  // (search/aliases.json), and a page is relevant only for what its text says (relevance.ts).
  const forms: string[] = [];
  for (const term of found) if (/^\p{Script=Han}{2,4}$/u.test(term)) forms.push(term);
  const places = data.region ? [data.region.name, data.region.name.replace(/(县|区|市)$/, ''), data.region.prefecture ?? '', data.region.province] : [];
  return { words: [...new Set(forms)].filter((f) => f.length >= 2), places: [...new Set(places)].filter((f) => f.length >= 2) };
}

/**
 * What the indexer reads of a summary page (Base.astro, `index="summary"`):
 * a stub with its <main>'s kind filter, its hidden indexed line and, as `href`
 * meta, the page's path below the site base (`regions/xixian/`), which the
 * search page links to. Undefined for a page that is not indexed (no such
 * line: document pages are read whole, source pages and 404 not at all).
 */
export function summaryStub(html: string, path: string): string | undefined {
  const line = html.match(/<p hidden data-pagefind-body>([\s\S]*?)<\/p>/)?.[1];
  if (line === undefined) return undefined;
  const kind = html.match(/<main id="main"[^>]*? data-pagefind-filter="([^"]*)"/)?.[1] ?? '';
  const href = path.replace(/index\.html$/, '');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><main data-pagefind-body data-pagefind-filter="${kind}" data-pagefind-meta="href:${href}"><p>${line}</p></main></body></html>\n`;
}
