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

export function readFrame(source: Source, frame: CompiledFrame): Source {
  const record: RecordField[] = [...source.record];
  const dropped: DroppedLine[] = [...source.dropped];
  const kept = [];
  const lines = source.lines;
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
