/**
 * npm run eval [-- --json] [--verbose] [--show-test]
 *
 * 1. The seeds: ingests content/sources in memory and scores the result
 *    against the golden annotations in tests/golden/.
 * 2. The corpus of real documents (tests/corpus/): scores title, region,
 *    year, type, issuer, document number, one document per file, figures and
 *    chrome, separately for the development half and the test half. Only the
 *    development half is listed document by document (--show-test lists the
 *    test half too: for the final report, never for tuning).
 * It also reports, of the found figures filed under an indicator, the share under another
 * indicator than the annotator's (wrong indicator), by half.
 * With --json the last line is one JSON object: {"targets":{"precision","recall"},
 * "practices":{…},"region","year","docType","corpus":{"dev":{…},"test":{…}}}.
 */
import { parseArgs } from 'node:util';
import { readFrontmatter } from '../src/lib/ingest/emit.ts';
import { ingestInMemory } from '../src/lib/ingest/ingest.ts';
import { evaluate, loadGolden } from '../src/lib/extract/evaluate.ts';
import { mainDocument, scoreCorpus, scoreHalf } from './lib/corpus.ts';
import { judgeFigures, loadCompleteFigures, sumJudgements, type CompleteFigures } from './lib/corpus-figures.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    verbose: { type: 'boolean', short: 'v', default: false },
    sources: { type: 'string', default: 'content/sources' },
    golden: { type: 'string', default: 'tests/golden' },
    corpus: { type: 'string', default: 'tests/corpus' },
    'show-test': { type: 'boolean', default: false },
  },
});

const { files } = ingestInMemory({ sources: values.sources });
const documents = [...files.values()].map(readFrontmatter);
const result = evaluate(loadGolden(values.golden), documents);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

console.log('document                          targets tp/ex/gold   practices tp/ex/gold   region  year  type');
for (const d of result.documents) {
  const mark = (ok: boolean) => (ok ? 'ok' : '✗');
  console.log(
    `${d.golden.padEnd(34)}${`${d.targets.tp}/${d.targets.extracted}/${d.targets.golden}`.padEnd(21)}${`${d.practices.tp}/${d.practices.extracted}/${d.practices.golden}`.padEnd(23)}${mark(d.region[0] === d.region[1]).padEnd(8)}${mark(d.year[0] === d.year[1]).padEnd(6)}${mark(d.docType[0] === d.docType[1])}`,
  );
  if (values.verbose) {
    for (const m of d.targets.missed) console.log(`    missed   ${m.indicator} ${m.kind} ${m.value}${m.unit} | ${m.quote}`);
    for (const s of d.targets.spurious) console.log(`    spurious ${s.indicator} ${s.kind} ${s.value}${s.unit} | ${s.quote.slice(0, 50)}`);
    if (d.practices.missed.length) console.log(`    practices missed: ${d.practices.missed.join(', ')}`);
    if (d.practices.spurious.length) console.log(`    practices spurious: ${d.practices.spurious.join(', ')}`);
    if (d.region[0] !== d.region[1]) console.log(`    region ${d.region[0]} ≠ golden ${d.region[1]}`);
    if (d.year[0] !== d.year[1]) console.log(`    year ${d.year[0]} ≠ golden ${d.year[1]}`);
  }
}
const t = result.targets;
const p = result.practices;
console.log(`\ntargets:   precision ${pct(t.precision)}  recall ${pct(t.recall)}  (${t.truePositives} matched, ${t.extracted} extracted, ${t.golden} golden; kind ${pct(t.kindAccuracy)}, comparator ${pct(t.comparatorAccuracy)}, scope ${pct(t.scopeAccuracy)})`);
console.log(`practices: precision ${pct(p.precision)}  recall ${pct(p.recall)}  (${p.truePositives} matched, ${p.extracted} extracted, ${p.golden} golden; status ${pct(p.statusAccuracy)})`);
console.log(`region ${pct(result.region)}  year ${pct(result.year)}  docType ${pct(result.docType)}`);

// The corpus of real documents, by half.
const { entries: corpus, unsplit, scores, documents: corpusDocuments } = scoreCorpus(values.corpus);
if (unsplit.length > 0) console.error(`eval: ${unsplit.length} corpus document(s) in neither half, not scored (split them with scripts/corpus-split.ts): ${unsplit.join(', ')}`);

