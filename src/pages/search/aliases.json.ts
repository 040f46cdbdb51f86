/**
 * /search/aliases.json: groups of equivalent forms (新农合 / 新型农村合作医疗)
 * from the glossary, for query expansion on the search page.
 */
import type { APIRoute } from 'astro';
import { getSiteData } from '../../lib/site/load.ts';

export const GET: APIRoute = async () => {
  const groups = (await getSiteData()).lexicon
    .glossary.map((g) => [g.term, ...g.aliases].filter((form) => form.length >= 2))
    .filter((group) => group.length > 1);
  return new Response(JSON.stringify(groups), { headers: { 'Content-Type': 'application/json' } });
};
