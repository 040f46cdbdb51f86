/**
 * Citations as an official puts them in a report, after GB/T 7714-2015's
 * form for an electronic resource:
 *
 *   隰县人民政府.《隰县医改工作总结》（隰县，2011年）第12段[EB/OL]. 县域医改对照库, (2011-11-19)[2026-12-01]. https://…/#p-12
 *
 * The page carries the parts known when it is built (`citationParts`, as the
 * `data-cite` attribute); the browser adds the passage, the date of access
 * and the address (src/scripts/cite.ts), so the built pages stay the same
 * from day to day.
 */
import type { DocumentFrontmatter } from '../../schema/document.ts';
import { paragraphLabel, yearLabel } from '../labels.ts';
import { pageLabel } from '../source/extracted.ts';

export const SITE_NAME = '县域医改对照库';

/** What goes before and after the passage (第N段) in a citation of one document. */
export type CitationParts = readonly [before: string, after: string];

export function citationParts(d: Pick<DocumentFrontmatter, 'title' | 'region' | 'year' | 'issuer' | 'issued' | 'published'>): CitationParts {
  const author = d.issuer ? `${d.issuer}.` : '';
  const before = `${author}《${d.title}》（${d.region?.name ?? '地区不详'}，${yearLabel(d.year)}）`;
  const date = d.issued ?? d.published;
  return [before, `[EB/OL]. ${SITE_NAME}${date ? `, (${date})` : ''}`];
}

/**
 * The passage: 第12段, 第1段第3行 (a row of the paragraph's table), 第5段（原件第2页） (the page
 * of the original PDF it stands on), or nothing for the whole document.
 */
export function passageLabel(paragraph?: string, row?: number, page?: string): string {
  if (!paragraph) return '';
  return `${paragraphLabel(paragraph)}${row ? `第${row}行` : ''}${page ? `（${pageLabel(page)}）` : ''}`;
}

/** The citation to copy: the parts, the passage, the date of access (YYYY-MM-DD) and the address. */
export function citationText(parts: CitationParts, passage: string, accessed: string, address: string): string {
  return `${parts[0]}${passage}${parts[1]}[${accessed}]. ${address}`;
}

/** A date as YYYY-MM-DD in the reader's own time zone. */
export function isoDay(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
