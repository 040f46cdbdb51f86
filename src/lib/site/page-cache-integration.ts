/**
 * The Astro integration of the page cache (./page-cache.ts): computes the
 * build's fingerprint and hands the cache's place and fingerprint to the
 * pages (as the constant `__ATLAS_PAGE_CACHE__`), then, when Astro has
 * written the site, copies the unchanged pages in and stores the new ones.
 * Only `astro build` uses it; `astro dev` renders every page.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { clearPlans, settlePageCache, type PageCacheConfig } from './page-cache.ts';

/** What a page can read besides its data: the site's code, the dependencies' versions, the build's settings. */
const CODE = ['src', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];
/** The environment the pages read (the site's settings, which collection, which lexicon). */
const SETTINGS = /^(SITE_|SOURCES_DIR$|DOCUMENTS_DIR$|LEXICON_DIR$|CURATION_DIR$)/;

function filesUnder(path: string): string[] {
  try {
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
  } catch {
    return [path];
  }
}

/**
 * Digest of everything but a page's own data that decides what the page is:
 * the files of the site's code and of the lexicon (by path and bytes), and the
 * settings in the environment.
 */
export function buildFingerprint(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const lexicon = resolve(root, env.LEXICON_DIR ?? 'content/lexicon');
  const files = [...CODE.map((p) => join(root, p)), lexicon].flatMap(filesUnder).sort();
  const hash = createHash('sha256');
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue;
    }
    hash.update(relative(root, file).split(sep).join('/')).update('\0').update(bytes).update('\0');
  }
  for (const name of Object.keys(env).filter((k) => SETTINGS.test(k)).sort()) hash.update(`${name}=${env[name]}\0`);
  return hash.digest('hex');
}

export function pageCache(): AstroIntegration {
  let config: PageCacheConfig | null = null;
  return {
    name: 'reform-atlas-page-cache',
    hooks: {
      'astro:config:setup': ({ config: astro, command, updateConfig }) => {
        if (command !== 'build') return;
        config = { dir: join(fileURLToPath(astro.cacheDir), 'pages'), fingerprint: buildFingerprint(fileURLToPath(astro.root)) };
        clearPlans(config);
        updateConfig({ vite: { define: { __ATLAS_PAGE_CACHE__: JSON.stringify(config) } } });
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!config) return;
        const { reused, stored, dropped } = settlePageCache(config, fileURLToPath(dir));
        logger.info(`${reused} pages unchanged (copied from the cache), ${stored} rendered, ${dropped} dropped from the cache`);
      },
    },
  };
}
