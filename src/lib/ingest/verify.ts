/**
 * Proof that emitted MDX is inert and intact, by the processor that compiles
 * it for the site: Sätteri's own tree (mdxToHast, with the features Astro is
 * configured with, src/lib/mdx/syntax.ts) must hold nothing but our
 * elements and attributes, and every block's text exactly as it went in.
 * (That micromark, mdx-js's parser, reads the same text is checked by the
 * emit tests; at ingest it would cost more than the rest of the pipeline.)
 */
import { mdxToHast, mdxToJs } from 'satteri';
import { LINK_URL, MARK_ATTRIBUTES, MARK_ELEMENT, MDX_FEATURES, PARAGRAPH_ELEMENT } from '../mdx/syntax.ts';
import type { Block } from './model.ts';

type NumberedBlock = Block & { id?: string };

interface HNode {
  type: string;
  value?: string;
  tagName?: string;
  name?: string | null;
  properties?: Record<string, unknown>;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: HNode[];
}

/** Thrown when emitted MDX would render anything but our structure, or lost text. */
export class NotInertError extends Error {
  override name = 'NotInertError';
  /** Index of the block that failed, when one did. */
  readonly block: number | undefined;
  constructor(message: string, block?: number) {
    super(message);
    this.block = block;
  }
}

/** Where a check is: which block (its index, for the error) or the file as a whole. */
interface Where {
  label: string;
  block?: number;
}
const whole: Where = { label: 'MDX' };
const atBlock = (i: number, id?: string): Where => ({ label: `block ${i + 1}${id ? ` (${id})` : ''}`, block: i });

const fail = (where: Where, why: string): never => {
  throw new NotInertError(`${where.label}: ${why}`, where.block);
};

const isBlank = (n: HNode) => n.type === 'text' && (n.value ?? '').trim() === '';
const content = (n: HNode): HNode[] => (n.children ?? []).filter((c) => !isBlank(c));
const attributesOf = (n: HNode) => Object.fromEntries((n.attributes ?? []).map((a) => [a.type === 'mdxJsxAttribute' ? (a.name ?? '') : `{${a.type}}`, a.value]));

function describe(n: HNode): string {
  if (n.type === 'element') return `element <${n.tagName}>`;
  if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') return `element <${n.name ?? ''}>`;
  return n.type;
}

/** The text of phrasing content that may hold only text, our marks and links to our pages. */
function phrasingText(nodes: HNode[], where: Where): string {
  return nodes
    .map((n) => {
      if (n.type === 'text') return n.value ?? '';
      if (n.type === 'element' && n.tagName === 'a') {
        const keys = Object.keys(n.properties ?? {});
        const href = n.properties?.href;
        if (keys.length !== 1 || typeof href !== 'string' || !LINK_URL.test(href)) fail(where, `link to ${JSON.stringify(href)}`);
        if (n.children?.some((c) => c.type !== 'text')) fail(where, 'link with markup inside');
        return phrasingText(n.children ?? [], where);
      }
      if (n.type === 'mdxJsxTextElement' && n.name === MARK_ELEMENT) {
        const ok =
          (n.attributes ?? []).every((a) => a.type === 'mdxJsxAttribute' && (MARK_ATTRIBUTES as readonly string[]).includes(a.name ?? '') && typeof a.value === 'string') &&
          (n.children ?? []).every((c) => c.type === 'text');
        if (!ok) fail(where, `element <${n.name}> with foreign attributes or content`);
        return phrasingText(n.children ?? [], where);
      }
      return fail(where, `text parsed as markup (${describe(n)})`);
    })
    .join('');
}

function jsx(n: HNode | undefined, name: string, type: 'mdxJsxFlowElement' | 'mdxJsxTextElement', where: Where, attributes: Record<string, string> = {}): HNode {
  if (!n || n.type !== type || n.name !== name) return fail(where, `expected <${name}>, found ${n ? describe(n) : 'nothing'}`);
  const actual = attributesOf(n);
  if (JSON.stringify(actual) !== JSON.stringify(attributes)) fail(where, `<${name}> with attributes ${JSON.stringify(actual)}`);
  return n;
}

/** The cells of a table element (header row first) as text. */
function tableCells(table: HNode, where: Where): string[][] {
  const rows: string[][] = [];
  const sections = content(table);
  sections.forEach((section, i) => {
    const tag = i === 0 ? 'thead' : 'tbody';
    jsx(section, tag, 'mdxJsxFlowElement', where);
    for (const tr of content(section)) {
      jsx(tr, 'tr', 'mdxJsxFlowElement', where);
      rows.push(content(tr).map((cell) => phrasingText(jsx(cell, i === 0 ? 'th' : 'td', 'mdxJsxTextElement', where, i === 0 ? { scope: 'col' } : {}).children ?? [], where)));
    }
  });
  if (sections.length < 1 || sections.length > 2) fail(where, `a table of ${sections.length} sections`);
  return rows;
}

/** Throws NotInertError when the MDX would render anything but our structure, or the text changed on the way. */
export function verifyInert(mdx: string, blocks: NumberedBlock[]): void {
  verifyWithSatteri(mdx, blocks);
}

function verifyWithSatteri(mdx: string, blocks: NumberedBlock[]): void {
  let tree: HNode;
  try {
    tree = mdxToHast(mdx, { features: MDX_FEATURES, position: false }) as unknown as HNode;
    // And the whole compile to JavaScript, as @astrojs/markdown-satteri calls it for the site.
    mdxToJs(mdx, { features: MDX_FEATURES, jsxImportSource: 'astro', elementAttributeNameCase: 'html' });
  } catch (error) {
    return fail(whole, `does not compile: ${(error as Error).message}`);
  }
  const body = content(tree);
  if (body.length !== blocks.length) fail(whole, `has ${body.length} blocks, expected ${blocks.length}`);
  body.forEach((node, i) => {
    const block = blocks[i] as NumberedBlock;
    const where = atBlock(i, block.id);
    if (block.type === 'heading') {
      // The markup stage may change its level (no gaps under the page's h1), never its kind.
      if (node.type !== 'element' || !/^h[2-6]$/.test(node.tagName ?? '') || Object.keys(node.properties ?? {}).length > 0) fail(where, `heading became ${describe(node)}`);
      if (phrasingText(node.children ?? [], where) !== block.text) fail(where, `text changed: ${JSON.stringify(block.text.slice(0, 40))}`);
      return;
    }
    jsx(node, PARAGRAPH_ELEMENT, 'mdxJsxFlowElement', where, { id: block.id ?? '', ...('gapAfter' in block && block.gapAfter ? { gap: 'after' } : {}) });
    const inner = content(node);
    if (inner.length !== 1) fail(where, `a paragraph of ${inner.length} parts`);
    const [child] = inner as [HNode];
    if (block.type === 'table') {
      const cells = tableCells(jsx(child, 'table', 'mdxJsxFlowElement', where), where);
      if (JSON.stringify(cells) !== JSON.stringify([block.header, ...block.rows])) fail(where, 'table text changed');
      return;
    }
    if (child.type !== 'element' || child.tagName !== 'p' || Object.keys(child.properties ?? {}).length > 0) fail(where, `paragraph became ${describe(child)}`);
    if (phrasingText(child.children ?? [], where) !== block.text) fail(where, `text changed: ${JSON.stringify(block.text.slice(0, 40))}`);
  });
}
