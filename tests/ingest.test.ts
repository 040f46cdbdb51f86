/**
 * The ingest runner on input the fixtures cannot hold: a per-file time limit,
 * very many lines and one very long line, files in the output folder that
 * ingest did not write, and the command line's exit codes and escaping of
 * what it prints.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, test } from 'vitest';
import { ingest, ingestInMemory } from '../src/lib/ingest/ingest.ts';
import { decode, splitLines } from '../src/lib/source/decode.ts';
import { unaccountedLines } from './helpers.ts';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'atlas-ingest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
/** A fresh sources folder holding the given files. */
function folder(files: Record<string, string | Buffer>): string {
  const dir = join(work, `sources-${++n}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
const seed = readFileSync(join(root, 'content/sources/004_25ce2148ba82f1c2.txt'));
const doc = (region: string) => `${region}医改工作总结\n\n今年以来，${region}新农合参合率达到96.5%。\n各乡镇卫生院全部实行基本药物零差率销售。\n\n${region}卫生局\n2012年12月20日\n`;

describe('ingest limits', () => {
  test('a file still being processed past the time limit is rejected with a reason; the others go on', () => {
    const sources = folder({ 'a.txt': seed });
    const { report } = ingestInMemory({ sources, timeLimitMs: 0 });
    expect(report.sources[0]).toMatchObject({ status: 'rejected', documents: [] });
    expect(report.sources[0]?.reason).toMatch(/took too long.*--time-limit/);
    expect(ingestInMemory({ sources }).report.sources[0]?.status).toBe('ok');
  });

  test('200,000 short lines and a 5 MB line are ingested without overflowing the stack, every line accounted for', () => {
    const many = `${doc('岚县')}${'短行。\n'.repeat(200_000)}`;
    const long = `${doc('静乐县')}${'全县新农合参合率达到96.5%，'.repeat(Math.ceil((5 * 1024 * 1024) / 38))}\n`;
    const sources = folder({ 'many-lines.txt': many, 'one-long-line.txt': long });
    const { report, files } = ingestInMemory({ sources });
    for (const entry of report.sources) {
      expect(entry.status, entry.source).toBe('ok');
      expect(entry.documents.length, entry.source).toBeGreaterThan(0);
      const lines = splitLines(decode(readFileSync(join(sources, entry.source))).text);
      expect(unaccountedLines(entry, files, lines), entry.source).toEqual([]);
    }
  }, 120_000);
});

describe('the output folder', () => {
  test('ingest removes the documents it wrote before and no longer writes, and leaves every other file alone', () => {
    const out = join(work, 'out-foreign');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.mdx'), '# 我的笔记\n');
    writeFileSync(join(out, 'readme.txt'), '别删');
    const sources = folder({ 'a.txt': doc('岚县'), 'b.txt': doc('兴县') });
    const first = ingest({ sources, out });
    expect(first.foreign).toEqual(['notes.mdx', 'readme.txt']);
    const [a, b] = first.report.sources.map((s) => s.documents[0]?.slug ?? '');
    rmSync(join(sources, 'b.txt'));
    ingest({ sources, out });
    expect(existsSync(join(out, `${a}.mdx`))).toBe(true);
    expect(existsSync(join(out, `${b}.mdx`))).toBe(false);
    expect(readFileSync(join(out, 'notes.mdx'), 'utf8')).toBe('# 我的笔记\n');
    expect(readFileSync(join(out, 'readme.txt'), 'utf8')).toBe('别删');
  });
});

describe('npm run ingest', () => {
  const cli = (sources: string, ...args: string[]) =>
    spawnSync(process.execPath, ['scripts/ingest.ts', '--sources', sources, '--out', join(work, `cli-out-${++n}`), ...args], { cwd: root, encoding: 'utf8' });

  test('a file name with a line break and terminal escape codes is printed escaped: it forges no line and no colour', () => {
    const evil = 'evil\n\u001b[31mred\u202e.txt';
    const run = cli(folder({ [evil]: doc('岚县') }));
    expect(run.status).toBe(0);
    const output = `${run.stdout}${run.stderr}`;
    expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(output).toContain('evil\\x0a\\x1b[31mred\\u202e.txt');
    expect(output.split('\n').some((line) => line.trim().startsWith('red') || line.startsWith('\\x1b'))).toBe(false);
  });

  test('--strict exits 1 when a file is rejected, and the rejection is on stderr with the file name', () => {
    const sources = folder({ 'good.txt': doc('岚县'), 'bad.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
    const relaxed = cli(sources);
    expect(relaxed.status).toBe(0);
    expect(relaxed.stderr).toMatch(/rejected bad\.txt: a PNG image, not a document/);
    expect(cli(sources, '--strict').status).toBe(1);
  });

  test.each([['--max-bytes', '0'], ['--time-limit', 'abc']])('%s %s is refused with exit 2', (option, value) => {
    const run = cli(folder({ 'a.txt': doc('岚县') }), option, value);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${option} must be a positive number`);
  });
});
