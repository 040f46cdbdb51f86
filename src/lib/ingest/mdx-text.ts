/**
 * Reading the text back out of emitted MDX, without an MDX parser: the
 * emitted shapes are few (emit.ts), so a scan suffices. Kept free of
 * dependencies, because the site runs it on every document while it builds.
 */

/**
 * The plain text of emitted MDX (a body, or any part of one): our marks and
 * links reduced to their text, escapes undone, `Para` tags and table pipes
 * left as they are. Cheap enough for the site to run on every document; the
 * emit tests check it against the text that went in.
 */
export function plainText(mdx: string): string {
  // One left-to-right scan, so an escaped `\<` or `\[` is consumed before it could read as a tag or link.
  return mdx.replace(MARKUP, (_whole, escaped?: string, linkText?: string) =>
    escaped !== undefined ? escaped : linkText !== undefined ? plainText(linkText) : '',
  );
}

/** A markdown escape, one of our marks' tags, or a link to one of our pages (its text captured). */
const MARKUP = /\\([!-/:-@[-`{-~])|<\/?mark(?:\s[^>]*)?>|\[((?:\\.|[^\]\\])*)\]\(\.\.\/\.\.\/[^)\s]*\)/g;

/**
 * The words of an emitted body as a reader reads them: plainText without the
 * `Para` tags, heading markers and table rules, one block per line.
 */
export function readingText(body: string): string {
  const words = body
    .replace(/^<Para id="p-\d+">\n([\s\S]*?)\n<\/Para>$/gm, (_, inner: string) => tableWords(inner) ?? inner)
    .replace(/^#{1,6} /gm, '');
  return plainText(words).replace(/\n{2,}/g, '\n').trim();
}

const TABLE_RULE = /^ *\|(?: *:?-+:? *\|)+ *$/;

/** The cells of a table block as words (its rule row dropped), or undefined for a paragraph. */
function tableWords(block: string): string | undefined {
  const rows = block.split('\n');
  if (!TABLE_RULE.test(rows[1] ?? '')) return undefined;
  return rows
    .filter((_, i) => i !== 1)
    .map((row) => row.replace(/(?<!\\)\|/g, ' '))
    .join('\n');
}

/** Each paragraph's plain text (see plainText) by paragraph id (p-1, p-2 …). */
export function paragraphTexts(mdx: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const m of mdx.matchAll(/<Para id="(p-\d+)">\n([\s\S]*?)\n<\/Para>/g)) texts.set(m[1] ?? '', plainText(m[2] ?? '').trim());
  return texts;
}
