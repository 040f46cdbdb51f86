/**
 * Every page type of the built site (dist/) exists and says what it should,
 * checked against the data the build published (dist/data/documents.json),
 * so the expectations follow re-ingested documents.
 */
import { comparableUnit } from '../../src/lib/site/scale.ts';
import { loadLexicon } from '../../src/lib/lexicon.ts';

const lexicon = loadLexicon();
import { describe, expect, test } from 'vitest';
import { regionEvidenceText, typeEvidenceText, yearEvidenceText } from '../../src/lib/evidence.ts';
import type { HTMLElement } from 'node-html-parser';
import { builtDocuments, loadSite, num, text, type BuiltDocument } from './dist.ts';

const site = loadSite('dist');
const docs = builtDocuments('dist');
const base = site.base;
const regions = new Map<string, { name: string; province: string; docs: BuiltDocument[] }>();
for (const d of docs) {
  if (!d.region) continue;
  const r = regions.get(d.region.slug) ?? { name: d.region.name, province: d.region.province, docs: [] };
  r.docs.push(d);
  regions.set(d.region.slug, r);
}
const cite = (d: BuiltDocument, paragraph: string): string => `${d.url}#${paragraph}`;
const hrefs = (el: HTMLElement | null | undefined): string[] => (el?.querySelectorAll('a') ?? []).map((a) => a.getAttribute('href') ?? '');
/** The value of a target as the tables print it, without comparator. */
const shown = (t: BuiltDocument['targets'][number]): string => `${num(t.value)}${t.comparator === 'range' ? '' : t.unit}`;

