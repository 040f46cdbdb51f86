/**
 * The search page's script (the only client JavaScript of the site): reads
 * the query and filters from the URL, normalises the query (Traditional →
 * Simplified, full-width → ASCII, aliases), runs every variant against the
 * Pagefind index and merges the results.
 */
import { normalizeQuery, queryVariants, type AliasGroups, type CharMap } from '../lib/search/normalize.ts';
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
  search(query: string | null, options?: { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> }): Promise<{ results: PagefindResult[] }>;
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

/** Text of a Pagefind excerpt as DOM nodes: <mark> kept, everything else as text. */
function excerptNodes(excerpt: string): Node[] {
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return excerpt.split(/(<mark>[\s\S]*?<\/mark>)/).map((part) => {
    const marked = part.match(/^<mark>([\s\S]*)<\/mark>$/);
    if (!marked) return document.createTextNode(decode(part));
    const mark = document.createElement('mark');
    mark.textContent = decode(marked[1] ?? '');
    return mark;
  });
}

function renderResult(data: PagefindResultData, level: 2 | 3 = 2): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  // Pages other than documents are indexed from a stub (scripts/index-search.ts) that names their address.
  const url = data.meta.href !== undefined ? base + data.meta.href : data.url;
  link.href = url;
  link.textContent = data.meta.title ?? url;
  const heading = document.createElement(`h${level}`);
  heading.append(link);
  const facts = [data.filters.region?.[0], data.filters.year?.[0], data.filters.type?.[0]].filter(Boolean);
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = facts.join(' · ');
  const excerpt = document.createElement('p');
  excerpt.append(...excerptNodes(data.excerpt));
  item.append(heading, ...(facts.length ? [meta] : []), excerpt);
  return item;
}

export async function runSearch(pagefind: Pagefind, query: string, filters: Record<string, unknown>, sort: string, aliases: AliasGroups): Promise<PagefindResult[]> {
  const options = {
    filters,
    ...(sort ? { sort: { year: sort === 'year-asc' ? ('asc' as const) : ('desc' as const) } } : {}),
  };
  if (!query) return (await pagefind.search(null, options)).results;
  const merged = new Map<string, PagefindResult>();
  for (const variant of queryVariants(query, aliases)) {
    for (const result of (await pagefind.search(variant, options)).results) {
      const known = merged.get(result.id);
      if (!known || known.score < result.score) merged.set(result.id, result);
    }
    if (merged.size >= MAX_RESULTS) break;
  }
  const results = [...merged.values()];
  return sort ? results : rerankByPhrase(results.sort((a, b) => b.score - a.score), query);
}

/** How many of the best results are re-ranked by the exact phrase. */
const RERANK_DEPTH = 12;

/**
 * Pagefind ranks the words of a segmented query, wherever they stand: 药品集中采购
 * becomes 药品 + 集中 + 采购. For a Chinese query, the best results are re-ranked
 * by how often the text contains the query as typed, so a document that says
 * it comes before one that only has the pieces.
 */
async function rerankByPhrase(results: PagefindResult[], query: string): Promise<PagefindResult[]> {
  if (!/^[\p{Script=Han}]{2,}$/u.test(query) || results.length < 2) return results;
  const head = results.slice(0, RERANK_DEPTH);
  const counts = await Promise.all(head.map(async (r) => ((await r.data()).content.split(query).length - 1)));
  const order = head.map((r, i) => ({ r, i, n: counts[i] ?? 0 })).sort((a, b) => Number(b.n > 0) - Number(a.n > 0) || (b.n > 0 && a.n > 0 ? b.n - a.n : 0) || a.i - b.i);
  return [...order.map((o) => o.r), ...results.slice(RERANK_DEPTH)];
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
    await pagefind.options({ excerptLength: 40 });
    const results = await runSearch(pagefind, query, { ...filters, kind: DOCUMENT_KIND }, params.get('sort') ?? '', aliases);
    const shown = await Promise.all(results.slice(0, MAX_RESULTS).map((r) => r.data()));
    list.replaceChildren(...shown.map((d) => renderResult(d)));
    // Region, indicator, practice and glossary pages that match, listed apart from the documents.
    const pages = document.querySelector<HTMLOListElement>('#search-pages');
    if (pages && query && Object.keys(filters).length === 0) {
      const other = await runSearch(pagefind, query, { kind: { none: [DOCUMENT_KIND] } }, '', aliases);
      const data = await Promise.all(other.slice(0, 6).map((r) => r.data()));
      pages.replaceChildren(...data.map((d) => renderResult(d, 3)));
      pages.closest('section')?.toggleAttribute('hidden', data.length === 0);
    }
    const normalised = query && query !== (params.get('q') ?? '').trim() ? `（已按“${query}”搜索）` : '';
    status.textContent = results.length ? `找到 ${results.length} 个结果${normalised}。` : `没有找到结果${normalised}。可以换个说法，或减少筛选条件。`;
  } catch (error) {
    status.textContent = `搜索暂时不可用：${(error as Error).message}`;
  }
}
