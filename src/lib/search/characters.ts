/**
 * The distinct Han characters of a body of text, for the search page's
 * Traditional → Simplified map (src/pages/search/t2s.json.ts). One pass over
 * the code points with a bitmap: at 5,000 documents a regular expression over
 * the joined text took most of that page's build time.
 */
const HAN = /^\p{Script=Han}$/u;

/** Distinct Han characters of the texts, sorted as JavaScript sorts strings. */
export function hanCharacters(texts: Iterable<string>): string[] {
  const seen = new Uint8Array(0x110000);
  const found: string[] = [];
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i) ?? 0;
      if (code > 0xffff) i++;
      // Below U+2E80 (CJK radicals) there is no Han character.
      if (code < 0x2e80 || seen[code]) continue;
      seen[code] = 1;
      const char = String.fromCodePoint(code);
      if (HAN.test(char)) found.push(char);
    }
  }
  return found.sort();
}
