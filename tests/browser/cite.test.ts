/**
 * 复制引用 in Chromium: every figure, practice and opened paragraph gets a
 * button that copies 《标题》（地区，年份）第N段 with the address (a table
 * row as 第N段第M行, the row that holds the figure), the document one for
 * itself; the address is the one the reader has open, or SITE_URL's when the
 * site was built with one; it also copies over plain http on an intranet
 * (no Clipboard API there). In print the citation stands above the title.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { CONFIGURED, SUBPATH } from '../global-setup.ts';
import type { DocumentFrontmatter } from '../../src/schema/document.ts';

type Built = DocumentFrontmatter & { url: string };
const docs = JSON.parse(readFileSync('dist/data/documents.json', 'utf8')) as Built[];
const withRows = docs.find((d) => d.targets.some((t) => t.row !== undefined));
const withIssuer = docs.find((d) => d.issuer) ?? docs[0];

let root: StaticServer;
let sub: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  root = await serveStatic('dist', '/');
  sub = await serveStatic(SUBPATH.dir, SUBPATH.base);
  // intranet.test is a made-up intranet name: over plain http to it the page is not a secure
  // context, so the Clipboard API is missing, as on a real intranet server.
  const port = new URL(root.origin).port;
  browser = await launchChromium([`--host-resolver-rules=MAP intranet.test:${port} 127.0.0.1:${port}`]);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: root.origin });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sub.origin });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await root?.close();
  await sub?.close();
});

const status = async (p: Page): Promise<string> => {
  await p.waitForFunction(() => document.querySelector('.cite-status')?.textContent);
  return (await p.textContent('.cite-status')) ?? '';
};
const clipboard = (p: Page): Promise<string> => p.evaluate(() => navigator.clipboard.readText());
const head = (d: Built): string => `《${d.title}》（${d.region?.name ?? '地区不详'}，${d.year === null ? '年份不详' : `${d.year}年`}）`;

describe('复制引用', () => {
  test('an opened paragraph: 《标题》（地区，年份）第N段 with the issuer, date of access and the address', async () => {
    const d = withIssuer as Built;
    await page.goto(`${root.origin}${d.url}#p-2`);
    await page.click('#p-2 > button.cite-copy');
    const copied = await clipboard(page);
    expect(await status(page)).toBe(`已复制引用：${copied}`);
    expect(copied.startsWith(`${d.issuer ? `${d.issuer}.` : ''}${head(d)}第2段[EB/OL]. 县域医改对照库`)).toBe(true);
    expect(copied).toMatch(/\[\d{4}-\d{2}-\d{2}\]\. /);
    expect(copied.endsWith(` ${root.origin}${d.url}#p-2`)).toBe(true);
    // Only the opened paragraph has one.
    expect(await page.$$eval('.para > button.cite-copy', (b) => b.length)).toBe(1);
    await page.click('#p-1 > a');
    expect(await page.$$eval('#p-1 > button.cite-copy', (b) => b.length)).toBe(1);
    expect(await page.$$eval('#p-2 > button.cite-copy', (b) => b.length)).toBe(0);
  });

  test('the whole document, from the button under its title', async () => {
    const d = withIssuer as Built;
    await page.goto(`${root.origin}${d.url}`);
    await page.click('.doc-head button.cite-copy');
    const copied = await clipboard(page);
    expect(copied).toContain(`${head(d)}[EB/OL]`);
    expect(copied.endsWith(` ${root.origin}${d.url}`)).toBe(true);
  });

  test('every figure and practice on a document page has a button', async () => {
    const d = docs.find((x) => x.targets.length > 0 && x.practices.length > 0) as Built;
    await page.goto(`${root.origin}${d.url}`);
    expect(await page.$$eval('.doc-figures table.targets tbody button.cite-copy', (b) => b.length)).toBe(d.targets.length);
    // The other figures (open extraction) the page lists have one too.
    const listed = await page.$$eval('.doc-figures table.figures tbody tr', (r) => r.length);
    expect(await page.$$eval('.doc-figures table.figures tbody button.cite-copy', (b) => b.length)).toBe(listed);
    expect(await page.$$eval('.doc-practices li button.cite-copy', (b) => b.length)).toBe(d.practices.length);
  });

  test('a figure in a table cites its row: 第N段第M行, links to that row, and that row of the text holds the figure', async () => {
    expect(withRows, 'a document with a table of figures').toBeDefined();
    const d = withRows as Built;
    await page.goto(`${root.origin}${d.url}`);
    // Each figure link that names a row, with the figures of the document cited there.
    const links = page.locator('.doc-figures table.targets tbody a[data-row]');
    const count = await links.count();
    expect(count).toBe(d.targets.filter((t) => t.row !== undefined).length);
    for (const n of [0, count - 1]) {
      const link = links.nth(n);
      const [href, row] = [await link.getAttribute('href'), Number(await link.getAttribute('data-row'))];
      const paragraph = href?.match(/^#(p-\d+)-r\d+$/)?.[1] ?? '';
      expect(href).toBe(`#${paragraph}-r${row}`);
      const rowText = ((await page.textContent(href ?? '')) ?? '').replace(/\s+/g, '');
      const cited = d.targets.filter((t) => t.paragraph === paragraph && t.row === row);
      expect(cited.length).toBeGreaterThan(0);
      for (const t of cited) expect(rowText).toContain(t.quote.replace(/\s+/g, ''));
      await link.locator('xpath=following-sibling::button[1]').click();
      expect(await clipboard(page)).toContain(`第${paragraph.slice(2)}段第${row}行[EB/OL]`);
    }
  });

  test('on an indicator page a figure of another document cites that document', async () => {
    const d = docs.find((x) => x.targets.length > 0) as Built;
    const t = d.targets[0];
    await page.goto(`${root.origin}/indicators/${t?.indicator}/`);
    const link = page.locator(`a.citation[href="/documents/${d.slug}/#${t?.paragraph}"]`).first();
    await link.locator('xpath=following-sibling::button[1]').click();
    const copied = await clipboard(page);
    expect(copied).toContain(`${head(d)}第${t?.paragraph.slice(2)}段`);
    expect(copied.endsWith(`${root.origin}/documents/${d.slug}/#${t?.paragraph}`)).toBe(true);
  });

  test('on the compare page every figure and practice of the matrices has a 引用 button for its own document', async () => {
    await page.goto(`${root.origin}/compare/`);
    const links = page.locator('.matrix a.citation');
    const count = await links.count();
    expect(count).toBeGreaterThan(20);
    expect(await page.locator('.matrix button.cite-copy').count()).toBe(count);
    const link = links.nth(Math.floor(count / 2));
    const href = (await link.getAttribute('href')) ?? '';
    const d = docs.find((x) => href.startsWith(x.url)) as Built;
    await link.locator('xpath=following-sibling::button[1]').click();
    const copied = await clipboard(page);
    expect(copied).toContain(head(d));
    expect(copied.endsWith(`${root.origin}${href}`)).toBe(true);
  });

  test('built with SITE_URL, the address is the public one under the base', async () => {
    const d = withIssuer as Built;
    await page.goto(`${sub.origin}${SUBPATH.base}documents/${d.slug}/#p-1`);
    await page.click('#p-1 > button.cite-copy');
    expect((await clipboard(page)).endsWith(` ${CONFIGURED.SITE_URL}${SUBPATH.base}documents/${d.slug}/#p-1`)).toBe(true);
  });

  test('over plain http on an intranet name (no Clipboard API) it still copies', async () => {
    const d = withIssuer as Built;
    const intranet = await context.newPage();
    const port = new URL(root.origin).port;
    await intranet.goto(`http://intranet.test:${port}${d.url}#p-1`);
    expect(await intranet.evaluate(() => window.isSecureContext)).toBe(false);
    await intranet.click('#p-1 > button.cite-copy');
    const said = await status(intranet);
    expect(said.startsWith('已复制引用：')).toBe(true);
    expect(said.endsWith(`http://intranet.test:${port}${d.url}#p-1`)).toBe(true);
    await intranet.close();
  });
});

/** The MediaBox of every page of a PDF Chromium printed: [width, height] in points. */
const pageSizes = (pdf: Buffer): Array<[number, number]> =>
  [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
/** A4 in points, and a page's printable width at 96 px per inch once its margins are taken off. */
const A4 = { long: 841.9, short: 595.3 };
const printable = (mm: number, marginMm: number): number => Math.floor(((mm - 2 * marginMm) / 25.4) * 96);

describe('print', () => {
  // Chromium lays a page out for print at the width it is given; the printable width of the
  // page the stylesheet asks for stands in for the paper.
  test.each([
    ['compare/', 'landscape'],
    ['indicators/', 'landscape'],
    [`indicators/${docs.find((d) => d.targets.length > 0)?.targets[0]?.indicator}/`, 'landscape'],
    ['regions/xixian/', 'landscape'],
    [`documents/${withRows?.slug}/`, 'portrait'],
  ] as const)('/%s prints on A4 %s with every column on the paper and no addresses after links', async (path, orientation) => {
    await page.goto(`${root.origin}/${path}`);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const sizes = pageSizes(pdf);
    expect(sizes.length).toBeGreaterThan(0);
    for (const [w, h] of sizes) {
      // A document prints portrait on the reader's paper (Chromium's default here is Letter).
      if (orientation === 'portrait') expect(h > w, `${w}×${h}`).toBe(true);
      else expect(Math.abs(w - A4.long) < 2 && Math.abs(h - A4.short) < 2, `${w}×${h}`).toBe(true);
    }
    const width = orientation === 'landscape' ? printable(297, 10) : printable(210, 15);
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ media: 'print' });
    try {
      const cut = await page.$$eval('th, td', (cells, w) => cells.filter((c) => c.getClientRects().length > 0 && c.getBoundingClientRect().right > w + 1).map((c) => c.textContent?.slice(0, 20)), width);
      expect(cut).toEqual([]);
      // No address printed after a link (the 段 of a paragraph number is not one).
      const after = await page.$$eval('main a', (links) => [...new Set(links.map((a) => getComputedStyle(a, '::after').content))]);
      expect(after.filter((c) => /[/#]/.test(c))).toEqual([]);
    } finally {
      await page.emulateMedia({ media: null });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  test('a document prints its citation above the title, and no buttons', async () => {
    const d = withIssuer as Built;
    await page.goto(`${root.origin}${d.url}#p-1`);
    await page.emulateMedia({ media: 'print' });
    try {
      const cite = page.locator('.print-cite');
      expect(await cite.isVisible()).toBe(true);
      expect(await cite.textContent()).toContain(`${head(d)}[EB/OL]`);
      const [citeBox, titleBox] = [await cite.boundingBox(), await page.locator('h1').boundingBox()];
      expect((citeBox?.y ?? 0) < (titleBox?.y ?? 0)).toBe(true);
      expect(await page.locator('button.cite-copy').first().isVisible()).toBe(false);
    } finally {
      await page.emulateMedia({ media: null });
    }
  });
});

describe('报错 and 只看人工核对', () => {
  const curatedDoc = docs.find((d) => d.targets.some((t) => t.review?.status === 'corrected')) as Built;

  test('built with SITE_CONTACT, each figure of a document has a 报错 that opens a mail naming the document, paragraph and figure', async () => {
    const p = await context.newPage();
    // The mail program is not run: the prefilled address is recorded instead.
    await p.addInitScript(() => {
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        (window as unknown as { mailed: string }).mailed = this.href;
      };
    });
    const path = curatedDoc.url.replace(/^\//, SUBPATH.base);
    await p.goto(`${sub.origin}${path}`);
    const rows = p.locator('.doc-figures table.targets tbody tr');
    expect(await p.locator('.doc-figures table.targets button', { hasText: '报错' }).count()).toBe(await rows.count());
    const t = curatedDoc.targets.find((x) => x.review?.status === 'corrected') as Built['targets'][number];
    const row = rows.filter({ has: p.locator(`a[href^="#${t.paragraph}"]`) }).filter({ hasText: t.review?.note ?? '' }).first();
    await row.locator('button', { hasText: '报错' }).click();
    const mailed = await p.evaluate(() => (window as unknown as { mailed?: string }).mailed ?? '');
    expect(mailed.startsWith(`mailto:${CONFIGURED.SITE_CONTACT}?subject=`)).toBe(true);
    const url = new URL(mailed);
    const subject = url.searchParams.get('subject') ?? '';
    const body = url.searchParams.get('body') ?? '';
    expect(subject).toBe(`报告错误：${curatedDoc.title}第${t.paragraph.slice(2)}段`);
    expect(body).toContain(`文件：${curatedDoc.title}`);
    expect(body).toContain(`地址：${CONFIGURED.SITE_URL}${path}#${t.paragraph}`);
    expect(body).toContain(`数字：${t.label}`);
    expect(body).toMatch(/（编号 [0-9a-f]{8}(-\d+)?）/);
    expect(body).toContain('哪里不对、应当是什么：');
    await p.close();
  });

  test('the root build, without SITE_CONTACT, offers no 报错', async () => {
    await page.goto(`${root.origin}${curatedDoc.url}`);
    expect(await page.locator('button', { hasText: '报错' }).count()).toBe(0);
  });

  test('ticking 只看人工核对 on an indicator page leaves only the checked figures, and their chart', async () => {
    const id = curatedDoc.targets.find((t) => t.review && !t.implausible)?.indicator as string;
    await page.goto(`${root.origin}/indicators/${id}/`);
    const rows = page.locator('section table.targets tbody tr');
    const all = await rows.count();
    const checked = await page.locator('section table.targets tbody tr:not([data-review="machine"])').count();
    expect(checked).toBeGreaterThan(0);
    const visible = async () => (await rows.evaluateAll((trs) => trs.filter((tr) => (tr as HTMLElement).offsetParent !== null).length));
    expect(await visible()).toBe(all);
    expect(await page.locator('.checked-only').first().isVisible()).toBe(false);
    await page.check('#only-checked');
    expect(await visible()).toBe(checked);
    // A unit's section without one checked figure leaves too.
    const sections = await page.locator('section:has(table.targets)').evaluateAll((list) => list.map((s) => [(s as HTMLElement).offsetParent !== null, s.querySelector('tr[data-review]:not([data-review="machine"])') !== null]));
    for (const [shown, hasChecked] of sections) expect(shown).toBe(hasChecked);
    if ((await page.locator('.checked-only').count()) > 0) expect(await page.locator('.checked-only').first().isVisible()).toBe(true);
    await page.uncheck('#only-checked');
    expect(await visible()).toBe(all);
  });
});
