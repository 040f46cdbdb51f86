/**
 * Extract stage: the targets, other figures and practices of a described document
 * (src/lib/extract), into its frontmatter. In a text whose years were
 * rewritten, a figure's year that the text's own institutions rule out (2024
 * in a text about 新农合) was rewritten with the rest: the figure keeps no year.
 * (A plan's target year may lie past a term's lifetime: only rewritten texts
 * are checked.)
 */
import type { Draft, Stage } from '../model.ts';
import type { Lexicon } from '../../lexicon.ts';
import { extract } from '../../extract/extract.ts';
import { anachronisms } from '../metadata/year.ts';
import { blockText } from '../blocks.ts';

export function extractFigures(draft: Draft, lexicon: Lexicon): Draft {
  const data = draft.data;
  if (!data) throw new Error('extract needs the metadata stage first');
  const { targets, figures, practices } = extract(draft.blocks, { docType: data.docType, lexicon });
  const fullText = `${data.title}\n${draft.blocks.map((b) => blockText(b)).join('\n')}`;
  let rewritten = 0;
  for (const target of draft.yearsRewritten ? [...targets, ...figures] : []) {
    if (target.year !== undefined && anachronisms(fullText, target.year, lexicon.anachronisms).length > 0) {
      delete target.year;
      rewritten++;
    }
  }
  const notes = rewritten > 0 ? [{ kind: 'figureYearsDropped' as const, count: rewritten }] : [];
  return { ...draft, data: { ...data, targets, figures, practices, cleaning: { ...data.cleaning, notes: [...data.cleaning.notes, ...notes] } } };
}

export const extractStage = (): Stage<Draft> => ({ name: 'extract', run: (draft, { lexicon }) => extractFigures(draft, lexicon) });
