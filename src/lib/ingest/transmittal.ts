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
export function transmittedTitle(written: string, rule: StructureRules['transmittal']): string | undefined {
  // 〈 〉, the marks for a title inside a title, stand for 《 》 where a site used them alone
  // (关于印发〈全面推进健康银川建设的实施意见〉的通知).
  const title = written.replace(/〈/gu, '《').replace(/〉/gu, '》');
  const end = [rule.end, ...rule.otherEnds].find((e) => title.endsWith(e));
  if (!end) return undefined;
  // 关于《X》公开征求意见的公告: a call for comments that names its draft before the verb.
  const calledFor = rule.quotedVerbs.map((v) => `》${v}意见${end}`).find((tail) => title.startsWith(`${rule.lead}《`) && title.endsWith(tail));
  if (calledFor) {
    const core = title.slice(rule.lead.length + 1, -calledFor.length);
    return core !== '' && !/[《》]/u.test(core) ? core : undefined;
  }
  // 关于印发…的通知, or an organ's own 某区人民政府印发《…》的通知 (the verb right before a quoted title).
  const verbs = [...rule.verbs.map((v) => `${rule.lead}${v}`), ...[...rule.verbs, ...rule.quotedVerbs].map((v) => `${v}《`)];
  const found = verbs.map((w) => ({ w: w.endsWith('《') ? w.slice(0, -1) : w, at: title.indexOf(w) })).filter((x) => x.at >= 0).sort((a, b) => a.at - b.at || b.w.length - a.w.length);
  // …转发市卫生健康委等十四部门《X》的通知: the organs whose document is forwarded stand between verb and title.
  const forwarded = found[0] ? undefined : rule.verbs.map((v) => ({ v, at: title.indexOf(v) })).find(({ v, at }) => at >= 0 && /^[^《》]{1,40}《[^《》]+》$/u.test(title.slice(at + v.length, -end.length)));
  const verb = found[0] ?? (forwarded ? { w: forwarded.v, at: forwarded.at } : undefined);
  // Nothing but an unquoted lead-in may stand before 关于 (…县人民政府关于印发…).
  if (!verb || title.slice(0, verb.at).includes('《')) return undefined;
  let core = title.slice(verb.at + verb.w.length, -end.length);
  // 关于转发省卫生健康委《X》的通知: X is the quoted title, not the organ before it.
  const organFirst = core.match(/^[^《》]{1,40}《([^《》]+)》$/u);
  if (organFirst?.[1]) core = organFirst[1];
  // …《X》意见的公告: the words after the quoted title are the notice's, not X's.
  const after = rule.afterTitle.find((w) => core.endsWith(`》${w}`));
  if (after) core = core.slice(0, -after.length);
  if (core.startsWith('《')) core = core.slice(1);
  if (core.endsWith('》')) core = core.slice(0, -1);
  return core === '' ? undefined : core;
}

/**
 * Each document a transmittal title carries: 《A》和《B》 → [A, B]; unquoted, A和B when both
 * parts end in a document-type word (…工作总结和…工作要点).
 */
export function transmittedTitles(title: string, rule: StructureRules['transmittal'], suffixes: readonly string[] = []): string[] {
  const core = transmittedTitle(title, rule);
  if (!core) return [];
  const quoted = core.split(/》\s*(?:和|及|与|、|，|,)\s*《/u).map((t) => t.trim()).filter((t) => t !== '');
  if (quoted.length > 1 || core.includes('《')) return quoted;
  const typed = (t: string) => suffixes.some((s) => t.endsWith(s));
  for (const joiner of ['和', '及', '与', '、']) {
    const parts = core.split(joiner);
    if (parts.length > 1 && parts.every((p) => p.length >= 4 && typed(p))) return parts;
  }
  return [core];
}

/** A title as compared: Simplified, no spaces, no quotes or trailing （征求意见稿）. */
export const titleKey = (title: string) => withoutTrailingParentheticals(compact(toSimplified(title)).replace(/[《》〈〉“”"]/gu, ''));

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
