/** /data/documents.json: every document's frontmatter and its page URL. */
import type { APIRoute } from 'astro';
import { getSiteData } from '../../lib/site/load.ts';
import { docUrl } from '../../lib/site/url.ts';

export const prerender = true;

export const GET: APIRoute = async () => {
  const site = await getSiteData();
  const documents = site.docs.map((d) => ({ ...d.data, url: docUrl(d.id) }));
  return new Response(JSON.stringify(documents, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
