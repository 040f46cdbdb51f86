/**
 * Markup step (remark-style plugin): keeps a document's headings in order under the page's h1.
 * Cleaned texts sometimes go from `##` straight to `####`; a skipped level
 * confuses screen-reader navigation, so each heading is at most one level
 * below the one before it (and never an h1: the page title is the h1).
 */
import type { MdNode } from './mdast-lite.ts';

export function remarkHeadingLevels() {
  // The tree is typed at the plugin boundary as unknown: unified hands an mdast Root.
  return (root: unknown): void => {
    const tree = root as MdNode;
    let previous = 1;
    for (const node of tree.children ?? []) {
      if (node.type !== 'heading' || node.depth === undefined) continue;
      const depth = Math.max(2, Math.min(node.depth, previous + 1));
      node.depth = depth;
      previous = depth;
    }
  };
}
