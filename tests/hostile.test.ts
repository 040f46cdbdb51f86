/**
 * Hostile and broken input (tests/fixtures/hostile/, see its README): ingest
 * the seeds together with every fixture and the entries generated here (a
 * 20 MB file, hidden files, a folder, a symbolic link, a title thousands of
 * lines long), check the report entry of each and that every line is
 * accounted for, then build the site from the result and check that hostile
 * text renders as literal text and that nothing in it became markup.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cleaningNoteText } from '../src/lib/evidence.ts';
import { readFrontmatter } from '../src/lib/ingest/emit.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'node-html-parser';
import { ingest, type IngestResult, type ReportSource } from '../src/lib/ingest/ingest.ts';
import { decode, splitLines } from '../src/lib/source/decode.ts';
import { MAX_TITLE_CHARS } from '../src/lib/ingest/display.ts';
import { paragraphTexts } from '../src/lib/mdx/text.ts';
import { dangerousMarkup, foreignMarkup } from './site/allow-list.ts';
import { unaccountedLines } from './helpers.ts';

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
const slugOf = (name: string): string => entry(name).documents[0]?.slug ?? '';

afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  mkdirSync(sources, { recursive: true });
  for (const dir of [join(root, 'content/sources'), fixtures]) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt'))) copyFileSync(join(dir, name), join(sources, name));
  }
  // 20 MB of real text: a seed repeated.
  const seed = readFileSync(join(root, 'content/sources/004_25ce2148ba82f1c2.txt'), 'utf8');
  writeFileSync(join(sources, 'huge.txt'), seed.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(seed))));
  // Entries of the sources folder that are not files to read.
  writeFileSync(join(sources, '.hidden.txt'), seed);
  mkdirSync(join(sources, 'sub-folder'));
  writeFileSync(join(sources, 'sub-folder', 'inside.txt'), seed);
  symlinkSync(join(sources, '004_25ce2148ba82f1c2.txt'), join(sources, 'link.txt'));
  // Three thousand title-like lines in a row (two alternating, so none repeats the one before)
  // become one title: far too long to show.
  const titleLines = Array.from({ length: 3000 }, (_, i) => (i % 2 ? '保德县卫生工作总结' : '保德县医改工作总结'));
  writeFileSync(join(sources, 'long-title.txt'), `${titleLines.join('\n')}\n\n今年以来，保德县新农合参合率达到96.5%。各乡镇卫生院全部实行基本药物零差率销售。\n`);
  result = ingest({ sources, out });
}, 120_000);

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
    ['bom-utf8-gbk.txt', 'gb18030', '汾阳市', { kind: 'bomMismatch', declared: 'utf-8-bom', actual: 'gb18030' }, /字节顺序标记为utf-8-bom，实际编码为gb18030/],
    ['bom-utf16-utf8.txt', 'utf-8', '孝义市', { kind: 'bomMismatch', declared: 'utf-16le', actual: 'utf-8' }, /实际编码为utf-8/],
    ['nul-deep.txt', 'utf-8', '方山县', { kind: 'controlCharacters', count: 1 }, /删除1个控制字符/],
    ['invalid-utf8-middle.txt', 'utf-8', undefined, { kind: 'invalidBytes', encoding: 'utf-8' }, /无法按utf-8解码/],
  ])('%s is read as %s with a warning that says why', (name, encoding, region, warning, words) => {
    const e = entry(name);
    expect(e.status).toBe('ok');
    expect(e.encoding).toBe(encoding);
    expect(e.warnings).toContainEqual(expect.objectContaining(warning));
    expect(e.warnings?.map(cleaningNoteText).join('\n')).toMatch(words);
    if (region) expect(e.documents[0]?.region).toBe(region);
  });

  test.each([
    ['empty.txt', /empty/],
    ['binary.txt', /PNG image, not a document/],
    ['huge.txt', /too large: 20\.\d MiB/],
  ])('%s is rejected with a reason', (name, reason) => {
    expect(entry(name)).toMatchObject({ status: 'rejected', documents: [] });
    expect(entry(name).reason).toMatch(reason);
  });

  test.each([
    ['.hidden.txt', /hidden/],
    ['sub-folder', /folder/],
    ['link.txt', /symbolic link/],
  ])('%s is not read, and the report says so', (name, reason) => {
    expect(entry(name)).toMatchObject({ status: 'skipped', documents: [] });
    expect(entry(name).reason).toMatch(reason);
    expect(result.report.summary.skipped).toBe(3);
  });

  test.each([['yaml-title-number.txt', '0b101']])('%s keeps its title %s as text (frontmatter strings are quoted)', (name, title) => {
    const e = entry(name);
    expect(e.status).toBe('ok');
    expect(e.documents[0]?.title).toBe(title);
    expect(readFileSync(join(out, `${slugOf(name)}.mdx`), 'utf8')).toContain(`title: "${title}"`);
  });

  test('yaml-title-date.txt: a date alone above the text is the page date, kept as the string 2021-01-01 (frontmatter strings are quoted)', () => {
    expect(entry('yaml-title-date.txt').status).toBe('ok');
    const mdx = readFileSync(join(out, `${slugOf('yaml-title-date.txt')}.mdx`), 'utf8');
    expect(mdx).toContain('published: "2021-01-01"');
    expect(readFrontmatter(mdx).published).toBe('2021-01-01');
  });

  test('a 500-digit number is no figure and fails nothing', () => {
    const e = entry('huge-number.txt');
    expect(e.status).toBe('ok');
    expect(e.documents[0]?.targets.every((t) => Number.isFinite(t.value) && t.value < 1e15)).toBe(true);
  });

  test('lines built to make the old boilerplate rules backtrack are ingested (regex-safety.test.ts proves every rule linear)', () => {
    expect(entry('backtracking-lines.txt')).toMatchObject({ status: 'ok', documents: [{ region: '交口县' }] });
  });

  test('a title too long to show is shortened for display and kept whole as the first paragraph', () => {
    const e = entry('long-title.txt');
    const title = e.documents[0]?.title ?? '';
    expect([...title].length).toBe(MAX_TITLE_CHARS);
    expect(title.endsWith('…')).toBe(true);
    // Read from the whole title: it ends 工作总结.
    expect(e.documents[0]).toMatchObject({ region: '保德县', docType: '工作总结' });
    const mdx = readFileSync(join(out, `${slugOf('long-title.txt')}.mdx`), 'utf8');
    expect(paragraphTexts(mdx).get('p-1')).toBe('保德县医改工作总结保德县卫生工作总结'.repeat(1500));
  });

  test('the same document under two names is ingested once and reported as a duplicate, with its lines', () => {
    const [a, b] = [entry('duplicate-a.txt'), entry('duplicate-b copy.txt')];
    expect(a.documents).toHaveLength(1);
    expect(b.documents).toHaveLength(0);
    expect(b.duplicates).toEqual([{ title: a.documents[0]?.title, duplicateOf: 'duplicate-a.txt #1', lines: [1, expect.any(Number)] }]);
  });

  test('every non-blank line of every file that was read is in a document, a duplicate, a quarantined document or dropped with a reason', () => {
    for (const e of result.report.sources.filter((s) => s.status !== 'skipped' && s.encoding)) {
      const lines = splitLines(decode(readFileSync(join(sources, e.source))).text);
      expect(unaccountedLines(e, result.files, lines), e.source).toEqual([]);
    }
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

  const page = (name: string) => parse(readFileSync(join(dist, 'documents', slugOf(name), 'index.html'), 'utf8'));

  test('hostile text renders as literal text, and nothing in it runs', () => {
    const html = readFileSync(join(dist, 'documents', slugOf('hostile-mdx.txt'), 'index.html'), 'utf8');
    // The document's text itself, character for character (no smart quotes or dashes either).
    const text = parse(html).querySelector('.doc-text')?.text ?? '';
    for (const literal of ['{process.exit(1)}', '{globalThis.x = 1}', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', "import fs from 'node:fs'", 'export const a = 1', '标题: 这是冒号 # 不是注释', '# 这也不是标题', '---', '<!--', 'console.log(`反引号`)']) {
      expect(text, literal).toContain(literal);
    }
    expect(html).not.toMatch(/<script>alert/);
  });

  test('markup after a web address stays text: no tag, link, strikethrough or search attribute from the source', () => {
    const doc = page('markup-after-url.txt');
    const text = doc.querySelector('.doc-text');
    expect(text).not.toBeNull();
    const literal = text?.text ?? '';
    for (const s of [
      'http://example.gov.cn/\\<meta http-equiv="refresh" content="0;url=http://evil.example/">',
      '<img src=x onerror=alert(1)>',
      '<svg onload=alert(1)>',
      '<iframe src="http://evil.example/"></iframe>',
      '<base href="http://evil.example/">',
      '<script src="http://evil.example/x.js"></script>',
      '[点我](javascript:alert(1))',
      'data-pagefind-filter="region:北京市"',
      '网址 www.example.com 和 https://example.org/path?a=1&b=2',
      '~~删除线~~保留波浪号，*星号*和_下划线_和`反引号`照原样。',
      '全文见http://example.gov.cn/<附件1>。',
      '&lt;已转义&gt; &#60;数字引用&#62; \\<反斜杠',
    ]) {
      expect(literal, s).toContain(s);
    }
    expect(foreignMarkup(text as NonNullable<typeof text>)).toEqual([]);
    // The page is still filed under its own region only.
    expect(doc.querySelectorAll('[data-pagefind-filter^="region"]').map((e) => e.text.trim())).toEqual(['岢岚县']);
  });

  test('no document page carries markup from its source: its text holds only our elements and attributes', () => {
    for (const slug of readdirSync(join(dist, 'documents'))) {
      const file = join(dist, 'documents', slug, 'index.html');
      if (!existsSync(file)) continue;
      const text = parse(readFileSync(file, 'utf8')).querySelector('.doc-text');
      if (text) expect(foreignMarkup(text), slug).toEqual([]);
    }
  });

  test('no page anywhere has a refresh, a base, a frame, an object, a foreign script, a handler or a link off the site', () => {
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));
    const pages = walk(dist);
    expect(pages.length).toBeGreaterThan(50);
    for (const file of pages) expect(dangerousMarkup(parse(readFileSync(file, 'utf8'))), file).toEqual([]);
  });

  test('targets.csv runs no formula: a quote opening with = or @ is written as text', () => {
    const csv = readFileSync(join(dist, 'data/targets.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(`);
    const fields = csv.split(/\r\n/).flatMap((row) => row.split(','));
    expect(fields.filter((f) => /^"?[=+@]/.test(f))).toEqual([]);
  });

  test('every other document still builds', () => {
    const pages = readdirSync(join(dist, 'documents'), { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(pages.length).toBe(result.report.summary.documents);
    expect(existsSync(join(dist, 'documents/xixian-2011-summary/index.html'))).toBe(true);
  });
});