describe('home page', () => {
  const home = site.page('');
  const main = home.root.querySelector('main');

  test('says what the atlas is and where the documents come from', () => {
    expect(text(home.root.querySelector('h1'))).toBe('县域医改对照库');
    expect(text(main)).toContain('文档分享网站');
    expect(text(main)).toContain(`${docs.length}份文件`);
  });

  test.each(['隰县', '金安区', '藁城市', '子长县', '平顶山市'])('has a card for the focus region %s', (name) => {
    const card = main?.querySelectorAll('.card').find((c) => text(c.querySelector('h3')) === name);
    expect(card, `card of ${name}`).toBeDefined();
    const entry = [...regions.entries()].find(([, r]) => r.name === name);
    if (!entry) return; // no document about it in this build: the card says so
    const [slug, r] = entry;
    expect(hrefs(card)).toContain(`${base}regions/${slug}/`);
    expect(text(card)).toContain(r.province);
    expect(text(card)).toContain(`${r.docs.length}份文件`);
    if (r.docs.some((d) => d.targets.length > 0)) {
      const citations = card?.querySelectorAll('a.citation') ?? [];
      expect(citations.length).toBeGreaterThanOrEqual(Math.min(2, new Set(r.docs.flatMap((d) => d.targets.map((t) => t.indicator))).size));
      for (const a of citations) expect(a.getAttribute('href')).toMatch(/\/documents\/[a-z0-9-]+\/#p-\d+$/);
    }
  });

  test('links every part of the site', () => {
    const links = hrefs(main);
    for (const path of ['compare/', 'documents/', 'regions/', 'indicators/', 'practices/', 'topics/', 'timeline/', 'glossary/', 'search/', 'data/', 'about/']) {
      expect(links, path).toContain(`${base}${path}`);
    }
  });

  test('has the header navigation in Chinese', () => {
    const nav = home.root.querySelector('header nav');
    expect(nav?.querySelectorAll('a').map((a) => text(a))).toEqual(['首页', '文件', '地区', '指标', '做法', '对比', '搜索']);
    expect(home.root.querySelector('form[role=search]')?.getAttribute('action')).toBe(`${base}search/`);
  });
});

describe('document pages', () => {
  test('the documents index lists every document', () => {
    const links = hrefs(site.page('documents/').root.querySelector('main'));
    for (const d of docs) expect(links).toContain(d.url);
  });

  test.each(docs.map((d) => [d.slug, d] as const))('%s: metadata, anchors, figures, practices, provenance, related', (slug, d) => {
    const page = site.page(`documents/${slug}/`);
    const main = page.root.querySelector('main');
    expect(text(page.root.querySelector('h1'))).toBe(d.title);

    // Region, year, type, topics.
    const meta = page.root.querySelector('.doc-meta');
    expect(hrefs(meta)).toContain(`${base}regions/${d.region?.slug ?? 'unknown'}/`);
    expect(text(meta)).toContain(d.year === null ? '年份不详' : `${d.year}年`);
    expect(text(meta)).toContain(d.docType);
    for (const topic of d.topics) expect(hrefs(meta)).toContain(`${base}topics/${topic}/`);

    // Paragraph anchors.
    expect(page.root.querySelector('#p-1')?.classList.contains('para')).toBe(true);

    // Every target is listed with its indicator, kind in Chinese and a link to its paragraph.
    const table = page.root.querySelector('#figures')?.parentNode;
    const rows = table?.querySelectorAll('table.targets tbody tr') ?? [];
    expect(rows).toHaveLength(d.targets.length);
    const tableLinks = hrefs(table);
    for (const t of d.targets) {
      expect(tableLinks).toContain(`#${t.paragraph}`);
      expect(tableLinks).toContain(`${base}indicators/${t.indicator}/`);
      expect(page.root.querySelector(`#${t.paragraph}`), t.paragraph).not.toBeNull();
    }
    for (const row of rows) expect(['目标', '实际', '基线', '变化']).toContain(text(row.querySelector('td[class^="k-"]')));

    // Figures are marked inside the paragraphs they are cited from.
    for (const t of d.targets) {
      const para = page.root.querySelector(`#${t.paragraph}`);
      if (!t.quote.includes(num(t.value)) || !text(para).includes(t.quote)) continue;
      const marks = para?.querySelectorAll('mark').map((m) => text(m)) ?? [];
      expect(marks.some((m) => m.includes(num(t.value))), `${t.indicator} ${t.value} marked in ${t.paragraph}`).toBe(true);
    }

    // Practices with their citation.
    const practices = page.root.querySelector('#practices')?.parentNode;
    for (const p of d.practices) {
      expect(hrefs(practices)).toContain(`${base}practices/${p.id}/`);
      expect(hrefs(practices)).toContain(`#${p.paragraph}`);
    }

    // Provenance panel.
    const provenance = page.root.querySelector('section.provenance');
    expect(provenance).not.toBeNull();
    expect(text(provenance)).toContain(d.source.file);
    if (d.source.site) expect(text(provenance)).toContain(d.source.site);
    expect(text(provenance)).toContain(`${d.cleaning.boilerplateLines}行`);
    // Cleaning in one line: what was done, then what was not.
    expect(text(provenance)).toContain(d.cleaning.rejoins > 0 ? `跨页重连${d.cleaning.rejoins}处` : '没有跨页重连');
    expect(text(provenance)).toContain(d.cleaning.scriptConverted ? '繁体转为简体' : '繁简转换');
    // The evidence, in Chinese words (no English sentence reaches a page).
    for (const e of d.regionEvidence) expect(text(provenance)).toContain(regionEvidenceText(e));
    for (const e of d.yearEvidence) expect(text(provenance)).toContain(yearEvidenceText(e));
    for (const e of d.typeEvidence) expect(text(provenance)).toContain(typeEvidenceText(e));
    expect(provenance?.querySelector('details.original summary')).not.toBeNull();
    if (d.cleaning.repairs.length > 0) expect(provenance?.querySelector('table.repairs caption')).not.toBeNull();
    // The lines shown are lines of the original that the text does not hold as they are, each
    // numbered as in the source file; all of them, or the page links to a source page.
    const changed = Number(text(provenance?.querySelector('details.original summary')).match(/中的(\d+)行/)?.[1]);
    const shown = provenance?.querySelectorAll('details.original ol.source-lines li') ?? [];
    // The text of the paragraphs, their 第N段 numbers left out.
    const docText = (main?.querySelectorAll('.doc-text .para') ?? [])
      .map((para) => para.childNodes.slice(1).map((n) => n.textContent).join(''))
      .join('')
      .replace(/\s+/g, '');
    for (const li of shown) expect(docText, `${d.slug}: ${text(li)}`).not.toContain(text(li).replace(/\s+/g, ''));
    if (shown.length < changed) expect(hrefs(provenance)).toContain(`${d.url}source/`);
    else expect(hrefs(provenance)).not.toContain(`${d.url}source/`);

    expect(main?.querySelector('section.related h2')).not.toBeNull();
  });

  const withSourcePage = docs.filter((d) => hrefs(site.page(`documents/${d.slug}/`).root.querySelector('section.provenance')).includes(`${d.url}source/`));
  test('long documents have a source page, and only they', () => {
    expect(withSourcePage.length).toBeGreaterThan(0);
    for (const d of docs) expect(site.pages.has(`documents/${d.slug}/source/`)).toBe(withSourcePage.includes(d));
  });

  test.each(withSourcePage.map((d) => [d.slug, d] as const))('%s: the source page shows the original lines as escaped text', (slug, d) => {
    const page = site.page(`documents/${slug}/source/`);
    const list = page.root.querySelector('ol.source-lines');
    expect(list?.getAttribute('start')).toBe(String(d.source.lines[0]));
    expect(list?.querySelectorAll('li').length).toBeGreaterThan(0);
    expect(list?.querySelectorAll('li *')).toHaveLength(0);
  });
});

/** Links inside the text of paragraphs, the 第N段 link of each paragraph left out. */
const linksIn = (el: HTMLElement): HTMLElement[] =>
  el.querySelectorAll('a').filter((a) => !(a.parentNode as HTMLElement | null)?.classList?.contains('para'));

describe('where the source site cut text out', () => {
  const cut = docs.filter((d) => d.cleaning.notes.some((n) => n.kind === 'sourceGap'));
  test('the seeds have such a place (a text ending 三是 before 展开阅读全文)', () => {
    expect(cut.length).toBeGreaterThan(0);
  });
  test.each(docs.map((d) => [d.slug, d] as const))('%s: a mark after each paragraph its notes name, and nowhere else', (slug, d) => {
    const page = site.page(`documents/${slug}/`);
    const after = d.cleaning.notes.flatMap((n) => (n.kind === 'sourceGap' && n.after ? [n.after] : []));
    const marks = page.root.querySelectorAll('.doc-text p.gap');
    expect(marks.map((m) => m.previousElementSibling?.getAttribute('id'))).toEqual(after);
    for (const m of marks) expect(text(m)).toContain('截断');
  });
});

describe('cross-links in document text', () => {
  const pages = docs.map((d) => site.page(`documents/${d.slug}/`));
  const textLinks = pages.flatMap((p) => p.root.querySelectorAll('.doc-text .para').flatMap(linksIn));

  test('ingest linked the text: glossary, indicator and region links, relative to the page so any base path holds', () => {
    const targets = textLinks.map((a) => a.getAttribute('href') ?? '');
    expect(targets.some((h) => h.startsWith('../../glossary/#'))).toBe(true);
    expect(targets.some((h) => h.startsWith('../../indicators/'))).toBe(true);
    expect(targets.some((h) => h.startsWith('../../regions/'))).toBe(true);
    expect(targets.every((h) => h.startsWith('../../'))).toBe(true);
  });

  test('never inside headings, never nested', () => {
    for (const p of pages) {
      expect(p.root.querySelectorAll('.doc-text h2 a, .doc-text h3 a, .doc-text h4 a, .doc-text h5 a')).toHaveLength(0);
      expect(p.root.querySelectorAll('a a')).toHaveLength(0);
    }
  });

  test('a target is linked once per section (the text between two headings)', () => {
    for (const p of pages) {
      let seen = new Set<string>();
      for (const el of p.root.querySelector('.doc-text')?.children ?? []) {
        if (/^H[2-6]$/.test(el.tagName)) {
          seen = new Set();
          continue;
        }
        for (const a of linksIn(el)) {
          const href = a.getAttribute('href') ?? '';
          expect(seen.has(href), `${p.path}: ${href} twice in a section`).toBe(false);
          seen.add(href);
        }
      }
    }
  });

  test('村医 is not linked inside 农村医疗 or 乡村医疗', () => {
    for (const p of pages) {
      for (const a of p.root.querySelectorAll('.doc-text a')) {
        if (text(a) !== '村医') continue;
        const before = a.previousSibling?.textContent ?? '';
        const after = a.nextSibling?.textContent ?? '';
        expect(`${before.slice(-1)}村医${after.slice(0, 1)}`).not.toMatch(/[农乡]村医疗|村医[疗务药院]/);
      }
    }
  });

  test('the <Para id> structure is intact: every paragraph id of the text is an anchor once', () => {
    for (const p of pages) {
      const ids = p.root.querySelectorAll('.doc-text .para').map((el) => el.id);
      expect(ids.length).toBeGreaterThan(0);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^p-\d+$/);
    }
  });
});

