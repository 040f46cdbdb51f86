/**
 * The web-page reader on real saved pages of government sites
 * (tests/fixtures/html-real, annotated by reading them: sources.yaml): each
 * page gives one document, titled as the page shows it, whose text holds the
 * article's first and last sentences and none of the page's chrome.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readFrontmatter } from '../src/lib/ingest/emit.ts';
import { ingestInMemory } from '../src/lib/ingest/ingest.ts';
import { readingText } from '../src/lib/mdx/text.ts';
import { REAL_PAGES_DIR, realPages } from '../scripts/lib/html-real.ts';

const dir = REAL_PAGES_DIR;
const pages = realPages();
const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '');
const work = mkdtempSync(join(tmpdir(), 'html-real-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(pages)('$file', (page) => {
  const sources = join(work, page.file.replace(/\W/g, '_'));
  const run = () => {
    rmSync(sources, { recursive: true, force: true });
    mkdirSync(sources, { recursive: true });
    copyFileSync(join(dir, page.file), join(sources, page.file));
    return ingestInMemory({ sources });
  };
  const { files, report } = run();
  const documents = [...files.values()];
  const text = documents.map((mdx) => squeeze(`${readFrontmatter(mdx).title}\n${readingText(mdx.slice(mdx.indexOf('\n---', 4) + 4))}`)).join('\n');

  test('is read as a web page into exactly one document', () => {
    expect(report.sources[0]?.status).toBe('ok');
    expect(documents).toHaveLength(1);
    expect(readFrontmatter(documents[0] ?? '').source.format).toBe('html');
  });
  test('is titled as the page shows it', () => {
    expect(squeeze(readFrontmatter(documents[0] ?? '').title)).toBe(squeeze(page.headline));
  });
  test("holds the article's first and last sentences", () => {
    expect(text).toContain(squeeze(page.body_first));
    expect(text).toContain(squeeze(page.body_last));
  });
  test.each(page.chrome_absent)('leaves out the chrome line %s', (chrome) => {
    expect(text).not.toContain(squeeze(chrome));
  });
});
