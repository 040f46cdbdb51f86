/**
 * What readers see of curation (content/curation/) on the built site: each figure's state
 * (机器提取, 人工核对, 人工修正 with its note), how much of a document a person checked, the
 * 只看人工核对 filter of the indicator and compare pages, the open data's review columns, and
 * the figures' ids where readers can report an error. Expectations follow the published data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { figureIds } from '../../src/lib/curation/ids.ts';
import { reviewCounts, reviewSummaryText, tableReview } from '../../src/lib/site/review.ts';
import { reviewLabels, reviewState } from '../../src/lib/labels.ts';
import { SUBPATH } from '../global-setup.ts';
import { builtDocuments, loadSite, ROOT, text } from './dist.ts';

const site = loadSite('dist');
const docs = builtDocuments('dist');
const curated = docs.filter((d) => [...d.targets, ...d.figures, ...d.practices].some((x) => x.review));
const uncurated = docs.filter((d) => !curated.includes(d) && d.targets.length > 0);

describe('review states, from the data', () => {
  test('the seeds have curated and uncurated documents, and figures in each state', () => {
    expect(curated.length).toBeGreaterThanOrEqual(5);
    expect(uncurated.length).toBeGreaterThan(0);
    const states = new Set(curated.flatMap((d) => d.targets.map((t) => reviewState(t))));
    expect([...states].sort()).toEqual(['checked', 'corrected', 'machine']);
  });

  test.each([
    [{ machine: 5, checked: 0, corrected: 0, added: 0, total: 5, rejected: 0 }, '全部5项为机器提取，未经人工核对'],
    [{ machine: 2, checked: 3, corrected: 1, added: 0, total: 6, rejected: 1 }, '数字和做法6项：人工核对3项、人工修正1项，其余2项为机器提取；人工剔除1项'],
    [{ machine: 0, checked: 4, corrected: 0, added: 1, total: 5, rejected: 0 }, '数字和做法5项：人工核对4项、人工补录1项'],
  ])('reviewSummaryText(%j)', (counts, expected) => {
    expect(reviewSummaryText(counts)).toBe(expected);
  });

  test.each([
    ['the state most rows share', ['checked', 'checked', undefined], 'checked'],
    ['the machine on a tie', ['checked', undefined], 'machine'],
    ['the machine when nobody checked', [undefined, undefined], 'machine'],
  ] as const)('tableReview says once %s', (_name, states, usual) => {
    const items = states.map((s) => (s ? { review: { status: s, curator: '甲', date: '2026-12-01' } } : {}));
    expect(tableReview(items).usual).toBe(usual);
  });
});

describe('a document page says who read its figures', () => {
  test.each(curated.map((d) => [d.slug, d] as const))('%s: how much a person checked, in its header', (slug, d) => {
    const meta = site.page(`documents/${slug}/`).root.querySelector('.doc-meta');
    const row = meta?.querySelectorAll('dt').find((dt) => text(dt) === '核对');
    expect(text(row?.nextElementSibling)).toBe(reviewSummaryText(reviewCounts(d)));
  });

  test.each(curated.map((d) => [d.slug, d] as const))('%s: the unmarked rows’ state under the table, every other row’s on it, each correction’s note', (slug, d) => {
    const page = site.page(`documents/${slug}/`);
    const table = page.root.querySelector('.doc-figures table.targets');
    const plan = tableReview(d.targets);
    const note = text(page.root.querySelector('.doc-figures table.targets')?.closest('.table-wrap')?.nextElementSibling);
    const marks = (table?.querySelectorAll('tbody tr') ?? []).map((tr) => text(tr.querySelector('small')));
    const marked = d.targets.filter((t) => reviewState(t) !== plan.usual || t.review?.note);
    expect(note).toContain(`${marked.length > 0 ? '未注明的数字均' : '以上数字均'}${plan.usual === 'checked' ? '经人工核对' : '为机器提取'}`);
    if (plan.signer) expect(note).toContain(plan.signer);
    expect(marks.filter(Boolean)).toHaveLength(marked.length);
    for (const t of marked) {
      const mark = marks.find(
        (m) => m.startsWith(reviewLabels[reviewState(t)]) && (!t.review?.note || m.includes(t.review.note)) && (!t.review?.machine || m.includes(`机器读作“${t.review.machine}”`)),
      );
      expect(mark, `${t.label} ${t.value}`).toBeDefined();
    }
  });

  test.each(curated.filter((d) => (d.curation?.rejected.length ?? 0) > 0).map((d) => [d.slug, d] as const))('%s: what a person rejected is listed apart, with why', (slug, d) => {
    const details = site.page(`documents/${slug}/`).root.querySelectorAll('.doc-figures details').find((el) => text(el.querySelector('summary')).startsWith('人工剔除'));
    expect(text(details?.querySelector('summary'))).toBe(`人工剔除${d.curation?.rejected.length}项（程序误读）`);
    for (const r of d.curation?.rejected ?? []) expect(text(details)).toContain(r.note);
  });

  test.each(uncurated.map((d) => [d.slug] as const))('%s, which nobody curated, says so once', (slug) => {
    const page = site.page(`documents/${slug}/`);
    expect(text(page.root.querySelector('.doc-figures .meta'))).toContain('以上数字均为机器提取，未经人工核对');
    expect(page.root.querySelectorAll('.doc-figures table.targets small')).toHaveLength(0);
  });

  test('the figures’ ids ride on their table only where readers can report an error (SITE_CONTACT)', () => {
    const sub = loadSite(SUBPATH.dir);
    for (const d of docs.filter((x) => x.targets.length > 0)) {
      expect(site.page(`documents/${d.slug}/`).root.querySelector('table[data-figs]')).toBeNull();
      const table = sub.page(`documents/${d.slug}/`).root.querySelector('.doc-figures table.targets');
      const ids = figureIds([...d.targets, ...d.figures]);
      const listed = (table?.getAttribute('data-figs') ?? '').split(' ');
      expect(listed.sort()).toEqual(ids.slice(0, d.targets.length).sort());
    }
    expect(sub.page('').root.querySelector('body')?.getAttribute('data-contact')).toBe('mailto:yigai@atlas.example.cn');
  });
});

describe('只看人工核对 on the pages that compare', () => {
  const checkedIndicators = [...new Set(docs.flatMap((d) => d.targets.filter((t) => t.review && !t.implausible).map((t) => t.indicator)))];

  test.each(checkedIndicators.map((id) => [id] as const))('indicator %s: the filter, each row’s state, and the chart of checked figures', (id) => {
    const page = site.page(`indicators/${id}/`);
    const rows = docs.flatMap((d) => d.targets.filter((t) => t.indicator === id && !t.implausible));
    const label = text(page.root.querySelector('.review-filter label'));
    expect(label).toBe(`只看经过人工核对的数字（${rows.length}项中的${rows.filter((t) => t.review).length}项）`);
    expect(page.root.querySelector('.review-filter input#only-checked[type=checkbox]')).not.toBeNull();
    const states = page.root.querySelectorAll('section table.targets tbody tr').map((tr) => tr.getAttribute('data-review'));
    expect(states.sort()).toEqual(rows.map((t) => reviewState(t)).sort());
  });

  test('an indicator nobody checked has no filter', () => {
    const unchecked = docs.flatMap((d) => d.targets).find((t) => !docs.some((d) => d.targets.some((x) => x.indicator === t.indicator && x.review)));
    expect(unchecked).toBeDefined();
    expect(site.page(`indicators/${unchecked?.indicator}/`).root.querySelector('.review-filter')).toBeNull();
  });

  test('the compare page: the filter, and every figure of the matrices with its state', () => {
    const page = site.page('compare/');
    expect(page.root.querySelector('#only-checked')).not.toBeNull();
    const spans = page.root.querySelectorAll('table.matrix td span[data-review]');
    expect(spans.length).toBeGreaterThan(0);
    const checked = spans.filter((s) => s.getAttribute('data-review') !== 'machine');
    expect(checked.length).toBeGreaterThan(0);
    for (const s of checked) expect(text(s.querySelector('small'))).toMatch(/^（人工(核对|修正|补录)）$/);
    // The filter's rule is in the page's stylesheet.
    const css = readFileSync(join(ROOT, 'src/styles/collections.css'), 'utf8');
    expect(css).toContain('main:has(#only-checked:checked) [data-review="machine"]');
  });
});

describe('the open data carries the review', () => {
  const rows = JSON.parse(readFileSync(join(ROOT, 'dist/data/targets.json'), 'utf8')) as Array<{ slug: string; quote: string; value: number; figureId: string; review: string; reviewNote: string | null }>;

  test('each figure’s id, state and note, as the documents have them', () => {
    for (const d of docs) {
      const mine = rows.filter((r) => r.slug === d.slug);
      const all = [...d.targets, ...d.figures];
      expect(mine.map((r) => r.figureId)).toEqual(figureIds(all));
      expect(mine.map((r) => r.review)).toEqual(all.map((f) => reviewState(f)));
      mine.forEach((r, i) => {
        const review = all[i]?.review;
        expect(r.reviewNote === null).toBe(review === undefined);
        if (review?.note) expect(r.reviewNote).toContain(review.note);
      });
    }
  });

  test('targets.csv says the state in Chinese', () => {
    const csv = readFileSync(join(ROOT, 'dist/data/targets.csv'), 'utf8');
    const states = new Set(csv.split('\n').slice(1).filter(Boolean).flatMap((line) => ['机器提取', '人工核对', '人工修正'].filter((s) => line.includes(`,${s},`))));
    expect([...states].sort()).toEqual(['人工修正', '人工核对', '机器提取'].sort());
  });
});