const halves = { dev: scoreHalf('dev', scores), test: scoreHalf('test', scores) };
console.log(`\ncorpus of real documents (${values.corpus}): ${halves.dev.count} development, ${halves.test.count} test`);
const mark = (ok: boolean | null) => (ok === null ? '·' : ok ? 'ok' : '✗');
for (const s of scores) {
  if (s.half === 'test' && !values['show-test']) continue;
  console.log(
    `${s.half.padEnd(5)}${s.id.padEnd(36)}docs ${s.documents[0]}/${s.documents[1]}  title ${mark(s.title).padEnd(3)}region ${mark(s.region).padEnd(3)}year ${mark(s.year).padEnd(3)}type ${mark(s.type).padEnd(3)}issuer ${mark(s.issuer).padEnd(3)}no. ${mark(s.docNumber).padEnd(3)}figures ${s.figures[0]}/${s.figures[1]}${s.chromeLeaks.length ? `  chrome ${s.chromeLeaks.length}` : ''}`,
  );
  if (values.verbose) {
    console.log(`      got: ${s.got.title} | ${s.got.region ?? '—'} | ${s.got.year ?? '—'} | ${s.got.type} | ${s.got.issuer ?? '—'} | ${s.got.docNumber ?? '—'}`);
    for (const leak of s.chromeLeaks) console.log(`      chrome left: ${leak}`);
    for (const m of s.indicators.misfiled) console.log(`      indicator: ${m.value} (${m.metric}) filed under ${m.got}, annotated ${m.want ?? 'none of the lexicon'}`);
    for (const m of s.indicators.open) console.log(`      left open: ${m.value} as “${m.got}”, annotated ${m.want} (${m.metric})`);
  }
}
console.log('\nhalf   docs  title   region  year    type    issuer  doc no. one doc figures chrome');
const row = (label: string, h: ReturnType<typeof scoreHalf>) =>
  console.log(`${label.padEnd(7)}${String(h.count).padEnd(6)}${[h.title, h.region, h.year, h.type, h.issuer, h.docNumber, h.oneDocument, h.figureRecall].map((x) => pct(x).padEnd(8)).join('')}${h.chromeLeaks}`);
for (const h of [halves.dev, halves.test]) row(h.half, h);
// Of the found figures the program filed under an indicator, those under another than the annotator's.
for (const h of [halves.dev, halves.test]) {
  console.log(`${h.half.padEnd(7)}wrong indicator ${pct(h.wrongIndicator)} of ${h.mapped} mapped figures; ${h.unmapped} found figure(s) left without the indicator the annotator gives`);
}
// Precision, where an annotator wrote down every figure of the text (tests/corpus/figures/).
const complete = loadCompleteFigures(values.corpus);
const judged = corpus.filter((e) => complete.has(e.id)).map((e) => ({ entry: e, j: judgeFigures(complete.get(e.id) as CompleteFigures, mainDocument(corpusDocuments.get(e.file) ?? [])) }));
const ratio = ([a, b]: [number, number]) => `${b === 0 ? '—' : pct(a / b)} (${a}/${b})`;
const figureHalves = Object.fromEntries(
  (['dev', 'test'] as const).map((half) => [half, sumJudgements(judged.filter((x) => x.entry.half === half).map((x) => x.j))]),
) as Record<'dev' | 'test', ReturnType<typeof sumJudgements>>;
for (const half of ['dev', 'test'] as const) {
  const h = figureHalves[half];
  console.log(`${half.padEnd(7)}every figure annotated in ${h.documents} docs: precision ${ratio(h.precision)}, recall ${ratio(h.recall)} (Arabic numerals ${ratio(h.recallArabic)}); comparator ${ratio(h.comparator)}, kind ${ratio(h.kind)}`);
}
if (values.verbose) {
  for (const { entry, j } of judged.filter((x) => x.entry.half === 'dev' || values['show-test'])) {
    for (const s of j.spurious) console.log(`  ${entry.id}: not a figure of the text: ${s.value}${s.unit} | ${s.quote.slice(0, 60)}`);
    for (const m of j.missed) console.log(`  ${entry.id}: missed: ${m.value}${m.unit} | ${m.quote.slice(0, 60)}`);
    for (const m of j.misread) console.log(`  ${entry.id}: ${m.value} ${m.field} ${m.got}, annotated ${m.want} | ${m.quote.slice(0, 60)}`);
  }
}
// By batch: a later batch's test half had not been seen when the earlier batches' rules were made.
for (const batch of [...new Set(corpus.map((e) => e.batch))]) {
  console.log(`  batch ${batch}:`);
  for (const half of ['dev', 'test'] as const) row(`  ${half}`, scoreHalf(half, scores, batch));
}

if (values.json) {
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  console.log(
    JSON.stringify({
      targets: { precision: r3(t.precision), recall: r3(t.recall) },
      practices: { precision: r3(p.precision), recall: r3(p.recall) },
      region: r3(result.region),
      year: r3(result.year),
      docType: r3(result.docType),
      corpus: Object.fromEntries(
        Object.entries(halves).map(([k, h]) => [k, { ...h, figures: figureHalves[k as 'dev' | 'test'], ...Object.fromEntries(['title', 'region', 'year', 'type', 'issuer', 'docNumber', 'oneDocument', 'figureRecall', 'wrongIndicator'].map((f) => [f, r3(h[f as keyof typeof h] as number)])) }]),
      ),
    }),
  );
}
