/**
 * One document, six formats: the 扬中 plan and its transmittal notice as
 * .txt, a saved GBK portal page (.html, and .mht as browsers save one file), .docx, .doc and a three-page PDF
 * (tests/fixtures/formats, made by its make.sh) read into the same document;
 * what cannot be read is rejected with its reason while the rest goes on; the
 * readers' lines are kept beside the documents for the site.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readFrontmatter } from '../src/lib/ingest/emit.ts';
import { ingest, ingestInMemory } from '../src/lib/ingest/ingest.ts';
import { readingText } from '../src/lib/mdx/text.ts';
import { parseExtracted } from '../src/lib/source/extracted.ts';

const fixtures = new URL('./fixtures/formats/', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'formats-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A sources folder holding these fixtures. */
function sources(name: string, files: string[]): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const f of files) copyFileSync(join(fixtures, f), join(dir, f));
  return dir;
}
const bodyOf = (mdx: string) => readingText(mdx.slice(mdx.indexOf('\n---', 4) + 4));

const FORMATS = ['txt', 'html', 'mht', 'docx', 'doc', 'pdf'] as const;
const read = Object.fromEntries(
  FORMATS.map((ext) => {
    const { files, report } = ingestInMemory({ sources: sources(ext, [`yangzhong.${ext}`]) });
    return [ext, { documents: [...files.values()], report }];
  }),
) as Record<(typeof FORMATS)[number], { documents: string[]; report: ReturnType<typeof ingestInMemory>['report'] }>;

/** What a reader of the site sees of a document, the frame's 文号 aside (only the portal page has one). */
const reading = (mdx: string) => {
  const d = readFrontmatter(mdx);
  return {
    title: d.title,
    region: d.region?.name,
    year: d.year,
    docType: d.docType,
    issuer: d.issuer,
    issued: d.issued,
    period: d.period,
    topics: d.topics,
    targets: d.targets.map((t) => [t.indicator, t.kind, t.value, t.unit, t.paragraph]),
    practices: d.practices.map((p) => [p.id, p.paragraph]),
    body: bodyOf(mdx),
  };
};

describe('the same document as .txt, .html, .mht, .docx, .doc and .pdf', () => {
  const expected = reading(read.txt.documents[0] ?? '');

  test('the text file reads as the annotated document', () => {
    expect(read.txt.documents).toHaveLength(1);
    expect(expected).toMatchObject({ title: '扬中市“十四五”卫生健康发展规划', region: '扬中市', year: 2023, docType: '规划', issuer: '扬中市人民政府办公室', period: { from: 2021, to: 2025 } });
    expect(expected.targets.length).toBeGreaterThan(0);
  });

  test.each(FORMATS.filter((f) => f !== 'txt'))('.%s gives the same title, region, year, type, issuer, figures and text', (ext) => {
    const { documents, report } = read[ext];
    expect(report.sources.map((s) => s.status)).toEqual(['ok']);
    expect(documents).toHaveLength(1);
    expect(reading(documents[0] ?? '')).toEqual(expected);
    // A page saved as one file (.mht) is a web page too.
    expect(readFrontmatter(documents[0] ?? '').source.format).toBe(ext === 'mht' ? 'html' : ext);
  });

  test("the portal page's catalogue gives the 文号 as well, saved as .html or as .mht", () => {
    expect(readFrontmatter(read.html.documents[0] ?? '').docNumber).toBe('扬政办发〔2023〕21号');
    expect(readFrontmatter(read.mht.documents[0] ?? '').docNumber).toBe('扬政办发〔2023〕21号');
    expect(readFrontmatter(read.mht.documents[0] ?? '').source.encoding).toBe('gb18030 (gbk), mhtml');
  });

  test("the page's menus, breadcrumb, share row and footer are left out and reported", () => {
    const dropped = read.html.report.sources[0]?.dropped ?? [];
    const chrome = dropped.filter((d) => d.stage === 'decode').map((d) => d.text);
    for (const line of ['首页', '政务公开']) expect(chrome).toContain(line);
    expect(chrome.some((t) => t.includes('ICP备'))).toBe(true);
    expect(bodyOf(read.html.documents[0] ?? '')).not.toMatch(/ICP备|公网安备|分享到|打印本页/);
  });

  test("the PDF's running header and page numbers are out of the text, and each paragraph knows its page", () => {
    const mdx = read.pdf.documents[0] ?? '';
    const d = readFrontmatter(mdx);
    expect(bodyOf(mdx)).not.toMatch(/扬中市人民政府办公室文件|— \d —/);
    const pages = Object.values(d.source.pages ?? {});
    expect(pages[0]).toBe('1');
    expect(pages).toContain('3');
    // Page numbers went by the boilerplate stage; the header by the reader, each counted.
    const dropped = read.pdf.report.sources[0]?.dropped ?? [];
    expect(dropped.filter((l) => l.reason === 'running-header')).toHaveLength(3);
    expect(dropped.filter((l) => l.reason === 'page-counter')).toHaveLength(3);
    expect(d.cleaning.notes).toContainEqual({ kind: 'extractedFrom', format: 'pdf', pages: 3, omitted: 3 });
  });
});

