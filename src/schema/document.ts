/**
 * The one schema of a document's frontmatter, shared by the ingest scripts
 * (which validate what they emit) and the Astro content collection (which
 * validates what it reads). Types are derived from it with `z.infer`.
 */
import { z } from 'astro/zod';
import { cleaningNoteSchema, regionEvidenceSchema, typeEvidenceSchema, yearEvidenceSchema } from './evidence.ts';
import { curationSummarySchema, reviewSchema } from './curation.ts';

export * from './evidence.ts';

/** Document types (content/lexicon/doc-types.yaml says how each is recognised). */
export const docTypes = ['工作总结', '工作汇报', '实施方案', '规划', '工作安排', '任务分解', '通知', '意见', '讲话', '新闻报道', '评论研究', '其他'] as const;

/** A date as precise as the text gives it: YYYY-MM-DD, YYYY-MM or YYYY. */
export const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

/** A field of the 公文 frame or of a disclosure portal's catalogue, kept as metadata. */
export const recordFieldSchema = z.object({
  /** Field id from content/lexicon/gongwen.yaml (indexNo, category, docNumber, addressee …). */
  field: z.string().min(1),
  /** The label as written (索 引 号, 发文字号). */
  label: z.string(),
  /** The value as written. */
  value: z.string(),
  /** Source line. */
  line: z.number().int(),
});

/** Administrative levels of a region. */
export const regionLevels = ['county', 'county-city', 'district', 'prefecture', 'province'] as const;

export const regionSchema = z.object({
  /** Name as the document uses it, e.g. 藁城市 (a historical name is kept). */
  name: z.string().min(1),
  /** Prefecture-level city, e.g. 石家庄市; null for a prefecture or a province itself. */
  prefecture: z.string().nullable(),
  /** Province, e.g. 河北省. */
  province: z.string().min(1),
  /** Administrative level: county, county-city, district, prefecture, or province (a province's own document). */
  level: z.enum(regionLevels),
  /** ASCII slug of the region, for its page URL. */
  slug: z.string().regex(/^[a-z0-9-]+$/),
});

export const comparators = ['≥', '≤', '=', '≈', 'range'] as const;

export const targetSchema = z.object({
  /** Indicator id from content/lexicon/indicators.yaml. */
  indicator: z.string().min(1),
  /** Chinese label of the indicator. */
  label: z.string().min(1),
  /** target: a goal; achieved: a result; baseline: before a reform; change: from one value to another. */
  kind: z.enum(['target', 'achieved', 'baseline', 'change']),
  /** The value (for a change, the value reached). */
  value: z.number(),
  /** Unit as written, e.g. %, 元, 万人, 个百分点. */
  unit: z.string(),
  /** How the value bounds the indicator. */
  comparator: z.enum(comparators),
  /** Upper end of a range. */
  valueMax: z.number().optional(),
  /** Starting value of a change. */
  from: z.number().optional(),
  /** Year the figure refers to, when the sentence says. */
  year: z.number().int().optional(),
  /** What the figure applies to: 乡镇卫生院, 村卫生室, 全县 … */
  scope: z.string().optional(),
  /** The verbatim sentence of the cleaned text that states it. */
  quote: z.string().min(1),
  /** Id of the cited paragraph, e.g. p-12. */
  paragraph: z.string().regex(/^p-\d+$/),
  /** Row of the paragraph's table the figure is in, from 1 (header not counted); absent outside tables. */
  row: z.number().int().min(1).optional(),
  /** What the figure is counted per, when the text says: a person (人均, 每人) or an institution (每院); else a total. */
  basis: z.enum(['person', 'institution']).optional(),
  /** The time the figure covers, when the text says: a year (每年, 年收入) or a month (每月, 月收入). */
  per: z.enum(['year', 'month']).optional(),
  /**
   * The value lies outside what the indicator can plausibly be (indicators.yaml `plausible`, in the
   * indicator's unit): most often a character the source lost (810万元 for 8—10万元). Such a figure
   * stays on its document page with a warning and enters no comparison, chart or count of regions.
   */
  implausible: z.object({ bound: z.enum(['min', 'max']), limit: z.number(), unit: z.string() }).optional(),
  /** What a person did to it (content/curation/); absent: the machine's reading, unchecked (机器提取). */
  review: reviewSchema.optional(),
});

/**
 * A quantitative statement whose metric the lexicon has no indicator for (open extraction): kept
 * under the phrase the text gives it, on its document page, in the open data and in search, never
 * compared (its comparability is unknown until a curator maps it to an indicator).
 */
export const figureSchema = z
  .object({
    /** What the figure measures, as written: 乡镇卫生院, 每千人口床位数, 意识形态领域分析研判会. */
    metric: z.string().min(1),
  })
  // The rest is a target's, field for field (the indicator, its label and plausibility aside).
  .extend(targetSchema.pick({ kind: true, value: true, unit: true, comparator: true, valueMax: true, from: true, year: true, scope: true, quote: true, paragraph: true, row: true, basis: true, per: true, review: true }).shape);

