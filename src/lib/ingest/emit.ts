/**
 * Emit stage: a document → MDX. The document is built as an mdast tree (the
 * markup stage, ./markup, marks figures and links terms in it), then written
 * by a serialiser of our own that knows the few shapes we emit: headings,
 * `<Para id="p-N">` around each paragraph or table, tables as JSX elements,
 * our `mark` elements and links to the site's own pages. Every character of
 * the source that any parser could read as syntax is written as a character
 * reference (src/lib/mdx/encode.ts), and frontmatter strings are always
 * quoted, so source text can never become markup, code or a YAML date.
 *
 * The output is then proven inert by the processor Astro itself compiles it
 * with: Sätteri, with the features of src/lib/mdx/syntax.ts, must give
 * nothing but our elements and attributes, with every block's text exactly
 * as it went in (./verify.ts).
 */
import type { Root, RootContent, PhrasingContent, Table } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { stringify } from 'yaml';
import { parseFrontmatter } from '../mdx/frontmatter.ts';
import type { Block, NumberedBlock } from './model.ts';
import { encodeAttribute, encodeText } from '../mdx/encode.ts';
import { PARAGRAPH_ELEMENT } from '../mdx/syntax.ts';
import { verifyInert } from './verify.ts';
import type { DocumentFrontmatter } from '../../schema/document.ts';
export { paragraphTexts, plainText, readingText } from '../mdx/text.ts';
export { verifyInert } from './verify.ts';
export { PARAGRAPH_ELEMENT } from '../mdx/syntax.ts';

const text = (value: string): PhrasingContent => ({ type: 'text', value });

/** `<Para id="p-N">`, with `gap="after"` where the source site cut text out after it. */
function para(id: string, child: RootContent, gapAfter = false): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name: PARAGRAPH_ELEMENT,
    attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: id }, ...(gapAfter ? [{ type: 'mdxJsxAttribute' as const, name: 'gap', value: 'after' }] : [])],
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
  if (block.type === 'table') return para(id, tableNode(block), block.gapAfter);
  return para(id, { type: 'paragraph', children: [text(block.text)] }, block.gapAfter);
}

/**
 * YAML for the frontmatter: every string double-quoted, so that no value (a title of
 * `2021-01-01`, `0b101`, `null`, `yes`) is read back as a date, number or boolean.
 */
export function frontmatterYaml(data: DocumentFrontmatter): string {
  return stringify(data, { lineWidth: 0, aliasDuplicateObjects: false, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }).trimEnd();
}

export function toMdast(data: DocumentFrontmatter, blocks: NumberedBlock[]): Root {
  return { type: 'root', children: [{ type: 'yaml', value: frontmatterYaml(data) }, ...blocks.map(blockNode)] };
}

type Node = { type: string; value?: string; depth?: number; url?: string; name?: string | null; children?: Node[]; attributes?: Array<{ type: string; name?: string; value?: unknown }> };

/** Phrasing content: text, our marks and our links (the markup stage makes nothing else). */
function phrasing(nodes: Node[], lineStart: boolean): string {
  return nodes
    .map((node, i) => {
      switch (node.type) {
        case 'text':
          return encodeText(node.value ?? '', lineStart && i === 0);
        case 'link':
          return `[${phrasing(node.children ?? [], false)}](${node.url ?? ''})`;
        case 'mdxJsxTextElement': {
          const attributes = (node.attributes ?? []).map((a) => ` ${a.name ?? ''}="${encodeAttribute(String(a.value ?? ''))}"`).join('');
          return `<${node.name ?? ''}${attributes}>${phrasing(node.children ?? [], false)}</${node.name ?? ''}>`;
        }
        default:
          throw new Error(`emit: no serialisation for a ${node.type} node`);
      }
    })
    .join('');
}

/** A cell's content never opens a line (its tag precedes it), so no line-start encoding. */
const cellContent = (cell: Node): string => phrasing(cell.children ?? [], false);

function tableMdx(table: Node): string {
  const [header, ...rows] = table.children ?? [];
  const row = (r: Node | undefined, tag: 'th' | 'td') =>
    `      <tr>${(r?.children ?? []).map((c) => `<${tag}${tag === 'th' ? ' scope="col"' : ''}>${cellContent(c)}</${tag}>`).join('')}</tr>`;
  const lines = ['  <table>', '    <thead>', row(header, 'th'), '    </thead>'];
  // concat, not push(...rows): a table of 200,000 rows would overflow the stack as arguments.
  const body = rows.length > 0 ? ['    <tbody>', ...rows.map((r) => row(r, 'td')), '    </tbody>'] : [];
  return lines.concat(body, ['  </table>']).join('\n');
}

function blockMdx(node: Node): string {
  if (node.type === 'heading') return `${'#'.repeat(node.depth ?? 2)} ${phrasing(node.children ?? [], true)}`;
  if (node.type === 'mdxJsxFlowElement' && node.name === PARAGRAPH_ELEMENT) {
    const attributes = (node.attributes ?? []).map((a) => ` ${a.name ?? ''}="${encodeAttribute(String(a.value ?? ''))}"`).join('');
    const [child] = node.children ?? [];
    const inner = child?.type === 'table' ? tableMdx(child) : `  ${phrasing(child?.children ?? [], true)}`;
    return `<${PARAGRAPH_ELEMENT}${attributes}>\n${inner}\n</${PARAGRAPH_ELEMENT}>`;
  }
  throw new Error(`emit: no serialisation for a ${node.type} block`);
}

/** The tree as MDX: frontmatter, then one block per paragraph, blank lines between. */
export function serialise(tree: Root): string {
  const [head, ...body] = tree.children as Node[];
  if (head?.type !== 'yaml') throw new Error('emit: the tree has no frontmatter');
  return `${[`---\n${head.value ?? ''}\n---`, ...body.map(blockMdx)].join('\n\n')}\n`;
}

/** Changes the tree before it is written (the markup stage marks figures and links terms). */
export type TreeTransform = (tree: Root) => void;

/**
 * Serialises a document and proves, with Sätteri as the site runs it, that it
 * is inert and intact. `transform` (the markup stage, passed in by the
 * pipeline) changes the tree first.
 */
export function emitMdx(data: DocumentFrontmatter, blocks: NumberedBlock[], transform?: TreeTransform): string {
  const tree = toMdast(data, blocks);
  transform?.(tree);
  const mdx = serialise(tree);
  verifyInert(mdx, blocks);
  return mdx;
}

/** The frontmatter of an emitted MDX file (the YAML between its first two `---` lines). */
export const readFrontmatter = (mdx: string): DocumentFrontmatter => parseFrontmatter(mdx).data as DocumentFrontmatter;
