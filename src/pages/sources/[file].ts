/**
 * The original files, for download from each document's page, when the build
 * is told to publish them (SITE_PUBLISH_SOURCES=1): /sources/<sha256 prefix>.<ext>.
 * A file is published only while its bytes are still the ones ingested (same
 * sha256). A saved web page is published as .html.txt, so a browser shows its
 * markup as text and never runs its scripts on this site.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { publishSources } from '../../lib/site/config.ts';
import { publishedOriginal } from '../../lib/site/source.ts';
import { originalFileName } from '../../lib/site/url.ts';

export const prerender = true;

const TYPES = { text: 'text/plain; charset=utf-8', html: 'text/plain; charset=utf-8', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', doc: 'application/msword', pdf: 'application/pdf' } as const;

export const getStaticPaths = (async () => {
  if (!publishSources()) return [];
  const seen = new Set<string>();
  const paths = [];
  for (const { data } of await getCollection('documents')) {
    const name = originalFileName(data.source);
    if (seen.has(name)) continue;
    seen.add(name);
    const bytes = publishedOriginal(data.source);
    if (bytes) paths.push({ params: { file: name }, props: { bytes, type: TYPES[data.source.format] } });
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ bytes: Uint8Array<ArrayBuffer>; type: string }> = ({ props }) => new Response(props.bytes, { headers: { 'Content-Type': props.type } });
