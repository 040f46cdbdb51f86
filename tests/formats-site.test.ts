/**
 * End to end: a sources folder with one file of each format (a text, a saved
 * portal page, a .docx, a .doc and a PDF, plus files that cannot be read and
 * a hostile page) is ingested and built into a site that publishes its
 * originals (SITE_PUBLISH_SOURCES=1).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingest } from '../src/lib/ingest/ingest.ts';
import { readFrontmatter } from '../src/lib/ingest/emit.ts';
import { writeCurationFile } from '../src/lib/curation/files.ts';
import { figureIds, identifiedFigures } from '../src/lib/curation/ids.ts';

const root = new URL('..', import.meta.url).pathname;
const fixtures = join(root, 'tests/fixtures/formats');
const work = mkdtempSync(join(tmpdir(), 'formats-site-'));
const sources = join(work, 'sources');
const out = join(work, 'documents');
const dist = join(work, 'dist');
const curation = join(work, 'curation');
let machineSlug = '';
let rejectedQuote = '';
let rejectedId = '';
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A saved page whose article holds markup and MDX as text, and whose scripts must never reach the site. */
const HOSTILE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title><script>window.pwned = 1</script></head><body>
<div class="nav"><a href="/">首页</a><a href="/a">政务公开</a></div>
<div id="zoom"><h1>某县卫生健康局关于加强乡村医生队伍建设的通知</h1>
<p>　　各乡镇卫生院：为进一步加强乡村医生队伍建设，现将有关事项通知如下。文中写有 &lt;script&gt;alert(1)&lt;/script&gt; 和 {process.exit(1)} 字样，均应原样显示。</p>
<p onclick="alert(2)">　　一、村卫生室覆盖率达到100%，乡村医生补助每人每年不低于8000元。<img src=x onerror="alert(3)"></p>
<p>某县卫生健康局</p><p>2024年3月5日</p></div></body></html>`;

let documents: Map<string, ReturnType<typeof readFrontmatter>>;
beforeAll(() => {
  mkdirSync(sources, { recursive: true });
  for (const f of ['yangzhong.pdf', 'qingyang.html', 'minhang.docx', 'shijiazhuang.doc', 'scanned.pdf', 'not-word.wps']) copyFileSync(join(fixtures, f), join(sources, f));
  copyFileSync(join(root, 'tests/corpus/docs/b-shaoxing-2017-summary.txt'), join(sources, 'shaoxing.txt'));
  writeFileSync(join(sources, 'hostile.htm'), HOSTILE);
  // A curator's overrides of the text file's document, and one figure rejected (content/curation/).
  const machine = ingest({ sources, out: join(work, 'machine') });
  const shaoxing = [...machine.files.values()].map(readFrontmatter).find((d) => d.source.file === 'shaoxing.txt');
  const first = shaoxing ? [...shaoxing.targets, ...shaoxing.figures][0] : undefined;
  if (!shaoxing || !first) throw new Error('shaoxing.txt gave no document with figures');
  mkdirSync(curation);
  writeCurationFile(join(curation, 'shaoxing.yaml'), {
    source: { sha256: shaoxing.source.sha256, index: shaoxing.source.index },
    document: {
      title: { value: '2016年绍兴市卫生计生工作总结（核对后标题）', curator: '王明', date: '2026-12-01' },
      region: { value: '柯桥区', curator: '王明', date: '2026-12-01', note: '测试用' },
      year: { value: 2017, curator: '王明', date: '2026-12-01', note: '成文日期2017年2月22日' },
    },
    figures: [{ decision: 'reject', id: (rejectedId = figureIds([...shaoxing.targets, ...shaoxing.figures])[0] as string), curator: '王明', date: '2026-12-01', note: '测试剔除' }],
  });
  machineSlug = [...machine.files.keys()].find((slug) => readFrontmatter(machine.files.get(slug) ?? '').source.sha256 === shaoxing.source.sha256 && readFrontmatter(machine.files.get(slug) ?? '').source.index === shaoxing.source.index) ?? '';
  rejectedQuote = first.quote;
  const { files } = ingest({ sources, out, curation });
  documents = new Map([...files].map(([slug, mdx]) => [slug, readFrontmatter(mdx)]));
  const run = spawnSync(process.execPath, ['scripts/build.ts', '--no-ingest'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DOCUMENTS_DIR: out, SITE_OUT_DIR: dist, SITE_BASE: '/', SITE_URL: '', SITE_CONTACT: '', SITE_PUBLISH_SOURCES: '1' },
  });
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
}, 300_000);

const slugOf = (file: string) => [...documents].find(([, d]) => d.source.file === file)?.[0] ?? `(no document from ${file})`;
const page = (file: string) => parse(readFileSync(join(dist, 'documents', slugOf(file), 'index.html'), 'utf8'));

describe('a curated document on the site', () => {
  test('keeps the machine’s page address, and shows the curated title, region and year, each saying what the machine read', () => {
    expect(documents.get(machineSlug)?.title).toBe('2016年绍兴市卫生计生工作总结（核对后标题）');
    const doc = parse(readFileSync(join(dist, 'documents', machineSlug, 'index.html'), 'utf8'));
    expect(doc.querySelector('h1')?.textContent).toBe('2016年绍兴市卫生计生工作总结（核对后标题）');
    const meta = doc.querySelector('.doc-meta')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(meta).toMatch(/柯桥区（浙江省 绍兴市 柯桥区，市辖区）（人工修正，王明，2026-12-01；机器读作“[^”]+”；测试用）/);
    expect(meta).toMatch(/2017年（人工修正，王明，2026-12-01；机器读作“[^”]+”；成文日期2017年2月22日）/);
    expect(meta).toContain('标题人工修正，王明，2026-12-01；机器读作“');
  });

  test('lists the rejected figure apart, and no longer among its figures', () => {
    const doc = parse(readFileSync(join(dist, 'documents', machineSlug, 'index.html'), 'utf8'));
    const rejected = doc.querySelectorAll('.doc-figures details').find((d) => d.querySelector('summary')?.textContent === '人工剔除1项（程序误读）');
    expect(rejected?.textContent).toContain('测试剔除');
    const region = parse(readFileSync(join(dist, 'regions', 'keqiaoqu', 'index.html'), 'utf8'));
    expect(region.querySelector('h1')?.textContent).toContain('柯桥区');
    const curated = documents.get(machineSlug);
    expect(curated?.curation?.rejected).toEqual([expect.objectContaining({ quote: rejectedQuote, note: '测试剔除' })]);
    // The rejected id stays the rejected figure's: no other figure of the document takes it.
    expect(curated?.curation?.rejected[0]?.id).toBe(rejectedId);
    expect(curated && identifiedFigures(curated).map((x) => x.id)).not.toContain(rejectedId);
  });
});

describe('a site built from every format', () => {
  test('each readable file is a document with its page; the unreadable ones are not', () => {
    expect([...documents.values()].map((d) => d.source.format).sort()).toEqual(['doc', 'docx', 'html', 'html', 'pdf', 'text']);
    for (const file of ['yangzhong.pdf', 'qingyang.html', 'minhang.docx', 'shijiazhuang.doc', 'shaoxing.txt', 'hostile.htm']) {
      expect(existsSync(join(dist, 'documents', slugOf(file), 'index.html')), file).toBe(true);
    }
    const report = JSON.parse(readFileSync(join(out, 'ingest-report.json'), 'utf8')) as { sources: Array<{ source: string; status: string }> };
    expect(report.sources.filter((s) => s.status === 'rejected').map((s) => s.source).sort()).toEqual(['not-word.wps', 'scanned.pdf']);
  });

  test("a PDF document's citations name the page of the original", () => {
    const doc = page('yangzhong.pdf');
    const cited = doc.querySelectorAll('a.citation, .doc-figures a[href^="#p-"]').map((a) => a.text);
    expect(cited.length).toBeGreaterThan(0);
    for (const text of cited) expect(text).toMatch(/^第\d+段（原件第\d+(?:–\d+)?页）$/);
    const pages = JSON.parse(doc.querySelector('article.document')?.getAttribute('data-pages') ?? '{}') as Record<string, string>;
    expect(pages['p-1']).toBe('1');
  });

  test('the provenance panel names the format and offers the original, byte for byte', () => {
    const formats = [['yangzhong.pdf', 'PDF文件'], ['minhang.docx', 'Word文档（.docx）'], ['shijiazhuang.doc', 'Word 97–2003文档（.doc）'], ['qingyang.html', '保存的网页，编码utf-8']] as const;
    for (const [file, format] of formats) {
      const panel = page(file).querySelector('section.provenance');
      expect(panel?.text, file).toContain(format);
      const link = panel?.querySelectorAll('a').find((a) => a.text === '下载原件');
      expect(link?.getAttribute('download'), file).toBe(file);
      const published = readFileSync(join(dist, (link?.getAttribute('href') ?? '').replace(/^\//, '')));
      expect(published.equals(readFileSync(join(sources, file))), file).toBe(true);
    }
  });

  test('a saved page is published as text (.html.txt), so its markup never runs on the site', () => {
    const link = page('hostile.htm').querySelectorAll('section.provenance a').find((a) => a.text === '下载原件');
    expect(link?.getAttribute('href')).toMatch(/^\/sources\/[0-9a-f]{16}\.html\.txt$/);
  });

  test("a hostile page's text is shown as text, and none of its scripts or handlers reach the site", () => {
    const html = readFileSync(join(dist, 'documents', slugOf('hostile.htm'), 'index.html'), 'utf8');
    const text = parse(html).querySelector('.doc-text')?.text ?? '';
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('{process.exit(1)}');
    expect(html).not.toMatch(/window\.pwned|onerror=|onclick=|alert\(2\)|alert\(3\)/);
    expect(text).not.toMatch(/首页|政务公开/);
  });

  test("the source view shows the lines the reader made, where each PDF page begins, and those it left out struck through", () => {
    const list = page('yangzhong.pdf').querySelector('section.provenance .source-lines');
    // The running header of pages 2 and 3 stands inside the document's lines.
    expect(list?.querySelectorAll('s').map((s) => s.text)).toEqual(['扬中市人民政府办公室文件', '扬中市人民政府办公室文件']);
    expect(list?.querySelectorAll('small').map((s) => s.text)).toEqual(expect.arrayContaining(['〔原件第2页〕', '〔原件第3页〕']));
  });

  test('a build not told to publish originals offers none', () => {
    // The main build of the tests (global setup) leaves SITE_PUBLISH_SOURCES unset.
    expect(existsSync(join(root, 'dist', 'sources'))).toBe(false);
    expect(readFileSync(join(root, 'dist', 'documents', 'xixian-2011-summary', 'index.html'), 'utf8')).not.toContain('下载原件');
  });
});
