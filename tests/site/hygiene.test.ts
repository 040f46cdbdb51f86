/**
 * What every built page must respect: the CSP (no inline script, no inline
 * style), no external resource, Chinese language, one h1 and headings in
 * order, landmarks, accessible tables and charts; and document pages stay
 * light.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { builtDocuments, loadSite, size, text } from './dist.ts';

const site = loadSite('dist');
const pages = [...site.pages.values()];

describe('every page', () => {
  test('has no inline <script>, no <style> element, no style= attribute, no on* handler', () => {
    for (const p of pages) {
      for (const s of p.root.querySelectorAll('script')) {
        expect(s.getAttribute('src'), `${p.path}: inline script`).toBeTruthy();
      }
      expect(p.root.querySelectorAll('style'), p.path).toHaveLength(0);
      expect(p.root.querySelectorAll('[style]'), p.path).toHaveLength(0);
      for (const el of p.root.querySelectorAll('*')) {
        expect(Object.keys(el.attributes).filter((a) => /^on/i.test(a)), `${p.path}: <${el.tagName}>`).toEqual([]);
      }
    }
  });

  test('loads nothing from another origin (no http:// or https:// in src/href of link, script, img, iframe, source)', () => {
    for (const p of pages) {
      for (const el of p.root.querySelectorAll('link, script, img, iframe, source, video, audio, object, embed')) {
        for (const attr of ['src', 'href', 'srcset', 'data']) {
          expect(el.getAttribute(attr) ?? '', `${p.path}: <${el.tagName.toLowerCase()} ${attr}>`).not.toMatch(/^(https?:)?\/\//i);
        }
      }
    }
  });

  test('is in Chinese, with the CSP meta tag and landmarks', () => {
    for (const p of pages) {
      expect(p.root.querySelector('html')?.getAttribute('lang'), p.path).toBe('zh-CN');
      expect(p.root.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'), p.path).toContain("style-src 'self'");
      expect(p.root.querySelectorAll('main'), p.path).toHaveLength(1);
      expect(p.root.querySelector('header nav'), p.path).not.toBeNull();
      expect(p.root.querySelector('footer'), p.path).not.toBeNull();
      expect(text(p.root.querySelector('title')).length, p.path).toBeGreaterThan(0);
    }
  });

  test('has one h1 and never skips a heading level going down', () => {
    for (const p of pages) {
      const headings = p.root.querySelectorAll('h1, h2, h3, h4, h5, h6').map((h) => Number(h.tagName.slice(1)));
      expect(headings.filter((h) => h === 1), p.path).toHaveLength(1);
      expect(headings[0], p.path).toBe(1);
      headings.forEach((level, i) => {
        if (i > 0) expect(level - (headings[i - 1] ?? 1), `${p.path}: h${headings[i - 1]} → h${level}`).toBeLessThanOrEqual(1);
      });
    }
  });

  test('tables have a caption and scoped header cells', () => {
    for (const p of pages) {
      for (const table of p.root.querySelectorAll('main table')) {
        expect(text(table.querySelector('caption')).length, `${p.path}: table without caption`).toBeGreaterThan(0);
        for (const th of table.querySelectorAll('th')) {
          expect(['col', 'row', 'rowgroup', 'colgroup'], `${p.path}: <th>${text(th)}</th>`).toContain(th.getAttribute('scope'));
        }
      }
    }
  });

  test('charts are images with a text alternative, sized by attributes only', () => {
    let charts = 0;
    for (const p of pages) {
      for (const svg of p.root.querySelectorAll('main svg')) {
        charts++;
        expect(svg.getAttribute('role'), p.path).toBe('img');
        expect(svg.getAttribute('aria-labelledby') ?? svg.getAttribute('aria-label'), p.path).toBeTruthy();
        expect(text(svg.querySelector('title')).length, p.path).toBeGreaterThan(0);
        expect(svg.getAttribute('viewBox'), p.path).toMatch(/^0 0 \d+ \d+$/);
      }
    }
    expect(charts).toBeGreaterThan(0);
  });

  test('the search index sees documents in full, other pages by a hidden summary, and not source, search or 404 pages', () => {
    for (const p of pages) {
      const main = p.root.querySelector('main');
      const bodies = p.root.querySelectorAll('[data-pagefind-body]');
      if (/^documents\/[a-z0-9-]+\/$/.test(p.path)) {
        expect(bodies, p.path).toEqual([main]);
        expect(main?.getAttribute('data-pagefind-filter'), p.path).toBe('kind:文件');
        for (const key of ['region', 'year:', 'type', 'topic']) expect(main?.querySelector(`[data-pagefind-filter^="${key}"]`), `${p.path} ${key}`).not.toBeNull();
      } else if (/^(documents\/[^/]+\/(?:source|figures)\/|search\/|404\.html)$/.test(p.path)) {
        expect(bodies, p.path).toHaveLength(0);
        expect(main?.hasAttribute('data-pagefind-filter'), p.path).toBe(false);
      } else {
        expect(bodies, p.path).toHaveLength(1);
        expect(bodies[0]?.hasAttribute('hidden'), p.path).toBe(true);
        expect(text(bodies[0]?.querySelector('[data-pagefind-meta="title"]')).length, p.path).toBeGreaterThan(0);
        expect(main?.getAttribute('data-pagefind-filter'), p.path).toMatch(/^kind:(?!文件)/);
      }
    }
  });

  test('has no link without text', () => {
    for (const p of pages) {
      for (const a of p.root.querySelectorAll('a[href]')) {
        expect(text(a) || a.getAttribute('aria-label'), `${p.path}: ${a.outerHTML}`).toBeTruthy();
      }
    }
  });
});

describe('page weight', () => {
  const cssOf = (html: string): number =>
    [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].reduce((n, m) => n + size(join(site.dir, (m[1] ?? '').slice(site.base.length))), 0);

  test.each(builtDocuments('dist').map((d) => [d.slug] as const))('document page %s: HTML + CSS under 50 KB', (slug) => {
    const page = site.page(`documents/${slug}/`);
    const html = Buffer.byteLength(page.html);
    const css = cssOf(page.html);
    // The document's own text (characters, paragraph anchors, figure marks and
    // term links) cannot be shortened. When it alone takes more than 30 KB
    // (one document, 25 KB of characters), the page is held to 50 KB as sent
    // compressed, and what the site adds around the text to 30 KB.
    const textSection = Buffer.byteLength(page.root.querySelector('.doc-text')?.outerHTML ?? '');
    if (textSection <= 30_000) {
      expect(html + css, `HTML ${html} + CSS ${css} bytes`).toBeLessThan(50_000);
    } else {
      expect(html - textSection + css, 'what the site adds to a long text').toBeLessThan(30_000);
      expect(gzipSync(readFileSync(page.file)).length + css, 'compressed').toBeLessThan(50_000);
    }
  });
});
