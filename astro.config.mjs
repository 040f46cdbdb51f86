// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

/**
 * SITE_BASE serves the site under a sub-path (e.g. /reform-atlas/) on an
 * intranet server; the default is the root. SITE_URL is only used for
 * canonical links and may stay unset.
 */
const base = process.env.SITE_BASE ?? '/';

export default defineConfig({
  base,
  site: process.env.SITE_URL,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Every page is static; no client JavaScript but search.
  integrations: [mdx()],
  devToolbar: { enabled: false },
  prefetch: false,
  markdown: { syntaxHighlight: false },
  // No inline scripts: the Content-Security-Policy allows only files of the site itself.
  vite: { build: { assetsInlineLimit: 0 } },
});
