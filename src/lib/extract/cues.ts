/**
 * The cue words of content/lexicon/extraction.yaml and doc-types.yaml in the
 * shapes extraction tests them in: alternations of the literal words (so no
 * pattern can backtrack), the bounds sorted longest first, the plan types as
 * a set. Compiled once per lexicon.
 */
import type { Lexicon } from '../lexicon.ts';
import { escapeRegExp } from '../regexp.ts';
import type { DocType, Target } from '../../schema/document.ts';

export interface CompiledCues {
  /** The units (units.yaml), for the unit families. */
  units: Lexicon['units'];
  /** Document types whose figures are goals unless a clause says otherwise (doc-types.yaml `plan`). */
  planTypes: ReadonlySet<DocType>;
  /** A deadline marker and year (到2020年). */
  deadline: RegExp;
  /** What may not stand right before the marker: a notAfter word, or a year (2015年至2017年). */
  notDeadlineBefore: RegExp;
  /** A movement verb ending the text before a figure. */
  delta: RegExp;
  /** A clause that is a movement verb alone before its figure (减少17.1%, 同比增长了12%). */
  bareMovement: RegExp;
  /** A downward movement verb ending the text before a figure (下调, 下降了约). */
  falling: RegExp;
  /** A verb doing away with a level ending the text before a figure (取消了). */
  removal: RegExp;
  /** The first breakdown word (其中, 分别为). */
  breakdown: RegExp;
  perThousand: RegExp;
  perTenThousand: RegExp;
  /** Bounding words before a number, longest first. */
  boundsBefore: Array<{ word: string; comparator: Exclude<Target['comparator'], '=' | 'range'> }>;
  /** Bounding words that reach further into their clause (extraction.yaml clauseBounds). */
  clauseBounds: { reach: number; words: Array<{ word: string; comparator: '≥' | '≤' }> };
}

const anyOf = (words: readonly string[]) => `(?:${[...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})`;

const compiled = new WeakMap<Lexicon, CompiledCues>();

export function compileCues(lexicon: Lexicon): CompiledCues {
  const cached = compiled.get(lexicon);
  if (cached) return cached;
  const cues = lexicon.extraction;
  const result: CompiledCues = {
    units: lexicon.units,
    planTypes: new Set(lexicon.docTypes.filter((t) => t.plan).map((t) => t.type)),
    deadline: new RegExp(`${anyOf(cues.deadline.markers)}\\s*(?:19|20)\\d{2}\\s*年`, 'gu'),
    notDeadlineBefore: new RegExp(`(?:${anyOf(cues.deadline.notAfter)}|(?:19|20)\\d{2}\\s*年)$`, 'u'),
    delta: new RegExp(`${anyOf(cues.deltaVerbs)}了?(?:\\s*${anyOf(cues.approximately)})?\\s*$`, 'u'),
    bareMovement: new RegExp(`^(?:同比|分别|又|再)?${anyOf(cues.deltaVerbs)}(?:了|近|约)?$`, 'u'),
    falling: new RegExp(`${anyOf(cues.fallingVerbs.length ? cues.fallingVerbs : ['\u0000'])}了?(?:\\s*${anyOf(cues.approximately)})?\\s*$`, 'u'),
    removal: new RegExp(`${anyOf(cues.removalVerbs.length ? cues.removalVerbs : ['\u0000'])}了?\\s*$`, 'u'),
    breakdown: new RegExp(anyOf(cues.breakdowns), 'u'),
    perThousand: new RegExp(anyOf(cues.densityBases.perThousand), 'u'),
    perTenThousand: new RegExp(anyOf(cues.densityBases.perTenThousand), 'u'),
    boundsBefore: (Object.entries(cues.boundsBefore) as Array<[CompiledCues['boundsBefore'][number]['comparator'], string[]]>)
      .flatMap(([comparator, words]) => words.map((word) => ({ word, comparator })))
      .sort((a, b) => b.word.length - a.word.length || (a.word < b.word ? -1 : 1)),
    clauseBounds: {
      reach: cues.clauseBounds.reach,
      words: (Object.entries(cues.clauseBounds.words) as Array<['≥' | '≤', string[]]>).flatMap(([comparator, words]) => words.map((word) => ({ word, comparator }))),
    },
  };
  compiled.set(lexicon, result);
  return result;
}
