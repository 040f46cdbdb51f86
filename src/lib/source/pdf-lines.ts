/**
 * A PDF's positioned text → lines in reading order. pdf.js gives runs of
 * text with their position; this module puts the runs of one baseline into
 * a line (no space between Chinese characters, nor around the numbers that
 * typesetting spaces out: 2024 年 → 2024年), rejoins the lines of a paragraph
 * (Chinese breaks lines without hyphens: a line that runs to the right margin
 * continues on the next unless that one is indented), and leaves out a running
 * header repeated on most pages. Page numbers stay: the boilerplate stage
 * drops them and unpaginate rejoins the text across them.
 */
import type { ExtractedLine } from './extracted.ts';

/** A run of text and its position on the page (PDF units, y upwards). */
export interface PdfItem {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface Row {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
  /** Line on its page, from 1. */
  line: number;
}

/** CJK characters and full-width punctuation: no space belongs between them, or between them and a number. */
const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef';
const SPACE_IN_CJK = new RegExp(`(?<=[${CJK}])[ \\t\\u00a0]+(?=[${CJK}\\d%])|(?<=[${CJK}\\d%])[ \\t\\u00a0]+(?=[${CJK}])`, 'gu');

export const tightenSpaces = (text: string): string => text.replace(SPACE_IN_CJK, '').replace(/[ \t\u00a0]{2,}/g, ' ').trim();

function rowsOf(items: PdfItem[]): Row[] {
  const sorted = items.filter((i) => i.text !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfItem[][] = [];
  for (const item of sorted) {
    const group = groups.at(-1);
    const head = group?.[0];
    if (group && head && Math.abs(head.y - item.y) <= 0.4 * Math.max(head.size, item.size)) group.push(item);
    else groups.push([item]);
  }
  const rows: Row[] = [];
  for (const group of groups) {
    group.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const item of group) {
      const gap = item.x - end;
      // A gap between two Latin words is a space; between numbers only a wide one is (justified
      // Chinese text spreads its characters, 3 1.7% for 31.7%); elsewhere the runs touch.
      const latin = /[A-Za-z]$/.test(text) && /^[A-Za-z]/.test(item.text);
      const alnum = /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(item.text);
      if (text !== '' && ((latin && gap > 0.25 * item.size) || (alnum && gap > 1.0 * item.size))) text += ' ';
      text += item.text;
      end = Math.max(end, item.x + item.width);
    }
    text = tightenSpaces(text);
    if (text === '') continue;
    const sizes = group.map((i) => i.size).sort((a, b) => a - b);
    rows.push({ text, left: group[0]?.x ?? 0, right: end, y: group[0]?.y ?? 0, size: sizes[Math.floor(sizes.length / 2)] ?? 10, line: rows.length + 1 });
  }
  return rows;
}

/** A row's text with its digits masked, to find the same header on every page (扬中市人民政府办公室文件, 第#页). */
const shape = (text: string): string => text.replace(/\d+/g, '#');
/** A page number on a line of its own (— 3 —, 第3页, 3/12): kept for the boilerplate stage, never taken as a header. */
const PAGE_NUMBER = /^[\s\-—－–#第页共/／Pageof]*$/;

/** Rows at the top or bottom of at least half the pages (and two), the same but for their digits. */
function runningRows(pages: Row[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const rows of pages) {
    const edges = new Set([rows[0], rows[1], rows.at(-1), rows.at(-2)].filter((r): r is Row => r !== undefined).map((r) => shape(r.text)));
    for (const s of edges) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const running = new Set<string>();
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  for (const [s, n] of counts) if (n >= needed && !PAGE_NUMBER.test(s)) running.add(s);
  return running;
}

export interface PdfLineOptions {
  /** What opens a heading or list item (structure.yaml `ordinals`): such a line never continues the one before. */
  startsBlock?: RegExp;
}

export function joinPdfLines(pages: PdfItem[][], options: PdfLineOptions = {}): ExtractedLine[] {
  const pageRows = pages.map(rowsOf);
  const running = pages.length >= 2 ? runningRows(pageRows) : new Set<string>();
  const out: ExtractedLine[] = [];
  pageRows.forEach((rows, p) => {
    const body = rows.filter((r) => !running.has(shape(r.text)) && !PAGE_NUMBER.test(shape(r.text)) && r.text.length >= 4);
    const left = Math.min(...body.map((r) => r.left));
    const right = Math.max(...body.map((r) => r.right));
    let open: { line: ExtractedLine; row: Row } | null = null;
    for (const row of rows) {
      const origin = { kind: 'pdf' as const, page: p + 1, line: row.line };
      if (running.has(shape(row.text))) {
        out.push({ text: row.text, origin, omitted: 'running-header' });
        open = null;
        continue;
      }
      const prev = open?.row;
      const continues =
        open !== null &&
        prev !== undefined &&
        prev.right >= right - 2 * prev.size &&
        row.left <= left + 0.5 * row.size &&
        Math.abs(row.size - prev.size) <= 0.15 * prev.size &&
        prev.y - row.y <= 2.2 * prev.size &&
        !PAGE_NUMBER.test(shape(row.text)) &&
        !(options.startsBlock?.test(row.text) ?? false);
      if (continues && open) {
        // Lines of Latin words meet with a space; Chinese text and numbers (达到3 | 1.7%) run on.
        open.line.text = tightenSpaces(`${open.line.text}${/[A-Za-z]$/.test(open.line.text) && /^[A-Za-z]/.test(row.text) ? ' ' : ''}${row.text}`);
        open.row = row;
      } else {
        const line: ExtractedLine = { text: row.text, origin };
        out.push(line);
        open = PAGE_NUMBER.test(shape(row.text)) ? null : { line, row };
      }
    }
  });
  return out;
}