describe('region pages', () => {
  test('the regions index links every region and the unknown-region page', () => {
    const links = hrefs(site.page('regions/').root.querySelector('main'));
    for (const slug of regions.keys()) expect(links).toContain(`${base}regions/${slug}/`);
    if (docs.some((d) => d.region === null)) expect(links).toContain(`${base}regions/unknown/`);
  });

  test.each([...regions.entries()])('%s: profile, documents, figures by indicator, practices, comparisons', (slug, r) => {
    const page = site.page(`regions/${slug}/`);
    const main = page.root.querySelector('main');
    expect(text(page.root.querySelector('h1'))).toBe(r.name);
    expect(text(main?.querySelector('.doc-meta'))).toContain(r.province);
    const links = hrefs(main);
    for (const d of r.docs) expect(links).toContain(d.url);
    for (const d of r.docs) for (const t of d.targets) expect(links).toContain(cite(d, t.paragraph));
    for (const d of r.docs) for (const p of d.practices) expect(links).toContain(`${base}practices/${p.id}/`);
    for (const other of regions.keys()) {
      if (other === slug) continue;
      const [a, b] = [slug, other].sort();
      expect(links).toContain(`${base}compare/${a}-vs-${b}/`);
    }
    // Documents on a timeline: dated ones by year, undated last.
    const years = main?.querySelectorAll('ol.timeline > li > strong').map((s) => text(s)) ?? [];
    const undated = years.indexOf('年份不详');
    if (undated >= 0) expect(undated).toBe(years.length - 1);
  });

  test('金安区 lists its 门诊次均费用 (outpatient-cost-per-visit) figures with citations', () => {
    const page = site.page('regions/jinanqu/');
    const figures = docs
      .filter((d) => d.region?.slug === 'jinanqu')
      .flatMap((d) => d.targets.filter((t) => t.indicator === 'outpatient-cost-per-visit').map((t) => ({ d, t })));
    expect(figures.map(({ t }) => t.value)).toContain(39.78);
    const group = page.root
      .querySelectorAll('table.targets tbody')
      .find((tb) => tb.querySelector('th[scope=rowgroup] a')?.getAttribute('href') === `${base}indicators/outpatient-cost-per-visit/`);
    expect(group, 'a row group for the indicator').toBeDefined();
    expect(text(group?.querySelector('th'))).toBe('门诊次均费用');
    for (const { d, t } of figures) {
      expect(text(group)).toContain(shown(t));
      expect(hrefs(group)).toContain(cite(d, t.paragraph));
    }
  });

  test('the unknown-region page lists the documents without a region and quotes why', () => {
    const page = site.page('regions/unknown/');
    const main = page.root.querySelector('main');
    for (const d of docs.filter((x) => x.region === null)) {
      expect(hrefs(main)).toContain(d.url);
      expect(text(main)).toContain(d.regionEvidence.map(regionEvidenceText).join('；'));
    }
  });
});

