/**
 * The site's data, built once per build: the documents collection and the
 * lexicon, indexed by `buildSiteData`. Every page awaits `getSiteData()`.
 */
import { getCollection } from 'astro:content';
import { loadLexicon } from '../lexicon.ts';
import { buildSiteData, siteLexicon, type SiteData } from './data.ts';
import type { DigestOf } from './page-inputs.ts';

let cached: Promise<SiteData> | undefined;

export function getSiteData(): Promise<SiteData> {
  // `astro dev` reloads documents while running: no cache there.
  if (import.meta.env.DEV) cached = undefined;
  cached ??= getCollection('documents').then((entries) =>
    buildSiteData(
      entries.map((e) => ({ id: e.id, data: e.data })),
      siteLexicon(loadLexicon()),
    ),
  );
  return cached;
}

let digests: Promise<DigestOf> | undefined;

/** Each document's digest in the content store, by id: what the page cache keys a page on (./page-inputs.ts). */
export function getDigests(): Promise<DigestOf> {
  if (import.meta.env.DEV) digests = undefined;
  digests ??= getCollection('documents').then((entries) => {
    const byId = new Map(entries.map((e) => [e.id, String(e.digest)]));
    return (id: string) => byId.get(id);
  });
  return digests;
}
