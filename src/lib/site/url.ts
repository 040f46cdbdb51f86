/**
 * Internal links that respect the configured base path (SITE_BASE), so the
 * site works under a sub-path of an intranet server.
 */
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** `href('documents/x/')` → `/base/documents/x/`. */
export function href(path = ''): string {
  return base + path.replace(/^\//, '');
}
