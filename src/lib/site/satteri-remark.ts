/**
 * Runs the site's remark plugins inside Astro 7's Sätteri processor, which
 * compiles MDX in Rust and is several times faster than unified (measured in
 * docs/benchmarks.md). Sätteri plugins change the tree through commands
 * (`replaceNode`, `setProperty`); a remark plugin mutates a tree in place. So
 * each remark plugin runs on a plain copy of the tree, and what it changed —
 * text nodes replaced by pieces (links, marks), heading depths — is written
 * back as commands. The remark plugins stay the one implementation, tested
 * on plain mdast.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineHastPlugin, defineMdastPlugin, type MdastVisitorContext } from 'satteri';
import { load as loadYaml, CORE_SCHEMA } from 'js-yaml';
import type { MdFile, MdNode } from './mdast-lite.ts';

type Transform = (tree: unknown, file: MdFile) => void;
/** A Sätteri node, seen only through the fields the copy reads. */
type Source = Readonly<MdNode>;

/** A plain copy of the tree; `origin` maps each copied node back to Sätteri's. */
function copyTree(node: Source, origin: Map<MdNode, Source>): MdNode {
  const copy: MdNode = { type: node.type };
  if (node.value !== undefined) copy.value = node.value;
  if (node.depth !== undefined) copy.depth = node.depth;
  if (node.url !== undefined) copy.url = node.url;
  if (node.name !== undefined) copy.name = node.name;
  if (node.attributes) copy.attributes = node.attributes.map((a) => ({ ...a }));
  if (node.data) copy.data = { ...node.data };
  if (node.children) copy.children = node.children.map((child) => copyTree(child, origin));
  origin.set(copy, node);
  return copy;
}

/** Writes back what the transform changed: replaced children and heading depths. */
function applyChanges(copy: MdNode, original: Source, origin: Map<MdNode, Source>, ctx: MdastVisitorContext): void {
  if (copy.type === 'heading' && copy.depth !== original.depth) {
    // Sätteri's typing lists only `data`; `depth` is a plain property of a heading.
    (ctx.setProperty as (node: unknown, key: string, value: unknown) => void)(original, 'depth', copy.depth);
  }
  const before = original.children ?? [];
  const after = copy.children ?? [];
  let at = 0;
  let pending: Source[] = [];
  const flush = (upTo: number) => {
    // The copies between two surviving nodes stand where the vanished originals were.
    const pieces = after.slice(at, upTo) as unknown[];
    pending.forEach((gone, n) => ctx.replaceNode(gone as never, (n === 0 ? pieces : []) as never));
    pending = [];
  };
  for (const child of before) {
    const survivor = after.findIndex((c, i) => i >= at && origin.get(c) === child);
    if (survivor < 0) {
      pending.push(child);
      continue;
    }
    flush(survivor);
    const kept = after[survivor];
    if (kept) applyChanges(kept, child, origin, ctx);
    at = survivor + 1;
  }
  flush(after.length);
}

/** The document's frontmatter: from its yaml node, else from the file itself. */
function frontmatter(tree: MdNode, fileURL: URL | undefined): Record<string, unknown> {
  const yaml = tree.children?.find((c) => c.type === 'yaml')?.value;
  let text = yaml;
  if (text === undefined && fileURL) {
    const source = readFileSync(fileURLToPath(fileURL), 'utf8');
    text = source.match(/^---\r?\n([\s\S]*?)\r?\n---/)?.[1];
  }
  // js-yaml: this runs once per document, and it reads a large frontmatter ~10× faster than `yaml`.
  const data: unknown = text ? loadYaml(text, { schema: CORE_SCHEMA }) : {};
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
}

/**
 * A Sätteri mdast plugin that runs remark transforms, in order, on one copy
 * of the tree, so Sätteri's tree is read into JavaScript once for all of them.
 */
export function satteriFromRemark(name: string, ...transforms: Transform[]) {
  return defineMdastPlugin({
    name,
    before(root, ctx) {
      const origin = new Map<MdNode, Source>();
      const original = root as unknown as Source;
      const copy = copyTree(original, origin);
      const file: MdFile = { data: { astro: { frontmatter: frontmatter(copy, ctx.fileURL) } } };
      for (const transform of transforms) transform(copy, file);
      applyChanges(copy, original, origin, ctx);
    },
  });
}

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
