/**
 * Sentences and clauses of a block, each with its offset, so quotes stay
 * verbatim substrings of the cleaned text.
 */
import type { NumberedBlock } from '../ingest/model.ts';

export interface Sentence {
  text: string;
  /** Paragraph id of the block it comes from. */
  paragraph: string;
  /** Row of the table it comes from, from 1 (the header row not counted); absent outside tables. */
  row?: number;
}

/** Longest quote kept; longer sentences are cut to the clauses around the figure. */
export const MAX_QUOTE = 160;

/**
 * Longest sentence analysed as one. Real sentences are far shorter; a "sentence" of a whole
 * file without a full stop (a scraped page on one line) is cut into pieces at clause marks, so
 * the work on each stays bounded instead of growing with the square of the file.
 */
export const MAX_SENTENCE = 600;

/** Splits text after 。！？；; (keeping the mark), and overlong sentences at their clause marks. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[。！？!?；;])/u)
    .flatMap(piecesOf)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A sentence in pieces of at most MAX_SENTENCE characters, cut after a clause mark where there is one. */
function piecesOf(sentence: string): string[] {
  if (sentence.length <= MAX_SENTENCE) return [sentence];
  const pieces: string[] = [];
  let start = 0;
  while (sentence.length - start > MAX_SENTENCE) {
    const window = sentence.slice(start, start + MAX_SENTENCE);
    const cut = Math.max(window.lastIndexOf('，'), window.lastIndexOf(','), window.lastIndexOf('、'));
    const end = start + (cut > 0 ? cut + 1 : MAX_SENTENCE);
    pieces.push(sentence.slice(start, end));
    start = end;
  }
  pieces.push(sentence.slice(start));
  return pieces;
}

/** Every sentence of every paragraph and table cell, with its paragraph id (and table row). */
export function sentencesOf(blocks: NumberedBlock[]): Sentence[] {
  const out: Sentence[] = [];
  for (const block of blocks) {
    if (!block.id) continue;
    const paragraph = block.id;
    if (block.type === 'table') {
      block.rows.forEach((cells, i) => {
        for (const text of cells) for (const s of splitSentences(text)) out.push({ text: s, paragraph, row: i + 1 });
      });
    } else {
      for (const s of splitSentences(block.text)) out.push({ text: s, paragraph });
    }
  }
  return out;
}

/** Clause boundaries (，,：:) of a sentence, as [start, end) offsets. */
export function clauses(sentence: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < sentence.length; i++) {
    if ('，,：:'.includes(sentence[i] ?? '')) {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  out.push([start, sentence.length]);
  return out;
}

/** A verbatim quote of the sentence around [from, to): whole if short, else the clauses around it. */
export function quoteAround(sentence: string, from: number, to: number): string {
  if (sentence.length <= MAX_QUOTE) return sentence;
  const parts = clauses(sentence);
  let first = parts.findIndex(([, e]) => e > from);
  let last = parts.findIndex(([, e]) => e >= to);
  if (first < 0) first = 0;
  if (last < 0) last = parts.length - 1;
  while (first > 0 && (parts[last]?.[1] ?? 0) - (parts[first - 1]?.[0] ?? 0) <= MAX_QUOTE / 2) first--;
  return sentence.slice(parts[first]?.[0] ?? 0, parts[last]?.[1] ?? sentence.length).trim();
}
