/**
 * Link checker: every internal href/src of every built page resolves to a
 * file of the build (a directory to its index.html), every #fragment to an
 * id on the target page; every page is reachable from the home page within
 * three clicks. Run on the root build (dist/) and the sub-path build.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SUBPATH } from '../global-setup.ts';
import { loadSite, ROOT, type Site } from './dist.ts';

/** The search page belongs to another part of the project; until it exists its link is not ours to break. */
const searchPageBuilt = ['src/pages/search.astro', 'src/pages/search/index.astro'].some((f) => existsSync(join(ROOT, f)));

interface Link {
  from: string;
  url: string;
}

function linksOf(site: Site): Link[] {
  const links: Link[] = [];
  for (const page of site.pages.values()) {
    for (const el of page.root.querySelectorAll('[href], [src]')) {
      for (const attr of ['href', 'src']) {
        const value = el.getAttribute(attr);
        if (value !== undefined) links.push({ from: page.path, url: value });
      }
    }
  }
  return links;
}

/** The page URL of a page path, e.g. '/atlas/documents/x/'. */
const pageUrl = (site: Site, path: string): string => `${site.base}${path}`;

interface Resolved {
  /** Site path of the target ('' = home), or null when it does not exist. */
  path: string | null;
  file: string | null;
  fragment: string;
}

function resolve(site: Site, from: string, url: string): Resolved | 'external' {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return 'external';
  const target = new URL(url, `http://site${pageUrl(site, from)}`);
  const fragment = decodeURIComponent(target.hash.slice(1));
  let pathname = decodeURIComponent(target.pathname);
  if (!pathname.startsWith(site.base)) return { path: null, file: null, fragment };
  pathname = pathname.slice(site.base.length);
  const full = join(site.dir, pathname);
  if (pathname === '' || pathname.endsWith('/')) {
    const index = join(full, 'index.html');
    return existsSync(index) ? { path: pathname, file: index, fragment } : { path: null, file: null, fragment };
  }
  // A page URL without its trailing slash is broken under trailingSlash: 'always'.
  if (existsSync(full) && statSync(full).isFile()) return { path: pathname, file: full, fragment };
  return { path: null, file: null, fragment };
}

const ids = new Map<string, Set<string>>();
function idsOf(site: Site, path: string): Set<string> {
  const key = `${site.dir}\u0000${path}`;
  let set = ids.get(key);
  if (!set) {
    const page = site.pages.get(path);
    set = new Set(page ? page.root.querySelectorAll('[id]').map((el) => el.id) : []);
    for (const a of page?.root.querySelectorAll('a[name]') ?? []) set.add(a.getAttribute('name') ?? '');
    ids.set(key, set);
  }
  return set;
}

describe.each([
  ['root build', 'dist'],
  ['sub-path build', SUBPATH.dir],
])('%s', (_label, dir) => {
  const site = loadSite(dir);

  test('has the pages of every type', () => {
    for (const path of ['', 'documents/', 'regions/', 'indicators/', 'practices/', 'compare/', 'topics/', 'timeline/', 'glossary/', 'data/', 'about/', '404.html']) {
      expect(site.pages.has(path), path).toBe(true);
    }
  });

  test('zero broken internal links or anchors', () => {
    const broken: string[] = [];
    for (const { from, url } of linksOf(site)) {
      if (url === '' ) {
        broken.push(`${from}: empty link`);
        continue;
      }
      const r = resolve(site, from, url);
      if (r === 'external') continue;
      if (r.path === null) {
        if (!searchPageBuilt && /(^|\/)search\/(\?.*)?$/.test(url)) continue;
        broken.push(`${from || '(home)'} → ${url}`);
        continue;
      }
      if (r.fragment && r.file?.endsWith('.html') && !idsOf(site, r.path).has(r.fragment)) broken.push(`${from || '(home)'} → ${url} (no id "${r.fragment}")`);
    }
    expect(broken).toEqual([]);
  });

  test('links carry the base path', () => {
    for (const { from, url } of linksOf(site)) {
      if (url.startsWith('/')) expect(url.startsWith(site.base), `${from}: ${url}`).toBe(true);
    }
  });

  test('every page is reachable from the home page within three clicks', () => {
    const depth = new Map<string, number>([['', 0]]);
    let frontier = [''];
    for (let click = 1; click <= 3; click++) {
      const next: string[] = [];
      for (const from of frontier) {
        const page = site.pages.get(from);
        for (const a of page?.root.querySelectorAll('a[href]') ?? []) {
          const r = resolve(site, from, a.getAttribute('href') ?? '');
          if (r === 'external' || r.path === null || !site.pages.has(r.path) || depth.has(r.path)) continue;
          depth.set(r.path, click);
          next.push(r.path);
        }
      }
      frontier = next;
    }
    const unreachable = [...site.pages.keys()].filter((p) => p !== '404.html' && !depth.has(p));
    expect(unreachable).toEqual([]);
  });
});
