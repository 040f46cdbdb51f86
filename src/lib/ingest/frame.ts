/**
 * The frame around a document's text, read with the rules of
 * content/lexicon/gongwen.yaml: a disclosure portal's catalogue rows
 * (索引号 | … | 发布机构 | …, labels maybe spaced out, 索 引 号), a news
 * byline (来源：… 编辑：…), and the labelless elements of a 公文 (masthead,
 * 发文字号, 主送机关, 印发, 公开属性, 附件 marks). Such a line becomes a
 * record field of the document, not text.
 */
import type { GongwenRules } from '../lexicon.ts';
import type { RecordField } from '../../schema/document.ts';
import { escapeRegExp } from '../regexp.ts';
import { toSimplified } from './chinese.ts';

export interface FieldDef {
  field: string;
  role: GongwenRules['fields'][number]['role'];
}

export interface CompiledFrame {
  rules: GongwenRules;
  /** A label at the start of a cell, its characters maybe spaced: group 1 the label, group 2 the separator. */
  label: RegExp;
  /** A label after a space inside a cell (where a second field starts). */
  innerLabel: RegExp;
  byLabel: Map<string, FieldDef>;
  spaced: Set<string>;
  rowOnly: Set<string>;
  lines: Array<FieldDef & { pattern: RegExp }>;
  datelines: RegExp[];
  /** A reported event in the opening (gongwen.yaml news.ledes). */
  ledes: RegExp[];
  speechAddress: RegExp[];
  researchOpenings: RegExp[];
  answerOpenings: RegExp[];
}

const cache = new WeakMap<GongwenRules, CompiledFrame>();

/** A label whose characters may be spaced out (索 引 号). */
const spacedOut = (label: string) => [...label].map(escapeRegExp).join('[ \\u3000]?');

export function compileFrame(rules: GongwenRules): CompiledFrame {
  const cached = cache.get(rules);
  if (cached) return cached;
  const byLabel = new Map<string, FieldDef>();
  for (const f of rules.fields) for (const label of f.labels) if (!byLabel.has(label)) byLabel.set(label, { field: f.field, role: f.role });
  const labels = [...byLabel.keys()].sort((a, b) => b.length - a.length).map(spacedOut).join('|');
  const compiled: CompiledFrame = {
    rules,
    label: new RegExp(`^【?(${labels})】?[ \\u3000]*([:：]|$|[ \\u3000](?=\\S))`, 'u'),
    innerLabel: new RegExp(`[ \\u3000](?=(?:${labels}) ?[:：])`, 'gu'),
    byLabel,
    spaced: new Set(rules.spacedLabels),
    rowOnly: new Set(rules.rowOnlyLabels),
    lines: rules.lines.map((l) => ({ field: l.field, role: l.role, pattern: new RegExp(l.pattern, 'u') })),
    datelines: rules.news.datelines.map((p) => new RegExp(p, 'u')),
    ledes: rules.news.ledes.map((p) => new RegExp(p, 'u')),
    speechAddress: rules.speech.address.map((p) => new RegExp(p, 'u')),
    researchOpenings: rules.research.openings.map((p) => new RegExp(p, 'u')),
    answerOpenings: rules.answer.openings.map((p) => new RegExp(p, 'u')),
  };
  cache.set(rules, compiled);
  return compiled;
}

const compactLabel = (label: string) => label.replace(/[ \u3000]/g, '');
/** A label in square brackets, [ 索引号 ]. */
const BRACKETED_LABEL = /\[ ?(\p{Script=Han}(?: ?\p{Script=Han}){1,7}) ?\]/gu;

/** A date, or a date and time, standing alone in a byline row (2025-03-05 16:13:18 来源：… | 编辑：…): the page's date. */
const DATE_CELL = /^\d{4}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/u;

/** A short label of Han characters ending in a colon, then its value. */
const UNKNOWN_LABEL = /^(\p{Script=Han}(?:[ \u3000]?\p{Script=Han}){1,9})[ \u3000]*[:：](.*)$/u;

