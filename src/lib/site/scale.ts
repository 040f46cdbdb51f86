/**
 * Money and counts on one scale for comparison (units.yaml `families`, `scales`): 5亿元 and
 * 1374万元 of one indicator are one measure, in the indicator's unit (50000万元 beside
 * 1374万元); the original stays what the page shows. Units of different families, or without a
 * scale, are never converted.
 */
import type { Target } from '../../schema/document.ts';
import type { UnitRules } from '../lexicon.ts';
import { formatNumber, unitWithBasis } from '../labels.ts';
import { unitFamily, valueIn } from '../units.ts';

export { valueIn };

/** The unit rules the site needs (content/lexicon/units.yaml). */
export type UnitScales = Pick<UnitRules, 'families' | 'scales' | 'densityEndings'>;

/** The unit a figure is compared in: the indicator's, where both are of one family and both have a scale; else its own. */
export function commonUnit(unit: string, indicatorUnit: string, units: UnitScales | undefined): string {
  if (!units || unit === indicatorUnit) return unit;
  const from = units.scales[unit];
  const to = units.scales[indicatorUnit];
  if (from === undefined || to === undefined) return unit;
  const family = unitFamily(unit, units);
  return family !== 'other' && family === unitFamily(indicatorUnit, units) ? indicatorUnit : unit;
}

/** The measure a figure is compared as: its unit on the indicator's scale, with its basis and period (万元/院·年). */
export function comparableUnit(t: Pick<Target, 'unit' | 'basis' | 'per'>, indicatorUnit: string, units: UnitScales | undefined): string {
  return unitWithBasis({ ...t, unit: commonUnit(t.unit, indicatorUnit, units) });
}

/** "合50000万元" for a figure written in another unit of the row's scale; undefined when it is written in it. */
export function conversionNote(t: Pick<Target, 'unit' | 'value' | 'valueMax'>, indicatorUnit: string, units: UnitScales | undefined): string | undefined {
  const to = commonUnit(t.unit, indicatorUnit, units);
  if (to === t.unit) return undefined;
  const low = valueIn(t.value, t.unit, to, units);
  if (low === undefined) return undefined;
  const high = t.valueMax === undefined ? undefined : valueIn(t.valueMax, t.unit, to, units);
  return `合${formatNumber(low)}${high !== undefined ? `至${formatNumber(high)}` : ''}${to}`;
}
