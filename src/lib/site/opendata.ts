/**
 * The open data files (/data/): rows, their columns and the CSV encoding.
 *
 * Each table is described once, as a list of columns (key, Chinese header,
 * meaning, and how a code reads in Chinese). The JSON files keep the keys and
 * the codes (for programs); the CSV files take the Chinese headers and values
 * (for people with a spreadsheet); the /data/ page prints the same list as its
 * data dictionary. CSV: UTF-8 with a BOM (so spreadsheet programs read the
 * Chinese right), RFC 4180 quoting, CRLF line ends.
 */
import type { Doc, SiteData } from './data.ts';
import type { Figure, Target } from '../../schema/document.ts';
import { comparatorLabels, implausibleLabel, kindLabels, levelLabels, paragraphLabel, periodLabel, reviewLabels, reviewState, reviewText, statusLabels, type ReviewState } from '../labels.ts';
import { identifiedFigures } from '../curation/ids.ts';

/** Turns a site-relative address into the one to publish (absolute when SITE_URL is set). */
export type Address = (path: string) => string;

/** Site-relative addresses of a document page and of one of its paragraphs. */
export interface Paths {
  doc(slug: string): string;
  cite(slug: string, paragraph: string): string;
}

/** One column of an open-data table. */
export interface Column<Row> {
  key: keyof Row & string;
  /** CSV header. */
  header: string;
  /** What the column holds, for the data dictionary. */
  meaning: string;
  /** The value as a CSV cell shows it, when it is a code (default: as in JSON). */
  csv?: (value: Row[keyof Row], row: Row) => string | number | null;
}

const yesNo = (v: unknown): string => (v ? '是' : '否');
const label = <K extends string>(labels: Record<K, string>) => (v: unknown): string | null =>
  v === null || v === undefined ? null : (labels[v as K] ?? String(v));

/** The columns every table opens with: which document, and its region. */
function documentOf({ id, data }: Doc): { slug: string; title: string; region: string | null; regionSlug: string | null } {
  return { slug: id, title: data.title, region: data.region?.name ?? null, regionSlug: data.region?.slug ?? null };
}

export interface DocumentDataRow {
  slug: string;
  title: string;
  region: string | null;
  regionSlug: string | null;
  province: string | null;
  prefecture: string | null;
  level: string | null;
  year: number | null;
  yearInferred: boolean;
  docType: string;
  issuer: string | null;
  docNumber: string | null;
  issued: string | null;
  published: string | null;
  period: { from: number; to: number } | null;
  topics: string[];
  targets: number;
  practices: number;
  sourceFile: string;
  sourceSite: string | null;
  url: string;
}

export const DOCUMENT_COLUMNS: ReadonlyArray<Column<DocumentDataRow>> = [
  { key: 'slug', header: '文件标识', meaning: '文件的唯一标识，也是文件页地址的一部分' },
  { key: 'title', header: '标题', meaning: '文件标题（清洗后）' },
  { key: 'region', header: '地区', meaning: '文件所属的县、区、县级市或地级市；地区不详为空' },
  { key: 'regionSlug', header: '地区标识', meaning: '地区页地址中的标识' },
  { key: 'province', header: '省份', meaning: '地区所在的省、自治区或直辖市' },
  { key: 'prefecture', header: '地级市', meaning: '地区所属的地级市或州、盟；地级市本身为空' },
  { key: 'level', header: '行政级别', meaning: '县、县级市、市辖区、地级市或省级', csv: label(levelLabels) },
  { key: 'year', header: '年份', meaning: '文件年份（成文日期、标题中的年份、新闻电头等）；不详为空' },
  { key: 'yearInferred', header: '年份为推断', meaning: '“是”表示年份由规划期等推断，文件未写明', csv: yesNo },
  { key: 'docType', header: '文件类型', meaning: '工作总结、实施方案、通知、新闻报道等' },
  { key: 'issuer', header: '发文机关', meaning: '发文机关或发布机构；新闻报道无发文机关时为其来源；不详为空' },
  { key: 'docNumber', header: '发文字号', meaning: '发文字号，按原文写法' },
  { key: 'issued', header: '成文日期', meaning: '成文日期（年-月-日，可能只到年或月）' },
  { key: 'published', header: '发布日期', meaning: '网站发布日期（年-月-日，可能只到年或月）' },
  { key: 'period', header: '规划期', meaning: '规划或方案覆盖的年份', csv: (v) => (v ? periodLabel(v as { from: number; to: number }) : null) },
  { key: 'topics', header: '主题', meaning: '文件涉及的主题（标识见 topics 对应的主题页）', csv: (v) => (v as string[]).join('、') },
  { key: 'targets', header: '数字数', meaning: '从文件中提取的数字（目标、实际值、基线、变化）的条数' },
  { key: 'practices', header: '做法数', meaning: '从文件中识别出的改革做法的条数' },
  { key: 'sourceFile', header: '来源文件', meaning: '本站收到的原始文件名（可能由采集者命名，不一定有含义）' },
  { key: 'sourceSite', header: '来源网站', meaning: '文本转载自的网站（已知时）' },
  { key: 'url', header: '地址', meaning: '文件页的地址' },
];

