/**
 * Stable identities of a document's figures and practices, for curation
 * files, `npm run curate`, the open data and error reports. A figure is its
 * sentence, its value and its unit: the same source read again gives the same
 * id, and a correction keeps the machine's (review.id). Two figures alike in
 * all three (分别为30%、30%) are told apart by their order (`-2`, `-3`).
 */
import { createHash } from 'node:crypto';
import type { Figure, Practice, Target } from '../../schema/document.ts';

type Identified = Pick<Target, 'quote' | 'value' | 'unit'> & { review?: Target['review'] };

/** 8 hex digits of the sentence, value and unit. */
export const figureDigest = (f: Pick<Target, 'quote' | 'value' | 'unit'>): string =>
  createHash('sha256').update(`${f.quote}\u0000${f.value}\u0000${f.unit}`).digest('hex').slice(0, 8);

/**
 * The id of each figure of a document, targets first then the other figures, in their order:
 * a reviewed one keeps the id it had when the machine read it.
 */
export function figureIds(figures: ReadonlyArray<Identified>, rejected: ReadonlySet<string> = new Set()): string[] {
  const seen = new Map<string, number>();
  return figures.map((f) => {
    // A reviewed figure keeps its machine id, and its place among those alike.
    const kept = f.review?.id?.match(/^([0-9a-f]{8})(?:-(\d+))?$/);
    if (kept?.[1]) {
      seen.set(kept[1], Math.max(seen.get(kept[1]) ?? 0, Number(kept[2] ?? 1)));
      return kept[0];
    }
    if (f.review?.status === 'added') return `${figureDigest(f)}-0`;
    const digest = figureDigest(f);
    const idOf = (n: number) => (n === 1 ? digest : `${digest}-${n}`);
    // A rejected figure keeps its id: the next one alike does not move up into its place.
    let n = (seen.get(digest) ?? 0) + 1;
    while (rejected.has(idOf(n))) n++;
    seen.set(digest, n);
    return idOf(n);
  });
}

/** Every figure of a document with its id: targets, then the other figures. */
export function identifiedFigures(data: { targets: readonly Target[]; figures: readonly Figure[]; curation?: { rejected: ReadonlyArray<{ id?: string }> } }): Array<{ id: string; figure: Target | Figure; target: boolean }> {
  const all: Array<Target | Figure> = [...data.targets, ...data.figures];
  const ids = figureIds(all, rejectedIds(data));
  return all.map((figure, i) => ({ id: ids[i] as string, figure, target: i < data.targets.length }));
}

/** The ids of a curated document's rejected figures. */
const rejectedIds = (data: { curation?: { rejected: ReadonlyArray<{ id?: string }> } }): Set<string> =>
  new Set((data.curation?.rejected ?? []).flatMap((r) => (r.id ? [r.id] : [])));

/** A practice is its lexicon id where the document states it. */
export const practiceKey = (p: Pick<Practice, 'id' | 'paragraph'>): string => `${p.id}@${p.paragraph}`;
