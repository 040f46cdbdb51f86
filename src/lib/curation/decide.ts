/**
 * A curator's decisions recorded in a curation file: what `npm run curate`
 * does with each command, as pure functions over the file (so the terminal
 * session and the flags share them, and the tests call them directly).
 */
import type { CurationFileInput, FigureEntry, OverrideField, PracticeEntry, Reading } from '../../schema/curation.ts';
import { readingSchema } from '../../schema/curation.ts';
import type { Figure, Practice, Target } from '../../schema/document.ts';
import { formatIssues } from '../../schema/document.ts';
import { practiceKey } from './ids.ts';

export interface Signature {
  curator: string;
  date: string;
  note?: string;
}

/** A figure as the curator picks it: its number in the list (1, 2 …) or its id. */
export interface Listed {
  id: string;
  figure: Target | Figure;
}

/** The reading of a figure, as a confirmation records it. */
export function readingOf(f: Target | Figure): Reading {
  return {
    ...('indicator' in f ? { indicator: f.indicator } : { indicator: null, metric: f.metric }),
    kind: f.kind,
    value: f.value,
    ...(f.valueMax !== undefined ? { valueMax: f.valueMax } : {}),
    unit: f.unit,
    comparator: f.comparator,
  };
}

const NUMERIC = new Set(['value', 'valueMax', 'from', 'year']);

/**
 * `value=8 valueMax=10 comparator=range` (or comma-separated) → a reading; `indicator=` with
 * nothing maps to no indicator. Throws quoting the part it cannot read.
 */
export function parseReading(spec: string): Reading {
  const out: Record<string, unknown> = {};
  for (const part of spec.split(/[,\s]+/).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new Error(`cannot read ${JSON.stringify(part)}: write field=value (value=8, unit=万元, comparator=range, kind=achieved, indicator=…)`);
    const key = part.slice(0, eq);
    const raw = part.slice(eq + 1);
    if (NUMERIC.has(key)) {
      const n = Number(raw);
      if (raw === '' || !Number.isFinite(n)) throw new Error(`${key} must be a number, not ${JSON.stringify(raw)}`);
      out[key] = n;
    } else out[key] = key === 'indicator' && raw === '' ? null : raw;
  }
  const parsed = readingSchema.strict().safeParse(out);
  if (!parsed.success) throw new Error(`cannot use ${JSON.stringify(spec)}: ${formatIssues(parsed.error)}`);
  return parsed.data;
}

/** Picks figures by number or id: `1,3,5`, `2-4`, `3fa2c1d0`; throws naming what it cannot find. */
export function pickFigures(list: readonly Listed[], spec: string): Listed[] {
  const picked: Listed[] = [];
  for (const part of spec.split(/[,\s]+/).filter(Boolean)) {
    const range = part.match(/^(\d+)-(\d+)$/);
    const numbers = range ? Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i) : /^\d+$/.test(part) ? [Number(part)] : [];
    if (numbers.length > 0) {
      for (const n of numbers) {
        const item = list[n - 1];
        if (!item) throw new Error(`there is no figure ${n} (the document has ${list.length})`);
        picked.push(item);
      }
      continue;
    }
    const byId = list.find((x) => x.id === part);
    if (!byId) throw new Error(`no figure has the id ${JSON.stringify(part)}`);
    picked.push(byId);
  }
  return picked;
}

/** The file with `entry` in place of any earlier decision about the same figure. */
function withFigure(file: CurationFileInput, entry: FigureEntry): CurationFileInput {
  const others = (file.figures ?? []).filter((e) => e.decision === 'add' || !('id' in entry) || e.id !== entry.id);
  return { ...file, figures: [...others, entry] };
}

export function confirmFigure(file: CurationFileInput, item: Listed, sig: Signature): CurationFileInput {
  return withFigure(file, { decision: 'confirm', id: item.id, quote: item.figure.quote, reading: readingOf(item.figure), ...sig });
}

export function rejectFigure(file: CurationFileInput, item: Listed, sig: Signature & { note: string }): CurationFileInput {
  return withFigure(file, { decision: 'reject', id: item.id, quote: item.figure.quote, ...sig });
}

export function correctFigure(file: CurationFileInput, item: Listed, set: Reading, sig: Signature): CurationFileInput {
  if (Object.keys(set).length === 0) throw new Error('nothing to correct: say what is wrong (value=8 valueMax=10 comparator=range …)');
  return withFigure(file, { decision: 'correct', id: item.id, quote: item.figure.quote, set, ...sig });
}

export function addFigure(file: CurationFileInput, paragraph: string, quote: string, reading: Reading, sig: Signature): CurationFileInput {
  const { kind, value, unit, comparator } = reading;
  if (kind === undefined || value === undefined || unit === undefined || comparator === undefined) {
    throw new Error('an added figure needs kind, value, unit and comparator (and indicator or metric)');
  }
  if (!reading.indicator && !reading.metric) throw new Error('an added figure needs indicator=<id of indicators.yaml> or metric=<the phrase as written>');
  return { ...file, figures: [...(file.figures ?? []), { decision: 'add', paragraph, quote, reading: { ...reading, kind, value, unit, comparator }, ...sig }] };
}

/** Undoes any decision about a figure (it is the machine's again). */
export function forgetFigure(file: CurationFileInput, item: Listed): CurationFileInput {
  return { ...file, figures: (file.figures ?? []).filter((e) => e.decision === 'add' || e.id !== item.id) };
}

/** The file with one practice decision in place of an earlier one about the same practice. */
export function decidePractice(file: CurationFileInput, entry: PracticeEntry): CurationFileInput {
  const others = (file.practices ?? []).filter((e) => practiceKey(e) !== practiceKey(entry));
  return { ...file, practices: [...others, entry] };
}

export function confirmPractice(file: CurationFileInput, p: Practice, sig: Signature): CurationFileInput {
  return decidePractice(file, { decision: 'confirm', id: p.id, paragraph: p.paragraph, ...sig });
}

export function rejectPractice(file: CurationFileInput, p: Practice, sig: Signature & { note: string }): CurationFileInput {
  return decidePractice(file, { decision: 'reject', id: p.id, paragraph: p.paragraph, ...sig });
}

export function correctPractice(file: CurationFileInput, p: Practice, status: Practice['status'], sig: Signature): CurationFileInput {
  if (status === p.status) throw new Error(`${p.label} is ${status} already: confirm it instead`);
  return decidePractice(file, { decision: 'correct', id: p.id, paragraph: p.paragraph, set: { status }, ...sig });
}

/** Overrides one field of the document's metadata (a value of null: none, e.g. no region). */
export function overrideField(file: CurationFileInput, field: OverrideField, value: unknown, sig: Signature & { province?: string }): CurationFileInput {
  const { province, ...signature } = sig;
  const entry = { value, ...signature, ...(field === 'region' && province ? { province } : {}) };
  return { ...file, document: { ...(file.document ?? {}), [field]: entry } };
}

/** `2021-2025` or `2021—2025` → a period; throws quoting anything else. */
export function parsePeriod(text: string): { from: number; to: number } {
  const m = text.match(/^\s*(\d{4})\s*[-–—至到]\s*(\d{4})\s*$/u);
  if (!m || Number(m[1]) > Number(m[2])) throw new Error(`a period is two years, from–to (2021-2025), not ${JSON.stringify(text)}`);
  return { from: Number(m[1]), to: Number(m[2]) };
}
