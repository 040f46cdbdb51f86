/**
 * The frontmatter of an emitted MDX file: the YAML between its first two
 * `---` lines, and the body after it. Neutral ground: ingest reads back what
 * it wrote (src/lib/ingest/emit.ts), the site's content loader reads every
 * document (src/lib/site/documents-loader.ts).
 */
// js-yaml's reader (core schema, the same values as `yaml`, which writes it): several times faster,
// and the site reads every document's frontmatter while it builds.
import { load as loadYaml, CORE_SCHEMA } from 'js-yaml';

/** The frontmatter's values and the body of an MDX file as ingest writes it (`---\n…\n---\n`). Throws when it has none. */
export function parseFrontmatter(mdx: string): { data: unknown; body: string } {
  const end = mdx.indexOf('\n---\n');
  if (!mdx.startsWith('---\n') || end < 0) throw new Error('not an emitted document: no frontmatter');
  return { data: loadYaml(mdx.slice(4, end), { schema: CORE_SCHEMA }), body: mdx.slice(end + 5) };
}
