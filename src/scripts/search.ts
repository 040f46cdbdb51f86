/**
 * The search page's script: reads the query and filters from the URL,
 * normalises the query (Traditional → Simplified, full-width → ASCII,
 * aliases), runs every variant against the Pagefind index, merges the
 * results and keeps the relevant ones (src/lib/search/relevance.ts), each
 * shown with its region, year and type and an excerpt of its visible text.
 */
import { normalizeQuery, queryVariants, type AliasGroups, type CharMap } from '../lib/search/normalize.ts';
import { excerpt, intlSegmenter, judge, visibleContent, type ExcerptPart, type Judgement } from '../lib/search/relevance.ts';
// The kind filter value the pages carry for documents (src/layouts/Base.astro).
import { DOCUMENT_KIND } from '../lib/site/search-index.ts';

interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  search(query: string | null, options?: { filters?: Record<string, unknown> }): Promise<{ results: PagefindResult[] }>;
}

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const MAX_RESULTS = 20;

async function loadJson<T>(path: string, fallback: T): Promise<T> {
  try {
    const response = await fetch(base + path);
    return response.ok ? ((await response.json()) as T) : fallback;
  } catch {
    return fallback;
  }
}

/** An excerpt as DOM nodes: the needles in <mark>, the rest as text (never markup). */
function excerptNodes(parts: ExcerptPart[]): Node[] {
  return parts.map((part) => {
    if (!part.mark) return document.createTextNode(part.text);
    const mark = document.createElement('mark');
    mark.textContent = part.text;
    return mark;
  });
}

/** A result with its data and how it was judged (src/lib/search/relevance.ts). */
interface Found {
  data: PagefindResultData;
  judgement: Judgement | null;
}

function renderResult({ data, judgement }: Found, level: 2 | 3 = 2): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  // Pages other than documents are indexed from a stub (scripts/index-search.ts) that names their address.
  const url = data.meta.href !== undefined ? base + data.meta.href : data.url;
  link.href = url;
  link.textContent = data.meta.title ?? url;
  const heading = document.createElement(`h${level}`);
  heading.append(link);
  const year = data.filters.year?.[0];
  const facts = [data.filters.region?.[0], year && /^\d{4}$/.test(year) ? `${year}年` : year, data.filters.type?.[0]].filter(Boolean);
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = facts.join(' · ');
  const text = document.createElement('p');
  // From the visible text only, the title (which the content opens with) left out.
  const visible = visibleContent(data.content);
  const title = data.meta.title ?? '';
  text.append(...excerptNodes(excerpt(visible, judgement?.spans ?? [], 60, title && visible.startsWith(title) ? title.length : 0)));
  item.append(heading, ...(facts.length ? [meta] : []), text);
  // How the result was judged (relevance.ts), for whoever inspects the page.
  if (judgement) item.dataset.tier = String(judgement.tier);
  return item;
}

/** How many of Pagefind's results are read and judged; it returns every page with any word of the query. */
const CANDIDATES = 80;

/** The year filter's values in the order a sort asks for: years, and 年份不详 after the oldest (it sorts as year 0). */
export function yearsInOrder(years: readonly string[], sort: string): string[] {
  const known = years.filter((y) => /^\d{4}$/.test(y)).sort();
  const unknown = years.filter((y) => !/^\d{4}$/.test(y));
  return sort === 'year-asc' ? [...unknown, ...known] : [...known.reverse(), ...unknown];
}

/**
 * Runs the query and its variants (aliases, the exact phrase) against the index, merges the
 * results, reads the best of them and keeps those whose visible text holds what was asked
 * (relevance.ts), most relevant first; with a sort, by year instead: one year at a time (the
 * year filter), most relevant first within a year. (Pagefind's own sort ranks within one
 * index; the index is cut into shards, scripts/index-search.ts.) `years` are the year filter's
 * values.
 */
