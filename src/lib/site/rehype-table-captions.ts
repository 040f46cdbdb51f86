/**
 * rehype plugin: makes the tables of a document's text accessible like the
 * site's own: a <caption> naming the paragraph (原文表格 ¶N) and
 * scope="col" on header cells. GFM tables have neither.
 */
interface HNode {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: string;
  properties?: Record<string, unknown>;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: HNode[];
}

function paraId(node: HNode): string | undefined {
  const attr = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id');
  return typeof attr?.value === 'string' ? attr.value : undefined;
}

/** The caption of a table in a document's text: 原文表格（¶N）. */
export function captionFor(para: string | undefined): string {
  return para ? `原文表格（¶${para.replace(/^p-/, '')}）` : '原文表格';
}

function fix(node: HNode, para: string | undefined): void {
  const here = node.type === 'mdxJsxFlowElement' && node.name === 'Para' ? (paraId(node) ?? para) : para;
  if (node.type === 'element' && node.tagName === 'table') {
    const children = node.children ?? [];
    if (!children.some((c) => c.type === 'element' && c.tagName === 'caption')) {
      children.unshift({ type: 'element', tagName: 'caption', properties: {}, children: [{ type: 'text', value: captionFor(here) }] });
      node.children = children;
    }
  }
  if (node.type === 'element' && node.tagName === 'th') {
    node.properties = { scope: 'col', ...node.properties };
  }
  for (const child of node.children ?? []) fix(child, here);
}

export function rehypeTableCaptions() {
  // The tree is typed at the plugin boundary as unknown: unified hands a hast Root.
  return (root: unknown): void => fix(root as HNode, undefined);
}
