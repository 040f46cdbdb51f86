/**
 * How much of a document a person checked (content/curation/), for its page
 * and the lists: counts of its figures and practices by review state.
 */
import type { DocumentFrontmatter } from '../../schema/document.ts';
import { reviewState, type ReviewState } from '../labels.ts';

export type ReviewCounts = Record<ReviewState, number> & { total: number; rejected: number };

export function reviewCounts(d: Pick<DocumentFrontmatter, 'targets' | 'figures' | 'practices' | 'curation'>): ReviewCounts {
  const counts: ReviewCounts = { machine: 0, checked: 0, corrected: 0, added: 0, total: 0, rejected: d.curation?.rejected.length ?? 0 };
  for (const item of [...d.targets, ...d.figures, ...d.practices]) {
    counts[reviewState(item)]++;
    counts.total++;
  }
  return counts;
}

/** 数字和做法57项：人工核对3项、人工修正7项，其余47项为机器提取; or 全部57项为机器提取，未经人工核对. */
export function reviewSummaryText(c: ReviewCounts): string {
  const person = c.checked + c.corrected + c.added;
  if (person === 0) return c.total === 0 ? '没有数字和做法' : `全部${c.total}项为机器提取，未经人工核对`;
  const parts = [c.checked && `人工核对${c.checked}项`, c.corrected && `人工修正${c.corrected}项`, c.added && `人工补录${c.added}项`].filter(Boolean);
  const rest = c.machine > 0 ? `，其余${c.machine}项为机器提取` : '';
  const rejected = c.rejected > 0 ? `；人工剔除${c.rejected}项` : '';
  return `数字和做法${c.total}项：${parts.join('、')}${rest}${rejected}`;
}

/**
 * Bytes a document page spends on saying who read its figures (the marks of rows not in their
 * table's usual state, the notes of corrections) and on their ids (data-figs, for 报错): kept free
 * by the page's plan. An estimate from above.
 */
export function reviewBytes(d: Pick<DocumentFrontmatter, 'targets' | 'figures'>): number {
  const all = [...d.targets, ...d.figures];
  const ids = all.length * 9;
  if (!all.some((f) => f.review)) return ids;
  // At most every row is marked (src/lib/site/review.ts tableReview marks the rows not in the usual state).
  const notes = all.reduce((n, f) => n + 45 + (f.review ? Buffer.byteLength(`${f.review.curator}${f.review.note ?? ''}${f.review.machine ?? ''}`) : 0), 0);
  return ids + Math.min(notes, all.length * 45 + all.reduce((n, f) => n + (f.review?.note ? Buffer.byteLength(`${f.review.note}${f.review.machine ?? ''}`) + 40 : 0), 0));
}

type Reviewed = { review?: DocumentFrontmatter['targets'][number]['review'] };

/** How a table says who read its rows (tableReview). */
export interface TableReview {
  /** The state most rows share, said once under the table. */
  usual: ReviewState;
  /** The one curator and day of all the rows in the usual state, when there is one. */
  signer: string | undefined;
  /** Whether a row says its own state: another than the usual, or a note of its curator. */
  marked: (item: Reviewed) => boolean;
  /** Whether any row does. */
  anyMarked: boolean;
}

/**
 * How a table says who read its rows: the state most of them share is said once, under the
 * table (with its curator and day when one person checked them all on one day); only the
 * rows in another state, or with a curator's note, say theirs. A print report does the same
 * (未注明者均经人工核对).
 */
export function tableReview(items: ReadonlyArray<Reviewed>): TableReview {
  const counts = new Map<ReviewState, number>();
  for (const item of items) counts.set(reviewState(item), (counts.get(reviewState(item)) ?? 0) + 1);
  // The machine's reading wins a tie: nobody is said to have checked what half the rows are.
  const usual = [...counts].sort((a, b) => b[1] - a[1] || (a[0] === 'machine' ? -1 : b[0] === 'machine' ? 1 : 0))[0]?.[0] ?? 'machine';
  const signers = new Set(items.flatMap((i) => (i.review && reviewState(i) === usual ? [`${i.review.curator}，${i.review.date}`] : [])));
  const marked = (item: Reviewed): boolean => reviewState(item) !== usual || item.review?.note !== undefined;
  return { usual, signer: signers.size === 1 ? [...signers][0] : undefined, marked, anyMarked: items.some(marked) };
}

/** The note under a table: what its unmarked rows are. */
export function tableReviewNote(plan: TableReview): string {
  const who = plan.signer ? `（${plan.signer}）` : '';
  const what: Record<ReviewState, string> = {
    machine: '为机器提取，未经人工核对',
    checked: `经人工核对${who}`,
    corrected: `经人工修正${who}`,
    added: `由人工补录${who}`,
  };
  return `${plan.anyMarked ? '未注明的数字均' : '以上数字均'}${what[plan.usual]}`;
}
