/**
 * A DOM → lines in reading order: one line per block (paragraph, heading,
 * list item, cell of a layout table), a data table as the tab rows the text
 * path reads as a table, a portal's catalogue table as `label | value` rows
 * that the frame stage reads as metadata. Used for saved web pages and for
 * Word files (whose converter writes HTML).
 */
import type { ExtractedLine, OmitReason, Origin } from './extracted.ts';

/** The minimum of a DOM node that this module reads (linkedom's nodes have it). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}
export interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  matches(selector: string): boolean;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ELEMENT = 1;
const TEXT = 3;

export const isElement = (node: DomNode): node is DomElement => node.nodeType === ELEMENT;

const BLOCK = new Set(
  'address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section summary table tbody thead tfoot tr td th caption ul'.split(' '),
);

/** How the walker decides, for an element, whether its lines are kept, and how a table is written. */
export interface WalkRules {
  /** Why the lines of a block element are left out (chrome, outside the article), or null to keep them. */
  omit(block: DomElement): OmitReason | null;
  /** Whether a table is a catalogue of labelled fields (索引号 | … | 发布机构 | …). */
  isCatalogue(cells: string[]): boolean;
  /** A line this much link text, with two links or more, is a menu or link list (web pages: html.yaml `linkListShare`). */
  linkListShare?: number;
  /** Where a block's line came from; by default the element, as a short selector. */
  origin?(block: DomElement): Origin;
}

/** Collapses markup whitespace as a browser would; keeps the ideographic space (indentation). */
const collapse = (s: string): string => s.replace(/[ \t\n\r\f\u00a0]+/g, ' ');

/** A short selector for an element and its nearest ancestor with an id or class. */
export function elementPath(el: DomElement): string {
  const name = (e: DomElement): string => {
    const tag = e.tagName.toLowerCase();
    const id = e.getAttribute('id');
    if (id) return `${tag}#${id}`;
    const cls = e.getAttribute('class')?.trim().split(/\s+/)[0];
    return cls ? `${tag}.${cls}` : tag;
  };
  let up = el.parentNode;
  while (up && isElement(up) && !up.getAttribute('id') && !up.getAttribute('class')) up = up.parentNode;
  const own = name(el);
  return up && isElement(up) && up.tagName.toLowerCase() !== 'body' && up.tagName.toLowerCase() !== 'html' ? `${name(up)} > ${own}` : own;
}

const rowsOf = (table: DomElement): DomElement[] => {
  // Rows of this table only, not of a table nested in one of its cells.
  const out: DomElement[] = [];
  const visit = (node: DomNode) => {
    for (const child of Array.from(node.childNodes)) {
      if (!isElement(child)) continue;
      const tag = child.tagName.toLowerCase();
      if (tag === 'tr') out.push(child);
      else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') visit(child);
    }
  };
  visit(table);
  return out;
};
const cellsOf = (row: DomElement): DomElement[] =>
  Array.from(row.childNodes).filter((c): c is DomElement => isElement(c) && (c.tagName.toLowerCase() === 'td' || c.tagName.toLowerCase() === 'th'));

/** Longest cell of a data table; a longer one makes it a layout table (a page laid out in cells). */
const MAX_DATA_CELL = 300;

function tableKind(table: DomElement, rules: WalkRules): 'catalogue' | 'data' | 'layout' {
  if (table.querySelectorAll('table').length > 0) return 'layout';
  const rows = rowsOf(table).map((r) => cellsOf(r).map((c) => cellText(c)));
  if (rows.length === 0) return 'layout';
  const cells = rows.flat();
  if (rules.isCatalogue(cells)) return 'catalogue';
  if (rows.some((r) => r.length >= 2) && cells.every((c) => c.length <= MAX_DATA_CELL) && rows.length >= 2) return 'data';
  return 'layout';
}

const cellText = (cell: DomElement): string => collapse(textOf(cell)).trim();

/** Text of a subtree as a reader sees it: <br> as a space, dropped elements already gone. */
function textOf(node: DomNode): string {
  if (node.nodeType === TEXT) return node.textContent ?? '';
  if (!isElement(node)) return '';
  if (node.tagName.toLowerCase() === 'br') return ' ';
  let s = '';
  for (const child of Array.from(node.childNodes)) s += textOf(child);
  return s;
}

