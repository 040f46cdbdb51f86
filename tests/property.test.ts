/**
 * Property: any text of Chinese, ASCII and markup, fed to ingest as a line of
 * a document, reaches the rendered HTML with its characters intact — or is
 * listed in the report with the reason it was dropped. Nothing is lost
 * silently and nothing is interpreted.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import { toHast, type State } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { parse } from 'node-html-parser';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { Element } from 'hast';
import { loadLexicon } from '../src/lib/lexicon.ts';
import { processSource } from '../src/lib/ingest/pipeline.ts';
import { analyse, boilerplateCount } from '../src/lib/ingest/analyse.ts';
import { emitMdx } from '../src/lib/ingest/emit.ts';
import { documentSchema } from '../src/schema/document.ts';
import { toSimplified } from '../src/lib/ingest/chinese.ts';
import { hostile } from './hostile-strings.ts';

const lexicon = loadLexicon();

/** MDX → HTML the way the site renders it: Para becomes a div with its id. */
function render(mdx: string): string {
  const tree = fromMarkdown(mdx, {
    extensions: [frontmatter(['yaml']), mdxjs(), gfmTable()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml']), mdxFromMarkdown(), gfmTableFromMarkdown()],
  });
  const hast = toHast(tree, {
    handlers: {
      mdxJsxFlowElement: (state: State, node: MdxJsxFlowElement): Element => ({
        type: 'element',
        tagName: 'div',
        properties: { id: String(node.attributes[0] && 'value' in node.attributes[0] ? node.attributes[0].value : '') },
        children: state.all(node) as Element['children'],
      }),
    },
  });
  return toHtml(hast);
}

const compact = (s: string) => s.replace(/\s+/g, '');

function ingestLine(line: string): { html: string; dropped: string[] } {
  const text = `测试县医改工作总结\n${line}\n`;
  const { drafts, dropped } = processSource('p.txt', Buffer.from(text), { lexicon });
  const html = drafts
    .map((draft) => {
      const { data, blocks } = analyse(draft, boilerplateCount(dropped), lexicon);
      return render(emitMdx(documentSchema.parse({ ...data, slug: 'p' }), blocks));
    })
    .join('\n');
  return { html, dropped: dropped.map((d) => d.text) };
}

const han = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)), minLength: 1 });
const piece = fc.oneof(fc.constantFrom(...hostile), fc.string({ unit: 'grapheme-ascii', minLength: 1 }), han, fc.constantFrom('，', '。', '：', '、', '（', '）', '《', '》', '%', '\t'));

describe('ingest → MDX → HTML', () => {
  test('keeps every character of any line, or reports the line as dropped (property)', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), (parts) => {
        const line = parts.join(' ').replace(/[\r\n]+/g, ' ');
        fc.pre(line.trim().length > 0);
        const { html, dropped } = ingestLine(line);
        if (dropped.some((d) => compact(d) === compact(line))) return;
        // Script conversion rewrites Traditional text on purpose, so both sides are compared in Simplified.
        const text = compact(toSimplified(parse(html).textContent));
        expect(text).toContain(compact(toSimplified(line)));
        expect(parse(html).querySelectorAll('script, img, iframe, [onerror], [onclick]')).toHaveLength(0);
      }),
      { numRuns: 200 },
    );
  });
});
