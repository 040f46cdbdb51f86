/**
 * The years a plan covers: a span in its title or opening ((2017-2020年),
 * 2019—2021年), a five-year plan's number (十四五 → 2021–2025, structure.yaml
 * fiveYearPlans), or a horizon with a length (到2025年 … 三年行动 → 2023–2025).
 */
import { smallNumber } from './dates.ts';

export interface Period {
  from: number;
  to: number;
}

/** 2017-2020年, 2019年至2021年, (2011—2020). */
const SPAN = /((?:19|20)\d{2}) ?年? ?[-—–~～至到] ?((?:19|20)\d{2}) ?(?:年|[）)])/u;
const FIVE_YEAR = /(?:“|")?([十]?[一二三四五六七八九十]{1,2})五(?:”|")?\s*(?:时期|期间|规划|发展规划|卫生|医疗|健康|全民)/u;
const HORIZON = /(?:到|至)\s*((?:19|20)\d{2})\s*年/u;
const LENGTH = /([一二三两四五六七八九十\d]{1,2})\s*年\s*(?:行动|攻坚|计划|规划|内|时间|左右)/u;

/** The five-year plan of its number: 十一五 → 2006–2010 (三五 began in 1966, after the 1963–1965 adjustment). */
export function fiveYearPlan(ordinal: string): Period | null {
  const n = smallNumber(ordinal);
  if (!n || n < 3 || n > 20) return null;
  const from = 1966 + (n - 3) * 5;
  return { from, to: from + 4 };
}

/** The period a title (or, second, the opening of a plan's text) states. */
export function detectPeriod(title: string, opening: string): Period | null {
  for (const text of [title, opening]) {
    const span = text.match(SPAN);
    if (span) {
      const from = Number(span[1]);
      const to = Number(span[2]);
      if (to >= from && to - from <= 15) return { from, to };
    }
    const five = text.match(FIVE_YEAR);
    if (five?.[1]) {
      const plan = fiveYearPlan(five[1]);
      if (plan) return plan;
    }
  }
  // 到2025年 with a length: 三年行动, 用三年时间.
  const text = `${title}\n${opening}`;
  const horizon = text.match(HORIZON);
  const length = text.match(LENGTH);
  if (horizon && length?.[1]) {
    const to = Number(horizon[1]);
    const years = smallNumber(length[1]);
    if (years && years >= 1 && years <= 10) return { from: to - years + 1, to };
  }
  return null;
}
