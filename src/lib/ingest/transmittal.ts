/**
 * Transmittal notices (关于印发《X》的通知, with the words of structure.yaml):
 * the titles of the documents they carry, and whether a title block of the
 * text is one of them, so that the notice and its attachment are read as one
 * document.
 */
import type { StructureRules } from '../lexicon.ts';
import { compact, toSimplified, withoutTrailingParentheticals } from './chinese.ts';

/**
 * What a transmittal notice carries (X of 关于印发《X》的通知), if the title is one; several
 * documents stay joined here (A》和《B): see transmittedTitles.
 */
export function transmittedTitle(title: string, rule: StructureRules['transmittal']): string | undefined {
  if (!title.endsWith(rule.end)) return undefined;
  const verb = rule.verbs.map((v) => `${rule.lead}${v}`).map((w) => ({ w, at: title.indexOf(w) })).filter((x) => x.at >= 0).sort((a, b) => a.at - b.at)[0];
  // Nothing but an unquoted lead-in may stand before 关于 (…县人民政府关于印发…).
  if (!verb || title.slice(0, verb.at).includes('《')) return undefined;
  let core = title.slice(verb.at + verb.w.length, -rule.end.length);
  if (core.startsWith('《')) core = core.slice(1);
  if (core.endsWith('》')) core = core.slice(0, -1);
  return core === '' ? undefined : core;
}

/** Each document a transmittal title carries: 《A》和《B》 → [A, B]. */
export function transmittedTitles(title: string, rule: StructureRules['transmittal']): string[] {
  const core = transmittedTitle(title, rule);
  if (!core) return [];
  return core
    .split(/》\s*(?:和|及|与|、|，|,)\s*《/u)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** A title as compared: Simplified, no spaces, no quotes or trailing （征求意见稿）. */
export const titleKey = (title: string) => withoutTrailingParentheticals(compact(toSimplified(title)).replace(/[《》“”"]/gu, ''));

/**
 * Whether a title block names a transmitted document: the same words, or one with the place
 * prefix the other drops (海南州全面推进…实施方案 for 全面推进…实施方案).
 */
export function namesTransmitted(block: string, transmitted: string): boolean {
  const a = titleKey(block);
  const b = titleKey(transmitted);
  if (a.length < 4 || b.length < 4) return false;
  return a === b || a.endsWith(b) || b.endsWith(a);
}
