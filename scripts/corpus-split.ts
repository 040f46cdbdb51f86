/**
 * node scripts/corpus-split.ts <batch-name>
 *
 * Splits the corpus documents not yet in tests/corpus/split.yaml into a new
 * batch of two halves — ids ordered by sha256, alternately dev and test — and
 * appends it. Run it once, when a batch is collected and before any rule is
 * tuned on it; the halves of earlier batches never change.
 */
import { appendFileSync, readdirSync } from 'node:fs';
import { readSplit, splitHalves } from './lib/corpus.ts';

const name = process.argv[2];
if (!name) {
  console.error('usage: node scripts/corpus-split.ts <batch-name>');
  process.exit(2);
}
const dir = 'tests/corpus';
const known = readSplit(`${dir}/split.yaml`);
const ids = readdirSync(`${dir}/annotations`)
  .filter((n) => n.endsWith('.yaml'))
  .map((n) => n.replace(/\.yaml$/, ''))
  .filter((id) => !known.has(id))
  .sort();
if (ids.length === 0) {
  console.error('no new documents to split');
  process.exit(1);
}
const halves = splitHalves(ids);
const list = (half: 'dev' | 'test') => ids.filter((id) => halves.get(id) === half).map((id) => `      - ${id}`).join('\n');
appendFileSync(`${dir}/split.yaml`, `  - name: ${name}\n    dev:\n${list('dev')}\n    test:\n${list('test')}\n`);
console.log(`batch ${name}: ${ids.filter((id) => halves.get(id) === 'dev').length} dev, ${ids.filter((id) => halves.get(id) === 'test').length} test`);
