/**
 * Metadata stage: title, document type, region, year and topics of a
 * segmented document, and the frontmatter they make (without the slug, which
 * is unique only across the whole collection, and with no figures yet: the
 * extract stage adds them). The rules are in ../metadata/ and the lexicon.
 */
import type { Block, Draft, Stage } from '../model.ts';
import type { Lexicon } from '../../lexicon.ts';
import { numberBlocks, blockText } from '../blocks.ts';
import { displayTitle, MAX_TITLE_CHARS } from '../display.ts';
import { detectRegion } from '../metadata/region.ts';
import { detectYear } from '../metadata/year.ts';
import { detectDocType } from '../metadata/doctype.ts';
import { detectTopics } from '../metadata/topics.ts';

/** Joins title lines, dropping spaces between Han characters (工 作 总 结). */
export function titleText(draft: Draft): string {
  const joined = draft.titleLines.map((l) => l.text.trim()).join('');
  const cleaned = joined.replace(/(?<=[\p{Script=Han}）)])[\s\u3000]+(?=[\p{Script=Han}（(])/gu, '').trim();
  if (cleaned) return cleaned;
  for (const block of draft.blocks) if (block.type !== 'table') return block.text.slice(0, 40);
  return `${draft.source.file} #${draft.index}`;
}

/** Lines of the source that the document spans, first and last (a loop: spreading 200,000 lines into Math.min overflows the stack). */
function spanOf(draft: Draft): [number, number] {
  let first = Infinity;
  let last = -Infinity;
  for (const l of draft.titleLines.concat(draft.lines)) {
    if (l.from < first) first = l.from;
    if (l.to > last) last = l.to;
  }
  return Number.isFinite(first) ? [first, last] : [1, 1];
}

/** Site boilerplate lines of the document's source (the split stage's drops are not boilerplate). */
const boilerplateLines = (draft: Draft) => draft.source.dropped.filter((d) => d.stage === 'boilerplate').length;

export function describeDocument(draft: Draft, lexicon: Lexicon): Draft {
  const fullTitle = titleText(draft);
  const title = displayTitle(fullTitle);
  // A title too long to show is kept whole as the text's first paragraph.
  const longTitle = title !== fullTitle && draft.titleLines.length > 0;
  const titleBlock: Block[] = longTitle ? [{ type: 'paragraph', text: fullTitle, from: draft.titleLines[0]?.from ?? 1, to: draft.titleLines.at(-1)?.to ?? 1 }] : [];
  const blocks = longTitle ? numberBlocks([...titleBlock, ...draft.blocks]) : draft.blocks;
  const bodyText = blocks.map((b) => blockText(b)).join('\n');
  const lastLines = blocks.slice(-4).map((b) => (b.type === 'table' ? '' : b.text));
  const region = detectRegion(fullTitle, bodyText, lexicon, lastLines);
  const docType = detectDocType(fullTitle, lexicon.docTypes, lexicon.structure);
  const planning = lexicon.docTypes.some((t) => t.type === docType && t.plan);
  const year = detectYear(fullTitle, bodyText, lastLines, lexicon, planning);
  const [first, last] = spanOf(draft);
  const rejoins = draft.source.repairs.filter((r) => r.kind === 'rejoin' && r.line >= first && r.line <= last).length;
  const titleNotes = longTitle ? [`title shortened to ${MAX_TITLE_CHARS} characters for display; the full title is the first paragraph`] : [];
  return {
    ...draft,
    blocks,
    yearsRewritten: year.rewritten,
    data: {
      title,
      region: region.region,
      regionNote: region.note,
      year: year.year,
      yearNote: year.note,
      docType,
      topics: detectTopics(`${title}\n${bodyText}`, lexicon.topics),
      targets: [],
      practices: [],
      source: {
        file: draft.source.file,
        sha256: draft.source.sha256,
        site: draft.source.site,
        lines: [first, last],
        index: draft.index,
        encoding: draft.source.encoding,
      },
      cleaning: {
        boilerplateLines: boilerplateLines(draft),
        rejoins,
        scriptConverted: draft.scriptConverted,
        repairs: draft.repairs,
        notes: [...draft.source.warnings, ...draft.notes, ...titleNotes],
      },
    },
  };
}

export const metadataStage = (): Stage<Draft> => ({ name: 'metadata', run: (draft, { lexicon }) => describeDocument(draft, lexicon) });
