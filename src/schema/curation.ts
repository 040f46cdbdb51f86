/**
 * Curation: what a person decided about a document the machine read. One
 * file per document, `content/curation/<slug>.yaml`, found again on every
 * ingest by the source's sha256 and the document's place in it (not by its
 * slug, which a re-ingest may change). The machine proposes; an entry here
 * confirms, rejects, corrects or adds, and says who and when.
 *
 * The review marks that curation leaves on a document's frontmatter are
 * defined here too (reviewSchema, curationSummarySchema), so the site reads
 * the same shapes the ingest writes.
 */
import { z } from 'astro/zod';

/** A day, YYYY-MM-DD. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** Who decided, and when: every entry says it. */
const signed = {
  /** The curator's name or initials, as they want it shown (王明, WM). */
  curator: z.string().min(1),
  /** The day of the decision, YYYY-MM-DD. */
  date: day,
  /** Why, in a few words (shown on the site beside a correction). */
  note: z.string().optional(),
};

/** A figure's reading: the fields a curator confirms or sets. */
export const readingSchema = z.object({
  /** Canonical indicator id (indicators.yaml); null for a figure kept under its metric phrase. */
  indicator: z.string().min(1).nullable().optional(),
  /** The metric phrase, for a figure without an indicator. */
  metric: z.string().min(1).optional(),
  /** target, achieved, baseline or change. */
  kind: z.enum(['target', 'achieved', 'baseline', 'change']).optional(),
  /** The value (for a range, its lower end). */
  value: z.number().optional(),
  /** Upper end of a range (comparator `range`). */
  valueMax: z.number().optional(),
  /** Starting value of a change. */
  from: z.number().optional(),
  /** Unit as written (%, 元, 万元). */
  unit: z.string().optional(),
  /** ≥, ≤, =, ≈ or range. */
  comparator: z.enum(['≥', '≤', '=', '≈', 'range']).optional(),
  /** Year the figure refers to. */
  year: z.number().int().optional(),
  /** What it applies to (乡镇卫生院). */
  scope: z.string().optional(),
  /** What it is counted per: a person or an institution (每院, 每村); absent, a total. */
  basis: z.enum(['person', 'institution']).optional(),
  /** The time it covers: a year or a month. */
  per: z.enum(['year', 'month']).optional(),
});
export type Reading = z.infer<typeof readingSchema>;

/** A decision about one figure the machine extracted, found by its id (`npm run curate` lists them). */
const figureDecision = {
  /** The figure's id: 8 hex digits of its sentence, value and unit (src/lib/curation/ids.ts). */
  id: z.string().regex(/^[0-9a-f]{8}(?:-\d+)?$/, 'a figure id as `npm run curate -- <slug>` lists it (8 hex digits)'),
  /** The sentence it was read from, for a person reading this file and for the report when it no longer matches. */
  quote: z.string().optional(),
};

export const figureEntrySchema = z.discriminatedUnion('decision', [
  /** The machine read it right. `reading` is what was confirmed: when the machine later reads it otherwise, the confirmation is reported, not kept. */
  z.object({ decision: z.literal('confirm'), ...figureDecision, reading: readingSchema.optional(), ...signed }),
  /** Not a figure of the document (a misreading); `note` says why. It leaves every page, table and file. */
  z.object({ decision: z.literal('reject'), ...figureDecision, ...signed, note: z.string().min(1, 'say why the figure is rejected') }),
  /** Read wrong: `set` holds the fields as they should be; the others stay as the machine read them. */
  z.object({ decision: z.literal('correct'), ...figureDecision, set: readingSchema, ...signed }),
  /** A figure the machine missed, stated in the document's paragraph `paragraph` by the sentence `quote`. */
  z.object({
    decision: z.literal('add'),
    /** The sentence that states it, as the document's text has it (it must be found in that paragraph). */
    quote: z.string().min(1),
    /** Its paragraph, p-N. */
    paragraph: z.string().regex(/^p-\d+$/),
    reading: readingSchema.required({ kind: true, value: true, unit: true, comparator: true }),
    ...signed,
  }),
]);
export type FigureEntry = z.infer<typeof figureEntrySchema>;

