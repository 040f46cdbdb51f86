/**
 * The reader of saved web pages (.html, and .mht: ./mhtml.ts). Decodes by BOM, then the page's declared
 * charset (<meta charset>, http-equiv), then detection (GBK pages are
 * common); finds the element that holds the article (the containers of
 * common portal CMSs, else text density, html.yaml); keeps the portal's
 * catalogue table as `label | value` rows for the frame stage; and gives every
 * other block of the page as a line left out, with the reason, so the report
 * accounts for all of it.
 */
import { parseHTML } from 'linkedom';
import type { HtmlRules } from '../../schema/lexicon.ts';
import type { CleaningNote } from '../../schema/evidence.ts';
import { decode, RejectedSource } from './decode.ts';
import { domLines, hanDensity, isElement, type DomElement, type DomNode } from './dom-lines.ts';
import type { Extracted, OmitReason } from './extracted.ts';
import { htmlPart, isMhtml } from './mhtml.ts';

export interface HtmlOptions {
  rules: HtmlRules;
  /** Labels of catalogue fields (索引号, 发布机构 …, gongwen.yaml): a table with two of them is a catalogue. */
  labels: readonly string[];
}

/** The charset a page declares in its first kilobytes, if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}

/** GBK and GB2312 pages decode as GB18030, their superset (a GBK page often holds GB18030-only characters). */
const decoderLabel = (charset: string): string => (/^(?:gb2312|gbk|x-gbk|cp936|gb_2312-80|euc-cn)$/.test(charset) ? 'gb18030' : charset);

/** A page's text: by BOM, then the charset its container declares (a .mht part's header) or the page itself, then detection. */
export function decodeHtml(bytes: Uint8Array, headerCharset: string | null = null): { text: string; encoding: string; warnings: CleaningNote[] } {
  const hasBom = bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe;
  const declared = headerCharset ?? declaredCharset(bytes);
  if (declared && !hasBom) {
    const label = decoderLabel(declared);
    try {
      const text = new TextDecoder(label, { fatal: true }).decode(bytes);
      return { text, encoding: label === 'gb18030' && declared !== 'gb18030' ? `gb18030 (${declared})` : label, warnings: [] };
    } catch {
      // An unknown label, or bytes not in the declared charset: detect instead, and say so.
      const detected = decode(bytes);
      return { ...detected, warnings: [...detected.warnings, { kind: 'charsetMismatch', declared, actual: detected.encoding }] };
    }
  }
  return decode(bytes);
}

const label = (cell: string): string => cell.replace(/[\s\u3000]/g, '').replace(/[:：]$/, '');

/** Reads a saved web page into lines (throws RejectedSource when no text is left). */
export function readHtml(bytes: Uint8Array, options: HtmlOptions): Extracted {
  // A page saved as one file (.mht) is a MIME message: its HTML part is the page.
  const mhtml = isMhtml(bytes);
  const page = mhtml ? htmlPart(bytes) : { bytes, charset: null };
  const decoded = decodeHtml(page.bytes, page.charset);
  const { text, warnings } = decoded;
  const encoding = mhtml ? `${decoded.encoding}, mhtml` : decoded.encoding;
  // A browser ignores a stray </html> or </body> (a server-side include's, mid-page); the parser would end the page there.
  const { document } = parseHTML(text.replace(/<\/(?:html|body)\s*>/gi, ''));
  const root = (document.body ?? document.documentElement) as unknown as DomElement | null;
  if (!root) throw new RejectedSource('a web page without a body: nothing to read');
  for (const tag of options.rules.drop) for (const el of Array.from(document.querySelectorAll(tag))) el.remove();
  // Comments and processing instructions hold no text a reader sees; linkedom keeps them out of textContent already.

  const labels = new Set(options.labels);
  const isCatalogue = (cells: string[]): boolean => new Set(cells.map(label).filter((c) => labels.has(c))).size >= 2;
  const chrome = new Set<DomNode>(options.rules.chrome.flatMap((sel) => selectAll(root, sel)));
  const article = findArticle(root, options.rules, chrome);

  const omit = (block: DomElement): OmitReason | null => {
    let inArticle = article === null;
    for (let e: DomNode | null = block; e && isElement(e); e = e.parentNode) {
      if (chrome.has(e)) return 'html-chrome';
      // A catalogue table is the document's metadata wherever the page put it.
      if (e.tagName.toLowerCase() === 'table' && tableIsCatalogue(e, isCatalogue)) return null;
      if (e === article) inArticle = true;
    }
    return inArticle ? null : 'html-outside-article';
  };
  const lines = domLines(root, { isCatalogue, omit, linkListShare: options.rules.linkListShare });
  if (!lines.some((l) => !l.omitted && l.text.trim() !== '')) {
    throw new RejectedSource('a web page with no article text (only menus and links): save the page of the document itself, or add its attachment');
  }
  return { format: 'html', encoding, lines, warnings };
}

