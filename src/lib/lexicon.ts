/**
 * Loads the domain knowledge kept as data under `content/lexicon/`:
 * boilerplate patterns, gazetteer, synonym repairs, document types, topics,
 * indicators, practices, glossary. Each file is validated by a zod schema
 * here; a bad entry fails with the file name and the offending path.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { formatIssues } from '../schema/document.ts';

/** Lexicon folder: LEXICON_DIR, else content/lexicon of the project (commands run from its root). */
export const DEFAULT_LEXICON_DIR = resolve(process.env.LEXICON_DIR ?? 'content/lexicon');

const boilerplateSchema = z.object({
  rules: z.array(
    z.object({
      /** Stable rule id, reported with each removed line. */
      id: z.string(),
      description: z.string().optional(),
      /** Regular expression (unicode mode) tested against the trimmed, Simplified line. */
      pattern: z.string(),
      /** Starts a site footer: the rest of the file's short lines go too. */
      tail: z.boolean().default(false),
      /** Lines longer than this are body text, never boilerplate. */
      maxLength: z.number().int().default(160),
      /** The line marks a page break: unpaginate rejoins the text that a page boundary cut. */
      pageBreak: z.boolean().default(false),
    }),
  ),
  /** Regular expressions whose first group names the site, tried on removed lines. */
  sitePatterns: z.array(z.string()).default([]),
});

const divisionLevel = z.enum(['county', 'county-city', 'district', 'prefecture']);

const gazetteerSchema = z.array(
  z.object({
    code: z.string(),
    name: z.string(),
    level: divisionLevel,
    prefecture: z.string().nullable(),
    province: z.string(),
  }),
);

const gazetteerExtraSchema = z.object({
  historical: z.array(
    z.object({
      name: z.string(),
      current: z.string(),
      level: divisionLevel,
      prefecture: z.string().nullable(),
      province: z.string(),
      until: z.number().int().optional(),
    }),
  ),
  docCodes: z.array(z.object({ prefix: z.string(), region: z.string() })),
  stopNames: z.array(z.string()).default([]),
  /** Endings of an issuing body's name in a signature line (卫生局, 领导小组办公室). */
  issuers: z.array(z.string()).default([]),
});

const repairsSchema = z.object({
  /** Spun phrases so unlikely in real text that one of them marks a document as spun. */
  signatures: z.array(z.string()),
  /** How many distinct signatures must occur before any repair is applied. */
  minSignatures: z.number().int().min(1).default(2),
  repairs: z.array(z.object({ from: z.string(), to: z.string(), note: z.string().optional() })),
});

const docTypesSchema = z.array(
  z.object({
    type: z.enum(['工作总结', '工作汇报', '实施方案', '工作安排', '任务分解', '其他']),
    /** Title endings (Simplified) that give this type, most specific first. */
    titleSuffixes: z.array(z.string()),
  }),
);

const topicsSchema = z.array(
  z.object({ id: z.string(), label: z.string(), keywords: z.array(z.string()), description: z.string().optional() }),
);

const indicatorsSchema = z.array(
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    label: z.string(),
    topic: z.string(),
    unit: z.string(),
    patterns: z.array(z.string()).min(1),
    description: z.string().optional(),
  }),
);

const practicesSchema = z.array(
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    label: z.string(),
    topic: z.string(),
    patterns: z.array(z.string()).min(1),
    description: z.string().optional(),
  }),
);

const glossarySchema = z.array(
  z.object({ id: z.string().regex(/^[a-z0-9-]+$/), term: z.string(), aliases: z.array(z.string()).default([]), definition: z.string() }),
);

const extractionSchema = z.object({
  /** Words that make a number a lower bound, an upper bound or an approximation. */
  comparators: z.record(z.enum(['≥', '≤', '≈']), z.array(z.string())),
  targetCues: z.array(z.string()),
  achievedCues: z.array(z.string()),
  baselineCues: z.array(z.string()),
  changeFrom: z.array(z.string()),
  changeTo: z.array(z.string()),
  plannedCues: z.array(z.string()),
  adoptedCues: z.array(z.string()),
  scopes: z.array(z.string()),
  /** Head nouns that give a clause its own subject. */
  subjectHeads: z.array(z.string()),
  /** Predicates that, opening a clause, continue the subject of the clause before. */
  continuePredicates: z.array(z.string()),
});

