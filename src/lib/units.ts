/**
 * Units as content/lexicon/units.yaml defines them, for the pipeline and the site alike: the
 * family a unit belongs to, and a value moved from one unit of a family to another by the
 * families' scales (810万元 is 8,100,000 元). Neutral ground: it imports neither side.
 */
import type { UnitRules } from './lexicon.ts';
import type { unitFamilies } from '../schema/lexicon.ts';

export type UnitFamily = (typeof unitFamilies)[number];

/** The unit of a place in a ranking (units.yaml family `rank`): 93 is shown as 第93名. */
export const RANK_UNIT = '名次';

/**
 * The family of a unit (units.yaml): the first family listing it; a money unit with a base after
 * a slash (元/人) is money, a unit ending in a density base (人/千人) is a density; else other.
 */
export function unitFamily(unit: string, units: Pick<UnitRules, 'families' | 'densityEndings'>): UnitFamily {
  const families = Object.entries(units.families) as Array<[UnitFamily, string[]]>;
  const listed = families.find(([, list]) => list.includes(unit))?.[0];
  if (listed) return listed;
  const slash = unit.indexOf('/');
  if (slash > 0 && (units.families.money ?? []).includes(unit.slice(0, slash))) return 'money';
  if (units.densityEndings.some((ending) => unit.endsWith(ending))) return 'density';
  return 'other';
}

/** A value in unit `to` (itself when `from` is `to`), or undefined when no scale joins the two units. */
export function valueIn(value: number, from: string, to: string, units: Pick<UnitRules, 'scales'> | undefined): number | undefined {
  if (from === to) return value;
  const a = units?.scales[from];
  const b = units?.scales[to];
  return a === undefined || b === undefined ? undefined : (value * a) / b;
}
