/**
 * Applies a curation file to a document the machine read: metadata
 * overrides, then the decisions about figures, then about practices. Pure:
 * the document in, the curated document and the problems out. An entry that
 * no longer matches (its figure is gone, the machine now reads it otherwise,
 * the quote is not in its paragraph) is a problem, named with what it
 * says, and changes nothing; ingest reports it and goes on.
 */
import type { DocumentFrontmatter, Figure, Practice, Region, Target } from '../../schema/document.ts';
import { docTypes } from '../../schema/document.ts';
import type { CurationFile, CurationSummary, FigureEntry, OverrideField, Reading, Review } from '../../schema/curation.ts';
import type { Lexicon } from '../lexicon.ts';
import type { NumberedBlock } from '../ingest/model.ts';
import { blockText } from '../ingest/blocks.ts';
import { formatTargetValue, kindLabels, statusLabels } from '../labels.ts';
import { implausibility } from '../extract/plausible.ts';
import { resolveRegion } from '../ingest/metadata/region.ts';
import { identifiedFigures, practiceKey } from './ids.ts';

type Data = Omit<DocumentFrontmatter, 'slug'>;

export interface Applied {
  data: Data;
  /** Entries that did not apply, each naming the entry and why. */
  problems: string[];
  /** How many entries applied. */
  applied: number;
}

/** How a figure reads on a page: 目标 ≥ 90% (the machine's reading of a corrected one, kept beside it). */
export const readingLabel = (f: Target | Figure): string => `${'indicator' in f ? f.label : f.metric} ${kindLabels[f.kind]} ${formatTargetValue(f)}`;

/** What of the machine's reading a correction changed, as the page shows it (实际; 上年同期; 810万元/院·年): the parts that differ. */
export function changedReading(machine: Target | Figure, now: Target | Figure): string {
  const name = (f: Target | Figure) => ('indicator' in f ? f.label : f.metric);
  const parts = [
    name(machine) !== name(now) && name(machine),
    machine.kind !== now.kind && kindLabels[machine.kind],
    formatTargetValue(machine) !== formatTargetValue(now) && formatTargetValue(machine),
  ].filter((p): p is string => typeof p === 'string');
  return parts.length ? parts.join(' ') : readingLabel(machine);
}

const quoteOf = (text: string | undefined) => (text ? `「${text.length > 30 ? `${text.slice(0, 30)}…` : text}」` : '');

function describeValue(field: OverrideField, data: Data): string {
  switch (field) {
    case 'region':
      return data.region?.name ?? '地区不详';
    case 'period':
      return data.period ? `${data.period.from}—${data.period.to}` : '无';
    case 'year':
      return data.year === null ? '年份不详' : String(data.year);
    default:
      return String(data[field] ?? '无');
  }
}

/** Step 1: metadata overrides. */
function applyOverrides(data: Data, file: CurationFile, lexicon: Lexicon, summary: CurationSummary, problems: string[]): number {
  let applied = 0;
  const doc = file.document;
  const note = (field: OverrideField, entry: { curator: string; date: string; note?: string | undefined }) => {
    summary.overrides.push({ field, machine: describeValue(field, data), curator: entry.curator, date: entry.date, ...(entry.note ? { note: entry.note } : {}) });
    applied++;
  };
  if (doc.title) {
    note('title', doc.title);
    data.title = doc.title.value;
  }
  if (doc.region) {
    const wanted = doc.region.value;
    const found: Region | string | null = wanted === null ? null : resolveRegion(wanted, lexicon, doc.region.province);
    if (typeof found === 'string') problems.push(`document.region ${JSON.stringify(wanted)}: ${found}`);
    else {
      note('region', doc.region);
      data.region = found;
    }
  }
  if (doc.year) {
    note('year', doc.year);
    data.year = doc.year.value;
    data.yearInferred = false;
  }
  if (doc.period) {
    note('period', doc.period);
    data.period = doc.period.value;
  }
  if (doc.docType) {
    const type = doc.docType.value;
    if (!(docTypes as readonly string[]).includes(type)) problems.push(`document.docType ${JSON.stringify(type)}: not a document type (${docTypes.join('、')})`);
    else {
      note('docType', doc.docType);
      data.docType = type as Data['docType'];
    }
  }
  if (doc.issuer) {
    note('issuer', doc.issuer);
    data.issuer = doc.issuer.value;
  }
  return applied;
}

