/**
 * Facts about the whole collection that a remark plugin needs while it sees
 * one document: which indicators have a page (at least one document states
 * them) and which region names have a page. Read straight from the MDX
 * frontmatter, once per build, because plugins run outside `astro:content`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readFrontmatter } from '../ingest/emit.ts';
import { documentSchema } from '../../schema/document.ts';
import type { Lexicon } from '../lexicon.ts';

export interface CorpusFacts {
  /** Ids of indicators with data. */
  indicators: Set<string>;
  /** Region name (as documents and the gazetteer write it) → region slug. */
  regionNames: Map<string, string>;
}

export function readCorpusFacts(
  dir: string = resolve(process.env.DOCUMENTS_DIR ?? 'content/documents'),
  gazetteerExtra?: Lexicon['gazetteerExtra'],
): CorpusFacts {
  const indicators = new Set<string>();
  const regionNames = new Map<string, string>();
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
  } catch {
    return { indicators, regionNames };
  }
  for (const file of files) {
    let data: unknown;
    try {
      data = readFrontmatter(readFileSync(join(dir, file), 'utf8'));
    } catch {
      continue;
    }
    // An invalid file fails the Astro build with a proper message; here it is skipped.
    const parsed = documentSchema.safeParse(data);
    if (!parsed.success) continue;
    for (const t of parsed.data.targets) indicators.add(t.indicator);
    const region = parsed.data.region;
    if (region) regionNames.set(region.name, region.slug);
  }
  // A former name (藁城市) and today's name (藁城区) lead to the same page.
  for (const h of gazetteerExtra?.historical ?? []) {
    const slug = regionNames.get(h.name) ?? regionNames.get(h.current);
    if (slug && h.name !== h.current) {
      if (!regionNames.has(h.name)) regionNames.set(h.name, slug);
      if (!regionNames.has(h.current)) regionNames.set(h.current, slug);
    }
  }
  return { indicators, regionNames };
}
