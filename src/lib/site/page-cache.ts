/**
 * The page cache of the incremental build: a page whose inputs are unchanged
 * since the last build is not rendered again but copied from the cache.
 *
 * A page's key is a digest of everything the page reads: the build's
 * fingerprint (the site's code, the lexicon, the configuration: see
 * ./page-cache-integration.ts) and the page's own data (its document's
 * digest and, for a document page, the digests of the documents it links
 * to). A route's getStaticPaths asks `planPages` which of its pages to
 * render; the others it leaves out, and when Astro has written the site the
 * integration copies them in from the cache and stores the pages it rendered
 * (`settlePageCache`). Without a cache (astro dev, tests that render pages
 * directly) every page is rendered.
 *
 * Layout of the cache folder: `manifest.json` ({fingerprint, pages: {path: key}}),
 * `files/<path>` (the pages), `plan-<route>.json` (what this build's routes
 * decided, removed when the build is done).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** Where the cache lives and what the build's code and configuration hash to. */
export interface PageCacheConfig {
  /** The cache folder (inside Astro's cache folder, so that emptying that empties this). */
  dir: string;
  /** Digest of the site's code, lexicon and configuration (./page-cache-integration.ts). */
  fingerprint: string;
}

// Defined by the integration in `astro build` (Vite's define); absent elsewhere.
declare const __ATLAS_PAGE_CACHE__: PageCacheConfig | undefined;

/** This build's cache, or null where there is none (astro dev, a page rendered by a test). */
export function pageCacheConfig(): PageCacheConfig | null {
  return typeof __ATLAS_PAGE_CACHE__ === 'undefined' ? null : __ATLAS_PAGE_CACHE__;
}

interface Manifest {
  fingerprint: string;
  /** Output path below the site's folder (`documents/x/index.html`) → the key it was rendered with. */
  pages: Record<string, string>;
  /**
   * Output path → the key of what the search index takes of the page (for a document page, its
   * document alone: its related list is not indexed), which scripts/index-search.ts reads to keep
   * the index shards whose pages' indexed inputs did not change.
   */
  indexed: Record<string, string>;
}

/** What one route decided: pages to copy from the cache and pages Astro renders. */
interface Plan {
  reuse: Record<string, string>;
  render: Record<string, string>;
  indexed: Record<string, string>;
}

/** The key of a page: its route, the build's fingerprint and the page's own inputs. */
export function pageKey(fingerprint: string, route: string, inputs: unknown): string {
  return createHash('sha256').update(fingerprint).update('\0').update(route).update('\0').update(JSON.stringify(inputs)).digest('hex');
}

const manifests = new Map<string, Manifest | null>();

function readManifest(config: PageCacheConfig): Manifest | null {
  if (!manifests.has(config.dir)) {
    let manifest: Manifest | null = null;
    try {
      manifest = JSON.parse(readFileSync(join(config.dir, 'manifest.json'), 'utf8')) as Manifest;
    } catch {
      // No cache yet (a cold build), or one left unreadable: everything is rendered.
    }
    manifests.set(config.dir, manifest?.fingerprint === config.fingerprint ? manifest : null);
  }
  return manifests.get(config.dir) ?? null;
}

/** A file name for a route (`documents/[slug]` → `documents_slug`). */
const planFile = (route: string): string => `plan-${route.replace(/[^a-z0-9]+/gi, '_')}.json`;

/**
 * Decides, for a route's pages, which Astro renders: `keep(path, inputs)` is
 * true for a page to render (its key is new, or no cache is configured) and
 * false for one the cache holds. `indexed`, for a page the search index
 * reads, gives the part of its inputs that decides what the index takes of
 * it. `done()` records the decisions for the integration. With `config`
 * null every page is kept.
 */