describe('indicator pages', () => {
  const withData = new Set(docs.flatMap((d) => d.targets.map((t) => t.indicator)));

  test('the index links every indicator with data', () => {
    const links = hrefs(site.page('indicators/').root.querySelector('main'));
    for (const id of withData) expect(links).toContain(`${base}indicators/${id}/`);
  });

  test.each([...withData])('%s: one chart per unit with a text alternative, and its data table', (id) => {
    const page = site.page(`indicators/${id}/`);
    const rows = docs.flatMap((d) => d.targets.filter((t) => t.indicator === id).map((t) => ({ d, t })));
    // Levels are drawn, one chart per unit and basis (元, 元/人·月: 口径); movements (上调50%) and
    // implausible values (810万元) are only listed.
    // Money on the indicator's scale: 亿元 and 万元 are one chart (src/lib/site/scale.ts).
    const indicatorUnit = lexicon.indicators.find((i) => i.id === id)?.unit ?? '';
    const measure = (t: (typeof rows)[number]['t']) => comparableUnit(t, indicatorUnit, lexicon.units);
    const units = new Set(rows.filter((r) => r.t.kind !== 'change' && !r.t.implausible).map((r) => measure(r.t)));
    // The charts of all figures; those of checked figures alone (.checked-only) stand in for them under 只看人工核对.
    const charts = page.root.querySelectorAll('svg[role=img]').filter((svg) => !svg.closest('.checked-only'));
    expect(charts).toHaveLength(units.size);
    const checkedUnits = new Set(rows.filter((r) => r.t.kind !== 'change' && !r.t.implausible && r.t.review).map((r) => measure(r.t)));
    expect(page.root.querySelectorAll('.checked-only svg[role=img]')).toHaveLength(checkedUnits.size);
    for (const svg of charts) {
      expect(text(svg.querySelector('title')).length).toBeGreaterThan(0);
      const labelled = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
      for (const ref of labelled) expect(page.root.querySelector(`#${ref}`)).not.toBeNull();
      expect(svg.querySelectorAll('rect.bar').length).toBeGreaterThan(0);
      expect(svg.closest('section')?.querySelector('table caption')).not.toBeNull();
    }
    const links = hrefs(page.root.querySelector('main'));
    for (const { d, t } of rows) expect(links).toContain(cite(d, t.paragraph));
    expect(page.root.querySelectorAll('table.targets tbody tr')).toHaveLength(rows.length);
  });

  test('新农合参合率 (ncms-enrollment-rate) has a row for every region that states one', () => {
    const page = site.page('indicators/ncms-enrollment-rate/');
    const stating = docs.filter((d) => d.targets.some((t) => t.indicator === 'ncms-enrollment-rate'));
    expect(stating.length).toBeGreaterThan(0);
    expect(text(page.root.querySelector('h1'))).toBe('新农合参合率');
    const rowHeads = page.root.querySelectorAll('table.targets tbody th[scope=row]').map((th) => text(th));
    for (const d of stating) expect(rowHeads).toContain(d.region?.name ?? '地区不详');
    for (const d of stating) {
      for (const t of d.targets.filter((x) => x.indicator === 'ncms-enrollment-rate')) {
        const row = page.root
          .querySelectorAll('table.targets tbody tr')
          .find((tr) => tr.querySelector('a.citation')?.getAttribute('href') === cite(d, t.paragraph) && text(tr).includes(shown(t)));
        expect(row, `${d.slug} ${t.value}`).toBeDefined();
      }
    }
  });
});

