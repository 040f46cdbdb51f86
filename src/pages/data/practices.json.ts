/** /data/practices.json: one object per practice mention, with the URL of its cited paragraph. */
import type { APIRoute } from 'astro';
import { getSiteData } from '../../lib/site/load.ts';
import { practiceDataRows } from '../../lib/site/opendata.ts';
import { citeUrl } from '../../lib/site/url.ts';

export const prerender = true;

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(practiceDataRows(await getSiteData(), citeUrl), null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