export const practiceEntrySchema = z.discriminatedUnion('decision', [
  /** The practice is in the document as the machine says. */
  z.object({ decision: z.literal('confirm'), id: z.string().min(1), paragraph: z.string().regex(/^p-\d+$/), ...signed }),
  /** It is not (a misreading); `note` says why. */
  z.object({ decision: z.literal('reject'), id: z.string().min(1), paragraph: z.string().regex(/^p-\d+$/), ...signed, note: z.string().min(1, 'say why the practice is rejected') }),
  /** Adopted where the machine says planned, or the other way round. */
  z.object({ decision: z.literal('correct'), id: z.string().min(1), paragraph: z.string().regex(/^p-\d+$/), set: z.object({ status: z.enum(['adopted', 'planned']) }), ...signed }),
  /** A practice the machine missed. */
  z.object({ decision: z.literal('add'), id: z.string().min(1), paragraph: z.string().regex(/^p-\d+$/), status: z.enum(['adopted', 'planned']), quote: z.string().min(1), ...signed }),
]);
export type PracticeEntry = z.infer<typeof practiceEntrySchema>;

/** The document's fields a curator may override, each with its value. */
export const overrideFields = ['title', 'region', 'year', 'period', 'docType', 'issuer'] as const;
export type OverrideField = (typeof overrideFields)[number];

const override = <T extends z.ZodType>(value: T) => z.object({ value, ...signed });

export const curationFileSchema = z
  .object({
    /** Which document: its source file's sha256 and its place in the file (from 1), as its frontmatter's `source` says. */
    source: z.object({
      sha256: z.string().regex(/^[0-9a-f]{64}$/, 'the source file’s sha256 (64 hex digits), as the document’s frontmatter says'),
      index: z.number().int().min(1).default(1),
      /** The source file's name when the entry was made, for a person reading this file. */
      file: z.string().optional(),
    }),
    /** Overrides of the document's metadata. */
    document: z
      .object({
        /** The title as it should read. */
        title: override(z.string().min(1)).optional(),
        /** The region's name as the gazetteer has it (隰县, 六安市金安区 → 金安区), or null for none; `province` where the name is ambiguous. */
        region: override(z.string().min(1).nullable()).extend({ province: z.string().optional() }).optional(),
        /** The document's year. */
        year: override(z.number().int().min(1949).max(2100).nullable()).optional(),
        /** The years a plan covers. */
        period: override(z.object({ from: z.number().int(), to: z.number().int() }).nullable()).optional(),
        /** The document type (doc-types.yaml). */
        docType: override(z.string().min(1)).optional(),
        /** The issuing organ. */
        issuer: override(z.string().min(1).nullable()).optional(),
      })
      .strict()
      .default({}),
    /** Decisions about figures (targets and other figures alike). */
    figures: z.array(figureEntrySchema).default([]),
    /** Decisions about practices. */
    practices: z.array(practiceEntrySchema).default([]),
  })
  .strict();
export type CurationFile = z.infer<typeof curationFileSchema>;
export type CurationFileInput = z.input<typeof curationFileSchema>;

/** What a person did to a figure or practice, on the document's frontmatter. Absent: the machine's, unchecked. */
export const reviewSchema = z.object({
  /** checked: confirmed as read (人工核对); corrected: fields changed (人工修正); added: missed by the machine, entered by hand (人工补录). */
  status: z.enum(['checked', 'corrected', 'added']),
  /** The machine's id of the figure (src/lib/curation/ids.ts), kept through a correction; absent for an added one. */
  id: z.string().optional(),
  curator: z.string(),
  date: day,
  note: z.string().optional(),
  /** For a correction: what the machine read otherwise, as shown (实际; 上年同期; 810万元/院·年). */
  machine: z.string().optional(),
  /** For a correction of the number: the number as the text writes it, where the text's mark stays. */
  was: z.object({ value: z.number(), valueMax: z.number().optional(), unit: z.string() }).optional(),
});
export type Review = z.infer<typeof reviewSchema>;

/** What curation did to a document as a whole, on its frontmatter. */
export const curationSummarySchema = z.object({
  /** Metadata a person overrode: the field, the machine's value as shown, who and when. */
  overrides: z.array(z.object({ field: z.enum(overrideFields), machine: z.string(), curator: z.string(), date: day, note: z.string().optional() })),
  /** Figures and practices a person rejected, with why: off every page but this list. */
  rejected: z.array(
    z.object({
      what: z.string(),
      quote: z.string(),
      paragraph: z.string(),
      curator: z.string(),
      date: day,
      note: z.string(),
      /** A rejected figure's id, which no other figure of the document takes (two alike in sentence, value and unit keep theirs). */
      id: z.string().optional(),
    }),
  ),
});
export type CurationSummary = z.infer<typeof curationSummarySchema>;
