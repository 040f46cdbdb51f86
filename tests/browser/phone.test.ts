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
          // A cell that is not shown (the header row of a table shown as cards) is not squeezed.
          .filter((cell) => cell.getClientRects().length > 0)
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

describe('the task-breakdown table of a document on a 375 px phone', () => {
  test('reads as one card per row, each cell labelled with its column, nothing to scroll sideways', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.origin}/documents/${widest('documents', /-tasks/)}/`);
    const table = page.locator('.doc-text .para > table').first();
    expect(await table.evaluate((t) => t.classList.contains('stack'))).toBe(true);
    const box = await table.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(375);
    const headers = await table.locator('thead th').allTextContents();
    const cells = await table.evaluate((t) =>
      [...t.querySelectorAll('tbody td')].filter((td) => td.getClientRects().length > 0).map((td) => ({ label: td.getAttribute('data-label') ?? '', shown: getComputedStyle(td, '::before').content })),
    );
    expect(cells.length).toBeGreaterThan(20);
    for (const c of cells) {
      expect(headers).toContain(c.label);
      expect(c.shown).toContain(c.label);
    }
    // Each card says its row; one whose first cells the source left blank under a group names the group.
    const rows = await table.evaluate((t) =>
      [...t.querySelectorAll('tbody tr')].map((tr) => ({ label: tr.getAttribute('data-row') ?? '', shown: getComputedStyle(tr, '::before').content, lead: [...tr.children].slice(0, 2).map((c) => c.textContent?.trim() ?? '') })),
    );
    rows.forEach((r, i) => {
      expect(r.label.startsWith(`第${i + 1}行`)).toBe(true);
      expect(r.shown).toContain(r.label);
    });
    const grouped = rows.filter((r) => r.lead.every((t) => t === '') && r.label.includes('（'));
    expect(grouped.length).toBeGreaterThan(0);
    // At 1280 px it stays a table.
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await table.evaluate((t) => getComputedStyle(t).display)).toBe('table');
  });
});
