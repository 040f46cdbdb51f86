/**
 * Builds the Pagefind search index of a built site through Pagefind's Node
 * API (one process; pages are fed one by one, so memory stays flat).
 *
 * Document pages get their search metadata here, in the indexed copy only:
 * filters (region, year, topic, type), a year sort key, and the other forms
 * of glossary terms they use (新农合 → 新型农村合作医疗), so that a query in
 * either form finds them. The pages served to readers are not changed.
 *
 *   node scripts/index-search.ts [dist]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { readFrontmatter } from '../src/lib/ingest/emit.ts';
import { loadLexicon } from '../src/lib/lexicon.ts';
import type { DocumentFrontmatter } from '../src/schema/document.ts';

const site = process.argv[2] ?? 'dist';
const documentsDir = process.env.DOCUMENTS_DIR ?? 'content/documents';
const lexicon = loadLexicon();
const topicLabel = new Map(lexicon.topics.map((t) => [t.id, t.label]));
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Every term of the lexicons that a reader might type: indicator, practice and glossary forms. */
const termList = [
  ...new Set([...lexicon.indicators.flatMap((i) => [i.label, ...i.patterns]), ...lexicon.practices.flatMap((p) => [p.label, ...p.patterns]), ...lexicon.glossary.map((g) => g.term)]),
].filter((t) => /^\p{Script=Han}{2,8}$/u.test(t));

const frontmatter = new Map<string, DocumentFrontmatter>();
for (const file of readdirSync(documentsDir).filter((f) => f.endsWith('.mdx'))) {
  const data = readFrontmatter(readFileSync(join(documentsDir, file), 'utf8'));
  frontmatter.set(data.slug, data);
}

/** What kind of page a path is, for the `kind` filter: documents are searched apart from the rest. */
export function pageKind(sourcePath: string): string {
  const section = sourcePath.split('/')[0] ?? '';
  const kinds: Record<string, string> = {
    documents: '文件', regions: '地区', indicators: '指标', practices: '做法', compare: '对比', topics: '主题', glossary: '术语', timeline: '时间线',
  };
  return sourcePath.match(/^documents\/[^/]+\/index\.html$/) ? '文件' : (kinds[section] && section !== 'documents' ? kinds[section] : '页面');
}

/** Index-only markup for a document page: filters, sort key and alias forms. */
export function searchMetadata(data: DocumentFrontmatter, text: string): { head: string; tail: string } {
  const filter = (key: string, value: string) => `<span data-pagefind-filter="${key}:${escape(value)}"></span>`;
  const parts = [
    filter('region', data.region?.name ?? '地区不详'),
    filter('year', data.year === null ? '年份不详' : String(data.year)),
    filter('type', data.docType),
    ...data.topics.map((t) => filter('topic', topicLabel.get(t) ?? t)),
    `<span data-pagefind-sort="year:${data.year ?? 0}"></span>`,
  ];
  const forms = lexicon.glossary.filter((g) => [g.term, ...g.aliases].some((f) => f.length >= 2 && text.includes(f))).flatMap((g) => [g.term, ...g.aliases]);
  // The lexicon's terms the text uses, as words of their own: jieba may have cut them apart
  // inside longer words (县合疗办), while the browser's segmenter keeps the query whole (合疗).
  forms.push(...termList.filter((term) => text.includes(term)));
  if (data.region) forms.push(data.region.name, data.region.name.replace(/(县|区|市)$/, ''), data.region.prefecture ?? '', data.region.province);
  // Indicator and practice names as readers type them (门诊次均费用 where the text says 门诊病人次均费用).
  forms.push(...data.targets.map((t) => t.label), ...data.practices.map((p) => p.label));
  // Low weight, so these words find the page but its own text ranks and gives the excerpt.
  const aliases = forms.length ? `<p data-pagefind-weight="0.1">${escape([...new Set(forms)].filter(Boolean).join(' '))}</p>` : '';
  return { head: parts.join(''), tail: aliases };
}

/** A page reduced to its <main>, so the index process is sent no header, footer or head. */
export function mainOnly(html: string): string {
  const main = html.match(/<main\b[\s\S]*<\/main>/)?.[0] ?? '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>${main}</body></html>`;
}

/** A page reduced to its title and first paragraph, for the index. */
export function stubPage(html: string, extra: string): string {
  const main = html.match(/<main\b[^>]*>([\s\S]*?)<\/main>/)?.[1] ?? '';
  const h1 = main.match(/<h1\b[\s\S]*?<\/h1>/)?.[0] ?? '';
  const lead = main.slice(main.indexOf(h1) + h1.length).match(/<p\b[\s\S]*?<\/p>/)?.[0] ?? '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><main data-pagefind-body>${extra}${h1}${lead}</main></body></html>`;
}

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'pagefind') yield* htmlFiles(path);
    else if (entry.isFile() && entry.name.endsWith('.html') && entry.name !== '404.html') yield path;
  }
}

const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
if (!index) throw new Error(`pagefind: cannot create index: ${errors.join('; ')}`);
let pages = 0;
/** The indexed copy of a page, or null when the page is not indexed. */
function indexedContent(sourcePath: string, html: string): string | null {
  // A document's source page repeats its text line by line: not indexed.
  if (/^documents\/[^/]+\/source\//.test(sourcePath)) return null;
  const slug = sourcePath.match(/^documents\/([^/]+)\/index\.html$/)?.[1];
  const data = slug ? frontmatter.get(slug) : undefined;
  // Every page is indexed, with a kind filter so the search page lists documents apart.
  // Other pages (regions, indicators, matrices…) gather text the documents already hold:
  // only their title and lead paragraph are indexed, which keeps the index linear in the documents.
  const kind = `<span data-pagefind-filter="kind:${pageKind(sourcePath)}"></span>`;
  if (data) {
    const { head, tail } = searchMetadata(data, html);
    const indexed = html
      .replace(/(<main\b[^>]*data-pagefind-body[^>]*>)/, `$1${kind}${head}`)
      .replace(/<\/main>/, `${tail}</main>`)
      // The ¶N self-links of paragraphs are not text of the document.
      .replace(/<a href="#p-\d+">¶\d+<\/a>/g, '');
    return mainOnly(indexed);
  }
  return stubPage(html, kind);
}

/** Pages sent to the index process at once: it works on them in parallel. */
const IN_FLIGHT = 32;
const paths = [...htmlFiles(site)].sort();
for (let i = 0; i < paths.length; i += IN_FLIGHT) {
  const batch = paths.slice(i, i + IN_FLIGHT).flatMap((path) => {
    const sourcePath = relative(site, path).split(sep).join('/');
    const content = indexedContent(sourcePath, readFileSync(path, 'utf8'));
    return content === null ? [] : [{ sourcePath, content }];
  });
  const results = await Promise.all(batch.map((file) => index.addHTMLFile(file)));
  results.forEach((added, n) => {
    if (added.errors.length) throw new Error(`pagefind: ${batch[n]?.sourcePath}: ${added.errors.join('; ')}`);
  });
  pages += batch.length;
}
const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
console.log(`pagefind: indexed ${pages} page(s) into ${written.outputPath}`);
await pagefind.close();
