/**
 * Lists the pages show: bounded to the most recent documents, grouped by
 * region or unit, a topic's contents, the years of a list.
 */
import { unitWithBasis } from '../labels.ts';
import type { Region } from '../../schema/document.ts';
import { compareYears, push, type Doc, type Indicator, type PracticeDef, type SiteData, type TargetRow } from './data.ts';

/**
 * How many rows a list on an indicator, practice, region, topic or timeline
 * page shows. Those lists grow with the collection (at 5,000 documents the
 * busiest indicator page held 2.7 MB); beyond this, the page shows the rows
 * of the most recent documents and says where the rest are (the open data,
 * or the document pages).
 */
export const LIST_LIMIT = 150;

export interface Bounded<T> {
  /** The rows the page shows, in the order they were given. */
  shown: T[];
  /** How many there are in all. */
  total: number;
}

/**
 * At most `limit` rows, those of the most recent documents (undated last),
 * kept in their given order. Deterministic: ties keep the given order.
 */
export function boundedRows<T>(rows: readonly T[], docOf: (row: T) => Doc, limit = LIST_LIMIT): Bounded<T> {
  if (rows.length <= limit) return { shown: [...rows], total: rows.length };
  const keep = new Set(
    rows
      .map((row, i) => ({ i, year: docOf(row).data.year }))
      .sort((a, b) => compareYears(b.year ?? -Infinity, a.year ?? -Infinity) || a.i - b.i)
      .slice(0, limit)
      .map((x) => x.i),
  );
  return { shown: rows.filter((_, i) => keep.has(i)), total: rows.length };
}

/** Rows grouped by region slug (`''` for an unknown region), regions in slug order, unknown last. */
export function groupByRegion<R extends { doc: Doc }>(rows: readonly R[]): Array<{ region: Region | null; rows: R[] }> {
  const groups = new Map<string, { region: Region | null; rows: R[] }>();
  for (const row of rows) {
    const key = row.doc.data.region?.slug ?? '';
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else groups.set(key, { region: row.doc.data.region, rows: [row] });
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([, g]) => g);
}

/** Rows grouped by unit, the most frequent unit first: one chart per unit. */
export function groupByUnit(rows: readonly TargetRow[], measure: (t: TargetRow['target']) => string = unitWithBasis): Array<{ unit: string; rows: TargetRow[] }> {
  const groups = new Map<string, TargetRow[]>();
  // One group per unit and basis (元/人·月 apart from 元 and 万元/院·年): only those are comparable.
  // `measure` may put money on one scale (亿元 with 万元: src/lib/site/scale.ts comparableUnit).
  for (const row of rows) push(groups, measure(row.target), row);
  return [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([unit, list]) => ({ unit, rows: list }));
}

/** Indicators and practices of a topic that have data. */
export function topicContents(site: SiteData, topicId: string): { indicators: Indicator[]; practices: PracticeDef[]; docs: Doc[] } {
  return {
    indicators: site.indicatorsWithData.filter((i) => i.topic === topicId),
    practices: site.practicesWithData.filter((p) => p.topic === topicId),
    docs: site.docsByTopic.get(topicId) ?? [],
  };
}

/** Distinct years of a list of documents, ascending; `null` last when present. */
export function yearsOf(docs: readonly Doc[]): Array<number | null> {
  return [...new Set(docs.map((d) => d.data.year))].sort(compareYears);
}
