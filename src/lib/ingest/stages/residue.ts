/**
 * Residue stage: leftovers of a source's layout inside the lines of a
 * document's body, each removed and recorded as a repair with its source line
 * (the provenance panel shows them like every other change):
 *
 * - a list number whose marker was lost, glued after the mark that closed the
 *   previous item and before a word: 市卫生局负责)1对实施… → 市卫生局负责)对实施…
 *   (one or two digits; not before a counter or unit, so ，3个月 stays);
 * - a space a line wrap left inside a word, in a line of prose: 为公立医 院安排
 *   → 为公立医院安排: one space between two Han characters where, the space
 *   taken out, a word stands across it (Intl.Segmenter's dictionary says where
 *   words stand). A space between words (卫生局 年医改工作总结, a heading run
 *   into its text) and a line without a sentence mark (a byline of names) stay.
 *
 * What counts as a list end, a counter and prose is data: structure.yaml's
 * `residue`, and the units of units.yaml. Title lines are left as they are.
 */
import type { Lexicon } from '../../lexicon.ts';
import type { Draft, Repair, Stage, TextLine } from '../model.ts';

/** How much text a repair records on each side of the change, so a reader can find it. */
const CONTEXT = 3;

/** Characters on each side of a space that are segmented to see whether a word stands across it. */
const WINDOW = 6;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Whether a word of `text` stands across offset `at` (no word boundary there). */
export function insideWord(text: string, at: number): boolean {
  const from = Math.max(0, at - WINDOW);
  let pos = from;
  for (const { segment } of segmenter.segment(text.slice(from, at + WINDOW))) {
    if (pos === at) return false;
    if (pos > at) return true;
    pos += segment.length;
  }
  return pos !== at;
}

const isHan = (c: string | undefined): boolean => c !== undefined && /\p{Script=Han}/u.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

export interface ResidueRules {
  listEnds: ReadonlySet<string>;
  counters: ReadonlySet<string>;
  proseMarks: readonly string[];
}

const rulesCache = new WeakMap<Lexicon, ResidueRules>();

export function residueRules(lexicon: Lexicon): ResidueRules {
  let rules = rulesCache.get(lexicon);
  if (!rules) {
    const { residue } = lexicon.structure;
    const unitStarts = lexicon.units.recognised.map((u) => u[0] ?? '').filter(Boolean);
    rules = { listEnds: new Set(residue.listEnds), counters: new Set([...residue.counters, ...unitStarts]), proseMarks: residue.proseMarks };
    rulesCache.set(lexicon, rules);
  }
  return rules;
}

/** One line's text with its residue removed, and what was removed (as `from` → `to` with a little context). */
export function cleanResidue(text: string, rules: ResidueRules): { text: string; changes: Array<{ kind: Repair['kind']; from: string; to: string }> } {
  const changes: Array<{ kind: Repair['kind']; from: string; to: string }> = [];
  const prose = rules.proseMarks.some((m) => text.includes(m));
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    // A lost list number: a list end, one or two digits, then a Han character that is no counter.
    if (rules.listEnds.has(c) && isDigit(text[i + 1])) {
      const digits = isDigit(text[i + 2]) ? 2 : 1;
      const next = text[i + 1 + digits];
      if (!isDigit(next) && isHan(next) && !rules.counters.has(next as string)) {
        const before = out.slice(-CONTEXT) + c;
        const after = text.slice(i + 1 + digits, i + 1 + digits + CONTEXT);
        changes.push({ kind: 'numbering', from: `${before}${text.slice(i + 1, i + 1 + digits)}${after}`, to: `${before}${after}` });
        out += c;
        i += digits;
        continue;
      }
    }
    // A wrap inside a word: one space between two Han characters, in prose, with a word across it.
    if (prose && c === ' ' && isHan(out.at(-1)) && isHan(text[i + 1]) && insideWord(out.slice(-WINDOW) + text.slice(i + 1, i + 1 + WINDOW), Math.min(out.length, WINDOW))) {
      const before = out.slice(-CONTEXT);
      const after = text.slice(i + 1, i + 1 + CONTEXT);
      changes.push({ kind: 'space', from: `${before} ${after}`, to: `${before}${after}` });
      continue;
    }
    out += c;
  }
  return { text: out, changes };
}

export function removeResidue(draft: Draft, lexicon: Lexicon): Draft {
  const rules = residueRules(lexicon);
  const repairs: Repair[] = [];
  const lines: TextLine[] = draft.lines.map((line) => {
    const { text, changes } = cleanResidue(line.text, rules);
    for (const change of changes) repairs.push({ ...change, line: line.from });
    return changes.length ? { ...line, text } : line;
  });
  return repairs.length ? { ...draft, lines, repairs: [...draft.repairs, ...repairs] } : draft;
}

/** The stage: lost list numbers and spaces inside words removed from the body, each recorded. */
export const residueStage = (): Stage<Draft> => ({ name: 'residue', run: (draft, { lexicon }) => removeResidue(draft, lexicon) });
