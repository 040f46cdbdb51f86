/**
 * The timeline: documents by their year, targets by the year they refer to.
 */
import { compareYears, type Doc, type SiteData, type TargetRow } from './data.ts';

export interface TimelineYear {
  /** null: documents and figures without a year. */
  year: number | null;
  docs: Doc[];
  /** Targets whose sentence names this year. */
  targets: TargetRow[];
}

/** Documents by their year and targets by the year they refer to, years ascending, undated last. */
export function timeline(site: SiteData): TimelineYear[] {
  const years = new Map<number | null, TimelineYear>();
  const at = (year: number | null): TimelineYear => {
    let y = years.get(year);
    if (!y) years.set(year, (y = { year, docs: [], targets: [] }));
    return y;
  };
  for (const doc of site.docs) {
    at(doc.data.year).docs.push(doc);
    doc.data.targets.forEach((target, index) => {
      if (target.year !== undefined && !target.implausible) at(target.year).targets.push({ doc, target, index });
    });
  }
  return [...years.values()].sort((a, b) => compareYears(a.year, b.year));
}

