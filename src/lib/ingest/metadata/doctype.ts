/**
 * Document type from the end of the title, with the rules of
 * content/lexicon/doc-types.yaml (a transmittal notice takes the type of the
 * document it transmits); 其他 when no suffix matches.
 */
import type { DocTypeRules, StructureRules } from '../../lexicon.ts';
import type { DocType } from '../../../schema/document.ts';
import { compact, withoutTrailingParentheticals } from '../chinese.ts';

/**
 * The title of the document a transmittal notice carries (X of 关于印发《X》的通知, with the words
 * of structure.yaml), if the title is one: its type is X's.
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

export function detectDocType(title: string, rules: DocTypeRules, structure: StructureRules): DocType {
  const whole = withoutTrailingParentheticals(compact(title));
  const core = transmittedTitle(whole, structure.transmittal) ?? whole;
  for (const rule of rules) {
    if (rule.titleSuffixes.some((suffix) => core.endsWith(suffix))) return rule.type;
  }
  return '其他';
}
