/**
 * The ingest pipeline: the one module that composes the stages, each a
 * factory `(options?) => ({ name, run })` in a file of its own under
 * ./stages/. The CLI, the build, the bench and the tests all run it.
 *
 *   decode → inline → unflatten → frame → boilerplate → unpaginate → split
 *     → script → synonyms → residue → segment → number → gaps → metadata → extract   (per document: analyseSource)
 *     → [slug, across the collection: ./ingest.ts]
 *     → markup → emit                                                (per document: renderDocument)
 *
 * An error names the stage and the file; RejectedSource (what is not text, a
 * file over its time) passes through as the file's reason. The runner checks
 * the file's deadline between stages: every rule is linear
 * (tests/unit/regex-safety.test.ts), so no single stage can hang.
 */
import { addTiming, type Analysed, type Context, type Draft, type DroppedLine, type NumberedBlock, type Source, type Stage } from './model.ts';
import type { DocumentFrontmatter } from '../../schema/document.ts';
import { RejectedSource } from '../source/decode.ts';
import { decodeStage, type Reader } from './stages/decode.ts';
import { boilerplateStage } from './stages/boilerplate.ts';
import { unpaginateStage } from './stages/unpaginate.ts';
import { frameStage } from './stages/frame.ts';
import { inlineStage } from './stages/inline.ts';
import { unflattenStage } from './stages/unflatten.ts';
import { splitStage, type Splitter } from './stages/split.ts';
import { scriptStage } from './stages/script.ts';
import { synonymsStage } from './stages/synonyms.ts';
import { residueStage } from './stages/residue.ts';
import { segmentStage } from './stages/segment.ts';
import { numberStage } from './stages/number.ts';
import { gapsStage } from './stages/gaps.ts';
import { metadataStage } from './stages/metadata.ts';
import { extractStage } from './stages/extract.ts';
import { markupStage, type TreeStage } from './stages/markup.ts';
import { emitStage, type Emitter } from './stages/emit.ts';

export type { Context } from './model.ts';
export { sha256 } from './stages/decode.ts';

/** Every stage of the pipeline, in order; a test or a tool may swap one. */
export interface Stages {
  read: Reader;
  source: Array<Stage<Source>>;
  split: Splitter;
  document: Array<Stage<Draft>>;
  tree: TreeStage[];
  emit: Emitter;
}

export const defaultStages = (): Stages => ({
  read: decodeStage(),
  source: [inlineStage(), unflattenStage(), frameStage(), boilerplateStage(), unpaginateStage()],
  split: splitStage(),
  document: [scriptStage(), synonymsStage(), residueStage(), segmentStage(), numberStage(), gapsStage(), metadataStage(), extractStage()],
  tree: [markupStage()],
  emit: emitStage(),
});

export class StageError extends Error {
  constructor(stage: string, file: string, cause: unknown) {
    super(`${file}: stage "${stage}" failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StageError';
  }
}

/** Rejects the file when its time is up. */
export function checkDeadline(deadline: number | undefined, stage: string): void {
  if (deadline !== undefined && performance.now() > deadline) {
    throw new RejectedSource(`took too long: still at stage "${stage}" past the time limit for one file (split it, or raise --time-limit)`);
  }
}

/** Runs one stage: the deadline checked first, its error named. */
function step<T>(name: string, file: string, context: Context, run: () => T): T {
  checkDeadline(context.deadline, name);
  const started = context.timings ? performance.now() : 0;
  try {
    const result = run();
    context.observe?.(name, result);
    return result;
  } catch (error) {
    if (error instanceof RejectedSource) throw error;
    throw new StageError(name, file, error);
  } finally {
    if (context.timings) addTiming(context.timings, name, performance.now() - started);
  }
}

const chain = <T>(value: T, stages: Array<Stage<T>>, context: Context, file: string): T =>
  stages.reduce((current, stage) => step(stage.name, file, context, () => stage.run(current, context)), value);

export interface AnalysedSource {
  source: Source;
  documents: Analysed[];
  /** Every line that reached no document, with the stage and reason. */
  dropped: DroppedLine[];
}

/** A file through every stage before its documents' slugs. Throws RejectedSource or StageError. */
export function analyseSource(file: string, bytes: Uint8Array, context: Context, stages: Stages = defaultStages()): AnalysedSource {
  const read = step(stages.read.name, file, context, () => stages.read.run({ file, bytes }, context));
  const cleaned = chain(read, stages.source, context, file);
  const parts = step(stages.split.name, file, context, () => stages.split.run(cleaned, context));
  // The documents see every dropped line of their source, the split stage's too.
  const source: Source = { ...cleaned, dropped: [...cleaned.dropped, ...parts.dropped] };
  const firstLine = (d: Draft | undefined): number | undefined => (d ? Math.min(d.titleLines[0]?.from ?? Infinity, d.lines[0]?.from ?? Infinity) : undefined);
  const documents = parts.drafts.map((draft, i) => {
    const next = firstLine(parts.drafts[i + 1]);
    const done = chain({ ...draft, source, ...(next !== undefined && Number.isFinite(next) ? { nextDocumentLine: next } : {}) }, stages.document, context, file);
    if (!done.data) throw new StageError('metadata', file, new Error('no frontmatter after the document stages'));
    return { draft: done, blocks: done.blocks, data: done.data };
  });
  return { source, documents, dropped: source.dropped };
}

/** A document with its slug → verified MDX: the tree stages, then emit. Throws what emit throws (NotInertError). */
export function renderDocument(data: DocumentFrontmatter, blocks: NumberedBlock[], context: Context, stages: Stages = defaultStages()): string {
  // The tree stages run inside emit: their time is counted as theirs, not emit's.
  let treeMs = 0;
  const transform = (tree: Parameters<TreeStage['run']>[0]) => {
    for (const stage of stages.tree) {
      const started = performance.now();
      stage.run(tree, data, context);
      const ms = performance.now() - started;
      treeMs += ms;
      addTiming(context.timings, stage.name, ms);
      context.observe?.(stage.name, tree);
    }
  };
  const started = performance.now();
  const mdx = stages.emit.run({ data, blocks, transform }, context);
  addTiming(context.timings, stages.emit.name, performance.now() - started - treeMs);
  context.observe?.(stages.emit.name, mdx);
  return mdx;
}
