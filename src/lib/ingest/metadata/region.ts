/**
 * Region detection from the gazetteer (content/lexicon/gazetteer.json and
 * gazetteer-extra.yaml). The title decides when it names a place; when the
 * heading is anonymised, the body is searched for evidence, strongest first:
 * the county's own documents it cites (《无极县…》), a place it names again and
 * again, and the prefix of a document number (济发〔〕16号). Every result
 * carries a note with its evidence, or with why nothing identifies the region.
 */
import { pinyin } from 'pinyin-pro';
import type { Division, Lexicon } from '../../lexicon.ts';
import { formalPositions, type Region, type RegionEvidence } from '../../../schema/document.ts';
import { escapeRegExp } from '../../regexp.ts';

export interface RegionResult {
  region: Region | null;
  /** Why: the evidence, or why nothing identifies a place. */
  evidence: RegionEvidence[];
}

type FormalPosition = (typeof formalPositions)[number];

interface Place extends Division {
  /** Today's name when the text uses a former one, or the full name of a short form. */
  current?: string;
  /** A short form people write (海南州): the region is the division it stands for, by its full name. */
  short?: boolean;
}

export interface Gazetteer {
  byName: Map<string, Place[]>;
  /** Names longest first, so 六安市金安区 finds 金安区 and not a shorter name inside it. */
  names: string[];
  docCodes: Array<{ prefix: string; region: string }>;
  /** Each place's URL slug, unique across the gazetteer (see regionSlugs). */
  slugs: Map<string, string>;
  /** Endings a province's name drops in running text (gazetteer-extra.yaml). */
  provinceSuffixes: string[];
  /** Province names and their short forms, longest first. */
  provinceLeads: string[];
  /** Each province (not a municipality, which is a city too) by its name and its short form (宁夏 → 宁夏回族自治区). */
  provinces: Map<string, Place>;
  /** Words a name's last character may begin (市民): there the name is not (gazetteer-extra.yaml). */
  wordsAcrossEnd: string[];
  /** Conjunctions a two-character name may open with (和县): right after a word, they join, not name (gazetteer-extra.yaml). */
  conjunctionHeads: string[];
  /** Stems (六安 of 六安市, 临潭 of 临潭县), read as a place only at the start of a formal position or after a campaign word. */
  stems: Map<string, Place[]>;
  /** Campaign words (健康) after which a stem names its place (gazetteer-extra.yaml stemCues). */
  stemCues: string[];
  /** Districts' stems (旌阳 of 旌阳区), read as a place only before a colon that opens a headline (旌阳：…). */
  districtStems: Map<string, Place[]>;
}

/** A name without the first of the suffixes it ends with (河北省 → 河北). */
const withoutSuffix = (name: string, suffixes: readonly string[]) => {
  const suffix = suffixes.find((s) => name.endsWith(s));
  return suffix ? name.slice(0, -suffix.length) : name;
};

/** A name's stem without the peoples it ends with (海南藏族 → 海南, 广西壮族 → 广西); a stem of one character stays whole. */
function withoutEthnicGroups(stem: string, groups: readonly string[]): string {
  let rest = stem;
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of groups) {
      if (rest.endsWith(group) && rest.length > group.length + 1) {
        rest = rest.slice(0, -group.length);
        changed = true;
      }
    }
  }
  return rest;
}

/** The leftmost mark of a blanked-out name in the text, as written (a run of x stays whole: xxx县). */
function anonymisedMark(text: string, marks: readonly string[]): string | undefined {
  let best: { at: number; mark: string } | undefined;
  for (const mark of marks) {
    const at = text.indexOf(mark);
    if (at >= 0 && (!best || at < best.at || (at === best.at && mark.length > best.mark.length))) best = { at, mark };
  }
  if (!best) return undefined;
  const last = best.mark.at(-1) ?? '';
  let end = best.at + best.mark.length;
  while (best.mark.length > 1 && text.charAt(end) === last) end++;
  return text.slice(best.at, end);
}

