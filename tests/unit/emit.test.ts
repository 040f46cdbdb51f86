import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { emitMdx, paragraphTexts, readingText, verifyInert } from '../../src/lib/ingest/emit.ts';
import { numberBlocks } from '../../src/lib/ingest/blocks.ts';
import { renderDocument } from '../../src/lib/ingest/pipeline.ts';
import { documentSchema, type DocumentFrontmatter } from '../../src/schema/document.ts';
import type { Block } from '../../src/lib/ingest/model.ts';
import { hostile } from '../hostile-strings.ts';
import { loadLexicon } from '../../src/lib/lexicon.ts';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';

/** The text of each block as micromark (mdx-js's parser) reads the MDX: a second MDX tool must read the same text. */
function micromarkTexts(mdx: string): string[] {
  const tree = fromMarkdown(mdx, { extensions: [frontmatter(['yaml']), mdxjs()], mdastExtensions: [frontmatterFromMarkdown(['yaml']), mdxFromMarkdown()] });
  return tree.children.filter((n) => n.type !== 'yaml').map((n) => toString(n).replace(/\s+/g, ''));
}

const data: DocumentFrontmatter = documentSchema.parse({
  title: '标题: #1 --- {x}',
  slug: 'test-2010-summary',
  region: null,
  regionEvidence: [{ kind: 'none' }],
  year: 2010,
  yearEvidence: [{ kind: 'signatureDate', date: '2010-08-03' }],
  docType: '工作总结',
  typeEvidence: [{ kind: 'titleSuffix', suffix: '工作总结' }],
  issued: '2010-08-03',
  topics: [],
  targets: [],
  source: { file: 'a.txt', sha256: 'a'.repeat(64), site: null, lines: [1, 2], index: 1, encoding: 'utf-8' },
  cleaning: { boilerplateLines: 0, rejoins: 0, scriptConverted: false, repairs: [] },
});



const paragraph = (text: string): Block => ({ type: 'paragraph', text, from: 1, to: 1 });
/** The body of emitted MDX: what follows its frontmatter. */
const bodyOf = (mdx: string): string => mdx.slice(mdx.indexOf('\n---\n') + 5);

const lexicon = loadLexicon();
/** A document with a region and one figure, for the markup stage. */
const marked = documentSchema.parse({
  ...data,
  region: { name: '隰县', prefecture: '临汾市', province: '山西省', level: 'county', slug: 'xixian' },
  targets: [{ indicator: 'ncms-enrollment-rate', label: '新农合参合率', kind: 'achieved', comparator: '=', value: 95.6, unit: '%', quote: '参合率达到95.6%', paragraph: 'p-1' }],
});

