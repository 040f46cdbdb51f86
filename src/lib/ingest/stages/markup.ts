/**
 * Markup stage: what the reader sees in a document's text besides the text
 * itself, written into its tree before emit: heading levels without gaps,
 * figures marked where they are cited, terms linked (../markup/).
 */
import type { Root } from 'mdast';
import type { Context } from '../model.ts';
import type { DocumentFrontmatter } from '../../../schema/document.ts';
import { markUp } from '../markup/index.ts';

/** A stage over a document's tree, with its frontmatter. */
export interface TreeStage {
  name: string;
  run(tree: Root, data: DocumentFrontmatter, context: Context): void;
}

export const markupStage = (): TreeStage => ({ name: 'markup', run: (tree, data, { lexicon }) => markUp(tree, data, lexicon) });
