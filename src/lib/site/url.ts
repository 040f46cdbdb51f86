/**
 * Internal links that respect the configured base path (SITE_BASE), so the
 * site works under a sub-path of an intranet server. Every page URL ends
 * with `/` (trailingSlash: 'always', build.format: 'directory').
 */
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** `href('documents/x/')` → `/base/documents/x/`. */
export function href(path = ''): string {
  return base + path.replace(/^\//, '');
}

export const docUrl = (slug: string): string => href(`documents/${slug}/`);
/** Link to a cited paragraph: `/documents/<slug>/#p-N`. */
export const citeUrl = (slug: string, paragraph: string): string => `${docUrl(slug)}#${paragraph}`;
export const docSourceUrl = (slug: string): string => href(`documents/${slug}/source/`);
/** Region page; a null region goes to the page of documents without a region. */
export const regionUrl = (slug: string | null | undefined): string => href(`regions/${slug ?? 'unknown'}/`);
export const indicatorUrl = (id: string): string => href(`indicators/${id}/`);
export const practiceUrl = (id: string): string => href(`practices/${id}/`);
export const topicUrl = (id: string): string => href(`topics/${id}/`);
export const glossaryUrl = (id: string): string => href(`glossary/#${id}`);
export const compareUrl = (key: string): string => href(`compare/${key}/`);
