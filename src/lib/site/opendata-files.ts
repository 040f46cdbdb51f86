/**
 * The files of /data/ for this build: every table as JSON and CSV, the
 * documents' full frontmatter, a data dictionary, and one ZIP of them all.
 * In `astro build` a worker thread writes them beside the build
 * (./opendata-integration.ts); in `astro dev` the endpoints in
 * src/pages/data/ serve them. Plain Node code (no Vite): the addresses come in
 * as `Addressing`, not from the build's settings.
 */
import type { SiteData } from './data.ts';
import {
  TABLES, documentDataRows, practiceDataRows, targetDataRows, toCsv, toJson,
  type Address, type Column, type Paths,
} from './opendata.ts';
import { zip } from './zip.ts';

/** How the files address a document and a paragraph: site paths, made absolute when the site's address is set. */
export interface Addressing {
  paths: Paths;
  publicAddress: Address;
}

/** The name of the archive that holds every data file. */
export const ARCHIVE_NAME = 'reform-atlas-data.zip';

/** Files already written in this build, by collection: the archive holds the same text as the downloads, made once. */
const written = new WeakMap<SiteData, Map<string, string>>();

export function tableFile(site: SiteData, at: Addressing, stem: (typeof TABLES)[number]['stem'], format: 'csv' | 'json'): string {
  const files = written.get(site) ?? new Map<string, string>();
  written.set(site, files);
  const key = `${stem}.${format}`;
  const known = files.get(key);
  if (known !== undefined) return known;
  const text = makeTableFile(site, at, stem, format);
  files.set(key, text);
  return text;
}

function makeTableFile(site: SiteData, { paths, publicAddress }: Addressing, stem: (typeof TABLES)[number]['stem'], format: 'csv' | 'json'): string {
  switch (stem) {
    case 'documents':
      return format === 'csv' ? toCsv(documentDataRows(site, paths, publicAddress), TABLES[0].columns) : documentsJson(site, paths, publicAddress);
    case 'targets': {
      const rows = targetDataRows(site, paths, publicAddress);
      return format === 'csv' ? toCsv(rows, TABLES[1].columns) : toJson(rows, TABLES[1].columns);
    }
    case 'practices': {
      const rows = practiceDataRows(site, paths, publicAddress);
      return format === 'csv' ? toCsv(rows, TABLES[2].columns) : toJson(rows, TABLES[2].columns);
    }
  }
}

/** documents.json keeps each document's whole frontmatter (figures, practices, provenance), with its address. */
function documentsJson(site: SiteData, paths: Paths, publicAddress: Address): string {
  return JSON.stringify(site.docs.map((d) => ({ ...d.data, url: publicAddress(paths.doc(d.id)) })), null, 1);
}

/** The data dictionary as plain text (UTF-8 with BOM, CRLF), for the archive. */
export function dictionaryText(): string {
  const section = (name: string, stem: string, columns: ReadonlyArray<Column<object>>): string[] => [
    `${stem}.csv / ${stem}.json（${name}）`,
    ...columns.map((c) => `  ${c.header}（${c.key}）：${c.meaning}`),
    '',
  ];
  const lines = [
    '县域医改对照库 开放数据 字段说明',
    '',
    'CSV 文件用中文列名和中文取值，UTF-8 带 BOM，可直接用 Excel 或 WPS 打开；JSON 文件用括号中的英文键名和代码，供程序读取。',
    'documents.json 另含每份文件的全部元数据（数字、做法、来源与清洗记录）。',
    '数据由程序从清洗后的文本中提取，可能有错，使用前请按每条记录的地址核对原文。',
    '',
    ...TABLES.flatMap((t) => section(t.name, t.stem, t.columns as ReadonlyArray<Column<object>>)),
  ];
  return `\uFEFF${lines.join('\r\n')}`;
}

export function archive(site: SiteData, at: Addressing): Promise<Uint8Array<ArrayBuffer>> {
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
  const folder = 'reform-atlas-data/';
  return zip([
    { name: `${folder}字段说明.txt`, data: encode(dictionaryText()) },
    ...TABLES.flatMap((t) => [
      { name: `${folder}${t.stem}.csv`, data: encode(tableFile(site, at, t.stem, 'csv')) },
      { name: `${folder}${t.stem}.json`, data: encode(tableFile(site, at, t.stem, 'json')) },
    ]),
  ]);
}

/** Every file of /data/ but its index page, by name: the tables in both formats and the archive. */
export async function dataFiles(site: SiteData, at: Addressing): Promise<Array<[name: string, data: string | Uint8Array]>> {
  const tables = TABLES.flatMap((t) => (['csv', 'json'] as const).map((format): [string, string] => [`${t.stem}.${format}`, tableFile(site, at, t.stem, format)]));
  return [...tables, [ARCHIVE_NAME, await archive(site, at)]];
}
