/**
 * Unflatten stage: a 公文 whose PDF text a site ran into one line (…的通知 各区人民政府： 现将《…》
 * 印发给你们… 某县人民政府办公室 2022年12月14日 （此件公开发布） 某县…行动方案 …) is broken back
 * into lines where the elements of GB/T 9704 end, so that the frame and split stages see its
 * masthead, number, title, addressees, signature and date as they see a page's own lines. The
 * boundaries are data (gongwen.yaml `flattened`); only a long line with several of them is touched,
 * and each break is kept as a repair. In such a line the PDF's guillemets (« ») are the 《》 they stand for.
 */
import type { GongwenRules } from '../../lexicon.ts';
import type { Repair, Source, Stage, TextLine } from '../model.ts';

export interface CompiledFlattened {
  minChars: number;
  minBoundaries: number;
  boundaries: RegExp[];
  /** A news page's headline, its date and its text on one line: groups 1 to 3. */
  stampedHeadline: RegExp | null;
}

const compiledRules = new WeakMap<GongwenRules['flattened'], CompiledFlattened>();
export function compileFlattened(rules: GongwenRules['flattened']): CompiledFlattened {
  let compiled = compiledRules.get(rules);
  if (!compiled) {
    compiled = {
      minChars: rules.minChars,
      minBoundaries: rules.minBoundaries,
      boundaries: rules.boundaries.map((b) => new RegExp(b, 'gu')),
      stampedHeadline: rules.stampedHeadline ? new RegExp(rules.stampedHeadline, 'u') : null,
    };
    compiledRules.set(rules, compiled);
  }
  return compiled;
}

/** Where a flattened line breaks: the ends of the element matches, before the whitespace after them. */
export function flattenedBreaks(text: string, rules: CompiledFlattened): number[] {
  // 县域医共体建设让群众“医”路畅通 2025-07-07 10:22:00 “以前看病…: headline, date, text.
  const stamped = rules.stampedHeadline ? text.match(rules.stampedHeadline) : null;
  if (stamped?.[1] && stamped[2]) return [stamped[1].length, text.indexOf(stamped[2], stamped[1].length) + stamped[2].length];
  if ([...text].length < rules.minChars) return [];
  const ends = new Set<number>();
  let kinds = 0;
  for (const pattern of rules.boundaries) {
    let found = false;
    for (const m of text.matchAll(pattern)) {
      const element = m[1] ?? m[0];
      const end = (m.index ?? 0) + m[0].indexOf(element) + element.length;
      if (end > 0 && end < text.length) {
        ends.add(end);
        found = true;
      }
    }
    if (found) kinds++;
  }
  return kinds >= rules.minBoundaries ? [...ends].sort((a, b) => a - b) : [];
}

/** Each flattened line as the lines it ran together, on its source line. */
export function unflatten(lines: TextLine[], rules: CompiledFlattened): { lines: TextLine[]; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const out: TextLine[] = [];
  for (const line of lines) {
    const breaks = flattenedBreaks(line.text, rules);
    if (breaks.length === 0) {
      out.push(line);
      continue;
    }
    let at = 0;
    for (const end of [...breaks, line.text.length]) {
      // A PDF's text gives 《》 as guillemets (« 关于…的意见 »): the book-title marks they stand for.
      const piece = line.text.slice(at, end).trim().replace(/\s?«\s?/gu, '《').replace(/\s?»\s?/gu, '》');
      if (piece !== '') out.push({ ...line, text: piece });
      at = end;
    }
    repairs.push({ kind: 'unflatten', from: [...line.text].slice(0, 60).join(''), to: `分为${breaks.length + 1}行`, line: line.from });
  }
  return { lines: out, repairs };
}

export const unflattenStage = (): Stage<Source> => ({
  name: 'unflatten',
  run: (source, { lexicon }) => {
    const { lines, repairs } = unflatten(source.lines, compileFlattened(lexicon.gongwen.flattened));
    return repairs.length === 0 ? source : { ...source, lines, repairs: [...source.repairs, ...repairs] };
  },
});
