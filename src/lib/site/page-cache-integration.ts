/**
 * The Astro integration of the page cache (./page-cache.ts): computes the
 * build's fingerprint and hands the cache's place and fingerprint to the
 * pages (as the constant `__ATLAS_PAGE_CACHE__`), then, when Astro has
 * written the site, copies the unchanged pages in and stores the new ones.
 * Only `astro build` uses it; `astro dev` renders every page.
 */
import { createHash } from 'node:crypto';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { filesDigest, filesIn } from './files-digest.ts';
import { clearPlans, settlePageCache, type PageCacheConfig } from './page-cache.ts';

/** What a page can read besides its data: the site's code, the dependencies' versions, the build's settings. */
const CODE = ['src', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];
/** The environment the pages read (the site's settings, which collection, which lexicon). */
const SETTINGS = /^(SITE_|SOURCES_DIR$|DOCUMENTS_DIR$|LEXICON_DIR$|CURATION_DIR$)/;

/**
 * Digest of everything but a page's own data that decides what the page is:
 * the files of the site's code and of the lexicon (by path and bytes), and the
 * settings in the environment.
 */
export function buildFingerprint(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const lexicon = relative(root, resolve(root, env.LEXICON_DIR ?? 'content/lexicon'));
  const settings = Object.keys(env)
    .filter((k) => SETTINGS.test(k))
    .sort()
    .map((name) => `${name}=${env[name]}`);
  return createHash('sha256').update(filesDigest(root, filesIn(root, [...CODE, lexicon]))).update(`\0${settings.join('\0')}`).digest('hex');
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
