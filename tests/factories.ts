/**
 * The shared test factories: a Source of lines and a Draft of one document,
 * as the stages receive them. One place, so a change to the model changes
 * every test's input at once.
 */
import type { Draft, Source } from '../src/lib/ingest/model.ts';

/** A decoded source of these lines (a string is split at line breaks), numbered from 1. */
export function sourceOf(lines: string | readonly string[], file = 'test.txt'): Source {
  const texts = typeof lines === 'string' ? lines.split('\n') : lines;
  return {
    file,
    sha256: '0'.repeat(64),
    encoding: 'utf-8',
    format: 'text',
    origins: [],
    headings: [],
    site: null,
    dropped: [],
    repairs: [],
    warnings: [],
    record: [],
    lines: texts.map((text, i) => ({ text, from: i + 1, to: i + 1 })),
  };
}

/** A document of one source, with these body lines and no title. */
export function draftOf(lines: string | readonly string[], file = 'test.txt'): Draft {
  const source = sourceOf(lines, file);
  return { source, index: 1, marker: null, titleLines: [], lines: source.lines, scriptConverted: false, repairs: [], blocks: [], notes: [], record: [] };
}