/** What tells two places apart: name, prefecture and province (朝阳区 of 北京市 is not 朝阳区 of 长春市). */
const placeKey = (p: Pick<Place, 'name' | 'prefecture' | 'province'>) => `${p.name}|${p.prefecture ?? ''}|${p.province}`;

/** The pinyin of a prefecture or province name without its generic suffix (信阳市 → xinyang). */
const areaSlug = (name: string | null) => placeSlug((name ?? '').replace(/(市|地区|盟|自治州|省|自治区|特别行政区)$/u, ''));

/**
 * A slug for every place, unique across the gazetteer: its pinyin (隰县 → xixian), and where
 * several places share that pinyin (隰县 and 息县, 朝阳区 of 北京 and of 长春), the one with the
 * lowest division code keeps it (today's divisions before former names) and the others add
 * their prefecture's (息县 → xixian-xinyang), else their province's, else their code. So existing slugs stay as they
 * were wherever no other place shares them.
 */
export function regionSlugs(places: Iterable<Place>, codeOf: (p: Place) => string): Map<string, string> {
  const groups = new Map<string, Place[]>();
  const seen = new Set<string>();
  for (const place of places) {
    const key = placeKey(place);
    if (seen.has(key)) continue;
    seen.add(key);
    const plain = placeSlug(place.name) || 'place';
    groups.set(plain, [...(groups.get(plain) ?? []), place]);
  }
  const slugs = new Map<string, string>();
  const taken = new Set(groups.keys());
  for (const [plain, members] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Today's divisions before former names (津南市, made from 津南区, never takes 济南市's slug).
    const rank = (p: Place) => (p.current ? 1 : 0);
    const ordered = [...members].sort((a, b) => rank(a) - rank(b) || codeOf(a).localeCompare(codeOf(b)) || placeKey(a).localeCompare(placeKey(b)));
    ordered.forEach((place, i) => {
      let slug = plain;
      if (i > 0) {
        const areas = [areaSlug(place.prefecture), areaSlug(place.province)].filter((a) => a !== '' && a !== plain);
        const candidates = [...areas.map((a) => `${plain}-${a}`), `${plain}-${codeOf(place)}`];
        slug = candidates.find((c) => !taken.has(c)) ?? `${plain}-${i + 1}`;
      }
      taken.add(slug);
      slugs.set(placeKey(place), slug);
    });
  }
  return slugs;
}

const gazetteerCache = new WeakMap<Lexicon, Gazetteer>();

