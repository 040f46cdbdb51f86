/**
 * The open data files: documents, targets and practices as JSON (keys and
 * codes) and CSV (UTF-8 with BOM, RFC 4180, Chinese headers and values),
 * consistent with each other, pointing at existing paragraphs, absolute
 * when SITE_URL is set (the sub-path build), and one ZIP holding them all.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { ROOT, builtDocuments, loadSite } from './dist.ts';
import { CONFIGURED, SUBPATH } from '../global-setup.ts';
import { DOCUMENT_COLUMNS, PRACTICE_COLUMNS, TARGET_COLUMNS } from '../../src/lib/site/opendata.ts';
import { readCollection, writeOpenData } from '../../src/lib/site/opendata-worker.ts';

const site = loadSite('dist');
const read = (name: string, dir = site.dir): string => readFileSync(join(dir, 'data', name), 'utf8');
const docs = builtDocuments('dist');

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF. */
function parseCsv(input: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && input[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

interface TargetRow {
  slug: string;
  indicator: string;
  kind: string;
  comparator: string;
  value: number;
  unit: string;
  quote: string;
  paragraph: string;
  url: string;
  [key: string]: unknown;
}

/** A CSV file as objects keyed by its (Chinese) header. */
function csvObjects(csv: string): Array<Record<string, string>> {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const [header, ...body] = parseCsv(csv.slice(1));
  return body.map((row) => {
    expect(row).toHaveLength(header?.length ?? 0);
    return Object.fromEntries((header ?? []).map((h, i) => [h, row[i] ?? '']));
  });
}

describe('open data', () => {
  const targets = JSON.parse(read('targets.json')) as TargetRow[];

  test('documents.json has every document with its frontmatter and URL', () => {
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) {
      expect(d.url).toBe(`${site.base}documents/${d.slug}/`);
      expect(site.pages.has(`documents/${d.slug}/`)).toBe(true);
      expect(d.source.file).toBeTruthy();
    }
  });

  test('targets.json has one row per target and per other figure, keyed as documented, each URL a paragraph that exists', () => {
    expect(targets).toHaveLength(docs.reduce((n, d) => n + d.targets.length + d.figures.length, 0));
    // The other figures (open extraction) have no indicator; their label is the text's phrase.
    expect(targets.filter((t) => t.indicator === '')).toHaveLength(docs.reduce((n, d) => n + d.figures.length, 0));
    for (const t of targets) {
      expect(Object.keys(t)).toEqual(TARGET_COLUMNS.map((c) => c.key));
      expect(t.url).toMatch(new RegExp(`^${site.base}documents/${t.slug}/#p-\\d+$`));
      const id = t.url.split('#')[1] ?? '';
      expect(site.page(`documents/${t.slug}/`).root.querySelector(`#${id}`), t.url).not.toBeNull();
      expect(['target', 'achieved', 'baseline', 'change']).toContain(t.kind);
    }
  });

  test.each([
    ['documents', DOCUMENT_COLUMNS.map((c) => c.header)],
    ['targets', TARGET_COLUMNS.map((c) => c.header)],
    ['practices', PRACTICE_COLUMNS.map((c) => c.header)],
  ])('%s.csv has Chinese column headers, one per documented column', (stem, headers) => {
    const csv = read(`${stem}.csv`);
    const header = parseCsv(csv.slice(1))[0] ?? [];
    expect(header).toEqual(headers);
    for (const h of header) expect(h, h).toMatch(/^[\u4e00-\u9fff]+$/);
  });

  test('targets.csv holds the rows of targets.json, its codes in Chinese', () => {
    const rows = csvObjects(read('targets.csv'));
    expect(rows).toHaveLength(targets.length);
    const kinds: Record<string, string> = { target: '目标', achieved: '实际', baseline: '基线', change: '变化' };
    const comparators: Record<string, string> = { '≥': '不低于', '≤': '不高于', '=': '等于', '≈': '约', range: '区间' };
    rows.forEach((row, i) => {
      const t = targets[i] as TargetRow;
      expect(row['原文']).toBe(t.quote);
      expect(Number(row['数值'])).toBe(t.value);
      expect(row['地址']).toBe(t.url);
      expect(row['类别']).toBe(kinds[t.kind]);
      expect(row['比较']).toBe(comparators[t.comparator]);
      expect(row['段落']).toBe(`第${t.paragraph.slice(2)}段`);
    });
    // No English code is left in a column people read.
    expect(new Set(rows.map((r) => r['类别']))).not.toContain('target');
  });

  test('documents.csv has a row per document; practices.csv one per practice mention', () => {
    const documents = csvObjects(read('documents.csv'));
    expect(documents.map((r) => r['文件标识'])).toEqual(docs.map((d) => d.slug));
    documents.forEach((r, i) => {
      const d = docs[i];
      expect(r['标题']).toBe(d?.title);
      expect(r['文件类型']).toBe(d?.docType);
      expect(r['数字数']).toBe(String(d?.targets.length));
      expect(['是', '否']).toContain(r['年份为推断']);
      if (d?.region) expect(['县', '县级市', '市辖区', '地级市']).toContain(r['行政级别']);
    });
    const practices = csvObjects(read('practices.csv'));
    expect(practices).toHaveLength(docs.reduce((n, d) => n + d.practices.length, 0));
    for (const p of practices) expect(['已实施', '计划']).toContain(p['状态']);
  });

  test('practices.json has one row per practice mention', () => {
    const practices = JSON.parse(read('practices.json')) as Array<{ slug: string; practice: string; status: string; url: string }>;
    expect(practices).toHaveLength(docs.reduce((n, d) => n + d.practices.length, 0));
    for (const p of practices) {
      expect(['adopted', 'planned']).toContain(p.status);
      expect(p.url).toMatch(new RegExp(`^${site.base}documents/${p.slug}/#p-\\d+$`));
    }
  });

  test('with SITE_URL set, every address in the data is absolute and opens the page under the base', () => {
    const sub = loadSite(SUBPATH.dir);
    const origin = `${CONFIGURED.SITE_URL}${SUBPATH.base}`;
    const urls = [
      ...(JSON.parse(read('targets.json', sub.dir)) as TargetRow[]).map((t) => t.url),
      ...(JSON.parse(read('documents.json', sub.dir)) as Array<{ url: string }>).map((d) => d.url),
      ...csvObjects(read('practices.csv', sub.dir)).map((r) => r['地址'] ?? ''),
    ];
    expect(urls.length).toBeGreaterThan(docs.length);
    for (const url of urls) {
      expect(url.startsWith(origin), url).toBe(true);
      expect(sub.pages.has(url.slice(origin.length).split('#')[0] ?? ''), url).toBe(true);
    }
  });

  test('the ZIP holds every data file as served and the data dictionary, and unpacks with a standard tool', () => {
    const out = mkdtempSync(join(tmpdir(), 'atlas-zip-'));
    try {
      const script = [
        'import sys, zipfile',
        'z = zipfile.ZipFile(sys.argv[1])',
        'assert z.testzip() is None',
        'z.extractall(sys.argv[2])',
        'print("\\n".join(z.namelist()))',
      ].join('\n');
      const run = spawnSync('python3', ['-c', script, join(site.dir, 'data/reform-atlas-data.zip'), out], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      const names = run.stdout.trim().split('\n');
      const files = ['documents', 'targets', 'practices'].flatMap((s) => [`${s}.csv`, `${s}.json`]);
      expect(names.sort()).toEqual(['字段说明.txt', ...files].map((f) => `reform-atlas-data/${f}`).sort());
      for (const f of files) expect(readFileSync(join(out, 'reform-atlas-data', f), 'utf8'), f).toBe(read(f));
      const dictionary = readFileSync(join(out, 'reform-atlas-data/字段说明.txt'), 'utf8');
      for (const c of [...DOCUMENT_COLUMNS, ...TARGET_COLUMNS, ...PRACTICE_COLUMNS]) expect(dictionary).toContain(`${c.header}（${c.key}）：${c.meaning}`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('the data page prints the data dictionary of every column', () => {
    const page = site.page('data/');
    const text = page.root.querySelector('main')?.textContent ?? '';
    for (const c of [...DOCUMENT_COLUMNS, ...TARGET_COLUMNS, ...PRACTICE_COLUMNS]) {
      expect(text).toContain(c.header);
      expect(text).toContain(c.meaning);
    }
  });
});

describe('the open-data worker (src/lib/site/opendata-worker.ts), which makes /data/ beside the Astro build', () => {
  test.each([
    ['dist', '/', null],
    [SUBPATH.dir, SUBPATH.base, CONFIGURED.SITE_URL],
  ])('its files for the committed documents are the ones %s holds, byte for byte (base %s, site %s)', async (dir, base, siteUrl) => {
    const out = mkdtempSync(join(tmpdir(), 'atlas-open-data-'));
    try {
      const names = await writeOpenData({ documents: join(ROOT, 'content/documents'), out, base, site: siteUrl });
      expect(names.sort()).toEqual(['documents.csv', 'documents.json', 'practices.csv', 'practices.json', 'reform-atlas-data.zip', 'targets.csv', 'targets.json']);
      for (const name of names) expect(readFileSync(join(out, name)).equals(readFileSync(join(ROOT, dir, 'data', name))), name).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('a document whose frontmatter the schema refuses stops it with the file and the field named', () => {
    const folder = mkdtempSync(join(tmpdir(), 'atlas-open-data-bad-'));
    try {
      writeFileSync(join(folder, 'broken.mdx'), '---\nslug: "broken"\ntitle: 42\n---\n\n正文\n');
      expect(() => readCollection(folder)).toThrow(/^broken\.mdx: .*title/s);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

