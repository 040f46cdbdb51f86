/**
 * Frame stage: lines of a 公文's frame, a disclosure portal's catalogue and a
 * news byline (content/lexicon/gongwen.yaml) leave the text and become record
 * fields of the source, each with its line; the split stage hands them to the
 * documents they belong to. A label alone on its line takes the next line as
 * its value (the two-column catalogues of many portals).
 */
import type { DroppedLine, Source, Stage } from '../model.ts';
import type { RecordField } from '../../../schema/document.ts';
import { compileFrame, readFrameLine, type CompiledFrame } from '../frame.ts';

/** A value line under a label: short, no sentence, not itself a field. */
const isValueLine = (text: string, frame: CompiledFrame) =>
  text.trim() !== '' && [...text.trim()].length <= frame.rules.maxValueChars && !/[。；！？]/u.test(text) && readFrameLine(text, 0, frame) === null;

export function readFrame(source: Source, frame: CompiledFrame): Source {
  const record: RecordField[] = [...source.record];
  const dropped: DroppedLine[] = [...source.dropped];
  const kept = [];
  const lines = source.lines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const fields = readFrameLine(line.text, line.from, frame);
    if (!fields) {
      kept.push(line);
      continue;
    }
    dropped.push({ line: line.from, text: line.text, stage: 'frame', reason: fields.map((f) => f.field).join(',') });
    const last = fields.at(-1);
    // 索引号： on one line, its value on the next.
    const next = lines[i + 1];
    if (last && last.value === '' && last.label !== '' && next && isValueLine(next.text, frame)) {
      last.value = next.text.trim();
      dropped.push({ line: next.from, text: next.text, stage: 'frame', reason: last.field });
      i++;
    }
    record.push(...fields.filter((f) => f.value !== ''));
  }
  return { ...source, lines: kept, dropped, record };
}

export const frameStage = (): Stage<Source> => ({ name: 'frame', run: (source, { lexicon }) => readFrame(source, compileFrame(lexicon.gongwen)) });
