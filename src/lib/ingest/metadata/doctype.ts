/**
 * Document type from the end of the title, with the rules of
 * content/lexicon/doc-types.yaml; 其他 when no suffix matches.
 */
import type { DocTypeRules } from '../../lexicon.ts';
import type { DocType } from '../../../schema/document.ts';
import { compact } from '../chinese.ts';

export function detectDocType(title: string, rules: DocTypeRules): DocType {
  const core = compact(title).replace(/([（(][^（()）]*[）)])+$/u, '');
  for (const rule of rules) {
    if (rule.titleSuffixes.some((suffix) => core.endsWith(suffix))) return rule.type;
  }
  return '其他';
}
