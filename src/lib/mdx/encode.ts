/**
 * Source text written into MDX so that no parser can read it as syntax:
 * every character that starts or closes a construct in CommonMark, MDX or
 * any extension becomes a numeric character reference (`<` → `&#60;`), and
 * so do the characters that mean something only at the start of a line.
 * Parsers decode references to plain text after they have found the
 * structure, so the text renders as it was written and nothing in it can
 * open a tag, an expression, a link, emphasis, code or a block.
 */

/** Anywhere in text: HTML/JSX, expressions, references, escapes, code, emphasis, links, images, strikethrough, table pipes, ATX closing hashes. */
const ANYWHERE = /[&<>{}[\]\\`*_~|#!\n\r]/g;
const TRAILING_SPACE = /(?<![\t ])[\t ]+$/;

const reference = (c: string): string => `&#${c.codePointAt(0)};`;
const references = (s: string): string => [...s].map(reference).join('');

/**
 * Text for a phrasing position; `lineStart` when it opens a line (a paragraph's
 * or heading's first text), where indentation and block markers (`-`, `+`, `>`,
 * `=`, `:`, `1.`, `1)`) would otherwise open a block.
 */
export function encodeText(value: string, lineStart = false): string {
  let text = value.replace(ANYWHERE, reference);
  if (lineStart) {
    const indent = /^[\t ]+/.exec(text)?.[0] ?? '';
    const rest = text.slice(indent.length);
    const list = /^(\d{1,9})([.)])/.exec(rest);
    const marked = list ? `${list[1]}${reference(list[2] ?? '')}${rest.slice(list[0].length)}` : /^[-+=>:]/.test(rest) ? `${reference(rest.charAt(0))}${rest.slice(1)}` : rest;
    text = `${references(indent)}${marked}`;
  }
  return text.replace(TRAILING_SPACE, references);
}

/** A JSX attribute value (our own labels and ids): quotes, references and anything MDX could read. */
export function encodeAttribute(value: string): string {
  return value.replace(/[&"<>{}\n\r]/g, reference);
}

/** Undoes the references `encodeText` and `encodeAttribute` write (decimal and hexadecimal numeric ones). */
export function decodeReferences(text: string): string {
  return text.replace(/&#(?:x([0-9a-f]{1,6})|(\d{1,7}));/gi, (whole, hex?: string, dec?: string) => {
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
