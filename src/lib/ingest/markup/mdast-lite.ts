/**
 * The few mdast shapes the markup steps touch, typed structurally
 * (the MDX tree mixes mdast with mdx-jsx nodes), and small helpers on them.
 */

export interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  url?: string;
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: MdNode[];
}

export interface MdFile {
  data: Record<string, unknown>;
}

/** Value of a string attribute of an MDX JSX element (`<Para id="p-3">` → `p-3`). */
export function jsxAttribute(node: MdNode, name: string): string | undefined {
  const attr = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof attr?.value === 'string' ? attr.value : undefined;
}

/** The document's frontmatter, as the MDX integration hands it to plugins. */
export function frontmatterOf(file: MdFile): Record<string, unknown> {
  const astro = file.data.astro as { frontmatter?: Record<string, unknown> } | undefined;
  return astro?.frontmatter ?? {};
}

/** A text node. */
export const text = (value: string): MdNode => ({ type: 'text', value });

/**
 * Replaces `parent.children[index]` (a text node) by pieces: the text cut at
 * the given non-overlapping spans, each span wrapped by `wrap`.
 * Returns how many nodes now stand where the one did.
 */
export function splitText(
  parent: MdNode,
  index: number,
  spans: Array<{ start: number; end: number; wrap: (value: string) => MdNode }>,
): number {
  const node = parent.children?.[index];
  if (!node || node.type !== 'text' || node.value === undefined || spans.length === 0) return 1;
  const value = node.value;
  const pieces: MdNode[] = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue;
    if (span.start > at) pieces.push(text(value.slice(at, span.start)));
    pieces.push(span.wrap(value.slice(span.start, span.end)));
    at = span.end;
  }
  if (at < value.length) pieces.push(text(value.slice(at)));
  parent.children?.splice(index, 1, ...pieces);
  return pieces.length;
}
