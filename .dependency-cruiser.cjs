/**
 * The layering of Reform Atlas, enforced by `npm test` (tests/architecture.test.ts).
 * Each rule names what it keeps apart; README.md § Architecture draws it.
 *
 *   src/schema            the document schema: imports nothing of the project
 *   src/lib/mdx, source,  neutral ground both sides use (MDX syntax and text readers,
 *   labels.ts, evidence.ts, decoding originals, Chinese labels, evidence in Chinese,
 *   units.ts              unit families and scales,
 *   lexicon.ts            the lexicon loader)
 *   src/lib/ingest,       the pipeline: imports no site code
 *   src/lib/extract,
 *   src/lib/curation      (but curation/ids.ts, the figures' ids, which the site uses too)
 *   src/lib/site, search, the site: imports no pipeline code; pages read the lexicon
 *   pages, components     only through the site data (src/lib/site/load.ts)
 *   scripts               command-line entry points: anything in src, nothing in tests
 *   tests                 anything
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-stage-imports-a-stage',
      comment: 'A stage is one step of the pipeline; only the runner (src/lib/ingest/pipeline.ts) composes them. Share code through a helper module outside stages/.',
      severity: 'error',
      from: { path: '^src/lib/ingest/stages/' },
      to: { path: '^src/lib/ingest/stages/' },
    },
    {
      name: 'schema-imports-nothing-of-the-project',
      comment: 'The one schema is shared by scripts and site; it depends on zod alone.',
      severity: 'error',
      from: { path: '^src/schema/' },
      to: { path: '^(src|scripts|tests)/', pathNot: '^src/schema/' },
    },
    {
      name: 'pipeline-imports-no-site',
      comment: 'Ingest and extraction run without the site; what both need lives in src/lib/mdx, src/lib/source or src/lib/labels.ts.',
      severity: 'error',
      from: { path: '^src/lib/(ingest|extract|curation)/' },
      to: { path: '^src/(lib/site|lib/search|pages|components|layouts|scripts|styles)/' },
    },
    {
      name: 'extract-reads-only-the-pipeline-model',
      comment: 'Extraction takes blocks (src/lib/ingest/model.ts), not the internals of ingest stages.',
      severity: 'error',
      from: { path: '^src/lib/extract/' },
      to: { path: '^src/lib/ingest/', pathNot: '^src/lib/ingest/model\\.ts$' },
    },
    {
      name: 'site-imports-no-pipeline',
      comment: 'The site renders what ingest wrote; it never runs pipeline code (shared things are in src/lib/mdx, src/lib/source, src/lib/labels.ts).',
      severity: 'error',
      from: { path: '^(src/(lib/site|lib/search|pages|components|layouts|scripts)/|astro\\.config\\.mjs$|src/content\\.config\\.ts$)' },
      to: { path: '^src/lib/(ingest|extract)/|^src/lib/curation/(?!ids\\.ts$)' },
    },
    {
      name: 'neutral-ground-imports-neither-side',
      comment: 'src/lib/mdx, src/lib/source, src/lib/labels.ts and src/lib/evidence.ts are shared by pipeline and site, so they import neither.',
      severity: 'error',
      from: { path: '^src/lib/(mdx/|source/|curation/ids\\.ts$|units\\.ts$|labels\\.ts$|evidence\\.ts$)' },
      to: { path: '^src/(lib/(ingest|extract|site|search)/|pages/|components/|layouts/)' },
    },
    {
      name: 'pages-read-the-lexicon-through-site-data',
      comment: 'Pages and components get the lexicon from getSiteData() (src/lib/site/load.ts), loaded once per build.',
      severity: 'error',
      from: { path: '^src/(pages|components|layouts)/' },
      to: { path: '^src/lib/lexicon\\.ts$' },
    },
    {
      name: 'src-imports-no-scripts-or-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(scripts|tests)/' },
    },
    {
      name: 'scripts-import-no-tests',
      comment: 'Command-line tools work without the test suite; shared helpers live in scripts/lib/.',
      severity: 'error',
      from: { path: '^scripts/' },
      to: { path: '^tests/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^(src|scripts)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|dist-subpath|dist-package|artifacts|\\.astro)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js', '.json'] },
  },
};
