/**
 * A Sätteri hast plugin for Astro 7's MDX processor: the tables of a
 * document's text get a caption and header scopes. Everything else the
 * reader sees in the text (marked figures, term links, heading levels) is
 * written into the MDX at ingest (src/lib/ingest/markup), so the build runs
 * no mdast plugin at all.
 */
import { defineHastPlugin } from 'satteri';
import type { MdNode } from '../ingest/markup/mdast-lite.ts';

/** The caption of a table in a document's text: 原文表格（¶N）. */
export function captionFor(para: string | undefined): string {
  return para ? `原文表格（¶${para.replace(/^p-/, '')}）` : '原文表格';
}

/**
 * Makes the tables of a document's text accessible like the site's own: a
 * <caption> naming the paragraph and scope="col" on header cells (GFM tables
 * have neither).
 */
export const satteriTableCaptions = defineHastPlugin({
  name: 'table-captions',
  element: {
    filter: ['table', 'th'],
    visit(node, ctx) {
      const element = node as unknown as { tagName: string; properties?: Record<string, unknown>; children?: Array<{ tagName?: string }> };
      if (element.tagName === 'th') {
        if (element.properties?.scope === undefined) ctx.setProperty(node, 'scope', 'col');
        return;
      }
      if (element.children?.some((c) => c.tagName === 'caption')) return;
      let para: string | undefined;
      for (let up = ctx.parent(node) as unknown as MdNode | undefined; up && !para; up = ctx.parent(up as never) as unknown as MdNode | undefined) {
        if (up.type === 'mdxJsxFlowElement' && up.name === 'Para') {
          const id = up.attributes?.find((a) => a.name === 'id')?.value;
          if (typeof id === 'string') para = id;
        }
      }
      ctx.insertChildAt(node, 0, { type: 'element', tagName: 'caption', properties: {}, children: [{ type: 'text', value: captionFor(para) }] } as never);
    },
  },
});
