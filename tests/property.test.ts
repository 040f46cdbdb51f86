/**
 * Property: any text of Chinese, ASCII and markup, fed to ingest as a line of
 * a document, reaches the rendered HTML with its characters intact — or is
 * listed in the report with the reason it was dropped. Nothing is lost
 * silently and nothing is interpreted.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { mdxToHast } from 'satteri';
import { toHtml } from 'hast-util-to-html';
import { parse } from 'node-html-parser';
import type { Root } from 'hast';
import { loadLexicon } from '../src/lib/lexicon.ts';
import { analyseSource, renderDocument } from '../src/lib/ingest/pipeline.ts';
import { ingestInMemory } from '../src/lib/ingest/ingest.ts';
import { decode, splitLines } from '../src/lib/source/decode.ts';
import { documentSchema } from '../src/schema/document.ts';
import { toSimplified } from '../src/lib/ingest/chinese.ts';
import { MDX_FEATURES } from '../src/lib/mdx/syntax.ts';
import { hostile } from './hostile-strings.ts';
import { unaccountedLines } from './helpers.ts';

const lexicon = loadLexicon();

interface Node {
  type: string;
  name?: string | null;
  attributes?: Array<{ name?: string; value?: unknown }>;
  children?: Node[];
  [key: string]: unknown;
}

/** Sätteri's JSX nodes as plain elements (Para as a div with its id), so hast-util-to-html can write them. */
function plain(node: Node): Node {
  const children = node.children?.map(plain);
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    const properties = Object.fromEntries((node.attributes ?? []).map((a) => [a.name ?? '', String(a.value ?? '')]));
    return { type: 'element', tagName: node.name === 'Para' ? 'div' : (node.name ?? 'span'), properties, children: children ?? [] };
  }
  return children ? { ...node, children } : node;
}

/** MDX → HTML with the processor the site compiles it with (Sätteri, the site's features). */
function render(mdx: string): string {
  return toHtml(plain(mdxToHast(mdx, { features: MDX_FEATURES, position: false }) as unknown as Node) as unknown as Root);
}

const compact = (s: string) => s.replace(/\s+/g, '');

function ingestLine(line: string): { html: string; dropped: string[] } {
  const text = `测试县医改工作总结\n${line}\n`;
  const { documents, dropped } = analyseSource('p.txt', Buffer.from(text), { lexicon });
  const html = documents.map(({ data, blocks }) => render(renderDocument(documentSchema.parse({ ...data, slug: 'p' }), blocks, { lexicon }))).join('\n');
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

  const work = mkdtempSync(join(tmpdir(), 'atlas-property-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const line = fc.oneof(piece, fc.constantFrom('', '隰县医改工作总结', '第二篇', '第3页 共5页', '上传人：某某', '二〇一一年十月二十九日', '一、总体要求', '序号\t任务\t单位', '1\t签约\t卫生局'));
  let run = 0;

  test('accounts for every non-blank line of any file: in a document, a duplicate, a quarantined document or dropped with a reason (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(line, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('')), { minLength: 1, maxLength: 40 }), (lines) => {
        const sources = join(work, `run-${++run}`);
        mkdirSync(sources);
        writeFileSync(join(sources, 'f.txt'), lines.join('\n'));
        const { report, files } = ingestInMemory({ sources, lexicon });
        const entry = report.sources[0];
        if (!entry?.encoding) return; // rejected before decoding (nothing but whitespace): the whole file is the reason
        expect(unaccountedLines(entry, files, splitLines(decode(Buffer.from(lines.join('\n'))).text))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
