/**
 * Every page type in a real browser, served from 127.0.0.1 at the root and
 * under a sub-path: it loads with no failed request and no console error,
 * every request stays on 127.0.0.1, axe-core finds no serious or critical
 * violation, and desktop and phone screenshots are saved to
 * artifacts/screenshots/ for people to look at.
 */
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { SUBPATH } from '../global-setup.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const shots = 'artifacts/screenshots';

/** One page of each type, found in the build so the list follows the data. */
function pageTypes(dir: string): Array<[string, string]> {
  const first = (sub: string) => readdirSync(join(dir, sub), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()[0];
  return [
    ['home', ''],
    ['document', `documents/${first('documents')}/`],
    ['documents', 'documents/'],
    ['regions', 'regions/'],
    ['region', 'regions/jinanqu/'],
    ['indicators', 'indicators/'],
    ['indicator', 'indicators/ncms-enrollment-rate/'],
    ['practices', 'practices/'],
    ['compare', 'compare/'],
    ['pair', `compare/${first('compare')}/`],
    ['topics', 'topics/'],
    ['timeline', 'timeline/'],
    ['glossary', 'glossary/'],
    ['data', 'data/'],
    ['about', 'about/'],
    ['search', 'search/?q=%E9%9B%B6%E5%B7%AE%E7%8E%87'],
    ['404', 'no-such-page/'],
  ];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe.each([
  ['root', 'dist', '/'],
  ['sub-path', SUBPATH.dir, SUBPATH.base],
])('served at the %s', (label, dir, base) => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(dir, base);
  });
  afterAll(async () => {
    await server?.close();
  });

  test.each(pageTypes('dist'))('%s page loads cleanly, stays on 127.0.0.1 and passes axe', async (type, path) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    const offsite: string[] = [];
    page.on('console', (m) => {
      // Chromium logs the 404 status of the 404 page itself; that one is expected.
      if (m.type() === 'error' && !(type === '404' && /404/.test(m.text()))) problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on('request', (r) => {
      if (!r.url().startsWith(server.origin) && !r.url().startsWith('data:')) offsite.push(r.url());
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && !(type === '404' && r.url() === `${server.origin}${base}${path}`)) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    const response = await page.goto(`${server.origin}${base}${path}`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(type === '404' ? 404 : 200);
    if (type === 'search') await page.waitForSelector('#search-results li');
    expect(problems).toEqual([]);
    expect(offsite).toEqual([]);

    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      // @ts-expect-error axe is the global the injected axe-core script defines
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return (result.violations as Array<{ id: string; impact: string; nodes: unknown[] }>)
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.impact} ${v.id} ×${v.nodes.length}`);
    });
    expect(violations).toEqual([]);

    if (label === 'root') {
      await page.screenshot({ path: `${shots}/${type}-desktop.png`, fullPage: false });
      await page.setViewportSize({ width: 375, height: 812 });
      await page.screenshot({ path: `${shots}/${type}-phone.png`, fullPage: false });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'the page scrolls sideways on a phone').toBeLessThanOrEqual(1);
    }
    await context.close();
  }, 60_000);
});
