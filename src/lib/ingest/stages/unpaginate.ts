/**
 * Unpaginate stage: rejoins text that a site's pagination broke apart.
 *
 * 1. Page chunks: some sites print each page of a document as one long line
 *    prefixed with its page number ("3、0.4846万人,占农业人口94%…"), and the
 *    page boundary falls mid-token ("共计1" | "0.4846万人"). A run of long
 *    lines numbered 1、2、3… that mostly end mid-sentence is such a chunk
 *    sequence: the prefixes go and the chunks are concatenated.
 * 2. Page stubs: a page number like "-2-" left at a line end ("注-2-" | "重结合")
 *    is removed and the line rejoined with the next.
 * 3. Split numbers: a line ending in a digit followed by a line starting with
 *    a digit or a decimal point is one number cut by a page break.
 * 4. Split prose: where a page counter was removed, a line ending mid-sentence
 *    continues on the next unless that one opens a heading, list item or document.
 */
import type { Repair, Source, Stage, TextLine } from '../model.ts';
import { compileStructure, type CompiledStructure } from '../structure.ts';

const CHUNK_PREFIX = /^(\d{1,3})、/;
/** Page chunks are long; numbered list items are usually short. */
const MIN_MEAN_CHUNK_LENGTH = 60;
const SENTENCE_END = /[。！？!?；;：:”’）)」』]\s*$/;
const PAGE_STUB = /(?<!\s)\s*[-—－]\s*\d{1,3}\s*[-—－]\s*$/;

/** Indices (into non-blank lines) of a page-chunk run, or null when the lines are not paginated that way. */
export function findPageChunks(lines: TextLine[]): number[] | null {
  const numbered: number[] = [];
  let expected = 1;
  lines.forEach((line, i) => {
    const match = line.text.match(CHUNK_PREFIX);
    if (match && Number(match[1]) === expected) {
      numbered.push(i);
      expected++;
    }
  });
  if (numbered.length < 3) return null;
  const meanLength = numbered.reduce((n, i) => n + (lines[i]?.text.length ?? 0), 0) / numbered.length;
  const openEnded = numbered.slice(0, -1).filter((i) => !SENTENCE_END.test(lines[i]?.text ?? '')).length;
  if (meanLength < MIN_MEAN_CHUNK_LENGTH || openEnded / (numbered.length - 1) < 0.5) return null;
  return numbered;
}

const tail = (text: string) => text.slice(-6);
const head = (text: string) => text.slice(0, 6);

function rejoin(a: TextLine, bText: string, b: TextLine, repairs: Repair[]): TextLine {
  repairs.push({ kind: 'rejoin', from: `${tail(a.text)}|${head(bText)}`, to: tail(a.text) + head(bText), line: b.from });
  return { text: a.text + bText, from: a.from, to: b.to };
}

/** Joins the chunks of a page-chunk run into one line; other lines pass through. */
function joinPageChunks(lines: TextLine[], repairs: Repair[]): TextLine[] {
  const chunks = findPageChunks(lines);
  if (!chunks) return lines;
  const first = chunks[0] ?? 0;
  const last = chunks[chunks.length - 1] ?? 0;
  // The last chunk runs on to the next blank-separated line only if it is not a new block.
  let merged: TextLine | null = null;
  const out: TextLine[] = [];
  lines.forEach((line, i) => {
    if (i < first || i > last) {
      out.push(line);
      return;
    }
    if (line.text.trim() === '') return;
    const body = chunks.includes(i) ? line.text.replace(CHUNK_PREFIX, '') : line.text;
    merged = merged === null ? { text: body, from: line.from, to: line.to } : rejoin(merged, body, line, repairs);
    if (i === last) out.push(merged);
  });
  return out;
}

/** A line that opens a heading, list item, document (第二篇, 【篇二】) or table row never continues the one before. */
const opensBlock = (text: string, structure: CompiledStructure): boolean => structure.ordinal.test(text) || structure.markerAtStart.test(text) || /^\s*[【\t]/u.test(text);

/**
 * Prose cut by a page break ("基本药物制度实现全覆" | 第3页 共5页 | "盖，群众满意度明显提高。"):
 * a page counter was removed between the two lines, the first ends mid-sentence, and the next
 * opens no heading, list item or document. Without a removed page counter a mid-sentence line
 * end is left alone: content farms also cut text out there, and joining would invent a sentence.
 */
function isBrokenByPage(previous: TextLine, next: TextLine, pageBreaks: ReadonlySet<number>, structure: CompiledStructure): boolean {
  let broken = false;
  for (let n = previous.to + 1; n < next.from; n++) if (pageBreaks.has(n)) broken = true;
  // The first line is prose (a title or heading above a page break has no comma).
  const prose = /[，,、。；;]/.test(previous.text);
  return broken && prose && !SENTENCE_END.test(previous.text) && !opensBlock(next.text, structure) && /^\s*[\p{Script=Han}]/u.test(next.text);
}

/** Removes page stubs at line ends and rejoins numbers and prose split across lines. */
function joinStubsAndNumbers(lines: TextLine[], repairs: Repair[], pageBreaks: ReadonlySet<number>, structure: CompiledStructure): TextLine[] {
  const out: TextLine[] = [];
  for (const line of lines) {
    const previous = out.at(-1);
    if (previous && previous.text.trim() !== '' && line.text.trim() !== '') {
      const stub = PAGE_STUB.test(previous.text) && !/^\s*[-—－]/.test(previous.text);
      // 8.5% continues a number; 8、 or 8. followed by text starts a list item.
      const splitNumber = /\d\.?$/.test(previous.text) && /^[\d.]/.test(line.text) && !/^\d+[、.．](?!\d)/.test(line.text);
      const wrapped = isBrokenByPage(previous, line, pageBreaks, structure);
      if (stub || splitNumber || wrapped) {
        const base = stub ? { ...previous, text: previous.text.replace(PAGE_STUB, '') } : previous;
        if (!SENTENCE_END.test(base.text)) {
          out[out.length - 1] = rejoin(base, line.text, line, repairs);
          continue;
        }
        out[out.length - 1] = base;
      }
    }
    out.push(line);
  }
  return out;
}

export function unpaginate(source: Source, structure: CompiledStructure): Source {
  const repairs: Repair[] = [...source.repairs];
  // Lines the boilerplate stage removed as page counters mark where pages broke.
  const pageBreaks = new Set(source.dropped.filter((d) => d.pageBreak).map((d) => d.line));
  const lines = joinStubsAndNumbers(joinPageChunks(source.lines, repairs), repairs, pageBreaks, structure);
  return { ...source, lines, repairs };
}

/** The stage: page chunks, stubs and numbers cut by a page break rejoined, each rejoin recorded. */
export const unpaginateStage = (): Stage<Source> => ({ name: 'unpaginate', run: (source, { lexicon }) => unpaginate(source, compileStructure(lexicon.structure)) });