/** Elements matching a selector; a selector the DOM cannot parse matches nothing (the lexicon test checks them all). */
function selectAll(root: DomElement, selector: string): DomElement[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

function tableIsCatalogue(table: DomElement, isCatalogue: (cells: string[]) => boolean): boolean {
  const cells = Array.from(table.querySelectorAll('td, th')).map((c) => (c.textContent ?? '').trim());
  return table.querySelectorAll('table').length === 0 && isCatalogue(cells);
}

/**
 * The element that holds the article: the CMS container with the most text
 * outside links, else the element whose paragraphs hold the most text (the
 * score of each paragraph counts fully for its parent and half for its
 * grandparent, as Readability does); then grown to its parents while they add
 * little text (the title, date line and byline above the text).
 */
export function findArticle(root: DomElement, rules: HtmlRules, chrome: Set<DomNode>): DomElement | null {
  const inChrome = (el: DomNode): boolean => {
    for (let e: DomNode | null = el; e; e = e.parentNode) if (chrome.has(e)) return true;
    return false;
  };
  const total = hanDensity(root).text;
  if (total === 0) return null;

  let best: DomElement | null = null;
  let bestText = 0;
  for (const selector of rules.content) {
    for (const el of selectAll(root, selector)) {
      if (inChrome(el)) continue;
      const { text } = hanDensity(el);
      if (text > bestText) [best, bestText] = [el, text];
    }
  }
  // A container that holds little of the page's text is a teaser box, not the article.
  if (!best || bestText < Math.min(100, total * 0.3)) {
    const scores = new Map<DomElement, number>();
    for (const p of selectAll(root, 'p, td, pre, li, div, h1, h2, h3, h4, h5, h6')) {
      if (inChrome(p) || p.querySelectorAll('p, div, td, table, li').length > 0) continue;
      const { text, links } = hanDensity(p);
      if (text < rules.minParagraphHan || links > text) continue;
      const parent = p.parentNode;
      if (parent && isElement(parent)) scores.set(parent, (scores.get(parent) ?? 0) + text);
      const grand = parent?.parentNode;
      if (grand && isElement(grand)) scores.set(grand, (scores.get(grand) ?? 0) + text / 2);
    }
    best = null;
    let bestScore = 0;
    for (const [el, score] of scores) if (score > bestScore) [best, bestScore] = [el, score];
    if (!best) return null;
    bestText = hanDensity(best).text;
  }
  let bestLinks = hanDensity(best).links;
  for (let up = best.parentNode; up && isElement(up) && up !== root; up = up.parentNode) {
    const { text, links } = hanDensity(up);
    if (text - bestText > Math.min(rules.growMaxHan, Math.max(rules.growMinHan, rules.growShare * bestText)) || links - bestLinks > rules.growMaxLinkHan) break;
    best = up;
    [bestText, bestLinks] = [text, links];
  }
  return best;
}
