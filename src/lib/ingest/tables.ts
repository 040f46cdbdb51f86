/**
 * Tables for the segment stage: rebuild a table that a converter flattened, either
 * into one cell per line, each cell starting with a tab and each row ending
 * with a blank line (a cell that wrapped continues on a line without a tab
 * after a blank line; those pieces are rejoined), or into one row per line
 * with tabs between its cells. Header rows repeated on every page are dropped.
 */
import type { Block, TextLine } from './model.ts';
import { compact } from './chinese.ts';

export const isTableLine = (line: TextLine | undefined): boolean => line !== undefined && line.text.startsWith('\t');

export interface TableParse {
  block: Extract<Block, { type: 'table' }>;
  /** Index of the first line after the table. */
  end: number;
  /** Number of repeated header rows dropped and wrapped cells rejoined. */
  droppedHeaders: number;
  rejoinedCells: number;
}

function nextNonBlank(lines: TextLine[], i: number): TextLine | undefined {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]?.text.trim() !== '' || lines[j]?.text.includes('\t')) return lines[j];
  return undefined;
}

const cellText = (text: string) => text.replace(/[\s\u3000]+/g, ' ').trim();

/** Parses the table that starts at `start` (a tab line). */
export function parseTable(lines: TextLine[], start: number): TableParse {
  const rows: string[][] = [];
  let row: string[] = [];
  let blankBefore = false;
  let rejoinedCells = 0;
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (!line) break;
    if (line.text.trim() === '' && !line.text.includes('\t')) {
      blankBefore = true;
      continue;
    }
    if (isTableLine(line)) {
      if (blankBefore && row.length > 0) {
        rows.push(row);
        row = [];
      }
      row.push(...line.text.split('\t').slice(1).map(cellText));
    } else if (blankBefore && row.length > 0 && (rows.length === 0 || row.length < (rows[0]?.length ?? 0) || isTableLine(nextNonBlank(lines, i)))) {
      // A wrapped cell: the text continues the last cell of the row.
      row[row.length - 1] = (row.at(-1) ?? '') + cellText(line.text);
      rejoinedCells++;
    } else {
      break;
    }
    blankBefore = false;
  }
  if (row.length > 0) rows.push(row);

  // Stop before trailing blank lines so they stay outside the table.
  let end = i;
  while (end > start && (lines[end - 1]?.text.trim() ?? '') === '' && !isTableLine(lines[end - 1])) end--;
  return { ...tableOf(rows, lines, start, end), rejoinedCells };
}

/** The table block of parsed rows (the first is the header): repeated headers dropped, rows fitted to its width. */
function tableOf(rows: string[][], lines: TextLine[], start: number, end: number): Omit<TableParse, 'rejoinedCells'> {
  const [header = [], ...body] = rows;
  const headerKey = compact(header.join('|'));
  const kept = body.filter((r) => compact(r.join('|')) !== headerKey);
  const width = header.length;
  const normalised = kept.map((r) => (r.length >= width ? r.slice(0, width - 1).concat(r.slice(width - 1).join(' ').trim()) : [...r, ...Array<string>(width - r.length).fill('')]));
  const from = lines[start]?.from ?? 0;
  const to = lines[end - 1]?.to ?? from;
  return { block: { type: 'table', header, rows: normalised, from, to }, end, droppedHeaders: body.length - kept.length };
}

/** Cells of a row written on one line with tabs between its cells (序号\t工作任务\t责任单位). */
function rowCells(line: TextLine | undefined): string[] | null {
  if (!line || line.text.startsWith('\t')) return null;
  const cells = line.text.split('\t').map(cellText);
  return cells.length >= 3 && cells.filter(Boolean).length >= 2 ? cells : null;
}

/** Whether a table of whole rows, one per line, starts here: two or more such lines in a row. */
export const isRowTableStart = (lines: TextLine[], i: number): boolean => rowCells(lines[i]) !== null && rowCells(lines[i + 1]) !== null;

/**
 * Parses a table written one row per line, cells separated by tabs, the
 * first row its header. Blank lines between rows are allowed; header rows
 * repeated on every page are dropped.
 */
export function parseRowTable(lines: TextLine[], start: number): TableParse {
  const rows: string[][] = [];
  let i = start;
  let end = start;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (!line) break;
    if (line.text.trim() === '') continue;
    const cells = rowCells(line);
    if (!cells) break;
    rows.push(cells);
    end = i + 1;
  }
  return { ...tableOf(rows, lines, start, end), rejoinedCells: 0 };
}