/** Whether the figure reads as `reading` says, in every field it gives. */
function differences(f: Target | Figure, reading: Reading): string[] {
  const current: Record<string, unknown> = { ...f, indicator: 'indicator' in f ? f.indicator : null, metric: 'metric' in f ? f.metric : undefined };
  return Object.entries(reading)
    .filter(([key, value]) => value !== undefined && current[key] !== value)
    .map(([key, value]) => `${key} ${JSON.stringify(value)} → ${JSON.stringify(current[key] ?? null)}`);
}

const review = (status: Review['status'], entry: { curator: string; date: string; note?: string | undefined }, extra: Partial<Review> = {}): Review => ({
  status,
  ...extra,
  curator: entry.curator,
  date: entry.date,
  ...(entry.note ? { note: entry.note } : {}),
});

/** A figure with `set` applied: a target when it has an indicator, else an open figure under its metric. */
function corrected(f: Target | Figure, set: Reading, lexicon: Lexicon): Target | Figure | string {
  const { indicator: wanted, metric, ...fields } = set;
  const base: Record<string, unknown> = { ...f, ...fields };
  delete base.implausible;
  delete base.indicator;
  delete base.label;
  delete base.metric;
  if (fields.comparator !== undefined && fields.comparator !== 'range') delete base.valueMax;
  const indicatorId = wanted === undefined ? ('indicator' in f ? f.indicator : undefined) : wanted;
  if (indicatorId) {
    const indicator = lexicon.indicators.find((i) => i.id === indicatorId);
    if (!indicator) return `indicator ${JSON.stringify(indicatorId)} is not in indicators.yaml`;
    const target = { ...base, indicator: indicator.id, label: indicator.label } as Target;
    const implausible = implausibility(target, indicator, lexicon.units);
    return implausible ? { ...target, implausible } : target;
  }
  const phrase = metric ?? ('metric' in f ? f.metric : f.label);
  return { ...base, metric: phrase } as Figure;
}

/** The text of the block with the paragraph id (a table's cells joined: blockText), or undefined. */
function paragraphText(blocks: readonly NumberedBlock[], paragraph: string): string | undefined {
  const block = blocks.find((b) => b.id === paragraph);
  return block ? blockText(block) : undefined;
}

const paragraphNumber = (item: { paragraph: string }) => Number(item.paragraph.slice(2));

/** Puts an added item after the last one of its paragraph or an earlier one (the machine's order kept). */
function insertInOrder<T extends { paragraph: string }>(list: T[], item: T): void {
  let at = list.length;
  while (at > 0 && paragraphNumber(list[at - 1] as T) > paragraphNumber(item)) at--;
  list.splice(at, 0, item);
}

/** Step 2: figures. */
function applyFigures(data: Data, file: CurationFile, blocks: readonly NumberedBlock[], lexicon: Lexicon, summary: CurationSummary, problems: string[]): number {
  const figures = identifiedFigures(data);
  const byId = new Map(figures.map((x) => [x.id, x]));
  const result = new Map<string, Target | Figure | null>();
  const added: Array<Target | Figure> = [];
  let applied = 0;
  file.figures.forEach((entry: FigureEntry, n) => {
    const where = `figures[${n}] (${entry.decision}${'id' in entry ? ` ${entry.id}` : ''}${quoteOf(entry.quote)})`;
    if (entry.decision === 'add') {
      const text = paragraphText(blocks, entry.paragraph);
      if (text === undefined) return problems.push(`${where}: the document has no paragraph ${entry.paragraph}`);
      if (!text.replace(/\s+/g, '').includes(entry.quote.replace(/\s+/g, ''))) return problems.push(`${where}: the quote is not in ${entry.paragraph}`);
      const made = corrected({ kind: entry.reading.kind, value: entry.reading.value, unit: entry.reading.unit, comparator: entry.reading.comparator, quote: entry.quote, paragraph: entry.paragraph, metric: entry.reading.metric ?? '' } as Figure, entry.reading, lexicon);
      if (typeof made === 'string') return problems.push(`${where}: ${made}`);
      if (!('indicator' in made) && !made.metric) return problems.push(`${where}: an added figure needs an indicator or a metric`);
      added.push({ ...made, review: review('added', entry) });
      return applied++;
    }
    const found = byId.get(entry.id);
    if (!found) return problems.push(`${where}: no figure of the document has this id any more (its sentence, value or unit changed): check it again with npm run curate`);
    if (result.has(entry.id)) return problems.push(`${where}: a second decision about the same figure`);
    const f = found.figure;
    if (entry.decision === 'confirm') {
      const changed = entry.reading ? differences(f, entry.reading) : [];
      if (changed.length > 0) return problems.push(`${where}: confirmed as read then, but the machine now reads it otherwise (${changed.join(', ')}): check it again`);
      result.set(entry.id, { ...f, review: review('checked', entry, { id: entry.id }) });
    } else if (entry.decision === 'reject') {
      summary.rejected.push({ what: readingLabel(f), quote: f.quote, paragraph: f.paragraph, curator: entry.curator, date: entry.date, note: entry.note, id: entry.id });
      result.set(entry.id, null);
    } else {
      const made = corrected(f, entry.set, lexicon);
      if (typeof made === 'string') return problems.push(`${where}: ${made}`);
      const renumbered = made.value !== f.value || made.valueMax !== f.valueMax || made.unit !== f.unit;
      const was = renumbered ? { was: { value: f.value, ...(f.valueMax !== undefined ? { valueMax: f.valueMax } : {}), unit: f.unit } } : {};
      result.set(entry.id, { ...made, review: review('corrected', entry, { id: entry.id, machine: changedReading(f, made), ...was }) });
    }
    return applied++;
  });
  if (applied === 0) return 0;
  const targets: Target[] = [];
  const others: Figure[] = [];
  for (const { id, figure } of figures) {
    const out = result.has(id) ? result.get(id) : figure;
    if (out) ('indicator' in out ? targets : others).push(out as never);
  }
  for (const f of added) {
    if ('indicator' in f) insertInOrder(targets, f);
    else insertInOrder(others, f);
  }
  data.targets = targets;
  data.figures = others;
  return applied;
}

