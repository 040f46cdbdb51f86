/**
 * Rows of the open data files (/data/*.json, /data/targets.csv) and the CSV
 * encoding: UTF-8 with a BOM (so spreadsheet programs read the Chinese
 * right), RFC 4180 quoting, CRLF line ends.
 */
import type { Doc, SiteData } from './data.ts';

export interface TargetDataRow {
  slug: string;
  region: string | null;
  regionSlug: string | null;
  /** The year the sentence names, else the document's year, else null. */
  year: number | null;
  documentYear: number | null;
  indicator: string;
  label: string;
  kind: string;
  value: number;
  valueMax: number | null;
  from: number | null;
  unit: string;
  comparator: string;
  scope: string | null;
  quote: string;
  paragraph: string;
  url: string;
}

export const TARGET_COLUMNS: ReadonlyArray<keyof TargetDataRow> = [
  'slug', 'region', 'regionSlug', 'year', 'documentYear', 'indicator', 'label', 'kind', 'value', 'valueMax', 'from',
  'unit', 'comparator', 'scope', 'quote', 'paragraph', 'url',
];

/** `cite(slug, paragraph)` gives the site-relative URL of a paragraph. */
export function targetDataRows(site: SiteData, cite: (slug: string, paragraph: string) => string): TargetDataRow[] {
  return site.docs.flatMap((doc: Doc) =>
    doc.data.targets.map((t) => ({
      slug: doc.id,
      region: doc.data.region?.name ?? null,
      regionSlug: doc.data.region?.slug ?? null,
      year: t.year ?? doc.data.year,
      documentYear: doc.data.year,
      indicator: t.indicator,
      label: t.label,
      kind: t.kind,
      value: t.value,
      valueMax: t.valueMax ?? null,
      from: t.from ?? null,
      unit: t.unit,
      comparator: t.comparator,
      scope: t.scope ?? null,
      quote: t.quote,
      paragraph: t.paragraph,
      url: cite(doc.id, t.paragraph),
    })),
  );
}

export interface PracticeDataRow {
  slug: string;
  region: string | null;
  regionSlug: string | null;
  documentYear: number | null;
  practice: string;
  label: string;
  status: string;
  quote: string;
  paragraph: string;
  url: string;
}

export function practiceDataRows(site: SiteData, cite: (slug: string, paragraph: string) => string): PracticeDataRow[] {
  return site.docs.flatMap((doc) =>
    doc.data.practices.map((p) => ({
      slug: doc.id,
      region: doc.data.region?.name ?? null,
      regionSlug: doc.data.region?.slug ?? null,
      documentYear: doc.data.year,
      practice: p.id,
      label: p.label,
      status: p.status,
      quote: p.quote,
      paragraph: p.paragraph,
      url: cite(doc.id, p.paragraph),
    })),
  );
}

/**
 * One CSV field: quoted when it holds a comma, a quote or a line break; quotes doubled. A text
 * that a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return
 * before one) gets a leading apostrophe, the mark spreadsheets read as "this is text". Numbers
 * stay numbers (-5 is a value, not a formula).
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const raw = String(value);
  const text = typeof value !== 'number' && FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** What opens a formula in Excel, LibreOffice and Google Sheets. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function toCsv<T extends object>(rows: readonly T[], columns: ReadonlyArray<keyof T>): string {
  const lines = [columns.map((c) => csvField(c)).join(','), ...rows.map((r) => columns.map((c) => csvField(r[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
