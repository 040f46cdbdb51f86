/**
 * Decode stage: a file's bytes → a Source of lines, each remembering its line
 * number (in the text the reader made of the file) and, for a web page, Word
 * file or PDF, where in the original it came from. The readers (by content:
 * text, HTML, DOCX, DOC, PDF) live in src/lib/source/, because the site shows
 * the same lines. Lines a reader left out (a page's menus and footer, a PDF's
 * running header) are dropped lines of this stage, with the reason.
 */
import { readSource } from '../../source/read.ts';
import type { Extracted } from '../../source/extracted.ts';
import type { Context, DroppedLine, Source } from '../model.ts';

/** A file as it is read: its name and bytes. */
export interface SourceFile {
  file: string;
  bytes: Uint8Array;
}

import { sha256 } from '../../source/decode.ts';

export { sha256 };

/** The reading stage: bytes read into lines (throws RejectedSource for what cannot be read). */
export interface Reader {
  name: string;
  run(input: SourceFile, context: Context): Source;
}

/** The options every reader takes from the lexicon. */
export const readOptions = (context: Context) => ({
  html: { rules: context.lexicon.html, labels: context.lexicon.gongwen.fields.flatMap((f) => f.labels) },
  ordinals: context.lexicon.structure.ordinals,
  ...(context.deadline !== undefined ? { timeoutMs: context.deadline - performance.now() } : {}),
});

export const decodeStage = (): Reader => ({
  name: 'decode',
  run({ file, bytes }, context) {
    return toSource(file, sha256(bytes), readSource(bytes, readOptions(context)));
  },
});

/** What a reader made of a file, as the Source the next stages take. */
export function toSource(file: string, hash: string, extracted: Extracted): Source {
  const lines: Source['lines'] = [];
  const dropped: DroppedLine[] = [];
  const origins: Source['origins'] = [];
  const headings: Source['headings'] = [];
  extracted.lines.forEach((line, i) => {
    const n = i + 1;
    if (line.origin) origins[i] = line.origin;
    if (line.heading) headings[i] = line.heading;
    if (line.omitted) dropped.push({ line: n, text: line.text, stage: 'decode', reason: line.omitted });
    else lines.push({ text: line.text, from: n, to: n });
  });
  const warnings = [...extracted.warnings];
  if (extracted.format !== 'text') warnings.push({ kind: 'extractedFrom', format: extracted.format, ...(extracted.pages !== undefined ? { pages: extracted.pages } : {}), omitted: dropped.filter((d) => d.text.trim() !== '').length });
  return {
    file,
    sha256: hash,
    encoding: extracted.encoding,
    format: extracted.format,
    origins,
    headings,
    ...(extracted.format !== 'text' ? { extracted } : {}),
    site: null,
    lines,
    dropped,
    repairs: [],
    warnings,
    record: [],
  };
}
