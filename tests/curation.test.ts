/**
 * Curation end to end: npm run curate records decisions in a curation file and ingests again;
 * the decisions survive the next ingest, the slug stays where it was, an entry that no longer
 * matches is reported by npm run ingest (naming the file), and a file for no document too.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { readFrontmatter } from '../src/lib/ingest/emit.ts';
import { ingest, REPORT_FILE, type IngestReport } from '../src/lib/ingest/ingest.ts';
import type { DocumentFrontmatter } from '../src/schema/document.ts';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'curate-'));
const sources = join(work, 'sources');
const out = join(work, 'documents');
const curation = join(work, 'curation');
mkdirSync(sources);
// 隰县's summary and four other documents: one seed file.
copyFileSync(join(root, 'content/sources/000_9e7e8b6328ceacaa.txt'), join(sources, '000_9e7e8b6328ceacaa.txt'));
ingest({ sources, out });
const slug = 'xixian-2011-summary';
const read = (): DocumentFrontmatter => readFrontmatter(readFileSync(join(out, `${slug}.mdx`), 'utf8')) as DocumentFrontmatter;
const machine = read();

function curate(...args: string[]) {
  const run = spawnSync(process.execPath, ['scripts/curate.ts', ...args, '--documents', out, '--sources', sources, '--curation', curation], { cwd: root, encoding: 'utf8', env: { ...process.env, CURATOR: '' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
function session(input: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ['scripts/curate.ts', slug, '--session', ...args, '--documents', out, '--sources', sources, '--curation', curation], { cwd: root, encoding: 'utf8', input, env: { ...process.env, CURATOR: '' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
function ingestCli() {
  const run = spawnSync(process.execPath, ['scripts/ingest.ts', '--sources', sources, '--out', out, '--curation', curation, '--quiet'], { cwd: root, encoding: 'utf8' });
  return { code: run.status, stderr: run.stderr };
}

describe('npm run curate', () => {
  test('lists the document as the machine reads it: metadata, numbered figures with ids and quotes, practices', () => {
    const { code, stdout } = curate(slug);
    expect(code).toBe(0);
    expect(stdout).toContain(`标题  ${machine.title}`);
    expect(stdout).toMatch(/^ +1 {2}[0-9a-f]{8} {2}.+ {2}p-\d+ {2}\[机器提取\]$/m);
    expect(stdout).toContain(`「${machine.targets[0]?.quote.slice(0, 20)}`);
    expect(stdout).toContain(`做法（${machine.practices.length}）`);
    expect(existsSync(join(curation, `${slug}.yaml`))).toBe(false);
  });

  test('records a confirmation and a correction with the curator and day, and ingests again so the document shows them', () => {
    const { code, stdout, stderr } = curate(slug, '--confirm', '1', '--curator', '王明', '--date', '2026-12-01');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('1 项决定生效');
    const file = parse(readFileSync(join(curation, `${slug}.yaml`), 'utf8'));
    expect(file.source).toEqual({ sha256: machine.source.sha256, index: machine.source.index, file: machine.source.file });
    expect(file.figures).toEqual([expect.objectContaining({ decision: 'confirm', curator: '王明', date: '2026-12-01', quote: machine.targets[0]?.quote, reading: expect.objectContaining({ value: machine.targets[0]?.value }) })]);
    expect(read().targets[0]?.review).toMatchObject({ status: 'checked', curator: '王明' });

    const fix = curate(slug, '--correct', '2', '--set', 'value=300 comparator=≥', '--note', '核对原文', '--curator', '王明', '--date', '2026-12-01');
    expect(fix.code).toBe(0);
    const second = read().targets[1];
    expect(second).toMatchObject({ value: 300, comparator: '≥', review: { status: 'corrected', note: '核对原文', was: { value: machine.targets[1]?.value } } });
    expect(read().targets[0]?.review?.status).toBe('checked');
  });

  test('a metadata override keeps the page where it was (the slug is the machine’s), and survives a plain ingest', () => {
    expect(curate(slug, '--year', '2013', '--curator', '王明', '--date', '2026-12-01', '--note', '落款日期').code).toBe(0);
    expect(read()).toMatchObject({ year: 2013, slug, curation: { overrides: [expect.objectContaining({ field: 'year', machine: String(machine.year), note: '落款日期' })] } });
    const again = ingestCli();
    expect(again.stderr).toBe('');
    expect(read().year).toBe(2013);
    expect(read().targets[0]?.review?.status).toBe('checked');
    // A plain re-ingest keeps the unchanged source as it was.
    const report = JSON.parse(readFileSync(join(out, REPORT_FILE), 'utf8')) as IngestReport;
    expect(report.sources[0]?.documents.find((d) => d.slug === slug)?.curation).toEqual({ file: `${slug}.yaml`, applied: 3, problems: [] });
  });

  test.each([
    [[], 2, /name one document by its slug/],
    [['no-such-document'], 1, /no document no-such-document/],
    [[slug, '--reject', '1', '--curator', 'x'], 1, /say why it is rejected: --note/],
    [[slug, '--confirm', '1'], 1, /say who decides: --curator NAME/],
    [[slug, '--confirm', '999', '--curator', 'x'], 1, /there is no figure 999/],
    [[slug, '--correct', '1', '--set', 'value=abc', '--curator', 'x'], 1, /value must be a number, not "abc"/],
    [[slug, '--type', '报告书', '--curator', 'x'], 1, /the type must be one of .*not "报告书"/],
    [[slug, '--year', '二〇一三', '--curator', 'x'], 1, /the year must be four digits \(2012\), not "二〇一三"/],
  ])('refuses %j, saying why', (args, code, message) => {
    const before = readFileSync(join(curation, `${slug}.yaml`), 'utf8');
    const run = curate(...args);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(readFileSync(join(curation, `${slug}.yaml`), 'utf8')).toBe(before);
  });
});

describe('npm run curate, a session of commands', () => {
  test('asks who decides, takes one command a line, says what it could not use, and saves on w', () => {
    const { code, stdout } = session('李华\nc 3\nr 4\ne 5 value=abc\nyear 2014\nw\n', '--date', '2026-12-02');
    expect(code).toBe(0);
    expect(stdout).toContain('核对人（姓名或缩写）：');
    expect(stdout).toContain('say why it is rejected');
    expect(stdout).toContain('value must be a number, not "abc"');
    const file = parse(readFileSync(join(curation, `${slug}.yaml`), 'utf8'));
    expect(file.figures).toContainEqual(expect.objectContaining({ decision: 'confirm', curator: '李华', date: '2026-12-02', quote: machine.targets[2]?.quote }));
    expect(file.figures.some((e: { decision: string; quote?: string }) => e.decision === 'reject')).toBe(false);
    expect(file.document.year).toMatchObject({ value: 2014, curator: '李华' });
    expect(read()).toMatchObject({ year: 2014 });
    expect(read().targets[2]?.review).toMatchObject({ status: 'checked', curator: '李华' });
  });

  test('adds a missed figure and corrects a practice’s status', () => {
    const paragraph = machine.targets[0]?.paragraph ?? 'p-1';
    const quote = machine.targets[0]?.quote ?? '';
    const status = machine.practices[0]?.status === 'adopted' ? 'planned' : 'adopted';
    const { code, stdout } = session(`李华\na ${paragraph} metric=补录测试 kind=achieved value=1 unit=个 comparator== | ${quote}\npe 1 ${status}\nw\n`, '--date', '2026-12-02');
    expect(stdout).not.toMatch(/^ {2}(?!已记下).*(must|cannot|needs)/m);
    expect(code).toBe(0);
    expect(read().figures.find((f) => f.review?.status === 'added')).toMatchObject({ metric: '补录测试', value: 1, paragraph, quote });
    expect(read().practices[0]).toMatchObject({ status, review: { status: 'corrected', curator: '李华' } });
  });

  test('saves nothing on q or at the end of the input', () => {
    const before = readFileSync(join(curation, `${slug}.yaml`), 'utf8');
    expect(session('李华\nc 6\nq\n').code).toBe(0);
    expect(session('李华\nc 6\n').code).toBe(0);
    expect(readFileSync(join(curation, `${slug}.yaml`), 'utf8')).toBe(before);
  });
});

describe('npm run ingest with curation', () => {
  test('reports an entry that no longer matches, naming the file, and applies the rest', () => {
    const path = join(curation, `${slug}.yaml`);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace(/id: ([0-9a-f]{8})\n/, 'id: 0000beef\n'));
    const { code, stderr } = ingestCli();
    expect(code).toBe(0);
    expect(stderr).toMatch(new RegExp(`curation ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(${slug}\\): figures\\[0\\] \\(confirm 0000beef「.*」\\): no figure of the document has this id any more`));
    expect(read().year).toBe(2014);
    writeFileSync(path, text);
  });

  test('reports a file that matches no document, and one that is invalid, and goes on', () => {
    writeFileSync(join(curation, 'gone.yaml'), `source:\n  sha256: ${'b'.repeat(64)}\n  index: 1\n`);
    writeFileSync(join(curation, 'bad.yaml'), 'figures: 3\n');
    const { code, stderr } = ingestCli();
    expect(code).toBe(0);
    expect(stderr).toContain(`curation ${join(curation, 'gone.yaml')}: no document of the sources matches its source`);
    expect(stderr).toMatch(new RegExp(`curation ${join(curation, 'bad.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*source`));
    expect(read().targets[0]?.review?.status).toBe('checked');
  });
});
