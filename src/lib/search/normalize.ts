/**
 * Query normalisation for Chinese search, shared by the browser script and
 * the tests. Pagefind segments Chinese with jieba when indexing and with the
 * browser's Intl.Segmenter when searching; the two disagree on many policy
 * terms, and readers type Traditional characters, full-width letters and
 * either the short or the long form of a term. So a query is normalised and
 * expanded into a few variants whose results are merged.
 */

/** Traditional → Simplified character map (built from the corpus, see src/pages/search/t2s.json.ts). */
export type CharMap = Record<string, string>;

/** Glossary-style equivalences: each group lists forms that mean the same (新农合, 新型农村合作医疗). */
export type AliasGroups = string[][];

export function toSimplifiedChars(text: string, map: CharMap): string {
  let out = '';
  for (const char of text) out += map[char] ?? char;
  return out;
}

/** NFKC (full-width → ASCII), script conversion, whitespace collapsed. */
export function normalizeQuery(query: string, map: CharMap): string {
  return toSimplifiedChars(query.normalize('NFKC'), map).replace(/\s+/g, ' ').trim();
}

/** The longest form of an alias group that `text` holds, if any. */
export function aliasIn(text: string, group: readonly string[]): string | undefined {
  return [...group].sort((a, b) => b.length - a.length).find((f) => text.includes(f));
}

/** A text and, for each alias group it holds, the text with that alias swapped for each other form: 村医补助 → 村医补助, 乡村医生补助. */
export function aliasForms(text: string, aliases: AliasGroups): string[] {
  const forms = [text];
  for (const group of aliases) {
    const form = aliasIn(text, group);
    if (!form) continue;
    for (const other of group) if (other !== form) forms.push(text.replace(form, other));
  }
  return [...new Set(forms)];
}

/**
 * The queries to run for one normalised query: its alias forms (aliasForms),
 * then (for a single run of Chinese longer than two characters) the same text
 * as an exact phrase, which Pagefind matches against the text rather than the
 * segmented words.
 */
export function queryVariants(query: string, aliases: AliasGroups): string[] {
  const variants = aliasForms(query, aliases);
  if (/^[\p{Script=Han}]{3,}$/u.test(query)) variants.push(`"${query}"`);
  return [...new Set(variants)];
}
