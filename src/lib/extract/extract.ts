/**
 * Extraction of targets, achievements and practices, with citations.
 */
import type { Lexicon } from '../lexicon.ts';
import type { DocType, Practice, Target } from '../../schema/document.ts';
import type { NumberedBlock } from '../ingest/emit.ts';

export interface ExtractOptions {
  docType: DocType;
  lexicon: Lexicon;
}

export function extract(blocks: NumberedBlock[], options: ExtractOptions): { targets: Target[]; practices: Practice[] } {
  void blocks;
  void options;
  return { targets: [], practices: [] };
}