describe('practice pages', () => {
  const withData = new Set(docs.flatMap((d) => d.practices.map((p) => p.id)));

  test('the index links every practice with data', () => {
    const links = hrefs(site.page('practices/').root.querySelector('main'));
    for (const id of withData) expect(links).toContain(`${base}practices/${id}/`);
  });

  test.each([...withData])('%s lists every document that adopted or planned it, with quote and citation', (id) => {
    const page = site.page(`practices/${id}/`);
    const main = page.root.querySelector('main');
    for (const d of docs) {
      for (const p of d.practices.filter((x) => x.id === id)) {
        expect(hrefs(main)).toContain(cite(d, p.paragraph));
        expect(text(main)).toContain(p.quote.replace(/\s+/g, ' ').trim());
      }
    }
    expect(text(main)).toMatch(/已实施|计划/);
  });
});

describe('comparison pages', () => {
  const slugs = [...regions.keys()].sort();

  test('the matrices link every figure and practice status to its paragraph', () => {
    const page = site.page('compare/');
    const matrices = page.root.querySelectorAll('table.matrix');
    expect(matrices.length).toBeGreaterThanOrEqual(2);
    const cellLinks = matrices.flatMap((t) => t.querySelectorAll('td a.citation'));
    expect(cellLinks.length).toBeGreaterThan(0);
    for (const a of cellLinks) expect(a.getAttribute('href')).toMatch(new RegExp(`^${base}documents/[a-z0-9-]+/#p-\\d+$`));
    // A cell with more figures than it shows links the rest to the region's page: 另N项.
    const moreLinks = matrices.flatMap((t) => t.querySelectorAll('td a:not(.citation)'));
    for (const a of moreLinks) {
      expect(a.getAttribute('href')).toMatch(new RegExp(`^${base}regions/[a-z0-9-]+/$`));
      expect(text(a)).toMatch(/^另\d+项$/);
    }
    for (const table of matrices) {
      for (const td of table.querySelectorAll('td')) {
        if (!td.classList.contains('empty')) expect(td.querySelectorAll('a.citation').length, text(td)).toBeGreaterThan(0);
      }
    }
    // Every regional figure is in the matrix, or on the region page its cell's 另N项 links to.
    const hrefSet = new Set(cellLinks.map((a) => a.getAttribute('href')));
    const moreSet = new Set(moreLinks.map((a) => a.getAttribute('href')));
    for (const d of docs.filter((x) => x.region)) {
      for (const t of d.targets) expect(hrefSet.has(cite(d, t.paragraph)) || moreSet.has(`${base}regions/${d.region?.slug}/`), t.quote).toBe(true);
    }
  });

  test('a page for every pair of regions, slugs in alphabetical order', () => {
    const links = hrefs(site.page('compare/').root.querySelector('main'));
    for (let i = 0; i < slugs.length; i++) {
      for (let j = i + 1; j < slugs.length; j++) {
        const path = `compare/${slugs[i]}-vs-${slugs[j]}/`;
        expect(links).toContain(`${base}${path}`);
        const page = site.page(path);
        const names = [regions.get(slugs[i] ?? '')?.name, regions.get(slugs[j] ?? '')?.name];
        for (const n of names) expect(text(page.root.querySelector('h1'))).toContain(n);
      }
    }
  });
});