describe('emitMdx', () => {
  test.each(hostile)('keeps hostile text literal: %s', (text) => {
    const blocks = numberBlocks([{ type: 'heading', depth: 2, text, from: 1, to: 1 }, paragraph(text)]);
    const mdx = emitMdx(data, blocks);
    // Read back as text, both the heading and the paragraph; no line of the body can open code.
    expect(readingText(bodyOf(mdx)).split('\n')).toEqual([text, text]);
    expect(paragraphTexts(mdx).get('p-1')).toBe(text);
    expect(bodyOf(mdx)).not.toMatch(/^(?:import|export) /m);
    expect(bodyOf(mdx).replace(/<\/?Para[^>]*>/g, '')).not.toMatch(/[<{}[\]`*_~|\\]/);
  });

  test('numbers paragraphs and tables, not headings', () => {
    const blocks = numberBlocks([
      { type: 'heading', depth: 2, text: '一、', from: 1, to: 1 },
      paragraph('甲'),
      { type: 'table', header: ['a'], rows: [['b']], from: 2, to: 3 },
    ]);
    expect(blocks.map((b) => b.id)).toEqual([undefined, 'p-1', 'p-2']);
    expect(emitMdx(data, blocks)).toContain('<Para id="p-2">');
  });

  test('a paragraph the source site cut after carries gap="after", and reads back as itself', () => {
    const blocks = numberBlocks([paragraph('一是推进零差率。二是'), paragraph('三是落实绩效工资。')]).map((b, i) => (i === 0 ? { ...b, gapAfter: true } : b));
    const mdx = emitMdx(data, blocks);
    expect(mdx).toContain('<Para id="p-1" gap="after">');
    expect(mdx).toContain('<Para id="p-2">');
    expect([...paragraphTexts(mdx)]).toEqual([['p-1', '一是推进零差率。二是'], ['p-2', '三是落实绩效工资。']]);
    expect(readingText(bodyOf(mdx)).split('\n')).toEqual(['一是推进零差率。二是', '三是落实绩效工资。']);
  });

  test('any mix of Chinese, ASCII and markup survives to MDX intact (property)', () => {
    const piece = fc.oneof(fc.constantFrom(...hostile), fc.string({ unit: 'grapheme-ascii' }), fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)) }));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 5 }), (parts) => {
        const text = parts.join(' ').replace(/\s+/g, ' ').trim();
        fc.pre(text.length > 0);
        const blocks = numberBlocks([paragraph(text)]);
        const mdx = emitMdx(data, blocks);
        verifyInert(mdx, blocks);
        expect(micromarkTexts(mdx)).toEqual([text.replace(/\s+/g, '')]);
      }),
      { numRuns: 300 },
    );
  });

  test('paragraphTexts gives back each paragraph as it went in, marks and links reduced to their text (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom(...hostile, '隰县新农合参合率达到95.6%', '零差率销售', '村卫生室', '[', ']', '](../../x)', '\\', '&amp;', '<mark>'),
      fc.string({ unit: 'grapheme-ascii' }),
      fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)) }),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), (parts) => {
        const text = parts.join('').replace(/\s+/g, ' ').trim();
        fc.pre(text.length > 0);
        const blocks = numberBlocks([paragraph(text)]);
        const mdx = renderDocument(marked, blocks, { lexicon });
        expect(paragraphTexts(mdx).get('p-1')).toBe(text);
        expect(readingText(bodyOf(mdx))).toBe(text);
      }),
      { numRuns: 400 },
    );
  });

  test('readingText reads headings, paragraphs and tables as words, one block per line', () => {
    const blocks = numberBlocks([
      { type: 'heading', depth: 2, text: '一、总体要求', from: 1, to: 1 },
      paragraph('甲|乙 *丙*'),
      { type: 'table', header: ['序号', '任务'], rows: [['1', '家庭医生签约']], from: 2, to: 3 },
    ]);
    const mdx = emitMdx(data, blocks);
    expect(readingText(bodyOf(mdx)).split('\n').map((l) => l.replace(/\s+/g, ' ').trim())).toEqual(['一、总体要求', '甲|乙 *丙*', '序号 任务', '1 家庭医生签约']);
  });

  describe('with the markup stage', () => {

    test('figures are marked and terms linked, relative to the document page', () => {
      const blocks = numberBlocks([paragraph('隰县新农合参合率达到95.6%。<script>alert(1)</script>{x}')]);
      const mdx = renderDocument(marked, blocks, { lexicon });
      expect(mdx).toContain('<mark class="fig-achieved" title="实际：新农合参合率">95.6%</mark>');
      expect(mdx).toContain('[隰县](../../regions/xixian/)');
      expect(mdx).toMatch(/\[新农合参合率\]\(\.\.\/\.\.\/indicators\/ncms-enrollment-rate\/\)/);
      // Source text stays escaped: \< is a literal <.
      expect(mdx).not.toMatch(/(?<!\\)<script>/);
    });

    test.each(hostile)('hostile text stays literal around marks and links: %s', (text) => {
      const blocks = numberBlocks([{ type: 'heading', depth: 4, text: `隰县${text}`, from: 1, to: 1 }, paragraph(`隰县新农合参合率达到95.6%。${text}`)]);
      const mdx = renderDocument(marked, blocks, { lexicon });
      expect(paragraphTexts(mdx).get('p-1')).toBe(`隰县新农合参合率达到95.6%。${text}`);
      // Headings are never linked, and start below the page's h1 without a gap.
      expect(mdx).toContain(`## 隰县`);
    });

    test.each([
      ['a link off the site', '<Para id="p-1">\n  [隰县](https://example.org/)\n</Para>', /link to "https:\/\/example.org\/"/],
      ['a mark with a handler', '<Para id="p-1">\n  <mark onclick="x">隰县</mark>\n</Para>', /element <mark>/],
      ['another element', '<Para id="p-1">\n  <img src="x" />隰县\n</Para>', /element <img>/],
    ])('the inertness check refuses %s', (_, body, message) => {
      const blocks = numberBlocks([paragraph('隰县')]);
      expect(() => verifyInert(`---\ntitle: x\n---\n\n${body}\n`, blocks)).toThrow(message);
    });
  });
});
