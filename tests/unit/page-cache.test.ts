import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { clearPlans, indexedKeys, pageKey, planPages, settlePageCache, type PageCacheConfig } from '../../src/lib/site/page-cache.ts';

const work = mkdtempSync(join(tmpdir(), 'atlas-page-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let builds = 0;

/**
 * One build of a route with pages `inputs` (path → inputs): which pages the route renders,
 * the output folder after the cache settled (rendered pages hold their inputs), and the counts.
 */
function build(config: PageCacheConfig, inputs: Record<string, string>) {
  const out = join(work, `out-${builds++}`);
  const plan = planPages(config, 'documents/[slug]');
  const rendered = Object.keys(inputs).filter((path) => plan.keep(path, () => inputs[path], () => `indexed ${inputs[path]}`));
  plan.done();
  for (const path of rendered) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), `page of ${inputs[path]}`);
  }
  const counts = settlePageCache(config, out);
  const page = (path: string) => readFileSync(join(out, path), 'utf8');
  return { rendered, counts, page };
}

describe('the page cache', () => {
  const config: PageCacheConfig = { dir: join(work, 'cache'), fingerprint: 'code-1' };
  const a = 'documents/a/index.html';
  const b = 'documents/b/index.html';

  test('without a cache every page is rendered', () => {
    const plan = planPages(null, 'documents/[slug]');
    expect(plan.keep(a, () => 'x')).toBe(true);
    expect(plan.keep(a, () => 'x')).toBe(true);
  });

  test('renders every page on a cold build, then only those whose inputs changed; the others are copied in', () => {
    const cold = build(config, { [a]: 'a1', [b]: 'b1' });
    expect(cold.rendered).toEqual([a, b]);
    expect(cold.counts).toEqual({ reused: 0, stored: 2, dropped: 0 });

    const next = build(config, { [a]: 'a1', [b]: 'b2' });
    expect(next.rendered).toEqual([b]);
    expect(next.counts).toEqual({ reused: 1, stored: 1, dropped: 0 });
    expect(next.page(a)).toBe('page of a1');
    expect(next.page(b)).toBe('page of b2');
  });

  test('drops the page of a document that is gone, and records what the search index takes of each page', () => {
    const after = build(config, { [b]: 'b2' });
    expect(after.rendered).toEqual([]);
    expect(after.counts).toEqual({ reused: 1, stored: 0, dropped: 1 });
    expect(existsSync(join(config.dir, 'files', a))).toBe(false);
    expect(indexedKeys(config.dir)).toEqual({ [b]: pageKey('code-1', 'documents/[slug]#index', 'indexed b2') });
  });

  test('renders everything again when the code (the fingerprint) changed', () => {
    const changed = build({ ...config, fingerprint: 'code-2' }, { [b]: 'b2' });
    expect(changed.rendered).toEqual([b]);
  });

  test('a page missing from the cache folder is rendered again, and a failed build’s plans are cleared', () => {
    rmSync(join(config.dir, 'files', b));
    const plan = planPages({ ...config, fingerprint: 'code-2' }, 'documents/[slug]');
    expect(plan.keep(b, () => 'b2')).toBe(true);
    plan.done();
    clearPlans(config);
    expect(settlePageCache({ ...config, fingerprint: 'code-2' }, join(work, 'empty'))).toEqual({ reused: 0, stored: 0, dropped: 0 });
  });

  test('a page the route meant to render but did not is an error naming it', () => {
    const plan = planPages(config, 'documents/[slug]');
    plan.keep('documents/c/index.html', () => 'c1');
    plan.done();
    expect(() => settlePageCache(config, join(work, 'nothing'))).toThrow('documents/c/index.html');
    clearPlans(config);
  });
});
