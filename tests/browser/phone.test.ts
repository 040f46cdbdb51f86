/**
 * On a 375 px phone, and on a 1280 px desktop, no table cell stands squeezed
 * to a character or two per line: every cell holding text keeps room for about three characters (a
 * wide table scrolls in its own box), and no page is wider than the screen.
 * Measured in Chromium on every page type, and on the pages with the widest
 * tables (a task-breakdown document, a region, the indicator index).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

/** Room a cell's text must have, in multiples of its font size: about three characters. */
const MIN_CHARS = 2.8;

const first = (sub: string) => readdirSync(join('dist', sub), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()[0] ?? '';
const widest = (sub: string, pattern: RegExp) => readdirSync(join('dist', sub)).filter((n) => pattern.test(n)).sort()[0] ?? first(sub);
const paths = [
  '',
  'documents/',
  `documents/${first('documents')}/`,
  `documents/${widest('documents', /-tasks/)}/`,
  'regions/',
  'regions/xixian/',
  'indicators/',
  'indicators/ncms-enrollment-rate/',
  'practices/',
  `practices/${first('practices')}/`,
  'compare/',
  `compare/${first('compare')}/`,
  'topics/',
  `topics/${first('topics')}/`,
  'timeline/',
  'glossary/',
  'data/',
  'about/',
];

let server: StaticServer;
let browser: Browser;
let page: Page;
beforeAll(async () => {
  server = await serveStatic('dist', '/');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 375, height: 800 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each([375, 1280])('at %i px', (width) => {
  test.each(paths)('/%s: no squeezed table cell, no page wider than the screen', async (path) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${server.origin}/${path}`);
    const narrow = await page.$$eval(
      'td, th',
      (cells, minChars) =>
        cells
          .map((cell) => {
            const style = getComputedStyle(cell);
            const width = cell.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            return { text: (cell.textContent ?? '').trim(), width, font: parseFloat(style.fontSize) };
          })
          .filter((c) => [...c.text].length >= 3 && c.width < minChars * c.font)
          .map((c) => `${c.text.slice(0, 12)} (${Math.round(c.width)} px)`),
      MIN_CHARS,
    );
    expect(narrow).toEqual([]);
    const { pageWidth, screen } = await page.evaluate(() => ({ pageWidth: document.documentElement.scrollWidth, screen: window.innerWidth }));
    expect(pageWidth).toBeLessThanOrEqual(screen);
  });
});
