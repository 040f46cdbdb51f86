/**
 * A document that cannot be emitted is quarantined: the rest of its file and
 * of the run go on, the file is partial (or rejected when nothing of it is
 * left), the report names the lines and the reason, and --strict fails. The
 * failure is forced here (emit refuses documents whose title holds 隔离),
 * because by construction no real text can make emit fail any more.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';

vi.mock('../../src/lib/ingest/emit.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/lib/ingest/emit.ts')>();
  const { NotInertError } = await import('../../src/lib/ingest/verify.ts');
  return {
    ...real,
    emitMdx: (...args: Parameters<typeof real.emitMdx>) => {
      if (args[0].title.includes('隔离')) throw new NotInertError('block 2 (p-2): text parsed as markup (element <x>)', 1);
      return real.emitMdx(...args);
    },
  };
});

const { ingestInMemory } = await import('../../src/lib/ingest/ingest.ts');

const work = mkdtempSync(join(tmpdir(), 'atlas-quarantine-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const part = (title: string, region: string) =>
  `${title}\n\n今年以来，${region}认真落实医改各项任务，全县新农合参合率达到96.5%，较上年提高了两个百分点，各乡镇卫生院全部实行基本药物零差率销售。\n第二段写的是乡村医生的培训与考核，全年培训乡村医生120人次。\n`;

describe('quarantine', () => {
  mkdirSync(join(work, 'sources'));
  writeFileSync(join(work, 'sources', 'two.txt'), `第一篇\n${part('岚县医改工作总结', '岚县')}\n第二篇\n${part('兴县隔离医改工作总结', '兴县')}`);
  writeFileSync(join(work, 'sources', 'only.txt'), part('临县隔离医改工作总结', '临县'));
  const { report, files } = ingestInMemory({ sources: join(work, 'sources') });
  const entry = (name: string) => report.sources.find((s) => s.source === name);

  test('a file with one failing document is partial: the other is ingested, the failed one listed with its lines and the source line of the failure', () => {
    const two = entry('two.txt');
    expect(two?.status).toBe('partial');
    expect(two?.documents.map((d) => d.region)).toEqual(['岚县']);
    expect(two?.quarantined).toHaveLength(1);
    expect(two?.quarantined?.[0]?.title).toBe('兴县隔离医改工作总结');
    expect(two?.quarantined?.[0]?.reason).toMatch(/^cannot emit MDX: line \d+: block 2 \(p-2\): text parsed as markup/);
    const [from, to] = two?.quarantined?.[0]?.lines ?? [0, 0];
    expect(from).toBeGreaterThan(1);
    expect(to).toBeGreaterThan(from);
    expect(files.size).toBe(1);
  });

  test('a file whose every document fails is rejected, with the reasons', () => {
    expect(entry('only.txt')).toMatchObject({ status: 'rejected', documents: [] });
    expect(entry('only.txt')?.reason).toMatch(/^every document failed: cannot emit MDX/);
  });

  test('the summary counts them', () => {
    expect(report.summary).toMatchObject({ partial: 1, rejected: 1, quarantined: 2, documents: 1 });
  });
});
