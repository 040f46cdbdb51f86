/**
 * The open data files: documents.json, targets.json, targets.csv (UTF-8
 * with BOM, RFC 4180) and practices.json, consistent with each other and
 * pointing at existing paragraphs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtDocuments, loadSite } from './dist.ts';

const site = loadSite('dist');
const read = (name: string): string => readFileSync(join(site.dir, 'data', name), 'utf8');
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
  value: number;
  unit: string;
  quote: string;
  url: string;
  [key: string]: unknown;
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

  test('targets.json has one row per target, each URL a paragraph that exists', () => {
    expect(targets).toHaveLength(docs.reduce((n, d) => n + d.targets.length, 0));
    for (const t of targets) {
      expect(t.url).toMatch(new RegExp(`^${site.base}documents/${t.slug}/#p-\\d+$`));
      const id = t.url.split('#')[1] ?? '';
      expect(site.page(`documents/${t.slug}/`).root.querySelector(`#${id}`), t.url).not.toBeNull();
      for (const key of ['slug', 'region', 'year', 'indicator', 'label', 'kind', 'value', 'valueMax', 'from', 'unit', 'comparator', 'quote', 'url']) {
        expect(t, key).toHaveProperty(key);
      }
    }
  });

  test('targets.csv starts with a BOM and a header row, and holds the same rows as targets.json', () => {
    const csv = read('targets.csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv.slice(1));
    const [header, ...body] = rows;
    expect(header).toEqual(expect.arrayContaining(['slug', 'region', 'year', 'indicator', 'label', 'kind', 'value', 'valueMax', 'from', 'unit', 'comparator', 'quote', 'url']));
    expect(body).toHaveLength(targets.length);
    const col = (name: string): number => header?.indexOf(name) ?? -1;
    body.forEach((row, i) => {
      expect(row).toHaveLength(header?.length ?? 0);
      expect(row[col('quote')]).toBe(targets[i]?.quote);
      expect(Number(row[col('value')])).toBe(targets[i]?.value);
      expect(row[col('url')]).toBe(targets[i]?.url);
    });
    expect(csv.slice(1).split('\r\n')[0]).not.toContain('\n');
  });

  test('practices.json has one row per practice mention', () => {
    const practices = JSON.parse(read('practices.json')) as Array<{ slug: string; practice: string; status: string; url: string }>;
    expect(practices).toHaveLength(docs.reduce((n, d) => n + d.practices.length, 0));
    for (const p of practices) {
      expect(['adopted', 'planned']).toContain(p.status);
      expect(p.url).toMatch(new RegExp(`^${site.base}documents/${p.slug}/#p-\\d+$`));
    }
  });
});
