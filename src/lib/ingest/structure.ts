/**
 * The structure markers of content/lexicon/structure.yaml as the split and
 * unpaginate stages test them: compiled once per lexicon.
 */
import type { StructureRules } from '../lexicon.ts';

export interface CompiledStructure {
  /** A collection marker anywhere in a line (第二篇：). */
  marker: RegExp;
  /** A collection marker opening a line, with the spaces around it. */
  markerAtStart: RegExp;
  /** An ordinal opening a line (一、, 1., （三）, 第二章 …). */
  ordinal: RegExp;
  /** Heading markers opening a line, with the depth each gives, in order. */
  headings: Array<{ depth: 2 | 3 | 4; pattern: RegExp }>;
  /** The spaces before a marker that starts a block inside run-together text. */
  inlineBreak: RegExp;
}

const compiled = new WeakMap<StructureRules, CompiledStructure>();

export function compileStructure(rules: StructureRules): CompiledStructure {
  const cached = compiled.get(rules);
  if (cached) return cached;
  const forms = rules.collectionMarkers.map((m) => m.replaceAll('{n}', rules.numeral)).join('|');
  const result = {
    marker: new RegExp(`(${forms})`, 'u'),
    markerAtStart: new RegExp(`^\\s*(${forms})\\s*`, 'u'),
    ordinal: new RegExp(`^\\s*(${rules.ordinals.join('|')})`, 'u'),
    headings: rules.headings.map((h) => ({ depth: h.depth, pattern: new RegExp(`^(?:${h.pattern})`, 'u') })),
    inlineBreak: new RegExp(`(?<![\\s\\u3000])[\\s\\u3000]+(?=${rules.inlineBreaks.join('|')})`, 'u'),
  };
  compiled.set(rules, result);
  return result;
}
