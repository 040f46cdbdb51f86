/**
 * Chinese search in a real browser: every query of tests/search-queries.yaml
 * is typed into the search page of the built site, served on 127.0.0.1. Its
 * expected documents must be in the top five (hit rate), and the top five must
 * all be documents an annotator judged relevant (precision at 5). Prints both.
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
  expect?: string[];
  relevant: string[];
}
const { queries } = parse(readFileSync(join(import.meta.dirname, '../search-queries.yaml'), 'utf8')) as { queries: Query[] };
/** Share of queries that must find all their documents in the top five. */
const FLOOR = 0.95;
/** Share of queries whose top five results must all be relevant. */
const PRECISE_FLOOR = 0.9;

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
    expect(queries.filter((q) => q.expect).length).toBeGreaterThanOrEqual(40);
    const misses: string[] = [];
    const withExpect = queries.filter((q): q is Query & { expect: string[] } => Boolean(q.expect));
    for (const { q, expect: expected } of withExpect) {
      const found = await topFive(q);
      const missing = expected.filter((slug) => !found.includes(slug));
      if (missing.length) misses.push(`${q} → missing ${missing.join(', ')} (got ${found.join(', ') || 'nothing'})`);
    }
    const rate = (withExpect.length - misses.length) / withExpect.length;
    console.log(`search hit rate: ${(rate * 100).toFixed(1)}% (${withExpect.length - misses.length}/${withExpect.length})${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`);
    expect(rate, misses.join('\n')).toBeGreaterThanOrEqual(FLOOR);
  }, 300_000);

  test(`for at least ${PRECISE_FLOOR * 100}% of ${queries.length} queries the top five are all relevant (precision at 5)`, async () => {
    const impure: string[] = [];
    let precisionSum = 0;
    let recallSum = 0;
    for (const { q, relevant } of queries) {
      const found = await topFive(q);
      const good = found.filter((slug) => relevant.includes(slug)).length;
      // Precision over what is shown (a query with two relevant documents shows two);
      // recall over what five places can hold.
      precisionSum += found.length ? good / found.length : relevant.length ? 0 : 1;
      recallSum += relevant.length ? good / Math.min(5, relevant.length) : 1;
      if (good < found.length || (found.length === 0 && relevant.length > 0)) {
        impure.push(`${q} → ${found.filter((slug) => !relevant.includes(slug)).join(', ') || 'nothing found'}`);
      }
    }
    const rate = (queries.length - impure.length) / queries.length;
    console.log(
      `search precision: top five all relevant for ${(rate * 100).toFixed(1)}% of queries (${queries.length - impure.length}/${queries.length}); ` +
        `mean precision ${(precisionSum / queries.length).toFixed(3)}, recall at 5 ${(recallSum / queries.length).toFixed(3)}` +
        `${impure.length ? `\n  ${impure.join('\n  ')}` : ''}`,
    );
    expect(rate, impure.join('\n')).toBeGreaterThanOrEqual(PRECISE_FLOOR);
  }, 300_000);

  test('a query of several characters never matches them one by one, and marks only what was asked', async () => {
    await searchFor(`q=${encodeURIComponent('新农合')}`);
    const marks = await page.$$eval('#search-results mark', (m) => [...new Set(m.map((x) => x.textContent ?? ''))]);
    expect(marks.length).toBeGreaterThan(0);
    // Its forms (新型农村合作医疗, 合疗 …), never a piece such as 医疗, 农村 or 合.
    for (const mark of marks) expect(['新农合', '新型农村合作医疗', '合疗', '合作医疗', '农村合作医疗'], mark).toContain(mark);
  });

  test('excerpts come from the text a reader sees, not the hidden search words or the panels', async () => {
    await searchFor(`q=${encodeURIComponent('六安')}`);
    const excerpt = await page.textContent('#search-results li p:last-child');
    expect(excerpt).toContain('六安');
    const slug = (await page.getAttribute('#search-results li h2 a', 'href'))?.match(/documents\/([^/]+)\//)?.[1] ?? '';
    await page.goto(`${server.origin}/documents/${slug}/`);
    const text = (await page.textContent('.doc-text')) ?? '';
    // Compared by their Chinese characters: the index joins blocks with ". ", the page numbers its paragraphs.
    const han = (s: string): string => s.replace(/[^\p{Script=Han}]/gu, '');
    for (const piece of (excerpt ?? '').split('…').filter((p) => han(p).length > 4)) expect(han(text)).toContain(han(piece));
  });

  test('each result shows its region, year and type', async () => {
    await searchFor(`q=${encodeURIComponent('零差率')}`);
    const metas = await page.$$eval('#search-results li .meta', (nodes) => nodes.map((n) => n.textContent ?? ''));
    expect(metas.length).toBeGreaterThan(0);
    for (const meta of metas) expect(meta).toMatch(/^\S+ · (\d{4}年|年份不详) · \S+$/);
  });

  test('on a phone the filters fold away, so the results follow the search box; a set filter stays open', async () => {
    const phone = await browser.newPage({ viewport: { width: 375, height: 800 } });
    try {
      await phone.goto(`${server.origin}/search/?q=${encodeURIComponent('零差率')}`);
      await phone.waitForSelector('#search-results li');
      expect(await phone.$eval('#search-filters', (d) => (d as HTMLDetailsElement).open)).toBe(false);
      const top = (await phone.locator('#search-results li').first().boundingBox())?.y ?? Infinity;
      expect(top).toBeLessThan(800);
      await phone.goto(`${server.origin}/search/?q=${encodeURIComponent('零差率')}&region=${encodeURIComponent('隰县')}`);
      await phone.waitForSelector('#search-results li');
      expect(await phone.$eval('#search-filters', (d) => (d as HTMLDetailsElement).open)).toBe(true);
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent('零差率')}`);
      await page.waitForSelector('#search-results li');
      expect(await page.$eval('#search-filters', (d) => (d as HTMLDetailsElement).open)).toBe(true);
    } finally {
      await phone.close();
    }
  });

  test('filters by region and sorts by year', async () => {
    await searchFor(`q=${encodeURIComponent('乡镇卫生院')}&region=${encodeURIComponent('隰县')}`);
    const metas = await page.$$eval('#search-results li .meta', (nodes) => nodes.map((n) => n.textContent ?? ''));
    expect(metas.length).toBeGreaterThan(0);
    for (const meta of metas) expect(meta).toContain('隰县');
  });

  test('the filters offer 地区不详 and 年份不详, and each finds only such documents', async () => {
    await searchFor(`region=${encodeURIComponent('地区不详')}`);
    const regions = await page.$$eval('#search-results li .meta', (nodes) => nodes.map((n) => n.textContent ?? ''));
    expect(regions.length).toBeGreaterThan(0);
    for (const meta of regions) expect(meta.startsWith('地区不详 · ')).toBe(true);
    await searchFor(`q=${encodeURIComponent('医改')}&year=${encodeURIComponent('年份不详')}`);
    const years = await page.$$eval('#search-results li .meta', (nodes) => nodes.map((n) => n.textContent ?? ''));
    expect(years.length).toBeGreaterThan(0);
    for (const meta of years) expect(meta).toContain(' · 年份不详 · ');
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
