/**
 * npm run metrics [-- --documents DIR] [--min N] [--json]
 *
 * The metric phrases of the collection's figures that no indicator of
 * content/lexicon/indicators.yaml names yet (open extraction), most frequent
 * first, each with how many documents state it, its units and one quote: the
 * list a curator reads to add indicators (a pattern in indicators.yaml maps
 * every later figure under that phrase to the indicator, and makes it
 * comparable). Phrases stated fewer than --min times (default 1) are left out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readFrontmatter } from '../src/lib/ingest/emit.ts';

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: 'content/documents' },
    min: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
  },
});
const min = Number(values.min);
if (!Number.isInteger(min) || min < 1) {
  console.error(`metrics: --min must be a whole number from 1, not ${JSON.stringify(values.min)}`);
  process.exit(2);
}

interface Phrase {
  metric: string;
  count: number;
  documents: Set<string>;
  units: Set<string>;
  example: { slug: string; paragraph: string; quote: string };
}
const phrases = new Map<string, Phrase>();
let files: string[];
try {
  files = readdirSync(values.documents).filter((f) => f.endsWith('.mdx')).sort();
} catch (error) {
  console.error(`metrics: cannot read ${values.documents}: ${(error as Error).message}`);
  process.exit(2);
}
for (const file of files) {
  const d = readFrontmatter(readFileSync(join(values.documents, file), 'utf8'));
  for (const f of d.figures) {
    const p = phrases.get(f.metric) ?? { metric: f.metric, count: 0, documents: new Set(), units: new Set(), example: { slug: d.slug, paragraph: f.paragraph, quote: f.quote } };
    p.count++;
    p.documents.add(d.slug);
    p.units.add(f.unit);
    phrases.set(f.metric, p);
  }
}
const ranked = [...phrases.values()].filter((p) => p.count >= min).sort((a, b) => b.documents.size - a.documents.size || b.count - a.count || (a.metric < b.metric ? -1 : 1));
if (values.json) {
  console.log(JSON.stringify(ranked.map((p) => ({ metric: p.metric, figures: p.count, documents: p.documents.size, units: [...p.units], example: p.example }))));
} else {
  console.log(`${ranked.length} metric phrase(s) without an indicator in ${files.length} document(s), most documents first:`);
  for (const p of ranked) {
    console.log(`${String(p.documents.size).padStart(4)} doc(s) ${String(p.count).padStart(4)} figure(s)  ${p.metric}  [${[...p.units].join(' ')}]`);
    console.log(`      ${p.example.slug} ${p.example.paragraph}: ${p.example.quote.slice(0, 80)}`);
  }
}
