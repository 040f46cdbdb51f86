/**
 * Markup stage: what the reader sees in a document's text besides the text
 * itself, written into the MDX at ingest: heading levels without gaps,
 * extracted figures marked where they are cited, terms linked to the site's
 * pages. Each step is a remark-style transform on the mdast that emit builds;
 * each depends only on the document and the lexicon, so a document that did
 * not change keeps its MDX, and the site build has nothing left to do to the
 * text but render it.
 */
import type { Root } from 'mdast';
import type { DocumentFrontmatter } from '../../../schema/document.ts';
import type { Lexicon } from '../../lexicon.ts';
import type { MdFile } from './mdast-lite.ts';
import { remarkHeadingLevels } from './heading-levels.ts';
import { remarkFigureMarks } from './figure-marks.ts';
import { remarkTermLinks, type LinkLexicon } from './term-links.ts';

export { MARK_ATTRIBUTES, MARK_ELEMENT } from './figure-marks.ts';
export { isLinkablePattern, type LinkLexicon } from './term-links.ts';

/** Marks up a document's tree in place. Order matters: headings first, then figures, then terms around the marks. */
/** What of the lexicon markup reads: the term-link lexicon and the units' variants. */
export type MarkupLexicon = LinkLexicon & Pick<Lexicon, 'units'>;

export function markUp(tree: Root, data: DocumentFrontmatter, lexicon: MarkupLexicon): void {
  const file: MdFile = { data: { astro: { frontmatter: data as unknown as Record<string, unknown> } } };
  remarkHeadingLevels()(tree);
  remarkFigureMarks({ variants: lexicon.units.variants })(tree, file);
  remarkTermLinks({ lexicon })(tree, file);
}