export function documentDataRows(site: SiteData, paths: Paths, address: Address): DocumentDataRow[] {
  return site.docs.map((doc: Doc) => {
    const d = doc.data;
    return {
    ...documentOf(doc),
    province: d.region?.province ?? null,
    prefecture: d.region?.prefecture ?? null,
    level: d.region?.level ?? null,
    year: d.year,
    yearInferred: d.yearInferred,
    docType: d.docType,
    issuer: d.issuer,
    docNumber: d.docNumber,
    issued: d.issued,
    published: d.published,
    period: d.period,
    topics: d.topics.map((t) => site.topicById.get(t)?.label ?? t),
    targets: d.targets.length,
    practices: d.practices.length,
    sourceFile: d.source.file,
    sourceSite: d.source.site,
    url: address(paths.doc(doc.id)),
    };
  });
}

export interface TargetDataRow {
  slug: string;
  title: string;
  region: string | null;
  regionSlug: string | null;
  /** The year the sentence names, else the document's year, else null. */
  year: number | null;
  /** Whether `year` is the document's year rather than one the sentence names. */
  yearFromDocument: boolean;
  documentYear: number | null;
  indicator: string;
  label: string;
  kind: string;
  comparator: string;
  value: number;
  valueMax: number | null;
  from: number | null;
  unit: string;
  scope: string | null;
  /** Why the value is not plausible for its indicator (超出该指标的合理上限…), or null. */
  plausibility: string | null;
  quote: string;
  paragraph: string;
  url: string;
  /** The figure's id (src/lib/curation/ids.ts), as npm run curate and error reports name it. */
  figureId: string;
  /** 机器提取, 人工核对, 人工修正 or 人工补录. */
  review: ReviewState;
  /** Who checked it, on what day, and why (a correction's note and the machine's reading); null for the machine's own. */
  reviewNote: string | null;
}

const paragraphNumber = (v: unknown): string => paragraphLabel(String(v));

