/**
 * Hostile and broken input (tests/fixtures/hostile/, see its README): ingest
 * the seeds together with every fixture and a generated 20 MB file, check the
 * report entry of each, then build the site from the result and check that
 * hostile text renders as literal text and nothing in it ran.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'node-html-parser';
import { ingest, type IngestResult, type ReportSource } from '../src/lib/ingest/ingest.ts';

const root = join(import.meta.dirname, '..');
const fixtures = join(import.meta.dirname, 'fixtures/hostile');
const work = mkdtempSync(join(tmpdir(), 'atlas-hostile-'));
const sources = join(work, 'sources');
const out = join(work, 'documents');
const dist = join(work, 'dist');
let result: IngestResult;
const entry = (name: string): ReportSource => {
  const found = result.report.sources.find((s) => s.source === name);
  if (!found) throw new Error(`no report entry for ${name}`);
  return found;
};

afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  mkdirSync(sources, { recursive: true });
  for (const dir of [join(root, 'content/sources'), fixtures]) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt'))) copyFileSync(join(dir, name), join(sources, name));
  }
  // 20 MB of real text: a seed repeated.
  const seed = readFileSync(join(root, 'content/sources/004_25ce2148ba82f1c2.txt'), 'utf8');
  writeFileSync(join(sources, 'huge.txt'), seed.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(seed))));
  result = ingest({ sources, out });
});

describe('ingesting hostile and broken input', () => {
  test.each([
    ['gbk.txt', 'gb18030', '灵石县'],
    ['gb18030.txt', 'gb18030', '介休市'],
    ['utf16le-bom.txt', 'utf-16le', '平遥县'],
    ['utf16be-bom.txt', 'utf-16be', '祁县'],
    ['utf8-bom.txt', 'utf-8-bom', '太谷县'],
    ['crlf.txt', 'utf-8', '寿阳县'],
    ['cr.txt', 'utf-8', '昔阳县'],
    ['名字 有空格 和中文.txt', 'utf-8', '左权县'],
  ])('%s is decoded (%s) and ingested like the rest', (name, encoding, region) => {
    const e = entry(name);
    expect(e.status).toBe('ok');
    expect(e.encoding).toBe(encoding);
    expect(e.documents).toHaveLength(1);
    expect(e.documents[0]).toMatchObject({ region, year: 2012, docType: '工作总结' });
    expect(e.documents[0]?.targets.map((t) => t.value)).toContain(96.5);
  });

  test.each([
    ['empty.txt', /empty/],
    ['binary.txt', /binary/],
    ['huge.txt', /too large: 20\.\d MiB/],
  ])('%s is rejected with a reason', (name, reason) => {
    expect(entry(name)).toMatchObject({ status: 'rejected', documents: [] });
    expect(entry(name).reason).toMatch(reason);
  });

  test('a file with corrupt bytes in the middle is ingested with a warning', () => {
    const e = entry('invalid-utf8-middle.txt');
    expect(e.status).toBe('ok');
    expect(e.warnings?.join()).toMatch(/invalid UTF-8/);
  });

  test('the same document under two names is ingested once and reported as a duplicate', () => {
    const [a, b] = [entry('duplicate-a.txt'), entry('duplicate-b copy.txt')];
    expect(a.documents).toHaveLength(1);
    expect(b.documents).toHaveLength(0);
    expect(b.duplicates).toEqual([{ title: a.documents[0]?.title, duplicateOf: 'duplicate-a.txt #1' }]);
  });

  test('the seed documents are all still there', () => {
    expect(result.report.sources.filter((s) => /^00\d_/.test(s.source)).flatMap((s) => s.documents)).toHaveLength(10);
  });
});

describe('building the site from hostile input', () => {
  beforeAll(() => {
    const run = spawnSync(process.execPath, ['scripts/build.ts', '--no-ingest'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DOCUMENTS_DIR: out, SITE_OUT_DIR: dist, SITE_BASE: '/' },
    });
    if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  }, 300_000);

  test('hostile text renders as literal text, and nothing in it runs', () => {
    const slug = entry('hostile-mdx.txt').documents[0]?.slug;
    const html = readFileSync(join(dist, 'documents', slug ?? '', 'index.html'), 'utf8');
    // The document's text itself, character for character (no smart quotes or dashes either).
    const text = parse(html).querySelector('.doc-text')?.text ?? '';
    for (const literal of ['{process.exit(1)}', '{globalThis.x = 1}', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', "import fs from 'node:fs'", 'export const a = 1', '标题: 这是冒号 # 不是注释', '# 这也不是标题', '---', '<!--', 'console.log(`反引号`)']) {
      expect(text, literal).toContain(literal);
    }
    const document = parse(html);
    expect(document.querySelectorAll('main script')).toHaveLength(0);
    expect(document.querySelectorAll('[onerror]')).toHaveLength(0);
    expect(document.querySelectorAll('main img')).toHaveLength(0);
    expect(html).not.toMatch(/<script>alert/);
  });

  test('every other document still builds', () => {
    const pages = readdirSync(join(dist, 'documents'), { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(pages.length).toBe(result.report.summary.documents);
    expect(existsSync(join(dist, 'documents/xixian-2011-summary/index.html'))).toBe(true);
  });
});
