/**
 * node scripts/measure-html.ts: the web-page reader (src/lib/source/html.ts,
 * through the whole pipeline) against Mozilla's Readability on the real saved
 * government pages of tests/fixtures/html-real (annotated in sources.yaml):
 * for each, whether the document's title is the page's headline, whether its
 * text holds the article's first and last sentences, and how many of the
 * annotated chrome lines it kept. The README reports the result.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { readFrontmatter } from '../src/lib/ingest/emit.ts';
import { ingestInMemory } from '../src/lib/ingest/ingest.ts';
import { readingText } from '../src/lib/mdx/text.ts';
import { decodeHtml } from '../src/lib/source/html.ts';
import { REAL_PAGES_DIR, realPages, type RealPage } from './lib/html-real.ts';

const dir = REAL_PAGES_DIR;
const pages = realPages();
const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '');
const work = mkdtempSync(join(tmpdir(), 'measure-html-'));

type Score = { title: boolean; first: boolean; last: boolean; chrome: number };
const score = (page: RealPage, title: string, text: string): Score => ({
  title: squeeze(title) === squeeze(page.headline),
  first: squeeze(text).includes(squeeze(page.body_first)),
  last: squeeze(text).includes(squeeze(page.body_last)),
  chrome: page.chrome_absent.filter((c) => squeeze(text).includes(squeeze(c))).length,
});

function ours(page: RealPage): Score {
  const sources = join(work, page.file);
  mkdirSync(sources, { recursive: true });
  copyFileSync(join(dir, page.file), join(sources, page.file));
  const [mdx = ''] = ingestInMemory({ sources }).files.values();
  const title = mdx ? readFrontmatter(mdx).title : '';
  return score(page, title, `${title}\n${readingText(mdx.slice(mdx.indexOf('\n---', 4) + 4))}`);
}

function readability(page: RealPage): Score {
  const { text } = decodeHtml(readFileSync(join(dir, page.file)));
  const { document } = parseHTML(text);
  // linkedom's document stands in for the browser DOM Readability expects.
  const article = new Readability(document as unknown as Document).parse();
  return score(page, article?.title ?? '', `${article?.title ?? ''}\n${article?.textContent ?? ''}`);
}

const totals = { ours: { title: 0, body: 0, chrome: 0 }, readability: { title: 0, body: 0, chrome: 0 } };
console.log('page                                      reader       title  first  last  chrome kept');
for (const page of pages) {
  for (const [name, s] of [['ours', ours(page)], ['readability', readability(page)]] as const) {
    console.log(`${page.file.padEnd(42)}${name.padEnd(13)}${(s.title ? 'ok' : '✗').padEnd(7)}${(s.first ? 'ok' : '✗').padEnd(7)}${(s.last ? 'ok' : '✗').padEnd(6)}${s.chrome}/${page.chrome_absent.length}`);
    totals[name].title += s.title ? 1 : 0;
    totals[name].body += s.first && s.last ? 1 : 0;
    totals[name].chrome += s.chrome;
  }
}
rmSync(work, { recursive: true, force: true });
for (const [name, t] of Object.entries(totals)) console.log(`${name}: title ${t.title}/${pages.length}, whole article ${t.body}/${pages.length}, chrome lines kept ${t.chrome}`);
