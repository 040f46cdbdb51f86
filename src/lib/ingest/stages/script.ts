/**
 * Script stage: converts a document written in Traditional script to
 * Simplified (the site shows the original lines from the source file). A document
 * counts as Traditional when a noticeable share of its Han characters change
 * under conversion (Simplified text changes almost none).
 */
import type { Draft, Stage } from '../model.ts';
import { toSimplified, traditionalShare } from '../chinese.ts';

/** Share of changed Han characters above which a text is Traditional. */
export const TRADITIONAL_THRESHOLD = 0.05;

export function convertScript(draft: Draft): Draft {
  const all = [...draft.titleLines, ...draft.lines].map((l) => l.text).join('\n');
  if (traditionalShare(all) < TRADITIONAL_THRESHOLD) return draft;
  const convert = (lines: typeof draft.lines) => lines.map((l) => ({ ...l, text: toSimplified(l.text) }));
  // The transmittal notice it came with is read for its issuer and date: in the same script.
  const { notice, attachment } = draft;
  return {
    ...draft,
    titleLines: convert(draft.titleLines),
    lines: convert(draft.lines),
    ...(notice ? { notice: { titleLines: convert(notice.titleLines), lines: convert(notice.lines) } } : {}),
    ...(attachment ? { attachment: { ...attachment, title: toSimplified(attachment.title) } } : {}),
    scriptConverted: true,
    notes: [...draft.notes, { kind: 'scriptConverted' }],
  };
}

/** The stage: Traditional script converted to Simplified when a noticeable share of the text changes. */
export const scriptStage = (): Stage<Draft> => ({ name: 'script', run: (draft) => convertScript(draft) });