/** Step 3: practices. */
function applyPractices(data: Data, file: CurationFile, blocks: readonly NumberedBlock[], lexicon: Lexicon, summary: CurationSummary, problems: string[]): number {
  let applied = 0;
  let practices: Practice[] = [...data.practices];
  const decided = new Set<string>();
  file.practices.forEach((entry, n) => {
    const key = practiceKey(entry);
    const where = `practices[${n}] (${entry.decision} ${key})`;
    const def = lexicon.practices.find((p) => p.id === entry.id);
    if (!def) return problems.push(`${where}: practice ${JSON.stringify(entry.id)} is not in practices.yaml`);
    if (decided.has(key)) return problems.push(`${where}: a second decision about the same practice`);
    decided.add(key);
    const at = practices.findIndex((p) => practiceKey(p) === key);
    if (entry.decision === 'add') {
      if (at >= 0) return problems.push(`${where}: the machine found it already: confirm it instead`);
      const text = paragraphText(blocks, entry.paragraph);
      if (text === undefined) return problems.push(`${where}: the document has no paragraph ${entry.paragraph}`);
      if (!text.replace(/\s+/g, '').includes(entry.quote.replace(/\s+/g, ''))) return problems.push(`${where}: the quote is not in ${entry.paragraph}`);
      insertInOrder(practices, { id: def.id, label: def.label, status: entry.status, quote: entry.quote, paragraph: entry.paragraph, review: review('added', entry) });
      return applied++;
    }
    const p = practices[at];
    if (!p) return problems.push(`${where}: the document no longer states this practice in ${entry.paragraph}`);
    if (entry.decision === 'confirm') practices[at] = { ...p, review: review('checked', entry) };
    else if (entry.decision === 'reject') {
      summary.rejected.push({ what: `${p.label} ${statusLabels[p.status]}`, quote: p.quote, paragraph: p.paragraph, curator: entry.curator, date: entry.date, note: entry.note });
      practices = practices.filter((_, i) => i !== at);
    } else practices[at] = { ...p, status: entry.set.status, review: review('corrected', entry, { machine: `${p.label} ${statusLabels[p.status]}` }) };
    return applied++;
  });
  data.practices = practices;
  return applied;
}

/** The document as curated: a copy of `machine` with the file's entries applied, and the entries that did not apply. */
export function applyCuration(machine: Data, file: CurationFile, blocks: readonly NumberedBlock[], lexicon: Lexicon): Applied {
  const data: Data = structuredClone(machine);
  const problems: string[] = [];
  const summary: CurationSummary = { overrides: [], rejected: [] };
  const applied = applyOverrides(data, file, lexicon, summary, problems) + applyFigures(data, file, blocks, lexicon, summary, problems) + applyPractices(data, file, blocks, lexicon, summary, problems);
  if (applied > 0) data.curation = summary;
  return { data, problems, applied };
}
