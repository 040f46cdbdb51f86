import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { emitMdx, numberBlocks, verifyInert } from '../../src/lib/ingest/emit.ts';
import { documentSchema, type DocumentFrontmatter } from '../../src/schema/document.ts';
import type { Block } from '../../src/lib/ingest/model.ts';
import { hostile } from '../hostile-strings.ts';

const data: DocumentFrontmatter = documentSchema.parse({
  title: '标题: #1 --- {x}',
  slug: 'test-2010-summary',
  region: null,
  regionNote: 'none',
  year: 2010,
  docType: '工作总结',
  topics: [],
  targets: [],
  source: { file: 'a.txt', sha256: 'a'.repeat(64), site: null, lines: [1, 2], index: 1, encoding: 'utf-8' },
  cleaning: { boilerplateLines: 0, rejoins: 0, scriptConverted: false, repairs: [] },
});



const paragraph = (text: string): Block => ({ type: 'paragraph', text, from: 1, to: 1 });

describe('emitMdx', () => {
  test.each(hostile)('keeps hostile text literal: %s', (text) => {
    const blocks = numberBlocks([{ type: 'heading', depth: 2, text, from: 1, to: 1 }, paragraph(text)]);
    const mdx = emitMdx(data, blocks);
    expect(() => verifyInert(mdx, blocks)).not.toThrow();
    expect(mdx).not.toMatch(/^import |^export /m);
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

  test('any mix of Chinese, ASCII and markup survives to MDX intact (property)', () => {
    const piece = fc.oneof(fc.constantFrom(...hostile), fc.string({ unit: 'grapheme-ascii' }), fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)) }));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 5 }), (parts) => {
        const text = parts.join(' ').replace(/\s+/g, ' ').trim();
        fc.pre(text.length > 0);
        const blocks = numberBlocks([paragraph(text)]);
        verifyInert(emitMdx(data, blocks), blocks);
      }),
      { numRuns: 300 },
    );
  });
});