describe('Word files: footnotes and the other fixtures', () => {
  test("a .docx footnote is read as a note of the document, after its text", () => {
    const { files, extracted } = ingestInMemory({ sources: sources('minhang', ['minhang.docx']) });
    const lines = parseExtracted(extracted.get('minhang.docx') ?? '')?.lines ?? [];
    // The note carries its number, as its mark in the text does ([1]).
    expect(lines.find((l) => l.text === '[1] 本文件公开发布。')?.origin).toEqual({ kind: 'word', paragraph: 1, note: true });
    expect(readFrontmatter([...files.values()][0] ?? '')).toMatchObject({ region: { name: '闵行区' }, year: 2020, docNumber: '闵府发〔2020〕15号' });
  });

  test('a .doc is read with its curly quotes and dashes kept', () => {
    const { files } = ingestInMemory({ sources: sources('shijiazhuang', ['shijiazhuang.doc']) });
    const d = readFrontmatter([...files.values()][0] ?? '');
    expect(d).toMatchObject({ region: { name: '石家庄市' }, year: 2018, issued: '2018-04-28' });
    expect(bodyOf([...files.values()][0] ?? '')).toContain('“健康石家庄”');
  });
});

describe('what cannot be read', () => {
  const { report, files } = ingestInMemory({ sources: sources('rejects', ['scanned.pdf', 'encrypted.pdf', 'corrupt.docx', 'not-word.wps', 'page.png', 'yangzhong.pdf']) });
  const reason = (file: string) => report.sources.find((s) => s.source === file);

  test.each([
    ['scanned.pdf', /scanned PDF.*扫描件，无文字层，需先 OCR/],
    ['encrypted.pdf', /encrypted PDF.*加密/],
    ['corrupt.docx', /corrupt or unreadable \.docx/],
    ['not-word.wps', /not a Word document.*\.wps.*另存为 \.docx/],
    ['page.png', /PNG image.*OCR/],
  ])('%s is rejected with what to do', (file, expected) => {
    expect(reason(file)?.status).toBe('rejected');
    expect(reason(file)?.reason).toMatch(expected);
  });

  test('and the rest of the run goes on', () => {
    expect(reason('yangzhong.pdf')?.status).toBe('ok');
    expect(files.size).toBe(1);
  });
});

describe('the extracted lines beside the documents', () => {
  test('are written for a web page, Word file or PDF, not for text, and removed when the source goes', () => {
    const src = sources('kept', ['yangzhong.pdf', 'qingyang.html', 'yangzhong.txt']);
    const out = join(work, 'kept-out');
    ingest({ sources: src, out });
    const pdf = parseExtracted(readFileSync(join(out, 'extracted', 'yangzhong.pdf.json'), 'utf8'));
    expect(pdf?.format).toBe('pdf');
    expect(pdf?.lines[0]).toEqual({ text: '扬中市人民政府办公室文件', origin: { kind: 'pdf', page: 1, line: 1 }, omitted: 'running-header' });
    expect(existsSync(join(out, 'extracted', 'qingyang.html.json'))).toBe(true);
    expect(existsSync(join(out, 'extracted', 'yangzhong.txt.json'))).toBe(false);
    rmSync(join(src, 'qingyang.html'));
    ingest({ sources: src, out });
    expect(existsSync(join(out, 'extracted', 'qingyang.html.json'))).toBe(false);
    expect(existsSync(join(out, 'extracted', 'yangzhong.pdf.json'))).toBe(true);
  });
});

describe('a PDF whose Chinese font is not embedded', () => {
  test("is read with pdf.js's character maps, not taken for a scan", () => {
    const { files, report } = ingestInMemory({ sources: sources('cid', ['cid-font.pdf']) });
    expect(report.sources[0]?.status).toBe('ok');
    const d = readFrontmatter([...files.values()][0] ?? '');
    expect(d).toMatchObject({ title: '石家庄市人民政府关于2017年度深化医药卫生体制改革考核结果的通报', region: { name: '石家庄市' }, year: 2018 });
  });
});

describe("headings the original marks", () => {
  test('a web page\'s <h2>/<h3> without a numbering word is a heading; with one (一、) structure.yaml decides, as in text', () => {
    const dir = join(work, 'headings');
    mkdirSync(dir, { recursive: true });
    const p = (text: string) => `<p>${text}</p>`;
    const sentence = '全县深入推进紧密型县域医共体建设，家庭医生签约服务覆盖率达到45%，群众就医获得感持续增强。';
    writeFileSync(join(dir, 'page.html'), `<html><head><meta charset="utf-8"></head><body><div id="zoom"><h1>某县2023年卫生健康工作总结</h1>${p(sentence)}<h2>工作成效</h2><h3>医疗服务</h3>${p(sentence)}<h3>一、存在问题</h3>${p(sentence)}<h2>下一步工作打算</h2>${p(sentence)}</div></body></html>`);
    const [mdx = ''] = ingestInMemory({ sources: dir }).files.values();
    expect(mdx).toMatch(/^## 工作成效$/m);
    expect(mdx).toMatch(/^### 医疗服务$/m);
    expect(mdx).toMatch(/^## 一、存在问题$/m);
    expect(mdx).toMatch(/^## 下一步工作打算$/m);
  });
});
