/**
 * One input/expected fixture pair per stage (tests/fixtures/stages/<stage>/):
 * the pipeline runs the input as ingest does, and what the named stage made is
 * written out as text and compared with expected.txt. UPDATE_FIXTURES=1
 * rewrites the expectations (then read the diff and check it by hand).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyseSource, renderDocument } from '../src/lib/ingest/pipeline.ts';
import { loadLexicon } from '../src/lib/lexicon.ts';
import { documentSchema } from '../src/schema/document.ts';
import type { Root } from 'mdast';
import type { Draft, DroppedLine, Source } from '../src/lib/ingest/model.ts';
import { serialise } from '../src/lib/ingest/emit.ts';

const root = join(import.meta.dirname, 'fixtures/stages');
const lexicon = loadLexicon();

const droppedText = (dropped: readonly DroppedLine[]) => dropped.map((d) => `dropped line ${d.line} (${d.stage}: ${d.reason}${d.pageBreak ? ', page break' : ''}): ${d.text.trim()}`);

function sourceText(source: Source): string[] {
  return [
    `encoding: ${source.encoding}`,
    ...source.warnings.map((w) => `warning: ${JSON.stringify(w)}`),
    ...source.lines.map((l) => `${l.from === l.to ? l.from : `${l.from}-${l.to}`}: ${l.text}`),
    ...source.repairs.map((r) => `repair (${r.kind}, line ${r.line}): ${r.from} → ${r.to}`),
    ...droppedText(source.dropped),
  ];
}

function draftText(draft: Draft): string[] {
  const out = [`# document ${draft.index}${draft.marker ? ` (${draft.marker})` : ''}: ${draft.titleLines.map((l) => l.text.trim()).join(' | ')}`];
  if (draft.scriptConverted) out.push('script: converted to Simplified');
  for (const r of draft.repairs) out.push(`repair (${r.kind}, line ${r.line}): ${r.from} → ${r.to}`);
  if (draft.blocks.length === 0) out.push(...draft.lines.map((l) => `line ${l.from}: ${l.text}`));
  for (const b of draft.blocks) {
    const id = b.id ? `[${b.id}] ` : '';
    if (b.type === 'heading') out.push(`h${b.depth} ${b.text}`);
    else if (b.type === 'paragraph') out.push(`${id}${b.text}`);
    else out.push(`${id}| ${b.header.join(' | ')} |`, ...b.rows.map((r) => `| ${r.join(' | ')} |`));
    if (b.gapAfter) out.push('(the source cut text out here)');
  }
  for (const n of draft.notes) if (n.kind === 'sourceGap') out.push(`note: ${JSON.stringify(n)}`);
  if (draft.data) {
    const d = draft.data;
    out.push(
      `title: ${d.title}`,
      `region: ${d.region?.name ?? 'null'} ${JSON.stringify(d.regionEvidence)}`,
      `year: ${d.year ?? 'null'}${d.yearInferred ? ' (inferred)' : ''} ${JSON.stringify(d.yearEvidence)}`,
      `type: ${d.docType} ${JSON.stringify(d.typeEvidence)}`,
      `issuer: ${d.issuer ?? 'null'}; docNumber: ${d.docNumber ?? 'null'}; issued: ${d.issued ?? 'null'}; published: ${d.published ?? 'null'}; period: ${d.period ? `${d.period.from}-${d.period.to}` : 'null'}`,
      ...d.record.map((f) => `record: ${f.field} (${f.label}) = ${f.value} @${f.line}`),
      `topics: ${d.topics.join(', ')}`,
    );
    for (const t of d.targets) out.push(`target: ${t.indicator} ${t.kind} ${t.comparator} ${t.value}${t.valueMax !== undefined ? `–${t.valueMax}` : ''}${t.unit}${t.year ? ` (${t.year})` : ''}${t.scope ? ` [${t.scope}]` : ''} @${t.paragraph}`);
    for (const p of d.practices) out.push(`practice: ${p.id} ${p.status} @${p.paragraph}`);
  }
  return out;
}

function render(value: unknown): string {
  const v = value as Record<string, unknown>;
  if (typeof value === 'string') return value;
  if (Array.isArray(v.drafts)) return [...(v.drafts as Draft[]).flatMap(draftText), ...droppedText(v.dropped as DroppedLine[])].join('\n');
  if ('lines' in v && 'encoding' in v) return sourceText(value as Source).join('\n');
  if ('titleLines' in v) return draftText(value as Draft).join('\n');
  // A tree (markup): written as emit would write it, without its frontmatter, so marks and links read.
  if (v.type === 'root') return serialise(value as Root).replace(/^---\n[\s\S]*?\n---\n\n/, '');
  return JSON.stringify(value, (key, x) => (key === 'position' ? undefined : x), 2);
}

/** What the named stage made of the input: the source or every document after it, or the MDX. */
function afterStage(stage: string, bytes: Buffer): string {
  const seen: unknown[] = [];
  const observe = (name: string, value: unknown) => {
    if (name === stage) seen.push(value);
  };
  const { documents } = analyseSource('input.txt', bytes, { lexicon, observe });
  documents.forEach((doc, i) => renderDocument(documentSchema.parse({ ...doc.data, slug: `document-${i + 1}` }), doc.blocks, { lexicon, observe }));
  if (seen.length === 0) throw new Error(`stage "${stage}" never ran`);
  return `${seen.map(render).join('\n\n').trimEnd()}\n`;
}

describe('each stage on its fixture', () => {
  test.each(readdirSync(root).sort())('%s', (stage) => {
    const actual = afterStage(stage, readFileSync(join(root, stage, 'input.txt')));
    const expectedPath = join(root, stage, 'expected.txt');
    if (process.env.UPDATE_FIXTURES === '1') writeFileSync(expectedPath, actual);
    if (!existsSync(expectedPath)) throw new Error(`${expectedPath} is missing: run UPDATE_FIXTURES=1 npx vitest run tests/stages.test.ts and check it by hand`);
    expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
  });
});
