/**
 * The MDX that ingest writes and the site compiles: the few elements it may
 * contain and the processor features both sides use. Neutral ground: the
 * pipeline (src/lib/ingest) writes this syntax, the site (astro.config.mjs,
 * src/lib/site) reads it, and neither owns it.
 */

/** Sätteri's features for our MDX, the same at ingest (verification) and in `astro build`. */
export const MDX_FEATURES = {
  // Off: the text needs none of GFM, and GFM's autolink literal turns any `http://…` or `www.…`
  // in the source into a live link (resolving character references first, so escaping cannot stop
  // it) and swallows the backslash before a following `<`; strikethrough eats `~~`. Tables are
  // written as JSX elements instead (TABLE_ELEMENTS).
  gfm: false,
  // The text is the source's, character for character: no curly quotes, no dashes made of --.
  smartPunctuation: false,
  frontmatter: true,
  math: false,
  directive: false,
  superscript: false,
  subscript: false,
  wikilinks: false,
  definitionList: false,
  headingAttributes: false,
  rawHtml: false,
} as const;

/** The JSX element that carries a paragraph id; the site maps it to a component. */
export const PARAGRAPH_ELEMENT = 'Para';

/** A marked figure: `<mark class="fig-KIND" title="…">`. */
export const MARK_ELEMENT = 'mark';
export const MARK_ATTRIBUTES = ['class', 'title'] as const;

/** A table of the text, as plain HTML elements in JSX; only `th` has an attribute (`scope="col"`). */
export const TABLE_ELEMENTS = ['table', 'thead', 'tbody', 'tr', 'th', 'td'] as const;

/** The relative URLs a link in the text may point to (`../../regions/…/`, `../../indicators/…/`, `../../glossary/#…`). */
export const LINK_URL = /^\.\.\/\.\.\/(?:regions\/[a-z0-9-]+\/|indicators\/[a-z0-9-]+\/|glossary\/#[a-z0-9-]+)$/;
