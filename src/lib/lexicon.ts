/**
 * Loads the domain knowledge kept as data under `content/lexicon/`:
 * boilerplate patterns, gazetteer, synonym repairs, document types, topics,
 * indicators, practices, glossary, cue words, structure markers. Each file is
 * validated by its zod schema (src/schema/lexicon.ts); a bad entry fails with
 * the file name and the offending path.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { formatIssues } from '../schema/document.ts';
import {
  anachronismsSchema,
  boilerplateSchema,
  docTypesSchema,
  extractionSchema,
  gazetteerExtraSchema,
  gazetteerSchema,
  gongwenSchema,
  htmlSchema,
  glossarySchema,
  indicatorsSchema,
  practicesSchema,
  repairsSchema,
  structureSchema,
  termLinksSchema,
  topicsSchema,
  unitsSchema,
} from '../schema/lexicon.ts';

/** Lexicon folder: LEXICON_DIR, else content/lexicon of the project (commands run from its root). */
export const DEFAULT_LEXICON_DIR = resolve(process.env.LEXICON_DIR ?? 'content/lexicon');

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
export type StructureRules = z.infer<typeof structureSchema>;
export type UnitRules = z.infer<typeof unitsSchema>;
export type TermLinkRules = z.infer<typeof termLinksSchema>;
export type GongwenRules = z.infer<typeof gongwenSchema>;
export type HtmlRules = z.infer<typeof htmlSchema>;

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
  structure: StructureRules;
  units: UnitRules;
  /** The 公文 frame, portal catalogue fields, and the forms of news, speeches, reviews and research. */
  gongwen: GongwenRules;
  /** How a saved web page is read: dropped elements, chrome, article containers. */
  html: HtmlRules;
}



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
    structure: loadFile(dir, 'structure.yaml', structureSchema),
    units: loadFile(dir, 'units.yaml', unitsSchema),
    gongwen: loadFile(dir, 'gongwen.yaml', gongwenSchema),
    html: loadFile(dir, 'html.yaml', htmlSchema),
  };
  cache.set(dir, lexicon);
  return lexicon;
}
