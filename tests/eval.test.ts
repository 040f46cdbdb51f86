/**
 * Guards the measured accuracy of extraction against the hand-checked golden
 * annotations (tests/golden/): the figures may improve, never regress below
 * these floors. `npm run eval -- -v` shows every miss.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { paragraphTexts, readFrontmatter } from '../src/lib/ingest/emit.ts';
import { ingestInMemory } from '../src/lib/ingest/ingest.ts';
import { evaluate, loadGolden } from '../src/lib/extract/evaluate.ts';

const FLOORS = {
  targets: { precision: 0.96, recall: 0.92 },
  // The goal (issue: ≥ 0.95 for both); measured 1.00 / 0.965 after the adjudication in tests/golden/ADJUDICATION.md.
  practices: { precision: 0.95, recall: 0.96 },
  region: 1,
  year: 1,
  docType: 1,
};

const { files } = ingestInMemory({ sources: join(import.meta.dirname, '../content/sources') });
const documents = [...files.values()].map(readFrontmatter);
const result = evaluate(loadGolden(join(import.meta.dirname, 'golden')), documents);

describe('extraction accuracy against the golden annotations', () => {
  test('covers all ten seed documents', () => {
    expect(result.documents.map((d) => d.slug).filter(Boolean)).toHaveLength(10);
  });
  test.each([
    ['targets precision', () => result.targets.precision, FLOORS.targets.precision],
    ['targets recall', () => result.targets.recall, FLOORS.targets.recall],
    ['practices precision', () => result.practices.precision, FLOORS.practices.precision],
    ['practices recall', () => result.practices.recall, FLOORS.practices.recall],
    ['region accuracy', () => result.region, FLOORS.region],
    ['year accuracy', () => result.year, FLOORS.year],
    ['document type accuracy', () => result.docType, FLOORS.docType],
  ])('%s stays at or above its floor', (_name, measure, floor) => {
    expect(measure()).toBeGreaterThanOrEqual(floor);
  });
  test('every extracted quote is verbatim text of its cited paragraph', () => {
    for (const mdx of files.values()) {
      const data = readFrontmatter(mdx);
      const paragraphs = paragraphTexts(mdx);
      for (const item of [...data.targets, ...data.practices]) {
        const paragraph = paragraphs.get(item.paragraph);
        expect(paragraph, `${data.slug} ${item.paragraph}`).toBeDefined();
        expect(paragraph?.replace(/\s+/g, ''), `${data.slug}: ${item.quote}`).toContain(item.quote.replace(/\s+/g, ''));
      }
    }
  });
});
