/**
 * Sentences and clauses of a block, each with its offset, so quotes stay
 * verbatim substrings of the cleaned text.
 */
import type { NumberedBlock } from '../ingest/emit.ts';

export interface Sentence {
  text: string;
  /** Paragraph id of the block it comes from. */
  paragraph: string;
}

/** Longest quote kept; longer sentences are cut to the clauses around the figure. */
export const MAX_QUOTE = 160;

/** Splits text after 。！？；; (keeping the mark). */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[。！？!?；;])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Every sentence of every paragraph and table cell, with its paragraph id. */
export function sentencesOf(blocks: NumberedBlock[]): Sentence[] {
  const out: Sentence[] = [];
  for (const block of blocks) {
    if (!block.id) continue;
    const texts = block.type === 'table' ? block.rows.flat() : [block.text];
    for (const text of texts) for (const s of splitSentences(text)) out.push({ text: s, paragraph: block.id });
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
