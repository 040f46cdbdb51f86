/**
 * Geometry of a horizontal bar chart, computed at build time for an inline
 * SVG (no client script, no inline styles: colours come from CSS classes).
 * One chart has one unit; the caller splits rows by unit first.
 */
import type { Target } from '../../schema/document.ts';

export interface BarInput {
  label: string;
  value: number;
  /** Upper end of a range, drawn as a lighter extension. */
  valueMax?: number;
  kind: Target['kind'];
  /** Text after the bar, e.g. `≥95%`. */
  valueText: string;
}

export interface BarLayout extends BarInput {
  y: number;
  /** Bar from 0 to value. */
  width: number;
  /** Extension from value to valueMax (0 when none). */
  extra: number;
  labelY: number;
  textX: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  /** x of the value axis' zero. */
  x0: number;
  plotWidth: number;
  max: number;
  bars: BarLayout[];
  /** Gridline positions and labels. */
  ticks: Array<{ x: number; label: string }>;
}

export const CHART = { width: 640, labelWidth: 190, valueWidth: 110, barHeight: 18, gap: 10, top: 24, bottom: 8 } as const;

/** A round maximum for the axis: 1, 2, 2.5 or 5 × 10^n at or above the largest value. */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

function tickLabel(v: number): string {
  return String(Number(v.toPrecision(6)));
}

export function layoutBars(inputs: readonly BarInput[]): ChartLayout {
  const x0 = CHART.labelWidth;
  const plotWidth = CHART.width - CHART.labelWidth - CHART.valueWidth;
  const max = niceMax(inputs.reduce((m, b) => Math.max(m, b.value, b.valueMax ?? 0), 0));
  const scale = (v: number): number => (Math.max(0, v) / max) * plotWidth;
  const bars = inputs.map((b, i) => {
    const y = CHART.top + i * (CHART.barHeight + CHART.gap);
    const width = Math.max(scale(b.value), b.value > 0 ? 1 : 0);
    const extra = b.valueMax !== undefined ? Math.max(0, scale(b.valueMax) - width) : 0;
    return { ...b, y, width, extra, labelY: y + CHART.barHeight / 2, textX: x0 + width + extra + 6 };
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({ x: x0 + f * plotWidth, label: tickLabel(f * max) }));
  const height = CHART.top + inputs.length * (CHART.barHeight + CHART.gap) + CHART.bottom;
  return { width: CHART.width, height, x0, plotWidth, max, bars, ticks };
}
