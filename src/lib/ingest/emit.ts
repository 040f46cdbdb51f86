/**
 * Emit stage: a document → MDX, built as an mdast tree and serialised by
 * mdast-util-to-markdown with the MDX, GFM-table and frontmatter extensions,
 * which escape everything MDX would otherwise run (`{…}`, `<…>`, `import`).
 * Each paragraph and table is wrapped in `<Para id="p-N">` so it can be cited;
 * the markup stage (./markup) marks figures and links terms in the tree first.
 *
 * The output is parsed back and checked before it is written: nothing but
 * text, headings, tables, our own `Para` and `mark` elements and links to the
 * site's own pages may come out, and the text must survive unchanged. Source
 * text can therefore never run as code.
 */
import type { Root, RootContent, PhrasingContent, Table } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { toMarkdown } from 'mdast-util-to-markdown';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { mdxFromMarkdown, mdxToMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { gfmTableFromMarkdown, gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { frontmatterFromMarkdown, frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import { stringify } from 'yaml';
// Reading is js-yaml's (core schema, the same values as `yaml`): several times faster, and the
// site reads every document's frontmatter while it builds.
import { load as loadYaml, CORE_SCHEMA } from 'js-yaml';
import type { Block } from './model.ts';
export { paragraphTexts, plainText, readingText } from './mdx-text.ts';
import { LINK_URL, MARK_ATTRIBUTES, MARK_ELEMENT, markUp, type LinkLexicon } from './markup/index.ts';
import type { DocumentFrontmatter } from '../../schema/document.ts';

/** The JSX element that carries a paragraph id; the site maps it to a component. */
export const PARAGRAPH_ELEMENT = 'Para';

/** A block with its paragraph id (headings have none). */
export type NumberedBlock = Block & { id?: string };

/** Gives every paragraph and table its id p-1, p-2, … in document order. */
export function numberBlocks(blocks: Block[]): NumberedBlock[] {
  let n = 0;
  return blocks.map((block) => (block.type === 'heading' ? block : { ...block, id: `p-${++n}` }));
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });

function para(id: string, child: RootContent): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name: PARAGRAPH_ELEMENT,
    attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: id }],
    children: [child as MdxJsxFlowElement['children'][number]],
  };
}

function tableNode(block: Extract<Block, { type: 'table' }>): Table {
  const row = (cells: string[]) => ({ type: 'tableRow' as const, children: cells.map((c) => ({ type: 'tableCell' as const, children: c ? [text(c)] : [] })) });
  return { type: 'table', align: block.header.map(() => null), children: [row(block.header), ...block.rows.map(row)] };
}

function blockNode(block: NumberedBlock): RootContent {
  if (block.type === 'heading') return { type: 'heading', depth: block.depth, children: [text(block.text)] };
  const id = block.id ?? 'p-0';
  if (block.type === 'table') return para(id, tableNode(block));
  return para(id, { type: 'paragraph', children: [text(block.text)] });
}

// Table cells are not padded to align their pipes: the padding of a wide table is most of its MDX.
const toMarkdownOptions = { extensions: [frontmatterToMarkdown(['yaml']), mdxToMarkdown(), gfmTableToMarkdown({ tablePipeAlign: false })] };
const fromMarkdownOptions = {
  extensions: [frontmatter(['yaml']), mdxjs(), gfmTable()],
  mdastExtensions: [frontmatterFromMarkdown(['yaml']), mdxFromMarkdown(), gfmTableFromMarkdown()],
};

export function toMdast(data: DocumentFrontmatter, blocks: NumberedBlock[]): Root {
  const yaml = stringify(data, { lineWidth: 0, aliasDuplicateObjects: false }).trimEnd();
  return { type: 'root', children: [{ type: 'yaml', value: yaml }, ...blocks.map(blockNode)] };
}

