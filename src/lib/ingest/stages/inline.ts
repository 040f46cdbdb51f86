/**
 * Inline chrome stage: marks a site puts inside lines (pinyin glosses after
 * characters, 衛(wèi)生; empty image markup) are removed before anything else
 * reads the text, each change kept as a repair. The rules are data
 * (boilerplate.yaml `inline`).
 */
import type { Boilerplate } from '../../lexicon.ts';
import type { Repair, Source, Stage, TextLine } from '../model.ts';

/** Each rule's matches removed from every line, each change kept as a repair. */
export function stripInline(lines: TextLine[], rules: Boilerplate['inline']): { lines: TextLine[]; repairs: Repair[] } {
  const compiled = rules.map((r) => ({ id: r.id, regex: new RegExp(r.pattern, 'gu') }));
  const repairs: Repair[] = [];
  const out = lines.map((line) => {
    let text = line.text;
    for (const rule of compiled) {
      if (!rule.regex.test(text)) continue;
      rule.regex.lastIndex = 0;
      const before = text;
      text = text.replace(rule.regex, '');
      repairs.push({ kind: 'chrome', from: [...before].slice(0, 60).join(''), to: [...text].slice(0, 60).join(''), line: line.from });
    }
    return text === line.text ? line : { ...line, text };
  });
  return { lines: out, repairs };
}

export const inlineStage = (): Stage<Source> => ({
  name: 'inline',
  run: (source, { lexicon }) => {
    const { lines, repairs } = stripInline(source.lines, lexicon.boilerplate.inline);
    return repairs.length === 0 ? source : { ...source, lines, repairs: [...source.repairs, ...repairs] };
  },
});
