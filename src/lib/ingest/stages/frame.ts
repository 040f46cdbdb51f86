/**
 * Frame stage: lines of a 公文's frame, a disclosure portal's catalogue and a
 * news byline (content/lexicon/gongwen.yaml) leave the text and become record
 * fields of the source, each with its line; the split stage hands them to the
 * documents they belong to. A label alone on its line takes the next line as
 * its value (the two-column catalogues of many portals). A date alone on a
 * line before any sentence is the page's date; after one, it is a
 * signature's 成文日期 and stays in the text.
 */
import type { DroppedLine, Source, Stage } from '../model.ts';
import type { RecordField } from '../../../schema/document.ts';
import { compileFrame, readFrameLine, type CompiledFrame } from '../frame.ts';
import { isIssuerLine } from '../metadata/signature.ts';
import { dateLine } from '../metadata/dates.ts';
import { compact, toSimplified } from '../chinese.ts';

/** A Markdown table's delimiter row (---|---|---), which a page converted to Markdown puts under a catalogue's first row. */
const DELIMITER_ROW = /^\|? ?:?-{3,}:? ?(?:\| ?:?-{3,}:? ?)+\|?$/u;

/** A value line under a label: short, no sentence, not itself a field nor a table's delimiter row. */
const isValueLine = (text: string, frame: CompiledFrame) =>
  text.trim() !== '' && [...text.trim()].length <= frame.rules.maxValueChars && !/[。；！？]/u.test(text) && !DELIMITER_ROW.test(text.trim()) && readFrameLine(text, 0, frame) === null;

/**
 * An issuing organ alone on a line above the 发文字号 (GB/T 9704: the 发文机关标志 comes first,
 * then the number, then the title), or above a title that opens with the organ's own name
 * (开封市卫生健康委员会 / 开封市卫生健康委员会2019年工作总结): the masthead of a page that
 * dropped its 文件. Above a title that starts with 关于, the organ is the title's first line.
 */
function masthead(lines: Source['lines'], i: number, frame: CompiledFrame): RecordField[] | null {
  const text = lines[i]?.text.trim() ?? '';
  if (!isIssuerLine(text, frame.rules.issuerEndings)) return null;
  const nextLine = lines.slice(i + 1).find((l) => l.text.trim() !== '')?.text.trim() ?? '';
  const next = compact(toSimplified(nextLine));
  const organ = compact(toSimplified(text));
  const numbered = readFrameLine(nextLine, 0, frame)?.some((f) => f.field === 'docNumber') ?? false;
  // The organ opening the title below (开封市卫生健康委员会 / 开封市卫生健康委员会2019年工作总结), not a list of organs.
  const titled = next.startsWith(organ) && next.length > organ.length + 4 && next.length <= 60 && !/[、，,；。]/u.test(next);
  if (!numbered && !titled) return null;
  return [{ field: 'masthead', label: '', value: organ, line: lines[i]?.from ?? 0 }];
}

/** A list item's bullet, as a page converted to text writes it. */
const BULLET = /^\s*[•·●▪◆]\s*/u;
/** A disclosure catalogue's index number without its label (755156513/2018-00179, 11500229711623327X/2022-00230). */
const INDEX_NUMBER = /^[0-9A-Z]{6,24}[/-](?:19|20)\d{2}-\d{2,8}$/u;

/**
 * A disclosure catalogue whose labels the page lost (CSS drew them): a run of three or more
 * bulleted short values at the top of the text, one of them an index number, a 发文字号 or a date.
 * Its 文号 is the document's number, its organ its issuer, its first date the 成文日期 and its
 * second the publication date (the catalogue's order); the other values are kept as they are.
 */