/**
 * Serialises a document and proves, by parsing it back, that it is inert and
 * intact. With a lexicon, the text is marked up first (figures, term links).
 */
export function emitMdx(data: DocumentFrontmatter, blocks: NumberedBlock[], lexicon?: LinkLexicon): string {
  const tree = toMdast(data, blocks);
  if (lexicon) markUp(tree, data, lexicon);
  const mdx = toMarkdown(tree, toMarkdownOptions);
  verifyInert(mdx, blocks);
  return mdx;
}

type Node = { type: string; children?: Node[]; url?: string; name?: string | null; attributes?: Array<{ type: string; name?: string; value?: unknown }> };

/** Why a node inside a paragraph or table is not ours, or null when it is: text, our marks, links to our pages. */
function foreignNode(node: Node): string | null {
  switch (node.type) {
    case 'text':
      return null;
    case 'paragraph':
    case 'table':
    case 'tableRow':
    case 'tableCell':
      break;
    case 'link':
      if (!LINK_URL.test(node.url ?? '')) return `link to ${JSON.stringify(node.url)}`;
      if (node.children?.some((c) => c.type !== 'text')) return 'link with markup inside';
      return null;
    case 'mdxJsxTextElement': {
      const attributes = node.attributes ?? [];
      const ours =
        node.name === MARK_ELEMENT &&
        attributes.every((a) => a.type === 'mdxJsxAttribute' && (MARK_ATTRIBUTES as readonly string[]).includes(a.name ?? '') && typeof a.value === 'string') &&
        (node.children ?? []).every((c) => c.type === 'text');
      return ours ? null : `element <${node.name ?? ''}>`;
    }
    default:
      return node.type;
  }
  for (const child of node.children ?? []) {
    const why = foreignNode(child);
    if (why) return why;
  }
  return null;
}

/** Throws when the MDX would contain anything but our structure, or the text changed on the way. */
export function verifyInert(mdx: string, blocks: NumberedBlock[]): void {
  const tree = fromMarkdown(mdx, fromMarkdownOptions);
  const [head, ...body] = tree.children;
  if (head?.type !== 'yaml') throw new Error('emitted MDX lost its frontmatter');
  if (body.length !== blocks.length) throw new Error(`emitted MDX has ${body.length} blocks, expected ${blocks.length}`);
  body.forEach((node, i) => {
    const block = blocks[i];
    if (!block) return;
    const expected = block.type === 'table' ? [...block.header, ...block.rows.flat()].join('') : block.text;
    if (block.type === 'heading') {
      if (node.type !== 'heading' || node.children.some((c) => c.type !== 'text')) throw new Error(`block ${i + 1}: heading did not survive as plain text`);
    } else {
      const ok =
        node.type === 'mdxJsxFlowElement' &&
        node.name === PARAGRAPH_ELEMENT &&
        node.attributes.length === 1 &&
        node.children.length === 1 &&
        (node.children[0]?.type === 'paragraph' || node.children[0]?.type === 'table');
      if (!ok) throw new Error(`block ${i + 1} (${block.id}): did not survive as a plain paragraph`);
      const why = foreignNode(node.children[0] as Node);
      if (why) throw new Error(`block ${i + 1} (${block.id}): text parsed as markup (${why})`);
    }
    const actual = toString(node).replace(/\s+/g, '');
    if (actual !== expected.replace(/\s+/g, '')) throw new Error(`block ${i + 1}: text changed in MDX: ${JSON.stringify(expected.slice(0, 40))}`);
  });
}

/** The frontmatter of an emitted MDX file (the YAML between its first two `---` lines). */
export function readFrontmatter(mdx: string): DocumentFrontmatter {
  const end = mdx.indexOf('\n---\n');
  if (!mdx.startsWith('---\n') || end < 0) throw new Error('not an emitted document: no frontmatter');
  return loadYaml(mdx.slice(4, end), { schema: CORE_SCHEMA }) as DocumentFrontmatter;
}