describe('topics, timeline, glossary, open data, about, 404', () => {
  test('topics: index and a page per topic listing its documents', () => {
    const topics = new Set(docs.flatMap((d) => d.topics));
    const index = hrefs(site.page('topics/').root.querySelector('main'));
    for (const t of topics) {
      expect(index).toContain(`${base}topics/${t}/`);
      const links = hrefs(site.page(`topics/${t}/`).root.querySelector('main'));
      for (const d of docs.filter((x) => x.topics.includes(t))) expect(links).toContain(d.url);
    }
  });

  test('timeline: every document, and every dated target under its year', () => {
    const page = site.page('timeline/');
    const links = hrefs(page.root.querySelector('main'));
    for (const d of docs) expect(links).toContain(d.url);
    for (const d of docs) {
      for (const t of d.targets.filter((x) => x.year !== undefined)) {
        const year = page.root.querySelector(`#y-${t.year}`)?.parentNode;
        expect(hrefs(year), `${d.slug} ${t.year}`).toContain(cite(d, t.paragraph));
      }
    }
  });

  test('glossary: each term has an anchor named by its id', async () => {
    const { loadLexicon } = await import('../../src/lib/lexicon.ts');
    const page = site.page('glossary/');
    for (const g of loadLexicon().glossary) expect(text(page.root.querySelector(`[id="${g.id}"]`))).toContain(g.term);
  });

  test('open data page links the downloads', () => {
    const links = hrefs(site.page('data/').root.querySelector('main'));
    for (const stem of ['documents', 'targets', 'practices']) {
      for (const f of [`${stem}.csv`, `${stem}.json`]) expect(links).toContain(`${base}data/${f}`);
    }
    expect(links).toContain(`${base}data/reform-atlas-data.zip`);
  });

  test('about page: sources, cleaning, extraction, known limits, reporting errors', () => {
    const page = site.page('about/');
    for (const id of ['sources', 'cleaning', 'extraction', 'limits', 'report']) expect(page.root.querySelector(`#${id}`), id).not.toBeNull();
    const limits = text(page.root.querySelector('#limits')?.nextElementSibling);
    for (const word of ['匿名', '年份', '同义词']) expect(limits).toContain(word);
  });

  test('the 404 page exists and links home', () => {
    const page = site.page('404.html');
    expect(text(page.root.querySelector('h1'))).toBe('页面不存在');
    expect(hrefs(page.root.querySelector('main'))).toContain(base);
  });
});