export function buildGazetteer(lexicon: Lexicon): Gazetteer {
  const cached = gazetteerCache.get(lexicon);
  if (cached) return cached;
  const byName = new Map<string, Place[]>();
  const add = (place: Place) => byName.set(place.name, [...(byName.get(place.name) ?? []), place]);
  for (const division of lexicon.gazetteer) add(division);
  // A municipality (北京市, 重庆市) is a province and a city at once: the gazetteer lists its
  // districts under it; as a place it ranks with the prefecture-level cities.
  // (A province whose counties answer to it directly, 济源市 under 河南省, is no city: only a province named …市 is.)
  const municipalities = new Set(lexicon.gazetteer.filter((d) => d.province === d.prefecture && d.province.endsWith('市')).map((d) => d.province));
  for (const name of municipalities) if (!byName.has(name)) add({ code: '', name, level: 'prefecture', prefecture: null, province: name });
  for (const h of lexicon.gazetteerExtra.historical) add({ code: '', name: h.name, level: h.level, prefecture: h.prefecture, province: h.province, current: h.current });
  // Hundreds of counties became districts or cities (太谷县 → 太谷区): older texts use the
  // former name. Each district or county-level city also answers to its stem + 县 or 市.
  for (const division of lexicon.gazetteer) {
    const stem = division.name.match(/^(\p{Script=Han}{2,})(区|市)$/u)?.[1];
    if (!stem || division.level === 'prefecture') continue;
    for (const former of [`${stem}县`, `${stem}市`]) {
      if (!byName.has(former)) add({ ...division, name: former, current: division.name });
    }
  }
  // Short forms people write: 海南藏族自治州 → 海南州, 互助土族自治县 → 互助县, and those listed.
  const ethnic = [...lexicon.gazetteerExtra.ethnicGroups].sort((a, b) => b.length - a.length);
  for (const division of lexicon.gazetteer) {
    const auto = division.name.match(/^(\p{Script=Han}+?)自治(州|县|旗)$/u);
    if (!auto?.[1] || !auto[2]) continue;
    const short = `${withoutEthnicGroups(auto[1], ethnic)}${auto[2]}`;
    if (short !== division.name && !byName.has(short)) add({ ...division, name: short, current: division.name, short: true });
  }
  for (const { short, name } of lexicon.gazetteerExtra.shortNames) {
    for (const place of byName.get(name) ?? []) if (short !== name && !byName.has(short)) add({ ...place, name: short, current: place.name, short: true });
  }
  for (const stop of lexicon.gazetteerExtra.stopNames) byName.delete(stop);
  // Stems: a city or county named without its 市 or 县 (六安推进…), trusted only where a name is expected.
  const stems = new Map<string, Place[]>();
  const stopStems = new Set(lexicon.gazetteerExtra.stopStems);
  for (const division of lexicon.gazetteer) {
    const stem = division.name.match(/^(\p{Script=Han}{2,})(市|县)$/u)?.[1];
    if (!stem || stopStems.has(stem) || byName.has(stem)) continue;
    stems.set(stem, [...(stems.get(stem) ?? []), division]);
  }
  const districtStems = new Map<string, Place[]>();
  for (const division of lexicon.gazetteer) {
    const stem = division.name.match(/^(\p{Script=Han}{2,})区$/u)?.[1];
    if (!stem || stopStems.has(stem) || byName.has(stem) || stems.has(stem)) continue;
    districtStems.set(stem, [...(districtStems.get(stem) ?? []), division]);
  }
  for (const name of municipalities) {
    const stem = name.replace(/市$/u, '');
    if (!stems.has(stem) && !byName.has(stem)) stems.set(stem, byName.get(name) ?? []);
  }
  // Two-character names (叶县, 隰县) are kept; one-character stems never exist as names.
  const names = [...byName.keys()].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length || a.localeCompare(b));
  const codes = new Map(lexicon.gazetteer.map((d) => [`${d.name}|${d.province}`, d.code]));
  // A former name sorts with today's division (藁城市 with 藁城区); one unknown today sorts last.
  const codeOf = (p: Place) => p.code || (p.current ? codes.get(`${p.current}|${p.province}`) : undefined) || '999999';
  const slugs = regionSlugs([...byName.values()].flat(), codeOf);
  // A province's name, or its short form (内蒙古, 广西), may open a title before a city's stem (内蒙古通辽医改…).
  // A province's name says its people without 族 (新疆维吾尔自治区).
  const peoples = [...ethnic, ...ethnic.map((g) => g.replace(/族$/u, ''))].sort((a, b) => b.length - a.length);
  const provinces = new Set(lexicon.gazetteer.map((d) => d.province));
  const shortProvince = (p: string) => withoutEthnicGroups(withoutSuffix(p, lexicon.gazetteerExtra.provinceSuffixes), peoples);
  const provinceLeads = [...new Set([...provinces].flatMap((p) => [p, shortProvince(p)]))]
    .filter((p) => p.length >= 2)
    .sort((a, b) => b.length - a.length || a.localeCompare(b));
  // A province's own document (海南省人均预期寿命…, 新疆今年将实现…): the province, when it opens the title.
  const provincePlaces = new Map<string, Place>();
  const taken = new Set(slugs.values());
  for (const name of [...provinces].filter((p) => !municipalities.has(p)).sort()) {
    const place: Place = { code: '', name, level: 'province', prefecture: null, province: name };
    const short = shortProvince(name);
    for (const form of [name, short]) if (form.length >= 2 && !provincePlaces.has(form)) provincePlaces.set(form, place);
    // Its page by its short name (xinjiang), unless a place of the gazetteer has that slug already.
    const slug = placeSlug(short);
    slugs.set(placeKey(place), taken.has(slug) ? `${slug}-province` : slug);
  }
  const gazetteer = { byName, names, docCodes: lexicon.gazetteerExtra.docCodes, slugs, provinceSuffixes: lexicon.gazetteerExtra.provinceSuffixes, stems, districtStems, stemCues: lexicon.gazetteerExtra.stemCues, provinceLeads, provinces: provincePlaces, wordsAcrossEnd: lexicon.gazetteerExtra.wordsAcrossEnd, conjunctionHeads: lexicon.gazetteerExtra.conjunctionHeads };
  gazetteerCache.set(lexicon, gazetteer);
  return gazetteer;
}

