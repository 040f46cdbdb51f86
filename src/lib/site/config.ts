/**
 * What the person who deploys the site configures for the pages: the public
 * address (SITE_URL, Astro's `site`) that citations and open data use, and
 * where readers report an error (SITE_CONTACT). astro.config.mjs checks both
 * before the build starts, so a typo fails the build instead of a page.
 */

/** Where a reader reports an error: an e-mail address or a web page. */
export interface Contact {
  /** The link: `mailto:…` or the http(s) address. */
  href: string;
  /** What the page shows: the address itself. */
  text: string;
}

const EMAIL = /^[^\s@<>()"',;:\\]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;

/**
 * SITE_CONTACT as a link: `a@b.cn` or `mailto:a@b.cn` is mail, `http(s)://…`
 * a page; unset or blank is null. Anything else throws, quoting the value.
 */
export function parseContact(raw: string | undefined): Contact | null {
  const value = raw?.trim() ?? '';
  if (value === '') return null;
  const mail = value.replace(/^mailto:/i, '');
  if (EMAIL.test(mail)) return { href: `mailto:${mail}`, text: mail };
  if (/^https?:\/\/[^\s<>"]+$/i.test(value)) {
    try {
      const url = new URL(value);
      return { href: url.href, text: value };
    } catch {
      // falls through to the error below
    }
  }
  throw new Error(`SITE_CONTACT must be an e-mail address or an http(s) address, not ${JSON.stringify(raw)}`);
}

/**
 * SITE_URL as an origin with a path, or null: `https://host/` (a path given
 * with the base is kept as written).
 */
export function parseSiteUrl(raw: string | undefined): URL | null {
  const value = raw?.trim() ?? '';
  if (value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL must be an absolute http(s) address like https://atlas.example.cn, not ${JSON.stringify(raw)}`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new Error(`SITE_URL must start with http:// or https://, not ${JSON.stringify(raw)}`);
  return url;
}

/** `/documents/x/#p-3` → `https://host/documents/x/#p-3` when a site address is set; unchanged otherwise. */
export function absoluteAddress(path: string, site: URL | string | null | undefined): string {
  return site ? new URL(path, site).href : path;
}

/** The contact configured for this build (read at build time). */
export const siteContact = (): Contact | null => parseContact(process.env.SITE_CONTACT);

/** The public address of a site path for this build: absolute when SITE_URL is set. */
export const publicAddress = (path: string): string => absoluteAddress(path, import.meta.env.SITE ?? null);

/**
 * SITE_PUBLISH_SOURCES: whether the build offers each document's original file
 * (the .txt, web page, Word file or PDF it was read from) for download from its
 * page. Off by default: an office may hold originals it does not publish.
 * `1`, `true`, `yes` turn it on; `0`, `false`, `no` or blank leave it off;
 * anything else throws, quoting the value.
 */
export function parsePublishSources(raw: string | undefined): boolean {
  const value = raw?.trim().toLowerCase() ?? '';
  if (value === '' || value === '0' || value === 'false' || value === 'no') return false;
  if (value === '1' || value === 'true' || value === 'yes') return true;
  throw new Error(`SITE_PUBLISH_SOURCES must be 1 (publish the original files) or 0, not ${JSON.stringify(raw)}`);
}

/** Whether this build publishes the original files (read at build time). */
export const publishSources = (): boolean => parsePublishSources(process.env.SITE_PUBLISH_SOURCES);

/**
 * Where the build keeps what it reuses (Astro's content store, the page cache, the search
 * index's shards): node_modules/.astro for the project's own build; for another collection
 * (DOCUMENTS_DIR) or another output folder (SITE_OUT_DIR, as the tests and the benchmark
 * build, often with another base path) a folder beside that output, `<out>-astro-cache`, so
 * that two builds never take each other's pages.
 */
export function buildCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCUMENTS_DIR || env.SITE_OUT_DIR ? `${env.SITE_OUT_DIR ?? 'dist'}-astro-cache` : 'node_modules/.astro';
}