export const practiceSchema = z.object({
  /** Practice id from content/lexicon/practices.yaml. */
  id: z.string().min(1),
  /** Chinese label of the practice. */
  label: z.string().min(1),
  /** adopted: reported as done; planned: an intention or plan. */
  status: z.enum(['adopted', 'planned']),
  /** The verbatim sentence that says so. */
  quote: z.string().min(1),
  /** Id of the cited paragraph. */
  paragraph: z.string().regex(/^p-\d+$/),
  /** Row of the paragraph's table, from 1 (header not counted); absent outside tables. */
  row: z.number().int().min(1).optional(),
  /** What a person did to it (content/curation/); absent: the machine's reading, unchecked. */
  review: reviewSchema.optional(),
});

export const repairSchema = z.object({
  /** synonym, rejoin, … */
  kind: z.string(),
  /** Text before the repair. */
  from: z.string(),
  /** Text after the repair. */
  to: z.string(),
  /** Source line it happened on. */
  line: z.number().int(),
});

export const documentSchema = z.object({
  /** Document title, cleaned. */
  title: z.string().min(1),
  /** ASCII slug, unique in the collection; also the file name. */
  slug: z.string().regex(/^[a-z0-9-]+$/),
  /** Region the document is about, or null when nothing in it identifies one. */
  region: regionSchema.nullable(),
  /** Why the region is what it is: the evidence, or why it is null. */
  regionEvidence: z.array(regionEvidenceSchema).min(1),
  /** The document's own year (its date, the title's year, a dateline; an undated plan's first year), or null. */
  year: z.number().int().min(1949).max(2100).nullable(),
  /** Whether the year is inferred (an undated plan's period) rather than stated. */
  yearInferred: z.boolean().default(false),
  /** Why the year is what it is, and any sign that the text's years were rewritten. */
  yearEvidence: z.array(yearEvidenceSchema).min(1),
  /** Document type. */
  docType: z.enum(docTypes),
  /** Why the type is what it is. */
  typeEvidence: z.array(typeEvidenceSchema).min(1),
  /** Issuing organ (发文机关): the header, the signature or the portal's 发布机构; for a news report no organ issued, its 来源 (汉中日报); or null. */
  issuer: z.string().nullable().default(null),
  /** Document number (发文字号) as written, e.g. 临政办发〔2019〕12号, or null. */
  docNumber: z.string().nullable().default(null),
  /** Date of issue (成文日期) as precise as known, or null. */
  issued: partialDate.nullable().default(null),
  /** Publication date on a portal or news site, or null. */
  published: partialDate.nullable().default(null),
  /** Years a plan covers (十四五 → 2021–2025), or null. */
  period: z.object({ from: z.number().int(), to: z.number().int() }).nullable().default(null),
  /** 公文 and portal catalogue fields kept as metadata (索引号, 主送机关, 抄送 …). */
  record: z.array(recordFieldSchema).default([]),
  /** Topic ids from content/lexicon/topics.yaml. */
  topics: z.array(z.string()),
  /** Targets, achievements, baselines and changes stated in the document. */
  targets: z.array(targetSchema),
  /** Other figures of the text, whose metric no indicator of the lexicon names (open extraction). */
  figures: z.array(figureSchema).default([]),
  /** Reform practices the document reports or plans. */
  practices: z.array(practiceSchema).default([]),
  /** Where the text came from. */
  source: z.object({
    /** Source file name under content/sources. */
    file: z.string(),
    /** sha256 of the source file's bytes. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** Document-sharing site the text was scraped from, when known. */
    site: z.string().nullable(),
    /** First and last source line of the document. */
    lines: z.tuple([z.number().int(), z.number().int()]),
    /** Position of the document within its source file, from 1. */
    index: z.number().int().min(1),
    /** Character encoding the file was decoded from (for a Word file or PDF, its format). */
    encoding: z.string(),
    /** How the file was read, judged by its content: plain text, a saved web page, a Word file (.docx, .doc) or a PDF. */
    format: z.enum(['text', 'html', 'docx', 'doc', 'pdf']).default('text'),
    /** A PDF's page of each paragraph (p-3 → "2", or "2–3" when it runs over a page break), for citations. */
    pages: z.record(z.string().regex(/^p-\d+$/), z.string().regex(/^\d+(?:–\d+)?$/)).optional(),
  }),
  /** What a person overrode or rejected (content/curation/<slug>.yaml); absent when nobody curated the document. */
  curation: curationSummarySchema.optional(),
  /** What cleaning did to the text. */
  cleaning: z.object({
    /** Boilerplate lines removed from the source file (shared by its documents). */
    boilerplateLines: z.number().int().min(0),
    /** Words and numbers rejoined across page breaks. */
    rejoins: z.number().int().min(0),
    /** Whether the text was converted from Traditional to Simplified script. */
    scriptConverted: z.boolean(),
    /** Repairs of machine-spun synonyms, each with its source line. */
    repairs: z.array(repairSchema),
    /** Anything else worth knowing about the text, as data. */
    notes: z.array(cleaningNoteSchema).default([]),
  }),
});

export type DocumentFrontmatter = z.infer<typeof documentSchema>;
export type Region = z.infer<typeof regionSchema>;
export type Target = z.infer<typeof targetSchema>;
export type Practice = z.infer<typeof practiceSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type DocType = (typeof docTypes)[number];
export type RecordField = z.infer<typeof recordFieldSchema>;

/** Formats zod issues as `field.path: message` lines, for error messages that name the file. */
export function formatIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}
