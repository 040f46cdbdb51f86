/** /data/targets.csv: one row per target, UTF-8 with BOM, RFC 4180. */
import type { APIRoute } from 'astro';
import { getSiteData } from '../../lib/site/load.ts';
import { TARGET_COLUMNS, targetDataRows, toCsv } from '../../lib/site/opendata.ts';
import { citeUrl } from '../../lib/site/url.ts';

export const prerender = true;

export const GET: APIRoute = async () => {
  const rows = targetDataRows(await getSiteData(), citeUrl);
  return new Response(toCsv(rows, TARGET_COLUMNS), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
