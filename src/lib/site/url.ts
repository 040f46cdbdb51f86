/**
 * Internal links that respect the configured base path (SITE_BASE), so the
 * site works under a sub-path of an intranet server. Every page URL ends
 * with `/` (trailingSlash: 'always', build.format: 'directory').
 */
import { basePath, documentPaths } from './paths.ts';

const base = basePath(import.meta.env.BASE_URL);
const documents = documentPaths(base);

/** `href('documents/x/')` → `/base/documents/x/`. */
export function href(path = ''): string {
  return base + path.replace(/^\//, '');
}

/** A document's page: `/documents/<slug>/`. */
export const docUrl = documents.doc;
/** Link to a cited paragraph: `/documents/<slug>/#p-N`. */
export const citeUrl = documents.cite;
export const docSourceUrl = (slug: string): string => href(`documents/${slug}/source/`);
/** The extension an original file is published under, by the format it was read as. */
// A web page as .html.txt: served as text, its markup is shown, never run on this site.
const ORIGINAL_EXTENSIONS = { text: 'txt', html: 'html.txt', docx: 'docx', doc: 'doc', pdf: 'pdf' } as const;
/** A published original file (SITE_PUBLISH_SOURCES): /sources/<first 16 hex of its sha256>.<ext>, an ASCII name whatever the file was called. */
export const originalFileName = (source: { sha256: string; format: keyof typeof ORIGINAL_EXTENSIONS }): string => `${source.sha256.slice(0, 16)}.${ORIGINAL_EXTENSIONS[source.format]}`;
export const originalUrl = (source: { sha256: string; format: keyof typeof ORIGINAL_EXTENSIONS }): string => href(`sources/${originalFileName(source)}`);
/** Region page; a null region goes to the page of documents without a region. */
export const regionUrl = (slug: string | null | undefined): string => href(`regions/${slug ?? 'unknown'}/`);
export const indicatorUrl = (id: string): string => href(`indicators/${id}/`);
export const practiceUrl = (id: string): string => href(`practices/${id}/`);
export const topicUrl = (id: string): string => href(`topics/${id}/`);
export const glossaryUrl = (id: string): string => href(`glossary/#${id}`);
export const compareUrl = (key: string): string => href(`compare/${key}/`);
