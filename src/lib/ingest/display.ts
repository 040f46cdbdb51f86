/**
 * Lengths a page can show: a title is repeated on every list, card and
 * search result that names its document, so one that is really a paragraph
 * (50,000 characters of a badly cut file) would weigh down the whole site.
 * The full text is kept; only what is displayed is shortened.
 */

/** Longest title shown; longer ones end in an ellipsis. */
export const MAX_TITLE_CHARS = 120;

/** The title as pages show it: at most MAX_TITLE_CHARS characters (code points), an ellipsis marking the cut. */
export function displayTitle(title: string): string {
  const chars = [...title];
  return chars.length <= MAX_TITLE_CHARS ? title : `${chars.slice(0, MAX_TITLE_CHARS - 1).join('')}…`;
}

/** Controls (C0, DEL, C1), and the bidirectional overrides that reorder what a terminal shows. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file name, title or reason as a terminal may print it: control characters and direction
 * overrides written as `\xNN` / `\uNNNN`, so that a file named with a newline or ANSI escape
 * codes cannot forge lines or colours in the output.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