function unlabelledCatalogue(lines: Source['lines'], frame: CompiledFrame): { fields: RecordField[]; end: number } | null {
  const start = lines.findIndex((l) => l.text.trim() !== '');
  if (start < 0 || !BULLET.test(lines[start]?.text ?? '')) return null;
  let end = start;
  const shortValue = (text: string) => text !== '' && [...text].length <= frame.rules.maxValueChars && !/[。；！？，,]/u.test(text);
  while (end < lines.length && BULLET.test(lines[end]?.text ?? '') && shortValue((lines[end]?.text ?? '').replace(BULLET, '').trim())) end++;
  const items = lines.slice(start, end).map((l) => ({ value: l.text.replace(BULLET, '').trim(), line: l.from }));
  const dated = items.filter((x) => dateLine(x.value) !== null || /^(?:19|20)\d{2}-\d{1,2}-\d{1,2}$/u.test(x.value));
  const numbered = items.filter((x) => readFrameLine(x.value, x.line, frame)?.some((f) => f.field === 'docNumber'));
  if (items.length < 3 || !items.some((x) => INDEX_NUMBER.test(x.value) || dated.includes(x) || numbered.includes(x))) return null;
  const fields = items.map((x): RecordField => {
    if (INDEX_NUMBER.test(x.value)) return { field: 'indexNo', label: '', value: x.value, line: x.line };
    if (numbered.includes(x)) return { field: 'docNumber', label: '', value: x.value, line: x.line };
    const n = dated.indexOf(x);
    if (n >= 0) return { field: n === 0 && dated.length > 1 ? 'issued' : 'published', label: '', value: x.value, line: x.line };
    if (isIssuerLine(x.value, frame.rules.issuerEndings)) return { field: 'issuer', label: '', value: x.value, line: x.line };
    return { field: 'other', label: '', value: x.value, line: x.line };
  });
  return { fields, end };
}

export function readFrame(source: Source, frame: CompiledFrame): Source {
  const record: RecordField[] = [...source.record];
  const dropped: DroppedLine[] = [...source.dropped];
  const kept = [];
  const catalogue = unlabelledCatalogue(source.lines, frame);
  if (catalogue) {
    record.push(...catalogue.fields);
    for (const l of source.lines.slice(0, catalogue.end)) if (l.text.trim() !== '') dropped.push({ line: l.from, text: l.text, stage: 'frame', reason: 'catalogue' });
  }
  const lines = catalogue ? source.lines.slice(catalogue.end) : source.lines;
  /** Whether a sentence of text came yet: a date alone on a line before any is the page's, after it a signature's. */
  let text = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    // A line that opens with a tab is a table's cell, never frame.
    if (line.text.startsWith('\t')) {
      kept.push(line);
      if (/[。；！？]/u.test(line.text)) text = true;
      continue;
    }
    // The delimiter row of a catalogue written as a Markdown table belongs to the catalogue.
    if (DELIMITER_ROW.test(line.text.trim()) && dropped.at(-1)?.stage === 'frame' && dropped.at(-1)?.line === (lines[i - 1]?.from ?? -1)) {
      dropped.push({ line: line.from, text: line.text, stage: 'frame', reason: 'delimiter' });
      continue;
    }
    const pageDate = !text && dateLine(line.text) !== null ? [{ field: 'published', label: '', value: line.text.trim(), line: line.from }] : null;
    const read = readFrameLine(line.text, line.from, frame);
    // A 标题：/名称： field names the page's document only above its text; below, it is a line of the text.
    const fields = (read && text && read.every((f) => f.field === 'title') ? null : read) ?? masthead(lines, i, frame) ?? pageDate;
    if (!fields && /[。；！？]/u.test(line.text)) text = true;
    if (!fields) {
      kept.push(line);
      continue;
    }
    dropped.push({ line: line.from, text: line.text, stage: 'frame', reason: fields.map((f) => f.field).join(',') });
    const last = fields.at(-1);
    // 索引号： alone on one line, its value on the next (a row's empty cell, 文号 | |, has none).
    const next = lines[i + 1];
    if (last && fields.length === 1 && last.value === '' && last.label !== '' && next && isValueLine(next.text, frame)) {
      last.value = next.text.trim();
      dropped.push({ line: next.from, text: next.text, stage: 'frame', reason: last.field });
      i++;
    }
    record.push(...fields.filter((f) => f.value !== ''));
  }
  return { ...source, lines: kept, dropped, record };
}

export const frameStage = (): Stage<Source> => ({ name: 'frame', run: (source, { lexicon }) => readFrame(source, compileFrame(lexicon.gongwen)) });
