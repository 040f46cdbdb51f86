/**
 * Chinese labels and number formatting for the site: one place for every
 * word the pages show for an enum value of the schema.
 */
import type { DocumentFrontmatter, Practice, Region, Target } from '../schema/document.ts';
import { RANK_UNIT } from './units.ts';

export const kindLabels: Record<Target['kind'], string> = {
  target: '目标',
  achieved: '实际',
  baseline: '基线',
  change: '变化',
};

/** Longer explanation of each kind, for legends and the about page. */
export const kindDescriptions: Record<Target['kind'], string> = {
  target: '文件提出要达到的目标值',
  achieved: '文件报告已经达到的实际值',
  baseline: '改革前或对比用的基线值',
  change: '从一个值变到另一个值（显示变化后的值）',
};

/** Who read a figure or practice: the machine alone, or a person too (content/curation/). */
export const reviewLabels = {
  machine: '机器提取',
  checked: '人工核对',
  corrected: '人工修正',
  added: '人工补录',
} as const;
export type ReviewState = keyof typeof reviewLabels;

/** The review state of a figure or practice: `machine` when no person looked at it. */
export const reviewState = (item: { review?: { status: Exclude<ReviewState, 'machine'> } | undefined }): ReviewState => item.review?.status ?? 'machine';

/** What curation did to a figure, in a line: 人工核对（王明，2026-12-01）; a correction with its note and the machine's reading. */
export function reviewText(review: NonNullable<Target['review']>): string {
  const who = `${review.curator}，${review.date}`;
  const note = review.note ? `：${review.note}` : '';
  const machine = review.machine ? `（机器读作“${review.machine}”）` : '';
  return `${reviewLabels[review.status]}（${who}）${note}${machine}`;
}

/** A comparator in words, for the CSV and for screen readers. */
export const comparatorLabels: Record<Target['comparator'], string> = {
  '≥': '不低于',
  '≤': '不高于',
  '=': '等于',
  '≈': '约',
  range: '区间',
};

/** What each kind of repair of the text did (the provenance panel and its repair table). */
export const repairKindLabels: Record<string, string> = {
  synonym: '同义词还原',
  numbering: '删除失去标记的序号',
  space: '删除词中空格',
  chrome: '删除网站插入的字符',
  rejoin: '跨页重连',
  unflatten: '拆开连排成一行的公文要素',
  script: '繁简转换',
};

export const statusLabels: Record<Practice['status'], string> = {
  adopted: '已实施',
  planned: '计划',
};

export const levelLabels: Record<Region['level'], string> = {
  county: '县',
  'county-city': '县级市',
  district: '市辖区',
  prefecture: '地级市',
  province: '省级',
};

/** The formats a source file is read as, as the pages name them. */
export const formatLabels: Record<DocumentFrontmatter['source']['format'], string> = {
  text: '纯文本',
  html: '保存的网页',
  docx: 'Word文档（.docx）',
  doc: 'Word 97–2003文档（.doc）',
  pdf: 'PDF文件',
};

/** How a source file was read: 编码utf-8 for text, 保存的网页，编码gb18030, PDF文件. */
export function sourceFormatText(source: Pick<DocumentFrontmatter['source'], 'format' | 'encoding'>): string {
  if (source.format === 'text') return `编码${source.encoding}`;
  return source.format === 'html' ? `${formatLabels.html}，编码${source.encoding}` : formatLabels[source.format];
}

/** A number as the documents write it: plain digits, no float artefacts (0.30000000000000004). */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(12)));
}

/**
 * A target's value as a reader expects it: comparator, value (or range),
 * unit; a change shows where it started.
 */
/**
 * A figure's unit with what it is counted per and the time it covers, as units are written in
 * Chinese statistics: 元/人·月 (per person and month), 万元/院·年 (per institution and year), 元/年.
 * Figures of one indicator are comparable only within one such unit (口径).
 */
export function unitWithBasis(t: Pick<Target, 'unit' | 'basis' | 'per'>): string {
  if (t.unit.includes('/') || t.unit === RATIO_UNIT || (!t.basis && !t.per)) return t.unit;
  const basis = t.basis === 'person' ? '人' : t.basis === 'institution' ? '院' : '';
  const per = t.per === 'year' ? '年' : t.per === 'month' ? '月' : '';
  return `${t.unit}/${[basis, per].filter(Boolean).join('·')}`;
}

export function formatTargetValue(t: Pick<Target, 'value' | 'valueMax' | 'unit' | 'comparator' | 'from' | 'kind'> & Partial<Pick<Target, 'basis' | 'per'>>): string {
  // A movement without its start says its direction: +50%, −15% (a true minus sign).
  const signed = t.kind === 'change' && t.from === undefined;
  const number = (n: number): string => (signed && n > 0 ? `+${formatNumber(n)}` : n < 0 ? `−${formatNumber(-n)}` : formatNumber(n));
  const core = t.comparator === 'range' && t.valueMax !== undefined ? `${number(t.value)}至${number(t.valueMax)}` : number(t.value);
  const prefix = t.comparator === '=' || t.comparator === 'range' ? '' : t.comparator;
  // A ratio to one (医护比 1∶1.1) is written as one: 1:1.1, never 1.11:n.
  const unit = unitWithBasis(t);
  const value = t.unit === RATIO_UNIT ? `${prefix}1:${core}` : t.unit === RANK_UNIT ? `${prefix}第${core}名` : `${prefix}${core}${unit}`;
  if (t.kind === 'change' && t.from !== undefined) return `${t.unit === RATIO_UNIT ? `1:${formatNumber(t.from)}` : `${formatNumber(t.from)}${unit}`} → ${value}`;
  return value;
}

/** Why a figure is not plausible, in words: 超出合理上限（500万元）. */
export function implausibleLabel(i: NonNullable<Target['implausible']>): string {
  return `超出该指标的合理${i.bound === 'max' ? '上限' : '下限'}（${formatNumber(i.limit)}${i.unit}）`;
}

/** The unit of a ratio to one (units.yaml): its value is the second term. */
export const RATIO_UNIT = '1:n';

export function yearLabel(year: number | null | undefined): string {
  return year == null ? '年份不详' : `${year}年`;
}

export function regionLabel(region: Region | null): string {
  return region ? region.name : '地区不详';
}

/** `河北省 石家庄市 藁城市` (the prefecture is left out for a prefecture itself). */
export function regionPath(region: Region): string {
  // A municipality or a province is its own province: 北京市, not 北京市 北京市.
  return [...new Set([region.province, region.prefecture, region.name].filter(Boolean))].join(' ');
}

/** A paragraph id as readers see it: `p-12` → `第12段`. */
export function paragraphLabel(paragraph: string): string {
  return `第${paragraph.replace(/^p-/, '')}段`;
}

/** A partial date as Chinese readers write it: 2019-03-05 → 2019年3月5日, 2019-03 → 2019年3月. */
export function dateLabel(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${m ? `${Number(m)}月` : ''}${d ? `${Number(d)}日` : ''}`;
}

/** A plan's period: 2021—2025年 (one year: 2021年). */
export function periodLabel(period: { from: number; to: number }): string {
  return period.from === period.to ? `${period.from}年` : `${period.from}—${period.to}年`;
}
