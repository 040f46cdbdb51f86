/**
 * The site's data, built once per build: the documents collection and the
 * lexicon, indexed by `buildSiteData`. Every page awaits `getSiteData()`.
 */
import { getCollection } from 'astro:content';
import { loadLexicon } from '../lexicon.ts';
import { buildSiteData, type SiteData } from './data.ts';

let cached: Promise<SiteData> | undefined;

export function getSiteData(): Promise<SiteData> {
  // `astro dev` reloads documents while running: no cache there.
  if (import.meta.env.DEV) cached = undefined;
  cached ??= getCollection('documents').then((entries) => {
    const { indicators, practices, topics, glossary, focusRegions, gazetteerExtra, units } = loadLexicon();
    return buildSiteData(
      entries.map((e) => ({ id: e.id, data: e.data })),
      { indicators, practices, topics, glossary, focusRegions, historical: gazetteerExtra.historical, units: { families: units.families, scales: units.scales, densityEndings: units.densityEndings } },
    );
  });
  return cached;
}
