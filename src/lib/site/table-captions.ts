/**
 * A Sätteri hast plugin for Astro 7's MDX processor: the tables of a
 * document's text get a caption and header scopes. Everything else the
 * reader sees in the text (marked figures, term links, heading levels) is
 * written into the MDX at ingest (src/lib/ingest/markup), so the build runs
 * no mdast plugin at all.
 */
import { defineHastPlugin } from 'satteri';
import { PARAGRAPH_ELEMENT } from '../mdx/syntax.ts';
import { paragraphLabel } from '../labels.ts';

/** The few node fields this plugin reads. */
interface MdNode {
  type: string;
  name?: string | null;
  attributes?: Array<{ name?: string; value?: unknown }>;
  children?: MdNode[];
}

/** The caption of a table in a document's text: 原文表格（第N段）. */
export function captionFor(para: string | undefined): string {
  return para ? `原文表格（${paragraphLabel(para)}）` : '原文表格';
}

/**
 * Gives the tables of a document's text a <caption> naming their paragraph,
 * like the site's own tables. The tables are JSX elements in our MDX
 * (src/lib/mdx/syntax.ts), with `scope="col"` on header cells already.
 */
export const satteriTableCaptions = defineHastPlugin({
  name: 'table-captions',
  mdxJsxFlowElement: {
    filter: ['table'],
    visit(node, ctx) {
      const table = node as unknown as MdNode;
      if (table.children?.some((c) => c.type === 'element' && (c as { tagName?: string }).tagName === 'caption')) return;
      let para: string | undefined;
      for (let up = ctx.parent(node) as unknown as MdNode | undefined; up && !para; up = ctx.parent(up as never) as unknown as MdNode | undefined) {
        if (up.type === 'mdxJsxFlowElement' && up.name === PARAGRAPH_ELEMENT) {
          const id = up.attributes?.find((a) => a.name === 'id')?.value;
          if (typeof id === 'string') para = id;
        }
      }
      ctx.insertChildAt(node, 0, { type: 'element', tagName: 'caption', properties: {}, children: [{ type: 'text', value: captionFor(para) }] } as never);
    },
  },
});