export function planPages(config: PageCacheConfig | null, route: string): { keep(path: string, inputs: () => unknown, indexed?: () => unknown): boolean; done(): void } {
  if (!config) return { keep: () => true, done: () => undefined };
  const manifest = readManifest(config);
  const plan: Plan = { reuse: {}, render: {}, indexed: {} };
  return {
    keep(path, inputs, indexed) {
      if (indexed) plan.indexed[path] = pageKey(config.fingerprint, `${route}#index`, indexed());
      const key = pageKey(config.fingerprint, route, inputs());
      if (manifest?.pages[path] === key && existsSync(join(config.dir, 'files', path))) {
        plan.reuse[path] = key;
        return false;
      }
      plan.render[path] = key;
      return true;
    },
    done() {
      mkdirSync(config.dir, { recursive: true });
      writeFileSync(join(config.dir, planFile(route)), JSON.stringify(plan));
    },
  };
}

/** A page of a route as the cache knows it: its output path, its inputs and, if indexed, what the index reads of it. */
export interface CachedPage {
  path: string;
  inputs: () => unknown;
  indexed?: () => unknown;
}

/**
 * A route's static paths under the page cache: the items whose page (`page(item)`) is new or has
 * new inputs, as `toPath` makes them; the others are left out, for the integration to copy in.
 */
export function cachedPaths<T, P>(route: string, items: readonly T[], page: (item: T) => CachedPage, toPath: (item: T) => P): P[] {
  const pages = planPages(pageCacheConfig(), route);
  const paths = items
    .filter((item) => {
      const { path, inputs, indexed } = page(item);
      return pages.keep(path, inputs, indexed);
    })
    .map(toPath);
  pages.done();
  return paths;
}

/** Removes the decisions a failed build may have left (before a build starts). */
export function clearPlans(config: PageCacheConfig): void {
  if (!existsSync(config.dir)) return;
  for (const file of readdirSync(config.dir)) if (file.startsWith('plan-')) rmSync(join(config.dir, file));
}

/**
 * After Astro wrote the site into `outDir`: copies the pages the routes left
 * out from the cache, stores the pages Astro rendered, drops cached pages no
 * route asked for (documents removed), writes the manifest. Returns counts.
 */
export function settlePageCache(config: PageCacheConfig, outDir: string): { reused: number; stored: number; dropped: number } {
  const files = join(config.dir, 'files');
  const manifest: Manifest = { fingerprint: config.fingerprint, pages: {}, indexed: {} };
  let reused = 0;
  let stored = 0;
  const copy = (from: string, to: string) => {
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  };
  const plans = existsSync(config.dir) ? readdirSync(config.dir).filter((f) => f.startsWith('plan-')).sort() : [];
  for (const file of plans) {
    const plan = JSON.parse(readFileSync(join(config.dir, file), 'utf8')) as Plan;
    Object.assign(manifest.indexed, plan.indexed);
    for (const [path, key] of Object.entries(plan.reuse)) {
      copy(join(files, path), join(outDir, path));
      manifest.pages[path] = key;
      reused++;
    }
    for (const [path, key] of Object.entries(plan.render)) {
      const built = join(outDir, path);
      if (!existsSync(built)) throw new Error(`page cache: the route rendered no ${path}`);
      copy(built, join(files, path));
      manifest.pages[path] = key;
      stored++;
    }
    rmSync(join(config.dir, file));
  }
  let dropped = 0;
  if (existsSync(files)) {
    for (const entry of readdirSync(files, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = relative(files, join(entry.parentPath, entry.name)).split(sep).join('/');
      if (manifest.pages[path] === undefined) {
        rmSync(join(files, path));
        dropped++;
      }
    }
  }
  mkdirSync(config.dir, { recursive: true });
  writeFileSync(join(config.dir, 'manifest.json'), JSON.stringify(manifest));
  manifests.delete(config.dir);
  return { reused, stored, dropped };
}

/** What the search index takes of each page, by output path (the last build's manifest; {} without one). */
export function indexedKeys(dir: string): Record<string, string> {
  try {
    return (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest).indexed ?? {};
  } catch {
    return {};
  }
}
