/** The benchmark's baseline: the same documents in a bare Astro + MDX + Pagefind project. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A bare Astro + MDX project that builds the same documents with a plain layout and no plugins. */
export function writeBaseline(dir: string, documents: string, root: string): void {
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{ "name": "bench-baseline", "private": true, "type": "module" }\n');
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    // Its own cache folder: node_modules is a link to the project's, and a cache left there would warm the next run.
    `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ cacheDir: './.astro-cache', integrations: [mdx()] });\n`,
  );
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { documents: defineCollection({ loader: glob({ pattern: '*.mdx', base: ${JSON.stringify(documents)} }) }) };\n`,
  );
  mkdirSync(join(dir, 'src/components'), { recursive: true });
  // The documents wrap paragraphs in <Para>; the baseline renders them as plain divs.
  writeFileSync(join(dir, 'src/components/Para.astro'), '---\nconst { id } = Astro.props;\n---\n<div id={id}><slot /></div>\n');
  writeFileSync(
    join(dir, 'src/pages/[slug].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nimport Para from '../components/Para.astro';\nexport async function getStaticPaths() { return (await getCollection('documents')).map((entry) => ({ params: { slug: entry.id }, props: { entry } })); }\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{entry.data.title}</title></head><body><main><h1>{entry.data.title}</h1><Content components={{ Para }} /></main></body></html>\n`,
  );
}
