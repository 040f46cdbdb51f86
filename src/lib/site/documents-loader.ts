/**
 * The documents collection's content loader: reads the MDX files that ingest
 * writes, validates their frontmatter with the collection's schema, and
 * stores each with its text already written as HTML (./document-html.ts) in
 * Astro's content-layer data store, which Astro keeps between builds (in its
 * cache folder). An entry whose file is unchanged (same digest, same
 * renderer) is taken from the store as it is: neither parsed, validated nor
 * rendered again, and no document is compiled as an MDX module at all.
 * Pages that list documents read the collection, so they still see every
 * change.
 *
 * An entry's digest covers its file and the code that turns it into a page's
 * text and data (the renderer, the MDX syntax, the schema, Sätteri's
 * version): when that code changes, every entry is rendered again.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readDocument } from './document-file.ts';
import { readingText } from '../mdx/text.ts';
import { filesDigest, filesIn } from './files-digest.ts';
import { documentHtml } from './document-html.ts';

export interface DocumentsLoaderOptions {
  /** The folder of MDX documents (ingest's --out). */
  base: string;
}

/** The files whose code decides what an entry becomes (relative to the project's root), this one among them. */
const RENDERER_FILES = ['src/lib/site/documents-loader.ts', 'src/lib/site/document-html.ts', 'src/lib/site/document-file.ts', 'src/lib/site/table-captions.ts', 'src/lib/labels.ts', 'src/content.config.ts'];
/** The schema, and the MDX syntax and frontmatter reader. */
const RENDERER_FOLDERS = ['src/schema', 'src/lib/mdx'];

/** Digest of the renderer's code and of Sätteri's version. */
export function rendererFingerprint(root: string): string {
  return filesDigest(root, filesIn(root, [...RENDERER_FILES, ...RENDERER_FOLDERS, 'node_modules/satteri/package.json']));
}

/** The folder of the documents' HTML, inside Astro's cache folder. */
const HTML_FOLDER = 'document-html';

/** The file that holds the HTML of an entry with this digest. */
const htmlFile = (dir: string, digest: string | number): string => join(dir, `${String(digest).replace(/[^A-Za-z0-9_-]/g, '_')}.html`);

/** A document's text as HTML, from the file its entry names (src/pages/documents/[slug].astro). */
export function entryHtml(entry: { id: string; rendered?: { metadata?: Record<string, unknown> } }): string {
  const file = entry.rendered?.metadata?.htmlFile;
  if (typeof file !== 'string') throw new Error(`${entry.id}: the content store names no HTML file for it (run the build again)`);
  return readFileSync(file, 'utf8');
}

/** The slug's line as ingest writes it (frontmatterYaml: `slug: "…"`). */
const SLUG_LINE = /^slug: "([a-z0-9-]+)"$/m;

export function documentsLoader(options: DocumentsLoaderOptions): Loader {
  return {
    name: 'reform-atlas-documents',
    async load(context) {
      await sync(context);
      // `astro dev`: a document written again by ingest is read again (the others stay as stored).
      const { watcher } = context;
      if (!watcher) return;
      const base = resolve(fileURLToPath(context.config.root), options.base);
      watcher.add(base);
      const again = (path: string) => {
        if (path.startsWith(base) && path.endsWith('.mdx')) void sync(context);
      };
      for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, again);
    },
  };

  async function sync({ store, meta, parseData, generateDigest, logger, config }: LoaderContext): Promise<void> {
    const root = fileURLToPath(config.root);
    const base = resolve(root, options.base);
    const fingerprint = rendererFingerprint(root);
    // The renderer changed since the store was written: every entry is written again.
    if (meta.get('renderer') !== fingerprint) store.clear();
    const untouched = new Set(store.keys());
    // Each entry's HTML is a file of its own beside the store, named by its digest (see `htmlFile`).
    const htmlDir = join(fileURLToPath(config.cacheDir), HTML_FOLDER);
    mkdirSync(htmlDir, { recursive: true });
    const kept = new Set<string>();
    let rendered = 0;
    const files = readdirSync(base)
      .filter((f) => f.endsWith('.mdx'))
      .sort();
    for (const file of files) {
      const path = join(base, file);
      const contents = readFileSync(path, 'utf8');
      const digest = generateDigest(contents);
      // The URL is the slug the ingest chose (ASCII, unique), not the file name; read from its line
      // first, so that an unchanged entry's frontmatter is not parsed at all.
      const known = SLUG_LINE.exec(contents.slice(0, contents.indexOf('\n---\n')))?.[1];
      const html = htmlFile(htmlDir, digest);
      const stored = known ? store.get(known) : undefined;
      if (known && stored?.digest === digest && stored.rendered?.metadata?.htmlFile === html && existsSync(html)) {
        untouched.delete(known);
        kept.add(html);
        continue;
      }
      const { id, data, body } = readDocument(contents, file);
      untouched.delete(id);
      const filePath = relative(root, path);
      const parsed = await parseData({ id, data, filePath: path });
      let text;
      try {
        text = documentHtml(contents);
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
      }
      // Written whole, then moved into place: a build stopped midway leaves no half a page.
      writeFileSync(`${html}.tmp`, text.html);
      renameSync(`${html}.tmp`, html);
      kept.add(html);
      // Vite bundles the whole store into the server, so it holds what every page reads and no
      // more: the body is the reading text, not the MDX (the page's plan and the search page's
      // characters need only the words), and the HTML, which only the document's own page reads,
      // is the file `htmlFile` names (at 1,000 documents the store went from 22 MB to 12 MB).
      store.set({ id, data: parsed, body: readingText(body), filePath, digest, rendered: { html: '', metadata: { headings: text.headings, htmlFile: html } } });
      rendered++;
    }
    for (const id of untouched) store.delete(id);
    // The HTML of documents gone or changed.
    for (const name of readdirSync(htmlDir)) if (!kept.has(join(htmlDir, name))) rmSync(join(htmlDir, name), { force: true });
    meta.set('renderer', fingerprint);
    logger.info(`${files.length} documents, ${rendered} rendered, ${files.length - rendered} unchanged`);
  }
}
