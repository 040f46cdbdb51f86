/**
 * Document type from the end of the title, with the rules of
 * content/lexicon/doc-types.yaml (a transmittal notice takes the type of the
 * document it transmits); 其他 when no suffix matches.
 */
import type { DocTypeRules } from '../../lexicon.ts';
import type { DocType } from '../../../schema/document.ts';
import { compact } from '../chinese.ts';

/** 关于印发《X实施方案》的通知 transmits X: its type is X's. */
const TRANSMITTAL = /^(?:[^《]*?)?关于(?:印发|转发|下发)《?(.+?)》?的通知$/u;

export function detectDocType(title: string, rules: DocTypeRules): DocType {
  const whole = compact(title).replace(/([（(][^（()）]*[）)])+$/u, '');
  const core = whole.match(TRANSMITTAL)?.[1] ?? whole;
  for (const rule of rules) {
    if (rule.titleSuffixes.some((suffix) => core.endsWith(suffix))) return rule.type;
  }
  return '其他';
}
