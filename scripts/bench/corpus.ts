/** The benchmark's synthetic corpus, deterministic for a given size. */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLexicon } from '../../src/lib/lexicon.ts';
import { splitSentences } from '../../src/lib/extract/sentences.ts';
import { paragraphTexts } from '../../src/lib/mdx/text.ts';

/** A small deterministic PRNG, so the same N always gives the same corpus. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * N synthetic documents in `dir`: the committed documents' paragraphs recombined with other
 * counties, years and figures. With `extra`, one more document of the same series goes there
 * (the one an incremental build adds); the N are the same either way.
 */
export function generateCorpus(dir: string, N: number, root: string, extra?: string): void {
  mkdirSync(dir, { recursive: true });
  if (extra) mkdirSync(extra, { recursive: true });
  const next = random(N);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)] as T;
  const paragraphs = readdirSync(join(root, 'content/documents'))
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .flatMap((f) => {
      const mdx = readFileSync(join(root, 'content/documents', f), 'utf8');
      // Paragraphs only (a table's text has a line per row).
      return [...paragraphTexts(mdx).values()].filter((p) => p.length > 40 && !p.includes('\n'));
    });
  const counties = loadLexicon().gazetteer.filter((d) => d.level === 'county');
  const regions = Array.from({ length: Math.min(200, Math.max(5, Math.ceil(N / 5))) }, () => pick(counties));
  const types = ['工作总结', '实施方案', '工作汇报', '工作安排'];
  for (let i = 0; i < N + (extra ? 1 : 0); i++) {
    const region = pick(regions);
    const year = 2009 + Math.floor(next() * 15);
    const body = Array.from({ length: 6 + Math.floor(next() * 10) }, () =>
      splitSentences(pick(paragraphs))
        .map((s) => s.replace(/\d+(\.\d+)?(?=%|万元|元|人|个)/g, (n) => String(Math.round(Number(n) * (0.5 + next()) * 100) / 100)))
        .join(''),
    );
    const headings = ['一、基本情况', '二、主要做法', '三、主要成效', '四、存在问题', '五、下一步打算'];
    const lines = [`${region.name}深化医药卫生体制改革${pick(types)}`, ''];
    body.forEach((p, j) => {
      if (j % 3 === 0) lines.push(headings[Math.floor(j / 3) % headings.length] ?? '');
      lines.push(p.replace(/我县|我区|我市/g, region.name));
    });
    lines.push(`${year}年${1 + Math.floor(next() * 12)}月${1 + Math.floor(next() * 28)}日`);
    writeFileSync(join(i < N ? dir : (extra as string), `bench-${String(i).padStart(5, '0')}.txt`), `${lines.join('\n')}\n`);
  }
}