const anachronismsSchema = z.array(
  z.object({
    /** A term whose use dates a text. */
    term: z.string(),
    /** First year the term can appear in a real document. */
    since: z.number().int().optional(),
    /** Last year the term was current. */
    until: z.number().int().optional(),
    note: z.string(),
  }),
);

export type Boilerplate = z.infer<typeof boilerplateSchema>;
export type Division = z.infer<typeof gazetteerSchema>[number];
export type GazetteerExtra = z.infer<typeof gazetteerExtraSchema>;
export type SynonymRepairs = z.infer<typeof repairsSchema>;
export type DocTypeRules = z.infer<typeof docTypesSchema>;
export type Topic = z.infer<typeof topicsSchema>[number];
export type Indicator = z.infer<typeof indicatorsSchema>[number];
export type PracticeDef = z.infer<typeof practicesSchema>[number];
export type GlossaryTerm = z.infer<typeof glossarySchema>[number];
export type Anachronism = z.infer<typeof anachronismsSchema>[number];
export type ExtractionCues = z.infer<typeof extractionSchema>;

export interface Lexicon {
  boilerplate: Boilerplate;
  gazetteer: Division[];
  gazetteerExtra: GazetteerExtra;
  repairs: SynonymRepairs;
  docTypes: DocTypeRules;
  topics: Topic[];
  indicators: Indicator[];
  practices: PracticeDef[];
  glossary: GlossaryTerm[];
  anachronisms: Anachronism[];
  extraction: ExtractionCues;
  /** Regions featured on the home page and compared with every other region. */
  focusRegions: string[];
  termLinks: TermLinkRules;
}

const termLinksSchema = z.object({
  /** Words that contain a linkable term but mean something else: matched only to be skipped. */
  blockers: z.array(z.string().min(2)),
  /** Glossary words never linked: ordinary words too, or different things in different years. */
  ambiguous: z.array(z.string()),
});
export type TermLinkRules = z.infer<typeof termLinksSchema>;

function loadFile<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const path = join(dir, file);
  let raw: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    raw = file.endsWith('.json') ? JSON.parse(text) : parse(text);
  } catch (error) {
    throw new Error(`lexicon ${path}: cannot read: ${(error as Error).message}`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new Error(`lexicon ${path}: ${formatIssues(result.error)}`);
  return result.data;
}

const cache = new Map<string, Lexicon>();

/** Loads (once per directory) and validates every lexicon file. */
export function loadLexicon(dir: string = DEFAULT_LEXICON_DIR): Lexicon {
  const cached = cache.get(dir);
  if (cached) return cached;
  const lexicon: Lexicon = {
    boilerplate: loadFile(dir, 'boilerplate.yaml', boilerplateSchema),
    gazetteer: loadFile(dir, 'gazetteer.json', gazetteerSchema),
    gazetteerExtra: loadFile(dir, 'gazetteer-extra.yaml', gazetteerExtraSchema),
    repairs: loadFile(dir, 'synonym-repairs.yaml', repairsSchema),
    docTypes: loadFile(dir, 'doc-types.yaml', docTypesSchema),
    topics: loadFile(dir, 'topics.yaml', topicsSchema),
    indicators: loadFile(dir, 'indicators.yaml', indicatorsSchema),
    practices: loadFile(dir, 'practices.yaml', practicesSchema),
    glossary: loadFile(dir, 'glossary.yaml', glossarySchema),
    anachronisms: loadFile(dir, 'anachronisms.yaml', anachronismsSchema),
    extraction: loadFile(dir, 'extraction.yaml', extractionSchema),
    focusRegions: loadFile(dir, 'focus-regions.yaml', z.array(z.string())),
    termLinks: loadFile(dir, 'term-links.yaml', termLinksSchema),
  };
  cache.set(dir, lexicon);
  return lexicon;
}
