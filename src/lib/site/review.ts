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

/** 数字和做法共57项：人工核对3项、人工修正7项，其余47项为机器提取; or 全部57项为机器提取，未经人工核对. */
export function reviewSummaryText(c: ReviewCounts): string {
  const person = c.checked + c.corrected + c.added;
  if (person === 0) return c.total === 0 ? '没有数字和做法' : `全部${c.total}项为机器提取，未经人工核对`;
  const parts = [c.checked && `人工核对${c.checked}项`, c.corrected && `人工修正${c.corrected}项`, c.added && `人工补录${c.added}项`].filter(Boolean);
  const rest = c.machine > 0 ? `，其余${c.machine}项为机器提取` : '';
  const rejected = c.rejected > 0 ? `；另有${c.rejected}项经人工剔除` : '';
  return `数字和做法共${c.total}项：${parts.join('、')}${rest}${rejected}`;
}
