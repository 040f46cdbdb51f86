/**
 * Metadata stage: title, document type, region, year and topics of a
 * segmented document, then its frontmatter (without the slug, which is
 * unique only across the whole collection).
 */
import type { Lexicon } from '../lexicon.ts';
import type { Block, Draft, DroppedLine } from './model.ts';
import { displayTitle, MAX_TITLE_CHARS } from './display.ts';
import type { DocumentFrontmatter } from '../../schema/document.ts';
import { numberBlocks, type NumberedBlock } from './emit.ts';
import { detectRegion } from './metadata/region.ts';
import { anachronisms, detectYear } from './metadata/year.ts';
import { detectDocType } from './metadata/doctype.ts';
import { detectTopics } from './metadata/topics.ts';
import { extract } from '../extract/extract.ts';

export interface Analysed {
  draft: Draft;
  blocks: NumberedBlock[];
  data: Omit<DocumentFrontmatter, 'slug'>;
}

/** Joins title lines, dropping spaces between Han characters (工 作 总 结). */
export function titleText(draft: Draft): string {
  const joined = draft.titleLines.map((l) => l.text.trim()).join('');
  const cleaned = joined.replace(/(?<=[\p{Script=Han}）)])[\s\u3000]+(?=[\p{Script=Han}（(])/gu, '').trim();
  if (cleaned) return cleaned;
  for (const block of draft.blocks) if (block.type !== 'table') return block.text.slice(0, 40);
  return `${draft.source.file} #${draft.index}`;
}

export function analyse(draft: Draft, boilerplateLines: number, lexicon: Lexicon): Analysed {
  const fullTitle = titleText(draft);
  const title = displayTitle(fullTitle);
  // A title too long to show is kept whole as the text's first paragraph.
  const longTitle = title !== fullTitle && draft.titleLines.length > 0;
  const titleBlock: Block[] = longTitle ? [{ type: 'paragraph', text: fullTitle, from: draft.titleLines[0]?.from ?? 1, to: draft.titleLines.at(-1)?.to ?? 1 }] : [];
  const blocks = numberBlocks([...titleBlock, ...draft.blocks]);
  const bodyText = blocks.map((b) => (b.type === 'table' ? [...b.header, ...b.rows.flat()].join(' ') : b.text)).join('\n');
  const lastLines = blocks.slice(-4).map((b) => (b.type === 'table' ? '' : b.text));
  const region = detectRegion(fullTitle, bodyText, lexicon, lastLines);
  const docType = detectDocType(fullTitle, lexicon.docTypes);
  const planning = docType === '实施方案' || docType === '工作安排' || docType === '任务分解';
  const year = detectYear(fullTitle, bodyText, lastLines, lexicon.anachronisms, planning);
  const allLines = [...draft.titleLines, ...draft.lines];
  // A loop, not Math.min(...lines): spreading 200,000 lines overflows the stack.
  let first = Infinity;
  let last = -Infinity;
  for (const l of allLines) {
    if (l.from < first) first = l.from;
    if (l.to > last) last = l.to;
  }
  if (allLines.length === 0) first = last = 1;
  const rejoins = draft.source.repairs.filter((r) => r.kind === 'rejoin' && r.line >= first && r.line <= last).length;
  const { targets, practices } = extract(blocks, { docType, lexicon });
  // In a text whose years were rewritten, a figure's year that the text's own institutions rule
  // out (2024 in a text about 新农合) was rewritten with the rest: the figure keeps no year.
  // (A plan's target year may lie past a term's lifetime: only rewritten texts are checked.)
  const fullText = `${title}\n${bodyText}`;
  let rewritten = 0;
  for (const target of year.rewritten ? targets : []) {
    if (target.year !== undefined && anachronisms(fullText, target.year, lexicon.anachronisms).length > 0) {
      delete target.year;
      rewritten++;
    }
  }
  const titleNotes = longTitle ? [`title shortened to ${MAX_TITLE_CHARS} characters for display; the full title is the first paragraph`] : [];
  const yearNotes = rewritten > 0 ? [`${rewritten} figure year(s) dropped as rewritten (outside the lifetime of terms the text uses)`] : [];
  const data: Omit<DocumentFrontmatter, 'slug'> = {
    title,
    region: region.region,
    regionNote: region.note,
    year: year.year,
    yearNote: year.note,
    docType,
    topics: detectTopics(`${title}\n${bodyText}`, lexicon.topics),
    targets,
    practices,
    source: {
      file: draft.source.file,
      sha256: draft.source.sha256,
      site: draft.source.site,
      lines: [first, last],
      index: draft.index,
      encoding: draft.source.encoding,
    },
    cleaning: {
      boilerplateLines,
      rejoins,
      scriptConverted: draft.scriptConverted,
      repairs: draft.repairs,
      notes: [...draft.source.warnings, ...draft.notes, ...titleNotes, ...yearNotes],
    },
  };
  return { draft, blocks, data };
}

/** Boilerplate lines of a source (removed by rule, not other drops). */
export const boilerplateCount = (dropped: DroppedLine[]) => dropped.filter((d) => !d.reason.startsWith('repeated') && !d.reason.startsWith('collection')).length;
