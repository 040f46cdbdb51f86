/**
 * Emit stage: a document with its slug → inert, verified MDX (../emit.ts,
 * ../verify.ts), its tree changed by the tree stages first.
 */
import type { Context, NumberedBlock } from '../model.ts';
import type { DocumentFrontmatter } from '../../../schema/document.ts';
import { emitMdx, type TreeTransform } from '../emit.ts';

/** What emit writes: the frontmatter, the blocks, and what to do to the tree before. */
export interface EmitInput {
  data: DocumentFrontmatter;
  blocks: NumberedBlock[];
  transform?: TreeTransform;
}

export interface Emitter {
  name: string;
  run(input: EmitInput, context: Context): string;
}

export const emitStage = (): Emitter => ({ name: 'emit', run: ({ data, blocks, transform }) => emitMdx(data, blocks, transform) });
