/**
 * The open-data files of a build, made on a thread of their own while Astro
 * builds the pages (./opendata-integration.ts starts it): reads the
 * documents collection from its MDX files as the content loader does
 * (./document-file.ts, the collection's schema), builds the site data, and
 * writes every file of /data/ but its index page into `out`. The tables of
 * 5,000 documents take Astro's render phase some 10 s; here they take none of
 * it on a second core. Plain Node, no Vite.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { documentSchema, formatIssues } from '../../schema/document.ts';
import { loadLexicon } from '../lexicon.ts';
import { absoluteAddress } from './config.ts';
import { buildSiteData, siteLexicon, type Doc } from './data.ts';
import { readDocument } from './document-file.ts';
import { dataFiles } from './opendata-files.ts';
import { documentPaths } from './paths.ts';

/** What the integration hands the thread. */
export interface OpenDataJob {
  /** The documents' folder, absolute. */
  documents: string;
  /** Where the files go (emptied first). */
  out: string;
  /** The site's base path (Astro's `base`). */
  base: string;
  /** The site's public address (Astro's `site`), or null. */
  site: string | null;
}

/** The collection's entries, validated by its schema; an error names the file and the fields. */
export function readCollection(folder: string): Doc[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((file) => {
      const { id, data } = readDocument(readFileSync(join(folder, file), 'utf8'), file);
      const parsed = documentSchema.safeParse(data);
      if (!parsed.success) throw new Error(`${file}: ${formatIssues(parsed.error)}`);
      return { id, data: parsed.data };
    });
}

/** Writes the open-data files of the collection in `job.documents` into `job.out`; returns their names. */
export async function writeOpenData(job: OpenDataJob): Promise<string[]> {
  const site = buildSiteData(readCollection(job.documents), siteLexicon(loadLexicon()));
  const files = await dataFiles(site, { paths: documentPaths(job.base), publicAddress: (path) => absoluteAddress(path, job.site) });
  rmSync(job.out, { recursive: true, force: true });
  mkdirSync(job.out, { recursive: true });
  for (const [name, data] of files) writeFileSync(join(job.out, name), data);
  return files.map(([name]) => name);
}

if (parentPort) {
  const port = parentPort;
  writeOpenData(workerData as OpenDataJob).then(
    (names) => port.postMessage({ ok: true, names }),
    (error: unknown) => port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
}