/** Fields of one catalogue row, or null when the line is not (only) a row of labelled fields. */
export function catalogueFields(text: string, frame: CompiledFrame): Array<{ def: FieldDef; label: string; value: string }> | null {
  // A list bullet before the row (• 作者:县卫生健康局) is the page's markup.
  // A list bullet before the row (• 作者:县卫生健康局) is the page's markup, and so are parentheses
  // around a byline ((责任编辑:张云文)).
  const bare = toSimplified(text.trim()).replace(/^[•·●▪◆■]\s*/u, '').replace(/^[（(]([^（()）]{2,40})[）)]$/u, '$1');
  if (bare === '' || bare.length > 400) return null;
  // Labels in brackets ([ 索引号 ]115…[ 发文字号 ]开州府办发〔2022〕33号): each opens a cell of the row.
  const t = bare.includes('[') ? bare.replace(BRACKETED_LABEL, (m, label: string) => (frame.byLabel.has(compactLabel(label)) ? `|${label}：` : m)).replace(/^\|/u, '') : bare;
  const cells = t
    // 丨 (a Han stroke) sets cells apart on many news sites (一审：…丨二审：…).
    .split(/[|｜丨\t]/u)
    .flatMap((cell) => cell.split(frame.innerLabel))
    .map((c) => c.trim());
  const fields: Array<{ def: FieldDef; label: string; value: string }> = [];
  let open: { def: FieldDef; label: string; value: string } | undefined;
  const known = cells.filter((c) => frame.label.test(c)).length;
  // A byline row may open with the site's section name (广西新闻|来源:广西日报…|网络编辑:…).
  // So may a row of one labelled field after the outlet's name (川南在线 发布时间:2023-02-18).
  const lead = cells[0] !== undefined && !frame.label.test(cells[0]) && [...cells[0]].length <= 8;
  const section = lead && ((known >= 2 && cells.length > 2) || (known === 1 && cells.length === 2 && /^[^:：]+[:：]/u.test(cells[1] ?? ''))) ? 1 : 0;
  if (section) fields.push({ def: { field: 'other', role: 'none' }, label: '栏目', value: cells[0] ?? '' });
  for (const cell of cells.slice(section)) {
    if (cell === '') continue;
    // An unknown label beside known ones (公开类型：) keeps its value as a record of field `other`.
    const unknown = known > 0 && cell.match(UNKNOWN_LABEL);
    if (unknown && !frame.label.test(cell) && [...(unknown[1] ?? '')].length <= frame.rules.unknownLabelChars) {
      open = { def: { field: 'other', role: 'none' }, label: compactLabel(unknown[1] ?? ''), value: (unknown[2] ?? '').trim() };
      fields.push(open);
      continue;
    }
    const match = cell.match(frame.label);
    if (match) {
      const label = compactLabel(match[1] ?? '');
      const def = frame.byLabel.get(label);
      const separator = match[2] ?? '';
      // A colon always separates; a label alone in a cell of a row, too; a label followed by only a
      // space, or alone on its line (its value on the next), only for the strong labels.
      const colon = /[:：]/u.test(separator);
      const alone = separator === '' && cell.length === match[0].length;
      if (def && (colon || (alone && cells.length > 1) || frame.spaced.has(label))) {
        open = { def, label, value: cell.slice(match[0].length).trim() };
        fields.push(open);
        continue;
      }
    }
    if (open && open.value === '') {
      open.value = cell;
      continue;
    }
    // (With one labelled field, 2020-02-26 来源：办公室 is a date line: frameLine reads it.)
    if (known >= 2 && DATE_CELL.test(cell) && !fields.some((f) => f.def.field === 'published')) {
      fields.push({ def: { field: 'published', role: 'published' }, label: '', value: cell });
      continue;
    }
    return null;
  }
  if (fields.length === 0 || fields.some((f) => [...f.value].length > frame.rules.maxValueChars)) return null;
  // 时间：… alone on a line is a plan's schedule, not the page's date.
  // (So is 全县共有 时间：…: a section name is no row of its own.)
  const own = fields.slice(section);
  if (own.length === 1 && cells.length === 1 + section && frame.rowOnly.has(own[0]?.label ?? '')) return null;
  return fields;
}

/** A labelless 公文 frame line (masthead, 发文字号 …), with its value. */
export function frameLine(text: string, frame: CompiledFrame): { def: FieldDef; value: string } | null {
  const t = toSimplified(text.trim());
  if (t === '' || t.length > 120) return null;
  for (const rule of frame.lines) {
    const match = t.match(rule.pattern);
    if (match) return { def: { field: rule.field, role: rule.role }, value: (match[1] ?? match[0]).trim() };
  }
  return null;
}

/** How many addressees, set apart by 、, make a line without its colon a 主送机关 line. */
const ADDRESSEE_LIST = 5;

/** Whether a line is a 主送机关 line: short, lists organs, ends in a colon. */
export function isAddressee(text: string, frame: CompiledFrame): boolean {
  const t = toSimplified(text.trim());
  const { openings, organs, maxChars } = frame.rules.addressee;
  if (t.length > maxChars || /[。；;！？]/u.test(t)) return false;
  // A joint notice's long list of addressees may reach the page cut off, without its colon:
  // 各辖市区卫生健康局、发展改革局、教育局、…、退役军人事务
  if (!/[:：]$/u.test(t)) return openings.some((o) => t.startsWith(o)) && t.split('、').length >= ADDRESSEE_LIST && organs.some((o) => t.includes(o));
  const core = t.slice(0, -1).replace(/[（(][^（()）]*[）)]/gu, '');
  if (!/^\p{Script=Han}/u.test(core)) return false;
  const endsWithOrgan = organs.some((o) => core.endsWith(o));
  const listed = /[，、,]/u.test(core) || openings.some((o) => core.startsWith(o));
  return endsWithOrgan && (listed || core.length <= 30) && organs.some((o) => core.includes(o));
}

/** A record field read off a line, if the line is frame. */
export function readFrameLine(text: string, line: number, frame: CompiledFrame): RecordField[] | null {
  const row = catalogueFields(text, frame);
  if (row) return row.map((f) => ({ field: f.def.field, label: f.label, value: f.value, line }));
  const single = frameLine(text, frame);
  if (single) return [{ field: single.def.field, label: '', value: single.value, line }];
  if (isAddressee(text, frame)) return [{ field: 'addressee', label: '', value: text.trim().replace(/[:：]$/u, ''), line }];
  return null;
}

/** The role of a record field (issuer, docNumber …), from gongwen.yaml. */
export function roleOf(field: string, frame: CompiledFrame): FieldDef['role'] {
  return frame.rules.fields.find((f) => f.field === field)?.role ?? frame.rules.lines.find((l) => l.field === field)?.role ?? 'none';
}
