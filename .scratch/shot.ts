import { serveStatic } from '../tests/browser/server.ts';
import { launchChromium } from '../tests/browser/chromium.ts';
const server = await serveStatic('dist', '/');
const browser = await launchChromium();
for (const [name, path, w, h] of [['home', '', 1280, 1800], ['doc', 'documents/jinanqu-undated-summary/', 1280, 2400], ['region', 'regions/jinanqu/', 1280, 1800], ['indicator', 'indicators/ncms-enrollment-rate/', 1280, 1400], ['compare', 'compare/', 1280, 1400], ['phone-doc', 'documents/xixian-2011-summary/', 375, 1400]] as const) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  await page.goto(`${server.origin}/${path}`);
  await page.screenshot({ path: `/tmp/shot-${name}.png` });
  await page.close();
}
await browser.close(); await server.close();
