/**
 * Chinese search in a real browser: every query of tests/search-queries.yaml
 * is typed into the search page of the built site, served on 127.0.0.1, and
 * its expected documents must be in the top five. Prints the hit rate.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

interface Query {
  q: string;
  expect: string[];
}
const { queries } = parse(readFileSync(join(import.meta.dirname, '../search-queries.yaml'), 'utf8')) as { queries: Query[] };
/** Share of queries that must find all their documents in the top five. */
const FLOOR = 0.95;

let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await serveStatic('dist', '/');
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the search page at `query` (a URL query string) and waits until the search has finished. */
async function searchFor(query: string): Promise<void> {
  await page.goto(`${server.origin}/search/?${query}`);
  // The status is empty until the script starts, then 正在搜索… until the results are in.
  await page.waitForFunction(() => {
    const status = document.querySelector('#search-status')?.textContent ?? '';
    return status !== '' && !status.startsWith('正在搜索');
  });
}

/** Slugs of the top five results the search page shows for a query. */
async function topFive(query: string): Promise<string[]> {
  await searchFor(`q=${encodeURIComponent(query)}`);
  const hrefs = await page.$$eval('#search-results li h2 a', (links) => links.slice(0, 5).map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((href) => href.match(/documents\/([^/]+)\//)?.[1] ?? href);
}

describe('search', () => {
  test(`finds the expected documents for at least ${FLOOR * 100}% of ${queries.length} real queries`, async () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    const misses: string[] = [];
    for (const { q, expect: expected } of queries) {
      const found = await topFive(q);
      const missing = expected.filter((slug) => !found.includes(slug));
      if (missing.length) misses.push(`${q} → missing ${missing.join(', ')} (got ${found.join(', ') || 'nothing'})`);
    }
    const rate = (queries.length - misses.length) / queries.length;
    console.log(`search hit rate: ${(rate * 100).toFixed(1)}% (${queries.length - misses.length}/${queries.length})${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`);
    expect(rate, misses.join('\n')).toBeGreaterThanOrEqual(FLOOR);
  }, 300_000);

  test('filters by region and sorts by year', async () => {
    await searchFor(`q=${encodeURIComponent('乡镇卫生院')}&region=${encodeURIComponent('隰县')}`);
    const metas = await page.$$eval('#search-results li .meta', (nodes) => nodes.map((n) => n.textContent ?? ''));
    expect(metas.length).toBeGreaterThan(0);
    for (const meta of metas) expect(meta).toContain('隰县');
  });

  test('results show a title, facts and an excerpt with the match highlighted', async () => {
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent('零差率')}`);
    await page.waitForSelector('#search-results li');
    const first = page.locator('#search-results li').first();
    expect(await first.locator('h2 a').textContent()).toBeTruthy();
    expect(await first.locator('mark').count()).toBeGreaterThan(0);
  });

  test('the header search box leads to the results', async () => {
    await page.goto(`${server.origin}/`);
    await page.fill('header input[name="q"]', '收支两条线');
    await Promise.all([page.waitForURL(/\/search\/\?q=/), page.press('header input[name="q"]', 'Enter')]);
    await page.waitForSelector('#search-results li');
    const links = await page.$$eval('#search-results li h2 a', (a) => a.map((x) => x.getAttribute('href')));
    expect(links.some((href) => href?.includes('jinanqu'))).toBe(true);
  });

  test('other pages that match are listed apart, linked to the pages themselves', async () => {
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent('隰县')}`);
    await page.waitForSelector('#search-pages li');
    const links = await page.$$eval('#search-pages li h3 a', (a) => a.map((x) => [x.textContent ?? '', x.getAttribute('href') ?? '']));
    expect(links).toContainEqual(['隰县', '/regions/xixian/']);
    // Every link leads to a page that exists, never to the stub it was indexed from.
    for (const [, href] of links) {
      expect(href).not.toContain('_search-stubs');
      expect((await fetch(`${server.origin}${href}`)).status, href).toBe(200);
    }
  });
});
