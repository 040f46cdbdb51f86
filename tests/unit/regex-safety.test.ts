/**
 * No rule can hang ingest: every regular expression that runs over source
 * text (the lexicon's boilerplate rules and site patterns, every regex
 * literal of the pipeline's code, and the patterns code builds) is checked
 * by recheck, which finds exponential and polynomial backtracking by
 * analysis and fuzzing. A new rule that could backtrack catastrophically
 * fails here, with the attack string recheck found.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import ts from 'typescript';
import { checkSync } from 'recheck';
import { loadLexicon } from '../../src/lib/lexicon.ts';
import { compileStructure } from '../../src/lib/ingest/structure.ts';
import { LISTED_NUMBER, impliedPattern, quantityPattern } from '../../src/lib/extract/quantities.ts';
import { compileCues } from '../../src/lib/extract/cues.ts';
import { CLOSING_DATE, blankedYear } from '../../src/lib/ingest/metadata/year.ts';
import { figurePattern } from '../../src/lib/ingest/markup/figure-marks.ts';
import { compileFrame } from '../../src/lib/ingest/frame.ts';
import { DATE, NUMERIC_DATE } from '../../src/lib/ingest/metadata/dates.ts';

const root = join(import.meta.dirname, '../..');
const lexicon = loadLexicon();

/** Every regex literal in the TypeScript files under `dir`, with where it is. */
function regexLiterals(dir: string): Array<[string, string, string]> {
  const found: Array<[string, string, string]> = [];
  for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(file);
        const end = text.lastIndexOf('/');
        const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
        found.push([`${relative(root, path)}:${line + 1}`, text.slice(1, end), text.slice(end + 1).replace(/[gy]/g, '')]);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

const sample = { indicator: 'x', label: 'x', kind: 'target' as const, value: 1048.5, valueMax: 2000, unit: '人', quote: '', paragraph: 'p-1' };

const structure = compileStructure(lexicon.structure);

const patterns: Array<[string, string, string]> = [
  ...lexicon.boilerplate.rules.map((r): [string, string, string] => [`boilerplate.yaml ${r.id}`, r.pattern, 'u']),
  ...lexicon.boilerplate.sitePatterns.map((p, i): [string, string, string] => [`boilerplate.yaml sitePatterns[${i}]`, p, 'u']),
  ...lexicon.boilerplate.inline.map((r): [string, string, string] => [`boilerplate.yaml inline ${r.id}`, r.pattern, 'u']),
  ...lexicon.gongwen.flattened.boundaries.map((p, i): [string, string, string] => [`gongwen.yaml flattened boundary ${i + 1}`, p, 'u']),
  ...(lexicon.gongwen.flattened.stampedHeadline ? [['gongwen.yaml flattened stampedHeadline', lexicon.gongwen.flattened.stampedHeadline, 'u'] as [string, string, string]] : []),
  ...(() => {
    const frame = compileFrame(lexicon.gongwen);
    return [frame.label, frame.innerLabel, ...frame.lines.map((l) => l.pattern), ...frame.datelines, ...frame.speechAddress, ...frame.researchOpenings, DATE, NUMERIC_DATE];
  })().map((r, i): [string, string, string] => [`gongwen.yaml / dates pattern ${i + 1}`, r.source, r.flags.replace(/[gy]/g, '')]),
  ...[...Object.values(structure).filter((v): v is RegExp => v instanceof RegExp), ...structure.headings.map((h) => h.pattern), quantityPattern(lexicon.units), ...[impliedPattern(lexicon.units)].filter((r): r is RegExp => r !== null), LISTED_NUMBER, CLOSING_DATE, blankedYear(lexicon.structure), figurePattern(sample, lexicon.units.variants), ...Object.values(compileCues(lexicon)).filter((v): v is RegExp => v instanceof RegExp)].map((r, i): [string, string, string] => [`built pattern ${i + 1}`, r.source, r.flags.replace(/[gy]/g, '')]),
  ...['src/lib/ingest', 'src/lib/extract', 'src/lib/mdx', 'src/lib/search'].flatMap(regexLiterals),
];

describe('regular expressions over source text', () => {
  test('are found (the collection itself works)', () => {
    expect(patterns.length).toBeGreaterThan(60);
    expect(patterns.some(([where]) => where.includes('boilerplate.yaml breadcrumb'))).toBe(true);
  });

  test('a known catastrophic pattern is caught (the checker works)', () => {
    expect(checkSync('^([^>]{1,12}\\s*>\\s*){1,}$', 'u', { randomSeed: 1 }).status).toBe('vulnerable');
  });

  test('a polynomial pattern is caught, and the exact checker confirms it', () => {
    expect(checkSync('\\d+\\d+x', 'u', { randomSeed: 1 }).status).toBe('vulnerable');
    const exact = checkSync('\\d+\\d+x', 'u', { checker: 'automaton' });
    expect(exact.status === 'vulnerable' && exact.complexity.type).toBe('polynomial');
  });

  test('none can backtrack catastrophically', () => {
    const unsafe: string[] = [];
    for (const [where, source, flags] of patterns) {
      let result = checkSync(source, flags, { timeout: 60_000, randomSeed: 1 });
      // The fuzz checker's search is bounded by time, so on a loaded machine it can call a
      // pattern polynomial that is linear (a bounded scan such as [^。]{0,40} over a long
      // string). Such a verdict is put to the automaton checker, which decides exactly.
      if (result.status === 'vulnerable' && result.checker === 'fuzz' && result.complexity.type === 'polynomial') {
        const exact = checkSync(source, flags, { timeout: 180_000, checker: 'automaton' });
        if (exact.status !== 'unknown') result = exact;
      }
      if (result.status === 'vulnerable') unsafe.push(`${where}: /${source}/ is ${result.complexity.type}, e.g. on ${JSON.stringify(result.attack.pattern)}`);
      else if (result.status !== 'safe') unsafe.push(`${where}: /${source}/ could not be checked (${JSON.stringify(result.error)})`);
    }
    expect(unsafe).toEqual([]);
  }, 600_000);
});
