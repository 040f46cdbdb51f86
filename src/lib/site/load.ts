/**
 * The site's data, built once per build from one read of the documents
 * collection and the lexicon: the indexes of `buildSiteData` (every page
 * awaits `getSiteData()`) and each document's digest (`getDigests()`, what
 * the page cache keys a page on).
 */
import { getCollection } from 'astro:content';
import { loadLexicon } from '../lexicon.ts';
import { buildSiteData, siteLexicon, type SiteData } from './data.ts';
import type { DigestOf } from './page-inputs.ts';

let cached: Promise<{ site: SiteData; digestOf: DigestOf }> | undefined;

function load(): Promise<{ site: SiteData; digestOf: DigestOf }> {
  // `astro dev` reloads documents while running: no cache there.
  if (import.meta.env.DEV) cached = undefined;
  cached ??= getCollection('documents').then((entries) => {
    const digests = new Map(entries.map((e) => [e.id, String(e.digest)]));
    return {
      site: buildSiteData(
        entries.map((e) => ({ id: e.id, data: e.data })),
        siteLexicon(loadLexicon()),
      ),
      digestOf: (id: string) => digests.get(id),
    };
  });
  return cached;
}

export const getSiteData = (): Promise<SiteData> => load().then((l) => l.site);

/** Each document's digest in the content store, by id (./page-inputs.ts). */
export const getDigests = (): Promise<DigestOf> => load().then((l) => l.digestOf);