/** ASCII slug of a place name: its pinyin without tones. */
export function placeSlug(name: string): string {
  return (pinyin(name, { toneType: 'none', type: 'array', v: true }) as string[])
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Every gazetteer name occurring in the text, with counts (longest match wins at each position). */
export function findPlaces(text: string, gazetteer: Gazetteer): Map<string, number> {
  const counts = new Map<string, number>();
  const taken = new Uint8Array(text.length);
  for (const name of gazetteer.names) {
    let at = text.indexOf(name);
    while (at >= 0) {
      // 龙城市民云: the 市 begins 市民, so 龙城市 is not named here.
      // 县卫健局和县人民医院: a two-character name opening with a conjunction, right after a word, is the conjunction.
      const joined = name.length === 2 && gazetteer.conjunctionHeads.includes(name[0] ?? '') && at > 0 && /\p{Script=Han}/u.test(text[at - 1] ?? '') && !/[省市州盟]/u.test(text[at - 1] ?? '');
      const across = joined || gazetteer.wordsAcrossEnd.some((w) => text.startsWith(w, at + name.length - 1));
      if (!across && !taken.subarray(at, at + name.length).some(Boolean)) {
        taken.fill(1, at, at + name.length);
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
      at = text.indexOf(name, at + name.length);
    }
  }
  return counts;
}

const isCountyLevel = (p: Place) => p.level !== 'prefecture';

/** Picks among same-named places the one whose prefecture or province the text mentions. */
function disambiguate(candidates: Place[], text: string, provinceSuffixes: readonly string[]): Place | undefined {
  return (
    candidates.find((p) => p.prefecture !== null && text.includes(p.prefecture.replace(/市$/, ''))) ??
    candidates.find((p) => text.includes(withoutSuffix(p.province, provinceSuffixes))) ??
    candidates[0]
  );
}

function toRegion(place: Place, gazetteer: Gazetteer): Region {
  // A short form is the division it stands for; a former name is kept (the text's own era).
  const named: Place = place.short && place.current ? { ...place, name: place.current, short: false, current: undefined } : place;
  const slug = gazetteer.slugs.get(placeKey(named)) ?? placeSlug(named.name);
  return { name: named.name, prefecture: named.prefecture, province: named.province, level: named.level, slug };
}

/**
 * The region a curator names (content/curation/): a name of the gazetteer, its short or former
 * forms included, with the province where several places share it. A string says why not.
 */
export function resolveRegion(name: string, lexicon: Lexicon, province?: string): Region | string {
  const gazetteer = buildGazetteer(lexicon);
  const places = (gazetteer.byName.get(name) ?? []).filter((p) => !province || p.province === province);
  const distinct = new Map(places.map((p) => [placeKey(p.short && p.current ? { ...p, name: p.current } : p), p]));
  if (distinct.size === 0) return province ? `no place ${JSON.stringify(name)} in ${province} in the gazetteer` : `no place ${JSON.stringify(name)} in the gazetteer (write it as the gazetteer does, e.g. 金安区, 藁城市)`;
  if (distinct.size > 1) return `${JSON.stringify(name)} names ${distinct.size} places (${[...distinct.values()].map((p) => `${p.province}${p.prefecture ?? ''}`).join('、')}): add its province`;
  return toRegion([...distinct.values()][0] as Place, gazetteer);
}

/** How much of a body is searched for repeated place names. */
const BODY_SCAN_CHARS = 50_000;


/** The best place among counted names: county level before prefecture, then by count. */
function best(counts: Map<string, number>, gazetteer: Gazetteer, text: string, minCount = 1): Place | undefined {
  const places = [...counts.entries()]
    .filter(([, n]) => n >= minCount)
    .map(([name, n]) => ({ place: disambiguate(gazetteer.byName.get(name) ?? [], text, gazetteer.provinceSuffixes), n }))
    .filter((c): c is { place: Place; n: number } => c.place !== undefined)
    .sort((a, b) => Number(isCountyLevel(b.place)) - Number(isCountyLevel(a.place)) || b.n - a.n || a.place.name.localeCompare(b.place.name));
  return places[0]?.place;
}

/**
 * The county-level place that opens a signature line: a short line near the end
 * naming an issuing body (尤溪县深化医药卫生体制改革领导小组办公室).
 */
function signaturePlace(lines: readonly string[], gazetteer: Gazetteer, issuers: readonly string[], text: string): Place | undefined {
  for (const line of [...lines].reverse()) {
    const trimmed = line.trim();
    if (trimmed.length > 40 || !issuers.some((w) => trimmed.endsWith(w))) continue;
    const counts = new Map([...findPlaces(trimmed, gazetteer)].filter(([name]) => trimmed.startsWith(name)));
    const place = best(counts, gazetteer, text);
    if (place && isCountyLevel(place)) return place;
  }
  return undefined;
}

/** A formal position of the document and its text: the title, the issuer, a portal field … */
export interface FormalText {
  position: FormalPosition;
  text: string;
}

/** What opens a formal text before the place (中共临潭县委, 关于印发…). */
const FORMAL_LEAD = /^(?:中共|中国共产党|关于)/u;

/** The place a formal text names: any gazetteer name in it, else a stem that opens it (六安推进…). */
function formalPlace(text: string, gazetteer: Gazetteer, context: string): { place: Place; name: string } | undefined {
  // In a title, the place named first: 陇西县入选…示范县 is about 陇西县, not 范县.
  const named = [...findPlaces(text, gazetteer).keys()]
    .map((name) => ({ name, at: text.indexOf(name), place: disambiguate(gazetteer.byName.get(name) ?? [], context, gazetteer.provinceSuffixes) }))
    .filter((x): x is { name: string; at: number; place: Place } => x.place !== undefined)
    .sort((a, b) => Number(isCountyLevel(b.place)) - Number(isCountyLevel(a.place)) || a.at - b.at);
  const found = named[0]?.place;
  if (found) return { place: found, name: found.name };
  const rest = text.trim().replace(FORMAL_LEAD, '');
  // At the start of the text (after its province: 内蒙古通辽…), or after a campaign word anywhere in it (建设健康自贡).
  const province = gazetteer.provinceLeads.find((p) => rest.startsWith(p));
  const starts = province ? [0, province.length] : [0];
  starts.push(...afterCues(rest, gazetteer.stemCues));
  // A headline's later part may open with its place and a colon (学习贯彻…会议精神丨广元：六个着力…).
  const placeColon = [...rest.matchAll(/[丨|｜]\s*/gu)].map((m) => (m.index ?? 0) + m[0].length);
  for (const start of [...starts, ...placeColon]) {
    const needsColon = !starts.includes(start);
    for (let length = Math.min(4, rest.length - start); length >= 2; length--) {
      const stem = rest.slice(start, start + length);
      const colon = /^[:：]/u.test(rest.slice(start + length));
      if (needsColon && !colon) continue;
      // A district's stem names it only before a colon (旌阳：建成69个标准化卫生室).
      const candidates = gazetteer.stems.get(stem) ?? (colon ? gazetteer.districtStems.get(stem) : undefined);
      if (!candidates) continue;
      const place = disambiguate(candidates, context, gazetteer.provinceSuffixes);
      if (place) return { place, name: stem };
    }
  }
  return undefined;
}

/** The distinct places named by a stem right after a campaign word (健康北京, 美丽唐河) in a text. */
function campaignPlaces(text: string, gazetteer: Gazetteer, context: string): Array<{ place: Place; name: string }> {
  const found = new Map<string, { place: Place; name: string }>();
  for (const start of afterCues(text, gazetteer.stemCues)) {
    for (let length = 4; length >= 2; length--) {
      const stem = text.slice(start, start + length);
      const candidates = gazetteer.stems.get(stem) ?? gazetteer.byName.get(stem);
      const place = candidates ? disambiguate(candidates, context, gazetteer.provinceSuffixes) : undefined;
      if (!place) continue;
      found.set(placeKey(place), { place, name: stem });
      break;
    }
  }
  return [...found.values()];
}

/** Where the text goes on after each of its campaign words (健康 → the 北京 of 健康北京). */
function afterCues(text: string, cues: readonly string[]): number[] {
  const ends: number[] = [];
  for (const cue of cues) {
    for (let at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + cue.length)) ends.push(at + cue.length);
  }
  return ends;
}

/** Whether a place of that name lies in the prefecture of the other name (襄垣县 in 长治市). */
export function placeIn(name: string, prefecture: string, lexicon: Lexicon): boolean {
  const gazetteer = buildGazetteer(lexicon);
  const places = gazetteer.byName.get(name) ?? gazetteer.stems.get(name) ?? [];
  return places.some((p) => p.prefecture === prefecture || p.prefecture === gazetteer.byName.get(prefecture)?.[0]?.current || (p.current !== undefined && gazetteer.byName.get(p.current)?.some((q) => q.prefecture === prefecture)));
}

/** The place a title opens with (积石山县新型农村合作医疗惠及千家万户, 重庆市云阳县…, 云阳将…), if one does. */
export function titleOpeningPlace(title: string, lexicon: Lexicon): string | undefined {
  const gazetteer = buildGazetteer(lexicon);
  const rest = title.trim().replace(FORMAL_LEAD, '');
  const found = formalPlace(rest, gazetteer, rest);
  if (!found) return undefined;
  const province = gazetteer.provinceLeads.find((p) => rest.startsWith(p)) ?? '';
  const after = rest.slice(province.length);
  const city = gazetteer.names.find((n) => after.startsWith(n) && n !== found.name) ?? '';
  return after.startsWith(found.name) || after.slice(city.length).startsWith(found.name) ? found.name : undefined;
}

/** The place a news outlet is named after (五华发布 → 五华, 中国义乌 → 义乌), as a formal text, if the name is one. */
export function mediaPlaceText(source: string, lexicon: Lexicon): string | undefined {
  const { leads, endings } = lexicon.gazetteerExtra.media;
  let name = source.trim().replace(/[\s\u3000]+/gu, '');
  const ending = [...endings].sort((a, b) => b.length - a.length).find((e) => name.endsWith(e));
  if (ending) name = name.slice(0, -ending.length);
  else if (!leads.some((l) => name.startsWith(l))) return undefined;
  const lead = leads.find((l) => name.startsWith(l) && name.length > l.length + 1);
  if (lead) name = name.slice(lead.length);
  return [...name].length >= 2 && [...name].length <= 8 && /^\p{Script=Han}+$/u.test(name) ? name : undefined;
}

/** Formal positions where a province's name at the start makes the document the province's own (not a portal's 来源: a provincial paper reports on counties). */
const PROVINCE_POSITIONS: ReadonlySet<FormalText['position']> = new Set(['title', 'issuer', 'signature']);

/** The province that opens the title, the issuer or the signature, in that order, if one does. */
function provinceOpening(formal: readonly FormalText[], gazetteer: Gazetteer): { place: Place; lead: string; f: FormalText } | undefined {
  for (const f of formal) {
    if (!PROVINCE_POSITIONS.has(f.position)) continue;
    const text = f.text.trim().replace(FORMAL_LEAD, '');
    const lead = gazetteer.provinceLeads.find((p) => text.startsWith(p) && gazetteer.provinces.has(p));
    const place = lead ? gazetteer.provinces.get(lead) : undefined;
    if (lead && place) return { place, lead, f };
  }
  return undefined;
}

export interface RegionInput {
  title: string;
  body: string;
  /** Formal positions, strongest first: title, issuer, 发文字号, signature, portal fields. */
  formal?: FormalText[];
  lastLines?: readonly string[];
}

export function detectRegion(input: RegionInput, lexicon: Lexicon): RegionResult {
  const { title, body } = input;
  const gazetteer = buildGazetteer(lexicon);
  const text = `${title}\n${body}`;
  const formal: FormalText[] = input.formal ?? [{ position: 'title', text: title }];

  // One mention in a formal position is enough: a county-level place before a prefecture.
  const named = formal
    .map((f) => ({ f, found: formalPlace(f.text, gazetteer, text) }))
    .filter((x): x is { f: FormalText; found: { place: Place; name: string } } => x.found !== undefined);
  // Else a province that opens the title, the issuer's name or the signature names the province's own document
  // (海南省人均预期寿命突破80岁…; 黑龙江省人民政府办公厅 signing 关于推进…的实施意见).
  const provincial = named.length === 0 ? provinceOpening(formal, gazetteer) : undefined;
  if (provincial) {
    const { place, lead, f } = provincial;
    return { region: toRegion(place, gazetteer), evidence: [{ kind: 'formal', position: f.position, name: lead, ...(f.position === 'title' ? {} : { text: f.text }) }] };
  }
  const pick = named.find((x) => isCountyLevel(x.found.place)) ?? named[0];
  if (pick) {
    const { place, name } = pick.found;
    const current = place.current ?? (name !== place.name ? place.name : undefined);
    return {
      region: toRegion(place, gazetteer),
      evidence: [{ kind: 'formal', position: pick.f.position, name, ...(pick.f.position === 'title' ? {} : { text: pick.f.text }), ...(current ? { current } : {}) }],
    };
  }

  // The document's own county-level documents it cites by name: 《无极县医药卫生体制综合改革实施方案》.
  const cited = [...body.matchAll(/《([^《》]{2,60})》/gu)].map((m) => m[1] ?? '');
  const citedCounts = new Map<string, number>();
  for (const citation of cited) {
    const places = findPlaces(citation, gazetteer);
    for (const [name] of places) {
      const place = gazetteer.byName.get(name)?.[0];
      if (place && isCountyLevel(place) && citation.startsWith(name)) citedCounts.set(name, (citedCounts.get(name) ?? 0) + 1);
    }
  }
  const fromCitations = best(citedCounts, gazetteer, text);
  if (fromCitations) {
    const citations = cited.filter((c) => c.startsWith(fromCitations.name)).slice(0, 2).map((c) => `《${c}》`);
    return { region: toRegion(fromCitations, gazetteer), evidence: [{ kind: 'citedDocuments', name: fromCitations.name, citations }] };
  }

  const lastLines = input.lastLines ?? [];
  const signed = signaturePlace(lastLines, gazetteer, lexicon.gazetteerExtra.issuers, text);
  if (signed) {
    const line = lastLines.find((l) => l.trim().startsWith(signed.name))?.trim() ?? signed.name;
    return { region: toRegion(signed, gazetteer), evidence: [{ kind: 'formal', position: 'signature', name: signed.name, text: line }] };
  }

  // A place named repeatedly in the body (a report's byline or its own description);
  // the opening of a long text is enough, and keeps a huge file from costing minutes.
  const opening = body.slice(0, BODY_SCAN_CHARS);
  const counts = findPlaces(opening, gazetteer);
  const mentioned = best(counts, gazetteer, text, 3);
  if (mentioned && isCountyLevel(mentioned)) {
    return { region: toRegion(mentioned, gazetteer), evidence: [{ kind: 'body', name: mentioned.name, count: counts.get(mentioned.name) ?? 0 }] };
  }

  // The issuing government's document-number prefix: 济发〔2010〕16号.
  for (const { prefix, region } of gazetteer.docCodes) {
    const code = new RegExp(`(^|[^\\p{Script=Han}])${escapeRegExp(prefix)}[〔\\[（(]`, 'u');
    const place = gazetteer.byName.get(region)?.[0];
    if (place && code.test(body)) return { region: toRegion(place, gazetteer), evidence: [{ kind: 'docCode', name: region, prefix }] };
  }

  // A text that speaks of itself as a county (我县, 全县, 本旗) and names one county-level place:
  // that county, before the city it belongs to (我县参加全市…会议 … 云县人民医院).
  // A two-character name met once beside a place named again and again is most likely two words
  // (…医院综合楼建设和县中医医院… holds no 和县 when the text is about 余庆县).
  const bodyCounties = [...counts.entries()].filter(([name]) => (gazetteer.byName.get(name) ?? []).some(isCountyLevel));
  const repeated = bodyCounties.some(([, n]) => n >= 2);
  const counties = bodyCounties.filter(([name, n]) => !(repeated && n === 1 && name.length === 2));
  const selfCounty = lexicon.gazetteerExtra.countySelf.some((w) => opening.includes(w));
  const sole = counties.length === 1 && selfCounty ? best(new Map(counties), gazetteer, text) : undefined;
  if (sole && isCountyLevel(sole)) return { region: toRegion(sole, gazetteer), evidence: [{ kind: 'body', name: sole.name, count: counts.get(sole.name) ?? 0 }] };
  if (mentioned) return { region: toRegion(mentioned, gazetteer), evidence: [{ kind: 'body', name: mentioned.name, count: counts.get(mentioned.name) ?? 0 }] };
  // The only county-level place the text names, named twice (我来自…科尔沁右翼中旗 … 科尔沁右翼中旗位于…).
  const only = counties.length === 1 ? counties[0] : undefined;
  // Named once is enough when it is the only place the text names at all (华亭市副市长…在华亭分会场收看).
  const single = only && (only[1] >= 2 || counts.size === 1) ? best(new Map([only]), gazetteer, text) : undefined;
  if (single && isCountyLevel(single)) return { region: toRegion(single, gazetteer), evidence: [{ kind: 'body', name: single.name, count: only?.[1] ?? 0 }] };
  // A campaign under the place's own name (健康北京建设, 建设健康唐河) when the text names no place
  // otherwise: the place whose organ writes (市卫生健康委 … 健康北京).
  const campaigns = campaignPlaces(opening, gazetteer, text);
  if (counts.size === 0 && campaigns.length === 1 && campaigns[0]) {
    const { place, name } = campaigns[0];
    return { region: toRegion(place, gazetteer), evidence: [{ kind: 'body', name, count: 1 }] };
  }
  const marks = lexicon.gazetteerExtra.anonymisedMarks;
  // A blanked name is a mark before a division word (xx县), not "xx" inside a web address.
  const anonymised = anonymisedMark(withoutAddresses(title), marks) ?? anonymisedMark(withoutAddresses(body.slice(0, 200)), marks);
  return { region: null, evidence: [anonymised ? { kind: 'anonymised', mark: anonymised } : { kind: 'none' }] };
}

/** The text without web addresses and domain names (www.xx.gov.cn), whose letters are no blanked name. */
const withoutAddresses = (text: string) => text.replace(/(?<![a-z0-9.-])(?:https?:\/\/)?[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8}(?:\/[\w./?=&%-]{0,200})?/giu, ' ');
