/**
 * The open-data downloads: /data/<table>.csv and /data/<table>.json for the
 * documents, targets and practices tables (columns: src/lib/site/opendata.ts),
 * and /data/reform-atlas-data.zip holding them all with the data dictionary.
 * `astro dev` serves them here; `astro build` makes them on a thread of their
 * own (src/lib/site/opendata-integration.ts), so this route renders none.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData } from '../../lib/site/load.ts';
import { ARCHIVE_NAME, archive, tableFile, type Addressing } from '../../lib/site/opendata-files.ts';
import { TABLES } from '../../lib/site/opendata.ts';
import { publicAddress } from '../../lib/site/config.ts';
import { citeUrl, docUrl } from '../../lib/site/url.ts';

// Defined by the open-data integration in `astro build`.
declare const __ATLAS_OPEN_DATA__: boolean | undefined;
const madeByTheIntegration = typeof __ATLAS_OPEN_DATA__ !== 'undefined';
const at: Addressing = { paths: { doc: docUrl, cite: citeUrl }, publicAddress };

export const prerender = true;

const TYPES = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' } as const;

export const getStaticPaths = (() => madeByTheIntegration ? [] : [
  ...TABLES.flatMap((t) => (['csv', 'json'] as const).map((format) => ({ params: { file: `${t.stem}.${format}` }, props: { stem: t.stem, format } }))),
  { params: { file: ARCHIVE_NAME }, props: { stem: null, format: null } },
]) satisfies GetStaticPaths;

type Props = { stem: (typeof TABLES)[number]['stem']; format: keyof typeof TYPES } | { stem: null; format: null };

export const GET: APIRoute<Props> = async ({ props }) => {
  const site = await getSiteData();
  if (props.stem === null) return new Response(await archive(site, at), { headers: { 'Content-Type': 'application/zip' } });
  return new Response(tableFile(site, at, props.stem, props.format), { headers: { 'Content-Type': TYPES[props.format] } });
};
