// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { remarkHeadingLevels } from './src/lib/site/remark-heading-levels.ts';
import { remarkHighlightTargets } from './src/lib/site/remark-highlight-targets.ts';
import { remarkCrosslinks } from './src/lib/site/remark-crosslinks.ts';
import { rehypeTableCaptions } from './src/lib/site/rehype-table-captions.ts';

/**
 * SITE_BASE serves the site under a sub-path (e.g. /reform-atlas/) on an
 * intranet server; the default is the root. SITE_URL is only used for
 * canonical links and may stay unset.
 */
const base = process.env.SITE_BASE ?? '/';
/** SITE_OUT_DIR builds elsewhere than dist/ (the tests build a sub-path copy and hostile input beside it). */
const outDir = process.env.SITE_OUT_DIR ?? 'dist';
/**
 * Another collection (DOCUMENTS_DIR, as the tests and the benchmark build) gets
 * its own content cache beside its output, so it never mixes with the project's.
 */
const cacheDir = process.env.DOCUMENTS_DIR ? `${outDir}-astro-cache` : undefined;

export default defineConfig({
  base,
  outDir,
  ...(cacheDir ? { cacheDir } : {}),
  site: process.env.SITE_URL,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Every page is static; no client JavaScript but search.
  integrations: [mdx()],
  devToolbar: { enabled: false },
  prefetch: false,
  markdown: {
    syntaxHighlight: false,
    // The unified (remark) processor instead of Astro 7's default Sätteri, for the
    // site's remark plugins; MDX inherits it. Order matters: headings first, then
    // the figures are marked, then terms are linked around the marks.
    processor: unified({
      remarkPlugins: [remarkHeadingLevels, remarkHighlightTargets, [remarkCrosslinks, { root: base.replace(/\/?$/, '/') }]],
      rehypePlugins: [rehypeTableCaptions],
      // Keep the text verbatim: no curly quotes or dashes that would differ from the source.
      smartypants: false,
      gfm: true,
    }),
  },
  // No inline scripts: the Content-Security-Policy allows only files of the site itself.
  vite: { build: { assetsInlineLimit: 0 } },
});
