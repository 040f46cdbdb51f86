/**
 * /search/t2s.json: Traditional → Simplified map for the characters of the
 * corpus and the lexicons, so the search page can normalise 醫保 to 医保
 * without shipping all of OpenCC to the browser.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { ConverterFactory } from 'opencc-js/core';
import STCharacters from 'opencc-js/dict/STCharacters';
import TWVariants from 'opencc-js/dict/TWVariants';
import HKVariants from 'opencc-js/dict/HKVariants';
import { getSiteData } from '../../lib/site/load.ts';
import { hanCharacters } from '../../lib/search/characters.ts';

// OpenCC's cn→tw, cn→hk and cn→t conversions of single characters: only the character
// dictionaries take part (the phrase dictionaries, 1 MB, match two characters or more).
const toTraditional = [
  ConverterFactory([STCharacters], [TWVariants]),
  ConverterFactory([STCharacters], [HKVariants]),
  ConverterFactory([STCharacters]),
];

export const GET: APIRoute = async () => {
  const { lexicon } = await getSiteData();
  const chars = hanCharacters([
    ...(await getCollection('documents')).flatMap((d) => [d.data.title, d.body ?? '']),
    ...lexicon.indicators.map((i) => i.label + i.patterns.join('')),
    ...lexicon.practices.map((p) => p.label + p.patterns.join('')),
    ...lexicon.glossary.map((g) => g.term + g.aliases.join('')),
  ]);
  const map: Record<string, string> = {};
  for (const char of chars) {
    for (const convert of toTraditional) {
      const traditional = convert(char);
      if (traditional !== char && [...traditional].length === 1) map[traditional] = char;
    }
  }
  const sorted = Object.fromEntries(Object.entries(map).sort(([a], [b]) => a.localeCompare(b)));
  return new Response(JSON.stringify(sorted), { headers: { 'Content-Type': 'application/json' } });
};
