/**
 * A document's text as HTML, straight from its MDX: Sätteri (the processor
 * ingest verifies every document with) parses it to hast, and this module
 * writes the few elements our MDX may hold (src/lib/mdx/syntax.ts) as the
 * site shows them — paragraphs with their self-link (the `<Para>` element),
 * headings with their ids, marked figures, term links, the text's tables with
 * their caption. Nothing is compiled to a module or run: the content loader
 * (./documents-loader.ts) stores this HTML, keyed by the file's digest, so an
 * unchanged document is not rendered again on the next build.
 *
 * Anything outside that syntax is an error naming it: ingest's verification
 * (src/lib/ingest/verify.ts) keeps it out, and this refuses it again rather
 * than write it to a page.
 */
import { mdxToHast } from 'satteri';
import GithubSlugger from 'github-slugger';
import { MARK_ELEMENT, MDX_FEATURES, PARAGRAPH_ELEMENT, TABLE_ELEMENTS } from '../mdx/syntax.ts';
import { captionFor } from './table-captions.ts';

/** The node fields read here (hast, with MDX's JSX nodes). */
interface HNode {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: string;
  properties?: Record<string, unknown>;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: HNode[];
}

export interface DocumentHtml {
  html: string;
  /** The text's headings, as Astro's `render()` reports them. */
  headings: Array<{ depth: number; slug: string; text: string }>;
}

/** The note under a paragraph after which the source site cut text out (Para's `gap="after"`). */
export const GAP_NOTE = '<p class="gap" role="note">〔来源网站在此处截断了原文，以下可能缺少内容〕</p>';

const ESCAPED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };
/** Text and attribute values escaped as Astro escapes them. */
export const escapeHtml = (value: string): string => value.replace(/[&<>'"]/g, (c) => ESCAPED[c] ?? c);

/** The allowed attributes of each element, in the order they are written. */
const ATTRIBUTES: Record<string, readonly string[]> = { [MARK_ELEMENT]: ['class', 'title'], th: ['scope'], a: ['href'] };
const TABLE = new Set<string>(TABLE_ELEMENTS);

export class DocumentHtmlError extends Error {
  constructor(what: string) {
    super(`the document's MDX holds ${what}, which the site does not render (only paragraphs, headings, marks, links and tables: src/lib/mdx/syntax.ts)`);
    this.name = 'DocumentHtmlError';
  }
}

function jsxAttributes(node: HNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of node.attributes ?? []) {
    if (a.type !== 'mdxJsxAttribute' || typeof a.name !== 'string' || typeof a.value !== 'string') throw new DocumentHtmlError(`an attribute of <${node.name}> that is not a plain string`);
    out[a.name] = a.value;
  }
  return out;
}

function attributeString(element: string, given: Record<string, unknown>): string {
  const allowed = ATTRIBUTES[element] ?? [];
  for (const name of Object.keys(given)) if (!allowed.includes(name)) throw new DocumentHtmlError(`the attribute ${JSON.stringify(name)} on <${element}>`);
  return allowed.flatMap((name) => (typeof given[name] === 'string' ? [` ${name}="${escapeHtml(given[name] as string)}"`] : [])).join('');
}

/** Hast properties as attributes (className is `class`). */
function propertyAttributes(node: HNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node.properties ?? {})) out[key === 'className' ? 'class' : key] = Array.isArray(value) ? value.join(' ') : value;
  return out;
}

/** Writes a document's MDX text (frontmatter and all) as HTML. Throws DocumentHtmlError on anything outside our syntax. */
export function documentHtml(mdx: string): DocumentHtml {
  const tree = mdxToHast(mdx, { features: MDX_FEATURES, position: false }) as unknown as HNode;
  const slugger = new GithubSlugger();
  const headings: DocumentHtml['headings'] = [];
  let paragraph: string | undefined;

  const textOf = (node: HNode): string => (node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join(''));
  const children = (node: HNode): string => (node.children ?? []).map(write).join('');

  function write(node: HNode): string {
    switch (node.type) {
      case 'text':
        return escapeHtml(node.value ?? '');
      case 'yaml':
      case 'toml':
        return '';
      case 'element': {
        const tag = node.tagName ?? '';
        if (/^h[1-6]$/.test(tag)) {
          const text = textOf(node);
          const slug = slugger.slug(text);
          headings.push({ depth: Number(tag[1]), slug, text });
          return `<${tag} id="${escapeHtml(slug)}">${children(node)}</${tag}>`;
        }
        if (tag === 'p' || tag === 'a') return `<${tag}${attributeString(tag, propertyAttributes(node))}>${children(node)}</${tag}>`;
        throw new DocumentHtmlError(`the element <${tag}>`);
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        const attributes = jsxAttributes(node);
        if (name === PARAGRAPH_ELEMENT) {
          const { id, gap, ...rest } = attributes;
          if (!id || !/^p-\d+$/.test(id) || Object.keys(rest).length > 0 || (gap !== undefined && gap !== 'after')) throw new DocumentHtmlError(`a <${PARAGRAPH_ELEMENT}> with the attributes ${JSON.stringify(attributes)}`);
          paragraph = id;
          const inner = children(node);
          return `<div class="para" id="${id}"><a href="#${id}">${id.slice(2)}</a>${inner}</div>${gap === 'after' ? GAP_NOTE : ''}`;
        }
        if (name === MARK_ELEMENT || TABLE.has(name)) {
          const caption = name === 'table' ? `<caption>${escapeHtml(captionFor(paragraph))}</caption>` : '';
          return `<${name}${attributeString(name, attributes)}>${caption}${children(node)}</${name}>`;
        }
        throw new DocumentHtmlError(`the element <${name}>`);
      }
      default:
        throw new DocumentHtmlError(`a node of type ${JSON.stringify(node.type)}`);
    }
  }

  return { html: children(tree), headings };
}
