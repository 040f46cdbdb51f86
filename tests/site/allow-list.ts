/**
 * The markup a document's text may render to: only what our MDX emits
 * (src/lib/mdx/syntax.ts) and the site adds around it. Anything else inside
 * `.doc-text` came from source text and is live markup.
 */
import type { HTMLElement } from 'node-html-parser';

/** Element → the attributes it may carry, each with the values it may take. */
const ALLOWED: Record<string, Record<string, RegExp>> = {
  div: { class: /^para$/, id: /^p-\d+$/ },
  a: { href: /^(?:#p-\d+|\.\.\/\.\.\/(?:regions\/[a-z0-9-]+\/|indicators\/[a-z0-9-]+\/|glossary\/#[a-z0-9-]+))$/ },
  // The mark where the source site cut text out (src/lib/site/document-html.ts), else a bare paragraph.
  p: { class: /^gap$/, role: /^note$/ },
  mark: { class: /^fig-(?:target|achieved|baseline|change)$/, title: /^[^<>]*$/ },
  table: {},
  caption: {},
  thead: {},
  tbody: {},
  tr: {},
  th: { scope: /^col$/ },
  td: {},
  h2: { id: /^[\w\u4e00-\u9fff-]+$/ },
  h3: { id: /^[\w\u4e00-\u9fff-]+$/ },
  h4: { id: /^[\w\u4e00-\u9fff-]+$/ },
  h5: { id: /^[\w\u4e00-\u9fff-]+$/ },
  h6: { id: /^[\w\u4e00-\u9fff-]+$/ },
};

/** Every element or attribute under `root` (not root itself) that is not on the allow-list, described. */
export function foreignMarkup(root: HTMLElement): string[] {
  const problems: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    const tag = element.rawTagName?.toLowerCase() ?? '';
    const allowed = ALLOWED[tag];
    if (!allowed) {
      problems.push(`<${tag}> ${element.toString().slice(0, 80)}`);
      continue;
    }
    for (const [name, value] of Object.entries(element.attributes)) {
      const rule = allowed[name.toLowerCase()];
      if (!rule || !rule.test(value)) problems.push(`<${tag} ${name}="${value.slice(0, 60)}">`);
    }
  }
  return problems;
}

/** Markup no page of the site may carry anywhere, whatever its source. */
export function dangerousMarkup(root: HTMLElement): string[] {
  const problems: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    const tag = element.rawTagName?.toLowerCase() ?? '';
    if (['iframe', 'object', 'embed', 'base', 'frame', 'frameset', 'applet', 'form'].includes(tag) && !(tag === 'form' && element.getAttribute('role') === 'search')) problems.push(`<${tag}>`);
    if (tag === 'meta' && element.getAttribute('http-equiv')?.toLowerCase() === 'refresh') problems.push('<meta http-equiv=refresh>');
    if (tag === 'script' && !/^(?:\/|\.\.?\/)[^:]*$/.test(element.getAttribute('src') ?? '')) problems.push(`<script src="${element.getAttribute('src') ?? ''}">`);
    for (const [name, value] of Object.entries(element.attributes)) {
      if (/^on/i.test(name)) problems.push(`<${tag} ${name}>`);
      if (/^(?:href|src|action|formaction|data|poster|srcset)$/i.test(name) && /^\s*(?:javascript|vbscript|data):/i.test(value)) problems.push(`<${tag} ${name}="${value.slice(0, 40)}">`);
      if (/^(?:href|src)$/i.test(name) && /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(value) && !/^https?:\/\/(?:127\.0\.0\.1|localhost)/.test(value)) problems.push(`<${tag} ${name}="${value.slice(0, 60)}"> (off the site)`);
    }
  }
  return problems;
}
