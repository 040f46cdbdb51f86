/**
 * Step: whether a figure's value is one its indicator can take. The range is
 * the indicator's `plausible` (indicators.yaml), in its unit, with money and
 * counts put on one scale by units.yaml `scales` (810万元 against a limit of
 * 1,000,000 元); without one, a share in % lies within 0–100 and a rate in ‰
 * within 0–1000. Movements (kind change) are not bounded: a rise of 150% is
 * one. An implausible figure most often lost a character of its source
 * (8—10万元 scraped as 810万元).
 */
import type { Indicator, UnitRules } from '../lexicon.ts';
import type { Target } from '../../schema/document.ts';
import { valueIn } from '../units.ts';

const DEFAULT_RANGES: Record<string, { min: number; max: number }> = { '%': { min: 0, max: 100 }, '‰': { min: 0, max: 1000 } };


export function implausibility(target: Pick<Target, 'kind' | 'value' | 'valueMax' | 'unit'>, indicator: Indicator, units: UnitRules): Target['implausible'] {
  if (target.kind === 'change') return undefined;
  const range = indicator.plausible ?? DEFAULT_RANGES[target.unit];
  if (!range) return undefined;
  const unit = indicator.plausible ? indicator.unit : target.unit;
  for (const v of [target.value, target.valueMax].filter((x): x is number => x !== undefined)) {
    const value = valueIn(v, target.unit, unit, units);
    if (value === undefined) continue;
    if (range.max !== undefined && value > range.max) return { bound: 'max', limit: range.max, unit };
    if (range.min !== undefined && value < range.min) return { bound: 'min', limit: range.min, unit };
  }
  return undefined;
}
