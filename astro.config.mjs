// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { satteriTableCaptions } from './src/lib/site/table-captions.ts';
import { MDX_FEATURES } from './src/lib/mdx/syntax.ts';
import { pageCache } from './src/lib/site/page-cache-integration.ts';
import { openData } from './src/lib/site/opendata-integration.ts';
import { buildCacheDir, parseContact, parsePublishSources, parseSiteUrl } from './src/lib/site/config.ts';

/**
 * SITE_BASE serves the site under a sub-path (e.g. /reform-atlas/) on an
 * intranet server; the default is the root. SITE_URL (the public address,
 * e.g. https://atlas.example.cn) makes the addresses in citations and open
 * data absolute; unset, they are site paths (a copied citation still takes
 * the address the reader has open). SITE_CONTACT (an e-mail address or a web
 * page) is where readers report an error. SITE_PUBLISH_SOURCES=1 offers each
 * document's original file for download from its page. All are checked here,
 * so a typo stops the build with a message naming the variable.
 */
const base = process.env.SITE_BASE ?? '/';
const siteUrl = parseSiteUrl(process.env.SITE_URL);
parseContact(process.env.SITE_CONTACT);
parsePublishSources(process.env.SITE_PUBLISH_SOURCES);
/** SITE_OUT_DIR builds elsewhere than dist/ (the tests build a sub-path copy and hostile input beside it). */
const outDir = process.env.SITE_OUT_DIR ?? 'dist';
/** The content store, the page cache and the search index's shards (beside the output for another collection). */
const cacheDir = buildCacheDir();

export default defineConfig({
  base,
  outDir,
  cacheDir,
  site: siteUrl?.href,
  trailingSlash: 'always',
  // Pages render four at a time: while one waits for its file to be written or a source to be
  // read, another renders (docs/benchmarks.md: the render phase at 1,000 documents, ~6 s → ~5 s).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Every page is static; no client JavaScript but search.
  // GFM off here too: the MDX integration's own `gfm` wins over the processor's features.
  // The page cache: pages whose inputs did not change since the last build are copied, not rendered.
  // The open data: its files are made on a thread of their own while the pages render.
  integrations: [mdx({ gfm: false }), pageCache(), openData()],
  devToolbar: { enabled: false },
  prefetch: false,
  markdown: {
    syntaxHighlight: false,
    // The features ingest verifies every document with (src/lib/mdx/syntax.ts): no GFM (its
    // autolink literal made source text live), no smart punctuation. Astro's own `gfm` and
    // `smartypants` are set to match, as they override the processor's booleans.
    gfm: MDX_FEATURES.gfm,
    smartypants: MDX_FEATURES.smartPunctuation,
    // Astro 7's Sätteri processor (MDX compiled in Rust). Figures are marked and terms
    // linked at ingest (src/lib/ingest/markup), so only table captions are added here.
    processor: satteri({ features: { ...MDX_FEATURES }, hastPlugins: [satteriTableCaptions] }),
  },
  // No inline scripts: the Content-Security-Policy allows only files of the site itself.
  vite: { build: { assetsInlineLimit: 0 } },
});