export const TARGET_COLUMNS: ReadonlyArray<Column<TargetDataRow>> = [
  { key: 'slug', header: '文件标识', meaning: '数字所在文件的标识（见 documents 表）' },
  { key: 'title', header: '文件标题', meaning: '数字所在文件的标题' },
  { key: 'region', header: '地区', meaning: '文件所属地区；地区不详为空' },
  { key: 'regionSlug', header: '地区标识', meaning: '地区页地址中的标识' },
  { key: 'year', header: '年份', meaning: '数字所指的年份：句中写明的年份，否则为文件年份' },
  { key: 'yearFromDocument', header: '年份取自文件', meaning: '“是”表示句中没有写年份，年份是文件的年份', csv: yesNo },
  { key: 'documentYear', header: '文件年份', meaning: '文件本身的年份' },
  { key: 'indicator', header: '指标标识', meaning: '指标的标识（指标页地址的一部分）；指标词表中还没有其指标的数字为空' },
  { key: 'label', header: '指标', meaning: '指标名称；没有指标的数字为原文短语（如“专业技术岗位”），这样的数字不参与比较' },
  { key: 'kind', header: '类别', meaning: '目标（文件提出要达到的值）、实际（已达到的值）、基线（改革前的值）或变化（从一个值变到另一个值）', csv: label(kindLabels) },
  { key: 'comparator', header: '比较', meaning: '数值与指标的关系：不低于（≥）、不高于（≤）、等于（=）、约（≈）或区间', csv: label(comparatorLabels) },
  { key: 'value', header: '数值', meaning: '数值；区间为下限；变化没有起点时为变化量，下降为负（如下调15%为-15）' },
  { key: 'valueMax', header: '区间上限', meaning: '区间的上限' },
  { key: 'from', header: '变化前', meaning: '变化前的值' },
  { key: 'unit', header: '单位', meaning: '单位，按原文写法（%、元、万元、人、个百分点等）' },
  { key: 'scope', header: '适用范围', meaning: '数字适用的范围，如乡镇卫生院、村卫生室' },
  { key: 'plausibility', header: '合理性', meaning: '数值超出该指标的合理范围时的说明（多为原文缺字，如“8—10万元”丢了“—”成为“810万元”）；这样的数字不进入比较和图表；合理为空' },
  { key: 'quote', header: '原文', meaning: '说出这个数字的原文句子（清洗后的文本）' },
  { key: 'paragraph', header: '段落', meaning: '原文句子所在的段落（第N段，与页面上的段落编号一致）', csv: paragraphNumber },
  { key: 'url', header: '地址', meaning: '原文段落的地址（点开即定位到该段）' },
  { key: 'figureId', header: '数字编号', meaning: '数字在所在文件中的编号（由原文句子、数值和单位算出；报告错误和人工核对时用它指明是哪个数字）' },
  { key: 'review', header: '核对状态', meaning: '机器提取（程序读出，未经人工核对）、人工核对（有人核对无误）、人工修正（有人改正了程序的读法）或人工补录（程序漏掉、由人补上）', csv: label(reviewLabels) },
  { key: 'reviewNote', header: '核对说明', meaning: '核对人、日期和说明；人工修正时附程序原来的读法；机器提取为空' },
];

export function targetDataRows(site: SiteData, paths: Paths, address: Address): TargetDataRow[] {
  return site.docs.flatMap((doc: Doc) => {
    const ids = identifiedFigures(doc.data).map((x) => x.id);
    let n = 0;
    const row = (f: Target | Figure, own: Pick<TargetDataRow, 'indicator' | 'label' | 'plausibility'>): TargetDataRow => ({
      ...documentOf(doc),
      year: f.year ?? doc.data.year,
      yearFromDocument: f.year === undefined && doc.data.year !== null,
      documentYear: doc.data.year,
      indicator: own.indicator,
      label: own.label,
      kind: f.kind,
      comparator: f.comparator,
      value: f.value,
      valueMax: f.valueMax ?? null,
      from: f.from ?? null,
      unit: f.unit,
      scope: f.scope ?? null,
      plausibility: own.plausibility,
      quote: f.quote,
      paragraph: f.paragraph,
      url: address(paths.cite(doc.id, f.paragraph)),
      figureId: ids[n++] as string,
      review: reviewState(f),
      reviewNote: f.review ? reviewText(f.review) : null,
    });
    return [
      ...doc.data.targets.map((t) => row(t, { indicator: t.indicator, label: t.label, plausibility: t.implausible ? implausibleLabel(t.implausible) : null })),
      // The document's other figures (open extraction), under their metric phrase, without an indicator.
      ...doc.data.figures.map((f) => row(f, { indicator: '', label: f.metric, plausibility: null })),
    ];
  });
}

