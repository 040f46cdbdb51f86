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
  };
  compiled.set(rules, result);
  return result;
}
