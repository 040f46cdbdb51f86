/**
 * npm run eval [-- --json] [--verbose]
 *
 * Ingests content/sources in memory and scores the result against the
 * golden annotations in tests/golden/. With --json the last line is one JSON
 * object: {"targets":{"precision","recall"},"practices":{…},"region","year","docType"}.
 */
import { parseArgs } from 'node:util';
import { readFrontmatter } from '../src/lib/ingest/emit.ts';
import { ingestInMemory } from '../src/lib/ingest/ingest.ts';
import { evaluate, loadGolden } from '../src/lib/extract/evaluate.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    verbose: { type: 'boolean', short: 'v', default: false },
    sources: { type: 'string', default: 'content/sources' },
    golden: { type: 'string', default: 'tests/golden' },
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
if (values.json) {
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  console.log(
    JSON.stringify({
      targets: { precision: r3(t.precision), recall: r3(t.recall) },
      practices: { precision: r3(p.precision), recall: r3(p.recall) },
      region: r3(result.region),
      year: r3(result.year),
      docType: r3(result.docType),
    }),
  );
}