describe('重点地区对照 (compare/focus/)', () => {
  const page = site.page('compare/focus/');
  const focus = ['隰县', '金安区', '藁城市', '子长县', '平顶山市'];
  const tables = page.root.querySelectorAll('table.matrix');

  test('puts the five focus regions side by side, in focus-regions.yaml’s order', () => {
    for (const table of tables) expect(table.querySelectorAll('thead th').slice(1).map((th) => text(th))).toEqual(focus);
  });

  test('a row holds only figures of one kind and unit, each with its year, two or more regions each', () => {
    const comparable = tables.find((t) => text(t.querySelector('caption')).startsWith('同一指标、类别和口径的数字'));
    const rows = comparable?.querySelectorAll('tbody tr') ?? [];
    expect(rows.length).toBeGreaterThan(0);
    for (const tr of rows) {
      const [kind, unit] = text(tr.querySelector('th small')).split(' · ');
      const cells = tr.querySelectorAll('td');
      expect(cells.filter((td) => td.querySelector('a.citation')).length, text(tr.querySelector('th'))).toBeGreaterThanOrEqual(2);
      for (const a of tr.querySelectorAll('a.citation')) {
        expect(text(a).startsWith(`${kind} `), text(a)).toBe(true);
        // Written in the row's unit, or in another of its scale with the value in the row's unit after it (合50000万元).
        const converted = text(a.nextElementSibling).startsWith('（合');
        if (!unit?.includes(':')) expect(converted ? text(a.nextElementSibling).endsWith(`${unit}）`) : text(a).endsWith(unit ?? ''), `${text(a)} in ${unit}`).toBe(true);
        const detail = converted ? a.nextElementSibling?.nextElementSibling : a.nextElementSibling;
        expect(text(detail)).toMatch(/^（(\d{4}年(（文件）)?|年份不详)(，.+)?）$/);
      }
    }
  });

  test('no implausible figure is lined up', () => {
    const comparable = tables.find((t) => text(t.querySelector('caption')).startsWith('同一指标'));
    const links = hrefs(comparable);
    const shownImplausible = docs.flatMap((d) => d.targets.filter((t) => t.implausible && links.includes(`${d.url}#${t.paragraph}`) && !d.targets.some((o) => !o.implausible && o.paragraph === t.paragraph)));
    expect(shownImplausible).toEqual([]);
  });

  test('is linked from the compare page and the home page', () => {
    expect(hrefs(site.page('compare/').root.querySelector('main'))).toContain(`${base}compare/focus/`);
    expect(hrefs(site.page('').root.querySelector('main'))).toContain(`${base}compare/focus/`);
  });
});