export async function runSearch(pagefind: Pagefind, query: string, filters: Record<string, unknown>, sort: string, aliases: AliasGroups, years: readonly string[] = []): Promise<Found[]> {
  const wanted = query ? CANDIDATES : MAX_RESULTS;
  const ordered = sort ? (typeof filters.year === 'string' ? [filters.year] : yearsInOrder(years, sort)) : [];
  const groups: Array<string | undefined> = ordered.length > 0 ? ordered : [undefined];
  const candidates: PagefindResult[] = [];
  for (const year of groups) {
    const options = { filters: year === undefined ? filters : { ...filters, year } };
    const merged = new Map<string, PagefindResult>();
    for (const variant of query ? queryVariants(query, aliases) : [null]) {
      for (const result of (await pagefind.search(variant, options)).results) {
        const known = merged.get(result.id);
        if (!known || known.score < result.score) merged.set(result.id, result);
      }
    }
    candidates.push(...[...merged.values()].sort((a, b) => b.score - a.score));
    if (candidates.length >= wanted) break;
  }
  if (!query) return Promise.all(candidates.slice(0, MAX_RESULTS).map(async (r) => ({ data: await r.data(), judgement: null })));
  const segment = intlSegmenter();
  const judged = await Promise.all(
    candidates.slice(0, CANDIDATES).map(async (r, rank) => {
      const data = await r.data();
      return { data, judgement: judge(data.content, query, aliases, segment), rank };
    }),
  );
  const kept = judged.filter((f) => f.judgement.tier > 0);
  if (!sort) kept.sort((a, b) => b.judgement.tier - a.judgement.tier || b.judgement.hits - a.judgement.hits || a.rank - b.rank);
  return kept.slice(0, MAX_RESULTS);
}

export async function startSearchPage(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('#search-form');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  if (!form || !status || !list) return;
  const params = new URLSearchParams(location.search);
  for (const element of Array.from(form.elements)) {
    if (element instanceof HTMLInputElement || element instanceof HTMLSelectElement) element.value = params.get(element.name) ?? '';
  }
  // On a phone the filters fold away under their summary unless one is set, so the results
  // come right below the search box (the page is built with them open, for readers without scripts).
  const folding = document.querySelector<HTMLDetailsElement>('#search-filters');
  const filtered = ['region', 'year', 'topic', 'type', 'sort'].some((key) => params.get(key));
  if (folding && !filtered && matchMedia('(max-width: 40rem)').matches) folding.open = false;
  const [charMap, aliases] = await Promise.all([loadJson<CharMap>('search/t2s.json', {}), loadJson<AliasGroups>('search/aliases.json', [])]);
  const query = normalizeQuery(params.get('q') ?? '', charMap);
  const filters: Record<string, string> = {};
  for (const key of ['region', 'year', 'topic', 'type']) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  if (!query && Object.keys(filters).length === 0) {
    status.textContent = '请输入关键词，或选择筛选条件。';
    return;
  }
  status.textContent = '正在搜索…';
  try {
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    // The documents' shards, merged into the main index (scripts/index-search.ts).
    const shards = await loadJson<string[]>('pagefind/shards.json', []);
    await Promise.all(shards.map((shard) => pagefind.mergeIndex(`${base}pagefind/${shard}`)));
    const years = Array.from(form.querySelectorAll<HTMLOptionElement>('select[name="year"] option'), (o) => o.value).filter(Boolean);
    const results = await runSearch(pagefind, query, { ...filters, kind: DOCUMENT_KIND }, params.get('sort') ?? '', aliases, years);
    list.replaceChildren(...results.map((found) => renderResult(found)));
    // Region, indicator, practice and glossary pages that match, listed apart from the documents.
    const pages = document.querySelector<HTMLOListElement>('#search-pages');
    if (pages && query && Object.keys(filters).length === 0) {
      const other = (await runSearch(pagefind, query, { kind: { none: [DOCUMENT_KIND] } }, '', aliases)).slice(0, 6);
      pages.replaceChildren(...other.map((found) => renderResult(found, 3)));
      pages.closest('section')?.toggleAttribute('hidden', other.length === 0);
    }
    const normalised = query && query !== (params.get('q') ?? '').trim() ? `（已按“${query}”搜索）` : '';
    status.textContent = results.length ? `找到 ${results.length} 个结果${normalised}。` : `没有找到结果${normalised}。可以换个说法，或减少筛选条件。`;
  } catch (error) {
    status.textContent = `搜索暂时不可用：${(error as Error).message}`;
  }
}
