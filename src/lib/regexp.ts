/** A word as a regular expression that matches it literally: every syntax character escaped. */
export const escapeRegExp = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text without the characters of `set` (and, if it holds a space, any whitespace) at its end: a loop, as /[\s|]+$/ backtracks quadratically. */
export function trimEndOf(text: string, set: string): string {
  let end = text.length;
  const spaces = set.includes(' ');
  while (end > 0 && (set.includes(text.charAt(end - 1)) || (spaces && text.charAt(end - 1).trim() === ''))) end--;
  return text.slice(0, end);
}
