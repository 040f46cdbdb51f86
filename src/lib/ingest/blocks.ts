/** Helpers on a document's blocks that more than one stage needs. */
import type { Block, NumberedBlock } from './model.ts';

/** Gives every paragraph and table its id p-1, p-2, … in document order (headings get none). */
export function numberBlocks(blocks: readonly Block[]): NumberedBlock[] {
  let n = 0;
  return blocks.map((block) => (block.type === 'heading' ? block : { ...block, id: `p-${++n}` }));
}

/** The text of a block: a paragraph's or heading's text, a table's cells joined by `separator`. */
export const blockText = (block: Block, separator = ' '): string => (block.type === 'table' ? [...block.header, ...block.rows.flat()].join(separator) : block.text);
