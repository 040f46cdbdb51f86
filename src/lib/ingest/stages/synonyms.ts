/**
 * Synonym stage: undoes "synonym spinning" with the phrase table in
 * content/lexicon/synonym-repairs.yaml. Repairs run only in a document that
 * carries enough spin signatures, so honest text is never rewritten; each
 * repair is recorded with its source line.
 */
import type { SynonymRepairs } from '../../lexicon.ts';
import type { Draft, Repair, Stage, TextLine } from '../model.ts';
import { escapeRegExp } from '../../regexp.ts';

/** Distinct spin signatures found in the text. */
export function spinSignatures(text: string, table: SynonymRepairs): string[] {
  return table.signatures.filter((signature) => text.includes(signature));
}

export function repairSynonyms(draft: Draft, table: SynonymRepairs): Draft {
  const text = [...draft.titleLines, ...draft.lines].map((l) => l.text).join('\n');
  const found = spinSignatures(text, table);
  if (found.length < table.minSignatures) return draft;
  const ordered = [...table.repairs].sort((a, b) => b.from.length - a.from.length);
  const pattern = new RegExp(ordered.map((r) => escapeRegExp(r.from)).join('|'), 'gu');
  const replacement = new Map(ordered.map((r) => [r.from, r.to]));
  const repairs: Repair[] = [];
  const fix = (lines: TextLine[]) =>
    lines.map((line) => ({
      ...line,
      text: line.text.replace(pattern, (from) => {
        const to = replacement.get(from) ?? from;
        repairs.push({ kind: 'synonym', from, to, line: line.from });
        return to;
      }),
    }));
  return {
    ...draft,
    titleLines: fix(draft.titleLines),
    lines: fix(draft.lines),
    repairs: [...draft.repairs, ...repairs],
    notes: [...draft.notes, { kind: 'synonymSpinning', terms: found, repairs: repairs.length }],
  };
}

/** The stage: spun synonyms repaired, in documents that carry enough spin signatures. */
export const synonymsStage = (): Stage<Draft> => ({ name: 'synonyms', run: (draft, { lexicon }) => repairSynonyms(draft, lexicon.repairs) });
