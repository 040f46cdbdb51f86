/**
 * Segment stage: turns a document's lines into blocks (headings, paragraphs,
 * tables). Text that a converter ran together on one line, with a space
 * where a paragraph or heading break was, is split again at those spaces.
 */
import type { Block, Draft, Stage, TextLine } from '../model.ts';
import { isRowTableStart, isTableLine, parseRowTable, parseTable } from '../tables.ts';
import { compileStructure, type CompiledStructure } from '../structure.ts';

const MAX_HEADING = 30;
/** Short leading pieces of running text (bylines, dates) that stand on their own. */
const MAX_LEAD_PIECE = 24;

/** The heading depth of a line, or null when it is not a heading. */
export function headingDepth(text: string, structure: CompiledStructure): 2 | 3 | 4 | null {
  const t = text.trim();
  if (t.length > MAX_HEADING) return null;
  const body = t.replace(/[。.]$/u, '');
  if (/[。；;！？]/u.test(body)) return null;
  for (const { pattern, depth } of structure.headings) {
    if (pattern.test(t)) {
      // Numbered items with a comma read as list items, not headings.
      if (depth === 4 && /[，,]/u.test(body)) return null;
      return depth;
    }
  }
  return null;
}

/** Splits a line of run-together text at spaces that stand for block breaks. */
export function splitRunTogether(text: string, structure: CompiledStructure): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  for (;;) {
    const match = rest.match(structure.inlineBreak);
    let cut = match?.index;
    // Also break after a sentence end followed by a space.
    const sentence = rest.search(/[。！？；][\s\u3000]+/u);
    if (sentence >= 0 && (cut === undefined || sentence + 1 < cut)) cut = sentence + 1;
    if (cut === undefined || cut <= 0) break;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
  return pieces.flatMap((piece) => splitHeadingRunIn(piece, structure));
}

/** "(一)加强基层建设 全区卫生系统共…" → heading and paragraph. */
function splitHeadingRunIn(piece: string, structure: CompiledStructure): string[] {
  const space = piece.search(/[\s\u3000]/u);
  if (space <= 0) return [piece];
  const first = piece.slice(0, space);
  return headingDepth(first, structure) ? [first, piece.slice(space).trim()] : [piece];
}

/** Leading short pieces of a document's first paragraph (bylines, dates) become paragraphs of their own. */
function splitLeadPieces(text: string): string[] {
  const pieces: string[] = [];
  let rest = text;
  for (;;) {
    const space = rest.search(/[\s\u3000]/u);
    if (space <= 0 || space > MAX_LEAD_PIECE) break;
    const piece = rest.slice(0, space);
    if (/[，。；,]/u.test(piece)) break;
    pieces.push(piece);
    rest = rest.slice(space).trim();
  }
  return [...pieces, rest];
}

/**
 * A line the original marked as a heading (a web page's <h2>, a Word Heading 2), short and without a
 * sentence in it, is a heading of that level under the page's title (h1 and h2 → 2, h3 → 3, deeper → 4)
 * when its words do not say their level (一、 （一）: structure.yaml decides those, in every format alike).
 */
function markedHeading(line: TextLine, level: number | undefined, structure: CompiledStructure): Block | null {
  const t = line.text.trim();
  if (!level || t.length > MAX_HEADING || /[。；;！？]/u.test(t.replace(/[。.]$/u, '')) || headingDepth(t, structure) !== null) return null;
  const depth = level <= 2 ? 2 : level === 3 ? 3 : 4;
  return { type: 'heading', depth, text: t, from: line.from, to: line.to };
}

function blocksOfLine(line: TextLine, leading: boolean, structure: CompiledStructure): Block[] {
  const pieces = splitRunTogether(line.text, structure).flatMap((p, i) => (leading && i === 0 ? splitLeadPieces(p) : [p]));
  return pieces
    .filter((p) => p !== '')
    .map((text): Block => {
      const depth = headingDepth(text, structure);
      return depth
        ? { type: 'heading', depth, text, from: line.from, to: line.to }
        : { type: 'paragraph', text, from: line.from, to: line.to };
    });
}

export function segment(draft: Draft, structure: CompiledStructure): Draft {
  const blocks: Block[] = [];
  const notes = [...draft.notes];
  const lines = draft.lines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const tabbed = isTableLine(line) ? 'cells' : isRowTableStart(lines, i) ? 'rows' : null;
    if (tabbed) {
      const table = tabbed === 'cells' ? parseTable(lines, i) : parseRowTable(lines, i);
      blocks.push(table.block);
      notes.push({ kind: 'tableRebuilt', rows: table.block.rows.length, droppedHeaders: table.droppedHeaders, rejoinedCells: table.rejoinedCells });
      i = table.end - 1;
      continue;
    }
    if (line.text.trim() === '') continue;
    // The title of the document a transmittal notice carries heads its text.
    if (draft.attachment && line.from === draft.attachment.line) {
      blocks.push({ type: 'heading', depth: 2, text: line.text.trim(), from: line.from, to: line.to });
      continue;
    }
    const marked = line.from === line.to ? markedHeading(line, draft.source.headings[line.from - 1], structure) : null;
    blocks.push(...(marked ? [marked] : blocksOfLine(line, blocks.length === 0, structure)));
  }
  return { ...draft, blocks: listsAsParagraphs(blocks), notes };
}

/** Numbered items this many in a row, with no text between them, are a list, not headings. */
const LIST_RUN = 3;

/**
 * 1.… 2.… 3.… on lines of their own, with nothing between them: a numbered list, whose items are
 * paragraphs. (A heading 1. has text under it before 2.)
 */
export function listsAsParagraphs(blocks: Block[]): Block[] {
  const out = [...blocks];
  let start = 0;
  for (let i = 0; i <= out.length; i++) {
    const block = out[i];
    if (block?.type === 'heading' && block.depth === 4) continue;
    if (i - start >= LIST_RUN) {
      for (let j = start; j < i; j++) {
        const item = out[j];
        if (item?.type === 'heading') out[j] = { type: 'paragraph', text: item.text, from: item.from, to: item.to };
      }
    }
    start = i + 1;
  }
  return out;
}

/** The stage: the text cut into headings, paragraphs and tables. */
export const segmentStage = (): Stage<Draft> => ({ name: 'segment', run: (draft, { lexicon }) => segment(draft, compileStructure(lexicon.structure)) });
