/**
 * Gaps stage: where the source site cut text out of a document (a read-more
 * link, a paywall notice: boilerplate rules with `gap`), the block before the
 * cut is marked `gapAfter`, so the page shows a mark there, and a cleaning
 * note records the place and the line that said so. A cut after the last
 * block, before any other text of the source and before the source's next
 * document, belongs to this document.
 */
import type { CleaningNote } from '../../../schema/document.ts';
import type { Draft, NumberedBlock, Stage } from '../model.ts';

export function markGaps(draft: Draft): Draft {
  const cuts = draft.source.dropped.filter((d) => d.gap);
  const blocks = draft.blocks;
  const first = blocks[0];
  const last = blocks.at(-1);
  if (cuts.length === 0 || !first || !last) return draft;
  const end = last.to;
  // The next line of text after this document, if the source has one: a cut after `end` and
  // before it is this document's.
  const nextText = Math.min(draft.source.lines.find((l) => l.from > end && l.text.trim() !== '')?.from ?? Infinity, draft.nextDocumentLine ?? Infinity);
  const marked = new Set<number>();
  const notes: CleaningNote[] = [];
  for (const cut of cuts) {
    if (cut.line < first.from || cut.line > nextText) continue;
    // The last block that ends before the cut.
    const at = blocks.findLastIndex((b) => b.to < cut.line);
    const block = blocks[at];
    if (!block?.id || marked.has(at)) continue;
    marked.add(at);
    notes.push({ kind: 'sourceGap', after: block.id, line: cut.line, text: cut.text });
  }
  if (notes.length === 0) return draft;
  const withGaps: NumberedBlock[] = blocks.map((b, i) => (marked.has(i) ? { ...b, gapAfter: true } : b));
  return { ...draft, blocks: withGaps, notes: [...draft.notes, ...notes] };
}

/** The stage: the places the source site cut text out, marked on the block before each. */
export const gapsStage = (): Stage<Draft> => ({ name: 'gaps', run: (draft) => markGaps(draft) });
