/**
 * Why a document's region, year and type are what they are, and what
 * cleaning did to its text, as data: discriminated unions on `kind`, which
 * the site renders in Chinese (src/lib/evidence.ts) and no code reads as
 * prose. The first item of each list is the decision; later items are remarks
 * (a sign that years were rewritten, other years the text names).
 */
import { z } from 'astro/zod';

/** Formal positions of a 公文 and of a disclosure portal, where a name counts at once. */
export const formalPositions = ['title', 'issuer', 'signature', 'docNumber', 'portalField', 'dateline'] as const;

export const regionEvidenceSchema = z.discriminatedUnion('kind', [
  /** The place is named in a formal position: the title, the issuer, the signature, a portal field. */
  z.object({
    kind: z.literal('formal'),
    /** Which position. */
    position: z.enum(formalPositions),
    /** The place name as written there. */
    name: z.string(),
    /** The text of that position (the issuer, the field's value, the signature line). */
    text: z.string().optional(),
    /** Today's name, when the text uses a former one. */
    current: z.string().optional(),
  }),
  /** The body cites county-level documents of the place by name (《无极县…方案》). */
  z.object({ kind: z.literal('citedDocuments'), name: z.string(), citations: z.array(z.string()) }),
  /** The body names the place again and again. */
  z.object({ kind: z.literal('body'), name: z.string(), count: z.number().int() }),
  /** A document number's prefix belongs to the place's government (济发〔〕16号). */
  z.object({ kind: z.literal('docCode'), name: z.string(), prefix: z.string() }),
  /** The name was blanked out (xxx县, ***) and nothing else identifies it. */
  z.object({ kind: z.literal('anonymised'), mark: z.string() }),
  /** Nothing in the text identifies a place. */
  z.object({ kind: z.literal('none') }),
]);

export const yearEvidenceSchema = z.discriminatedUnion('kind', [
  /** The document's own date: the 成文日期 of its signature, or of the notice transmitting it. */
  z.object({ kind: z.literal('signatureDate'), date: z.string() }),
  /** A date field of a disclosure portal (成文日期, 发布日期 …). */
  z.object({ kind: z.literal('portalField'), field: z.string(), value: z.string() }),
  /** A year in the title (2016年医改工作总结, （2017-2020年）). */
  z.object({ kind: z.literal('title'), year: z.number().int() }),
  /** The year in the document's own 发文字号 (宣发〔2018〕17号): its year of issue. */
  z.object({ kind: z.literal('docNumber'), docNumber: z.string() }),
  /** A news item's dateline or publication date. */
  z.object({ kind: z.literal('dateline'), date: z.string() }),
  /** A news report of an event that names its year (召开2020年卫生健康工作会议): the year it was held. */
  z.object({ kind: z.literal('eventYear'), year: z.number().int(), text: z.string() }),
  /** An undated text that opens with its year (2021年，市卫生健康委…; 2020年来，…): that year (inferred). */
  z.object({ kind: z.literal('openingYear'), year: z.number().int(), text: z.string() }),
  /** An undated plan: the first year of its period (inferred). */
  z.object({ kind: z.literal('period'), from: z.number().int(), to: z.number().int() }),
  /** Remark: a plan that names only the years it aims at. */
  z.object({ kind: z.literal('targetYearsOnly'), years: z.array(z.number().int()) }),
  /** Remark: the text's years look rewritten by the site (terms used outside their lifetime). */
  z.object({ kind: z.literal('rewritten'), year: z.number().int(), reasons: z.array(z.string()), dropped: z.boolean() }),
  /** Remark: years replaced by placeholders (XX年). */
  z.object({ kind: z.literal('placeholders'), count: z.number().int() }),
  /** Remark: years blanked out (年 without digits). */
  z.object({ kind: z.literal('blanked'), count: z.number().int() }),
  /** Remark: other years the text names, far from the document's. */
  z.object({ kind: z.literal('otherYears'), years: z.array(z.number().int()) }),
  /** No date of the document's own in the text. */
  z.object({ kind: z.literal('none') }),
]);

export const typeEvidenceSchema = z.discriminatedUnion('kind', [
  /** The title ends in the type's word (…实施方案). */
  z.object({ kind: z.literal('titleSuffix'), suffix: z.string() }),
  /** A transmittal notice: the type of the document it transmits (关于印发《X》的通知). */
  z.object({ kind: z.literal('transmitted'), title: z.string(), suffix: z.string().optional() }),
  /** The text's form: a news dateline or reporter, a speaker addressing a meeting, a review of a past period. */
  z.object({ kind: z.literal('form'), form: z.enum(['news', 'speech', 'review', 'research', 'answer']), cue: z.string() }),
  /** Nothing decides: 其他. */
  z.object({ kind: z.literal('none') }),
]);

export const cleaningNoteSchema = z.discriminatedUnion('kind', [
  /** Converted from Traditional to Simplified script. */
  z.object({ kind: z.literal('scriptConverted') }),
  /** Machine-spun synonyms found and undone. */
  z.object({ kind: z.literal('synonymSpinning'), terms: z.array(z.string()), repairs: z.number().int() }),
  /** A table rebuilt from tab-separated lines. */
  z.object({ kind: z.literal('tableRebuilt'), rows: z.number().int(), droppedHeaders: z.number().int(), rejoinedCells: z.number().int() }),
  /** A title too long to show, shortened; the whole title is the first paragraph. */
  z.object({ kind: z.literal('titleShortened'), chars: z.number().int() }),
  /** Years of figures dropped because the text's years look rewritten. */
  z.object({ kind: z.literal('figureYearsDropped'), count: z.number().int() }),
  /** Control characters removed from the file. */
  z.object({ kind: z.literal('controlCharacters'), count: z.number().int() }),
  /** A byte-order mark that did not match the bytes. */
  z.object({ kind: z.literal('bomMismatch'), declared: z.string(), actual: z.string() }),
  /** A web page's declared charset that did not match its bytes. */
  z.object({ kind: z.literal('charsetMismatch'), declared: z.string(), actual: z.string() }),
  /** The text was read out of a web page, Word file or PDF; `omitted` lines of it (menus, footers, running headers) left out. */
  z.object({ kind: z.literal('extractedFrom'), format: z.enum(['html', 'docx', 'doc', 'pdf']), pages: z.number().int().optional(), omitted: z.number().int() }),
  /** Bytes that were not text in their encoding, replaced with U+FFFD. */
  z.object({ kind: z.literal('invalidBytes'), encoding: z.string(), count: z.number().int().optional() }),
  /** 公文 or portal metadata lines kept as fields, not text. */
  z.object({ kind: z.literal('recordLines'), count: z.number().int() }),
  /** A transmittal notice and the document it transmits, read as one. */
  z.object({ kind: z.literal('attachmentJoined'), title: z.string() }),
  /** The source site cut text out after paragraph `after` (null: before the first), where its line `line` said so. */
  z.object({ kind: z.literal('sourceGap'), after: z.string().nullable(), line: z.number().int(), text: z.string() }),
]);

export type RegionEvidence = z.infer<typeof regionEvidenceSchema>;
export type YearEvidence = z.infer<typeof yearEvidenceSchema>;
export type TypeEvidence = z.infer<typeof typeEvidenceSchema>;
export type CleaningNote = z.infer<typeof cleaningNoteSchema>;
