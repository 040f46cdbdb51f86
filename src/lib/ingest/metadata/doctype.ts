/**
 * Document type from the end of the title, with the rules of
 * content/lexicon/doc-types.yaml (a transmittal notice takes the type of the
 * document it transmits); 其他 when no suffix matches.
 */
import type { DocTypeRules } from '../../lexicon.ts';
import type { DocType } from '../../../schema/document.ts';
import { compact, withoutTrailingParentheticals } from '../chinese.ts';

/** 关于印发《X实施方案》的通知 transmits X: its type is X's. */
const TRANSMITTAL_VERB = /关于(?:印发|转发|下发)/u;
const TRANSMITTAL_END = '的通知';

/** The title of the document a transmittal notice carries (X of 关于印发《X》的通知), if it is one. */
export function transmittedTitle(title: string): string | undefined {
  if (!title.endsWith(TRANSMITTAL_END)) return undefined;
  const verb = TRANSMITTAL_VERB.exec(title);
  // Nothing but an unquoted lead-in may stand before 关于 (…县人民政府关于印发…).
  if (!verb || title.slice(0, verb.index).includes('《')) return undefined;
  let core = title.slice(verb.index + verb[0].length, -TRANSMITTAL_END.length);
  if (core.startsWith('《')) core = core.slice(1);
  if (core.endsWith('》')) core = core.slice(0, -1);
  return core === '' ? undefined : core;
}

export function detectDocType(title: string, rules: DocTypeRules): DocType {
  const whole = withoutTrailingParentheticals(compact(title));
  const core = transmittedTitle(whole) ?? whole;
  for (const rule of rules) {
    if (rule.titleSuffixes.some((suffix) => core.endsWith(suffix))) return rule.type;
  }
  return '其他';
}
