/**
 * The ingest pipeline: a chain of small named stages over a document object,
 * composed by two tiny runners (one over a source file, one over each of its
 * documents). An error names the stage and the file; a rejected source never
 * stops the others.
 *
 *   read → decode → strip boilerplate → unpaginate → split
 *        → convert script → repair synonyms → segment (tables) → metadata → extract → emit
 */
import { createHash } from 'node:crypto';
import type { Lexicon } from '../lexicon.ts';
import type { Draft, DroppedLine, Source } from './model.ts';
import { decode, RejectedSource, splitLines } from './stages/decode.ts';
import { stripBoilerplate } from './stages/boilerplate.ts';
import { unpaginate } from './stages/unpaginate.ts';
import { split } from './stages/split.ts';
import { convertScript } from './stages/script.ts';
import { repairSynonyms } from './stages/synonyms.ts';
import { segment } from './stages/segment.ts';

export interface Context {
  lexicon: Lexicon;
  /** `performance.now()` after which the file is rejected as taking too long (see checkDeadline). */
  deadline?: number;
}

/** Rejects the file when its time is up; stages are linear, so this is checked between them. */
export function checkDeadline(deadline: number | undefined, stage: string): void {
  if (deadline !== undefined && performance.now() > deadline) {
    throw new RejectedSource(`took too long: still at stage "${stage}" past the time limit for one file (split it, or raise --time-limit)`);
  }
}

/** A stage over a whole source file. */
export interface SourceStage {
  name: string;
  run(source: Source, context: Context): Source;
}

/** A stage over one document. */
export interface DocumentStage {
  name: string;
  run(draft: Draft, context: Context): Draft;
}

export class StageError extends Error {
  constructor(stage: string, file: string, cause: unknown) {
    super(`${file}: stage "${stage}" failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StageError';
  }
}

export const boilerplateStage = (): SourceStage => ({ name: 'boilerplate', run: (s, { lexicon }) => stripBoilerplate(s, lexicon.boilerplate) });
export const unpaginateStage = (): SourceStage => ({ name: 'unpaginate', run: (s) => unpaginate(s) });
export const scriptStage = (): DocumentStage => ({ name: 'script', run: (d) => convertScript(d) });
export const synonymStage = (): DocumentStage => ({ name: 'synonyms', run: (d, { lexicon }) => repairSynonyms(d, lexicon.repairs) });
export const segmentStage = (): DocumentStage => ({ name: 'segment', run: (d) => segment(d) });

export const defaultSourceStages = (): SourceStage[] => [boilerplateStage(), unpaginateStage()];
export const defaultDocumentStages = (): DocumentStage[] => [scriptStage(), synonymStage(), segmentStage()];

function runStages<T>(value: T, stages: Array<{ name: string; run(value: T, context: Context): T }>, context: Context, file: string): T {
  return stages.reduce((current, stage) => {
    checkDeadline(context.deadline, stage.name);
    try {
      return stage.run(current, context);
    } catch (error) {
      if (error instanceof RejectedSource) throw error;
      throw new StageError(stage.name, file, error);
    }
  }, value);
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Decodes a file into a Source with one TextLine per source line. Throws RejectedSource. */
export function readSource(file: string, bytes: Uint8Array): Source {
  const { text, encoding, warnings } = decode(bytes);
  const lines = splitLines(text).map((line, i) => ({ text: line, from: i + 1, to: i + 1 }));
  return { file, sha256: sha256(bytes), bytes: bytes.length, encoding, site: null, lines, dropped: [], repairs: [], warnings };
}

export interface SplitSource {
  source: Source;
  drafts: Draft[];
  dropped: DroppedLine[];
}

/** Runs the source stages, splits, then runs the document stages on each document. */
export function processSource(
  file: string,
  bytes: Uint8Array,
  context: Context,
  stages = { source: defaultSourceStages(), document: defaultDocumentStages() },
): SplitSource {
  const source = runStages(readSource(file, bytes), stages.source, context, file);
  const suffixes = context.lexicon.docTypes.flatMap((t) => t.titleSuffixes);
  let parts: ReturnType<typeof split>;
  checkDeadline(context.deadline, 'split');
  try {
    parts = split(source, { titleSuffixes: suffixes });
  } catch (error) {
    throw new StageError('split', file, error);
  }
  const drafts = parts.drafts.map((draft) => runStages(draft, stages.document, context, file));
  return { source, drafts, dropped: [...source.dropped, ...parts.dropped] };
}