/** The page's lines in reading order. */
export function domLines(root: DomElement, rules: WalkRules): ExtractedLine[] {
  const lines: ExtractedLine[] = [];
  let buffer = '';
  let owner: DomElement | null = null;
  // Characters of the buffer inside links, and the links begun in it: a line of links is a menu.
  let linkChars = 0;
  let links = 0;
  const origin = (el: DomElement): Origin => rules.origin?.(el) ?? { kind: 'html', element: elementPath(el) };

  const omitted = (el: DomElement): OmitReason | null => rules.omit(el);
  const push = (text: string, el: DomElement) => {
    const reason = omitted(el);
    const heading = /^h([1-6])$/.exec(el.tagName.toLowerCase())?.[1];
    lines.push({ text, origin: origin(el), ...(heading ? { heading: Number(heading) } : {}), ...(reason ? { omitted: reason } : {}) });
  };
  const blank = (el: DomElement) => {
    const reason = omitted(el);
    lines.push({ text: '', ...(reason ? { omitted: reason } : {}) });
  };
  const flush = () => {
    const text = buffer.trim();
    if (text !== '' && owner) {
      const share = linkChars / Math.max(1, text.replace(/\s/g, '').length);
      if (rules.linkListShare !== undefined && links >= 2 && share >= rules.linkListShare) lines.push({ text, origin: origin(owner), omitted: 'html-chrome' });
      else push(text, owner);
    }
    buffer = '';
    owner = null;
    linkChars = 0;
    links = 0;
  };

  const visit = (node: DomNode, block: DomElement, pre: boolean, inLink = false): void => {
    if (node.nodeType === TEXT) {
      const text = node.textContent ?? '';
      if (text.trim() === '' && buffer === '') return;
      buffer += pre ? text : collapse(text);
      if (inLink) linkChars += text.replace(/\s/g, '').length;
      owner ??= block;
      return;
    }
    if (!isElement(node)) return;
    const tag = node.tagName.toLowerCase();
    if (tag === 'a' && !inLink) links++;
    if (tag === 'br') {
      if (pre) buffer += '\n';
      else flush();
      return;
    }
    if (tag === 'table') {
      const kind = tableKind(node, rules);
      if (kind !== 'layout') {
        flush();
        writeTable(node, kind);
        return;
      }
    }
    const isBlock = BLOCK.has(tag);
    if (isBlock) flush();
    const inner = isBlock ? node : block;
    const isPre = pre || tag === 'pre';
    for (const child of Array.from(node.childNodes)) visit(child, inner, isPre, inLink || tag === 'a');
    if (isBlock) flush();
  };

  const writeTable = (table: DomElement, kind: 'catalogue' | 'data') => {
    const rows = rowsOf(table);
    rows.forEach((row, i) => {
      const cells = cellsOf(row).map(cellText);
      if (cells.every((c) => c === '')) return;
      if (kind === 'catalogue') {
        push(cells.join(' | '), row);
      } else {
        // One cell per tab, rows apart by a blank line: the form the text path rebuilds as a table.
        if (i > 0) blank(row);
        push(`\t${cells.join('\t')}`, row);
      }
    });
    if (kind === 'data') blank(table);
  };

  visit(root, root, false);
  flush();
  return lines.map((l) => (l.text.includes('\n') ? l.text.split('\n').map((text) => ({ ...l, text })) : [l])).flat();
}

/** Han characters of a text. */
export const hanCount = (text: string): number => text.match(/\p{Script=Han}/gu)?.length ?? 0;

/** Han characters of an element outside links, and inside links. */
export function hanDensity(el: DomNode): { text: number; links: number } {
  let text = 0;
  let links = 0;
  const visit = (node: DomNode, inLink: boolean) => {
    if (node.nodeType === TEXT) {
      const n = hanCount(node.textContent ?? '');
      if (inLink) links += n;
      else text += n;
      return;
    }
    if (!isElement(node)) return;
    const link = inLink || node.tagName.toLowerCase() === 'a';
    for (const child of Array.from(node.childNodes)) visit(child, link);
  };
  visit(el, false);
  return { text, links };
}
