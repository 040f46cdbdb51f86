/**
 * The curation folder (content/curation/): reading every file, each checked
 * by its schema, and writing one back. A file that cannot be read or does not
 * validate is an error naming the file and the field; the others are used.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { curationFileSchema, type CurationFile, type CurationFileInput } from '../../schema/curation.ts';
import { formatIssues } from '../../schema/document.ts';

export const DEFAULT_CURATION_DIR = 'content/curation';

export interface CurationSet {
  /** `sha256#index` → the file that curates that document: its path, and its name in the folder (what the ingest report says). */
  byDocument: Map<string, { file: string; name: string; curation: CurationFile; digest: string }>;
  /** Files that could not be used (by name in the folder), with why. */
  errors: Array<{ file: string; message: string }>;
}

/** How a curation file finds its document: the source's bytes and the document's place in them. */
export const documentKey = (sha256: string, index: number): string => `${sha256}#${index}`;

/** Every curation file of `dir` (none when it does not exist). */
export function loadCuration(dir: string | undefined): CurationSet {
  const set: CurationSet = { byDocument: new Map(), errors: [] };
  if (!dir) return set;
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort();
  } catch {
    return set;
  }
  for (const name of names) {
    const file = join(dir, name);
    let text: string;
    let raw: unknown;
    try {
      text = readFileSync(file, 'utf8');
      raw = parse(text);
    } catch (error) {
      set.errors.push({ file: name, message: `cannot read it: ${(error as Error).message.split('\n')[0]}` });
      continue;
    }
    const parsed = curationFileSchema.safeParse(raw);
    if (!parsed.success) {
      set.errors.push({ file: name, message: formatIssues(parsed.error) });
      continue;
    }
    const key = documentKey(parsed.data.source.sha256, parsed.data.source.index);
    const other = set.byDocument.get(key);
    if (other) {
      set.errors.push({ file: name, message: `curates the same document as ${other.name} (source ${key}): merge the two` });
      continue;
    }
    set.byDocument.set(key, { file, name, curation: parsed.data, digest: createHash('sha256').update(text).digest('hex') });
  }
  return set;
}

/** Reads one curation file, or undefined when there is none; throws naming the file when it is invalid. */
export function readCurationFile(file: string): CurationFile | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = curationFileSchema.safeParse(parse(text));
  if (!parsed.success) throw new Error(`${file}: ${formatIssues(parsed.error)}`);
  return parsed.data;
}

/** Writes a curation file (validated first), with a header saying what it is. */
export function writeCurationFile(file: string, curation: CurationFileInput): void {
  const valid = curationFileSchema.parse(curation);
  const header = '# Curation of one document (README § Curation): written by npm run curate, editable by hand.\n';
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, header + stringify(valid, { lineWidth: 0 }));
}
