/**
 * The real saved government pages of tests/fixtures/html-real and their
 * annotations (sources.yaml), as scripts/measure-html.ts and
 * tests/html-real.test.ts both read them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** A page's annotation, written by reading the page. */
export interface RealPage {
  file: string;
  /** The document's title as the page shows it above the article. */
  headline: string;
  /** The article's first and last sentences, as written. */
  body_first: string;
  body_last: string;
  /** Lines of the page's chrome that no reader should keep. */
  chrome_absent: string[];
}

export const REAL_PAGES_DIR = join(import.meta.dirname, '../../tests/fixtures/html-real');

export const realPages = (dir = REAL_PAGES_DIR): RealPage[] => parse(readFileSync(join(dir, 'sources.yaml'), 'utf8')) as RealPage[];
