/**
 * Number stage: every paragraph and table of a document gets its id, p-1,
 * p-2, … in document order (headings get none), the address a citation names.
 */
import type { Draft, Stage } from '../model.ts';
import { numberBlocks } from '../blocks.ts';

export const numberStage = (): Stage<Draft> => ({ name: 'number', run: (draft) => ({ ...draft, blocks: numberBlocks(draft.blocks) }) });