export interface PracticeDataRow {
  slug: string;
  title: string;
  region: string | null;
  regionSlug: string | null;
  documentYear: number | null;
  practice: string;
  label: string;
  status: string;
  quote: string;
  paragraph: string;
  url: string;
  review: ReviewState;
  reviewNote: string | null;
}

export const PRACTICE_COLUMNS: ReadonlyArray<Column<PracticeDataRow>> = [
  { key: 'slug', header: '文件标识', meaning: '做法所在文件的标识（见 documents 表）' },
  { key: 'title', header: '文件标题', meaning: '做法所在文件的标题' },
  { key: 'region', header: '地区', meaning: '文件所属地区；地区不详为空' },
  { key: 'regionSlug', header: '地区标识', meaning: '地区页地址中的标识' },
  { key: 'documentYear', header: '文件年份', meaning: '文件的年份' },
  { key: 'practice', header: '做法标识', meaning: '做法的标识（做法页地址的一部分）' },
  { key: 'label', header: '做法', meaning: '做法名称' },
  { key: 'status', header: '状态', meaning: '已实施（文件报告已经做了）或计划（文件打算做）', csv: label(statusLabels) },
  { key: 'quote', header: '原文', meaning: '说到这个做法的原文句子' },
  { key: 'paragraph', header: '段落', meaning: '原文句子所在的段落（第N段）', csv: paragraphNumber },
  { key: 'url', header: '地址', meaning: '原文段落的地址' },
  { key: 'review', header: '核对状态', meaning: '机器提取、人工核对、人工修正或人工补录（见 targets 表）', csv: label(reviewLabels) },
  { key: 'reviewNote', header: '核对说明', meaning: '核对人、日期和说明；机器提取为空' },
];

export function practiceDataRows(site: SiteData, paths: Paths, address: Address): PracticeDataRow[] {
  return site.docs.flatMap((doc) =>
    doc.data.practices.map((p) => ({
      ...documentOf(doc),
      documentYear: doc.data.year,
      practice: p.id,
      label: p.label,
      status: p.status,
      quote: p.quote,
      paragraph: p.paragraph,
      url: address(paths.cite(doc.id, p.paragraph)),
      review: reviewState(p),
      reviewNote: p.review ? reviewText(p.review) : null,
    })),
  );
}

/** The three tables, each with its file stem and Chinese name, for the pages and the archive. */
export const TABLES = [
  { stem: 'documents', name: '文件', columns: DOCUMENT_COLUMNS },
  { stem: 'targets', name: '数字', columns: TARGET_COLUMNS },
  { stem: 'practices', name: '做法', columns: PRACTICE_COLUMNS },
] as const;

/**
 * One CSV field: quoted when it holds a comma, a quote or a line break; quotes doubled. A text
 * that a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return
 * before one) gets a leading apostrophe, the mark spreadsheets read as "this is text". Numbers
 * stay numbers (-5 is a value, not a formula).
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const raw = String(value);
  const text = typeof value !== 'number' && FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** What opens a formula in Excel, LibreOffice and Google Sheets. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A table as CSV: Chinese headers, each code in Chinese (the column's `csv`), BOM, CRLF. */
export function toCsv<Row extends object>(rows: readonly Row[], columns: ReadonlyArray<Column<Row>>): string {
  const cell = (row: Row, c: Column<Row>): unknown => (c.csv ? c.csv(row[c.key], row) : row[c.key]);
  const lines = [columns.map((c) => csvField(c.header)).join(','), ...rows.map((r) => columns.map((c) => csvField(cell(r, c))).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A table as JSON: the keys and codes, one object per row, in column order. */
export function toJson<Row extends object>(rows: readonly Row[], columns: ReadonlyArray<Column<Row>>): string {
  const ordered = rows.map((r) => Object.fromEntries(columns.map((c) => [c.key, r[c.key]])));
  return JSON.stringify(ordered, null, 1);
}
