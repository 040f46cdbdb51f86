/**
 * The layering, enforced: dependency-cruiser checks every import of src/,
 * scripts/ and astro.config.mjs against the rules of .dependency-cruiser.cjs,
 * and, since it cannot read .astro files, the imports of every page,
 * component and layout are checked here against the same rules. A broken
 * rule fails with the importing file, the imported one and the rule's name.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..');
interface PathRule {
  path?: string;
  pathNot?: string;
}
interface Rule {
  name: string;
  from: PathRule;
  to: PathRule & { circular?: boolean };
}
const config = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs')) as { forbidden: Rule[] };

const matches = (rule: PathRule, path: string) => (!rule.path || new RegExp(rule.path).test(path)) && (!rule.pathNot || !new RegExp(rule.pathNot).test(path));
/** The rules an import from `from` to `to` (paths relative to the repository) breaks. */
export function broken(from: string, to: string): string[] {
  return config.forbidden.filter((r) => !r.to.circular && matches(r.from, from) && matches(r.to, to)).map((r) => r.name);
}

interface Cruised {
  summary: { violations: Array<{ from: string; to: string; rule: { name: string } }> };
  modules: Array<{ source: string; dependencies: Array<{ module: string; resolved: string; couldNotResolve: boolean }> }>;
}

function cruise(): Cruised {
  const run = spawnSync(process.execPath, [join(root, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs'), 'src', 'scripts', 'astro.config.mjs', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!run.stdout.trim().startsWith('{')) throw new Error(`dependency-cruiser failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Cruised;
}

/** Imports of an .astro file (its frontmatter and scripts), resolved relative to the repository. */
function astroImports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/\bimport\s+(?:[^'"]*?\sfrom\s+)?['"](\.[^'"]+)['"]/g)].map((m) => relative(root, resolve(dirname(join(root, file)), m[1] ?? '')));
}

const astroFiles = ['src/pages', 'src/components', 'src/layouts'].flatMap((dir) =>
  readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.astro'))
    .map((e) => relative(root, join(e.parentPath, e.name))),
);

describe('the layering (.dependency-cruiser.cjs)', () => {
  const result = cruise();

  test('is checked over the whole code: every module found, every import of the project resolved', () => {
    expect(result.modules.length).toBeGreaterThan(60);
    const pipeline = result.modules.find((m) => m.source === 'src/lib/ingest/pipeline.ts');
    expect(pipeline?.dependencies.map((d) => d.resolved)).toContain('src/lib/ingest/stages/boilerplate.ts');
    const unresolved = result.modules.flatMap((m) => m.dependencies.filter((d) => d.couldNotResolve && d.module.startsWith('.')).map((d) => `${m.source} → ${d.module}`));
    expect(unresolved).toEqual([]);
  });

  test('holds: no import breaks a rule', () => {
    expect(result.summary.violations.map((v) => `${v.from} → ${v.to} breaks ${v.rule.name}`)).toEqual([]);
  });

  test('holds for the imports of every page, component and layout', () => {
    expect(astroFiles.length).toBeGreaterThan(20);
    const violations = astroFiles.flatMap((file) => astroImports(file).flatMap((to) => broken(file, to).map((rule) => `${file} → ${to} breaks ${rule}`)));
    expect(violations).toEqual([]);
  });

  test.each([
    ['src/lib/ingest/stages/segment.ts', 'src/lib/ingest/stages/split.ts', 'no-stage-imports-a-stage'],
    ['src/schema/document.ts', 'src/lib/lexicon.ts', 'schema-imports-nothing-of-the-project'],
    ['src/lib/ingest/markup/figure-marks.ts', 'src/lib/site/labels.ts', 'pipeline-imports-no-site'],
    ['src/lib/extract/extract.ts', 'src/lib/ingest/emit.ts', 'extract-reads-only-the-pipeline-model'],
    ['src/lib/site/source.ts', 'src/lib/ingest/stages/decode.ts', 'site-imports-no-pipeline'],
    ['src/pages/index.astro', 'src/lib/ingest/emit.ts', 'site-imports-no-pipeline'],
    ['src/lib/mdx/text.ts', 'src/lib/ingest/model.ts', 'neutral-ground-imports-neither-side'],
    ['src/pages/index.astro', 'src/lib/lexicon.ts', 'pages-read-the-lexicon-through-site-data'],
    ['scripts/bench.ts', 'tests/browser/chromium.ts', 'scripts-import-no-tests'],
    ['src/lib/site/data.ts', 'tests/helpers.ts', 'src-imports-no-scripts-or-tests'],
  ])('refuses %s → %s (%s)', (from, to, rule) => {
    expect(broken(from, to)).toContain(rule);
  });

  test.each([
    ['src/lib/ingest/pipeline.ts', 'src/lib/ingest/stages/split.ts'],
    ['src/lib/ingest/stages/segment.ts', 'src/lib/ingest/tables.ts'],
    ['src/lib/ingest/markup/figure-marks.ts', 'src/lib/labels.ts'],
    ['src/lib/extract/extract.ts', 'src/lib/ingest/model.ts'],
    ['src/lib/site/source.ts', 'src/lib/source/decode.ts'],
    ['src/lib/site/load.ts', 'src/lib/lexicon.ts'],
    ['scripts/bench.ts', 'scripts/lib/chromium.ts'],
    ['tests/hostile.test.ts', 'src/lib/ingest/ingest.ts'],
  ])('allows %s → %s', (from, to) => {
    expect(broken(from, to)).toEqual([]);
  });
});
