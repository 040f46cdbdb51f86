/**
 * npm run curate -- <slug> [decisions] [--curator NAME] [--date YYYY-MM-DD] [--no-ingest]
 *
 * Shows a document as the machine read it (metadata, numbered figures with
 * their quotes, practices) beside what its curation file already says, and
 * records a curator's decisions in content/curation/<slug>.yaml, then
 * ingests again so that the site shows them. In a terminal without decision
 * flags it asks, one command a line (--session reads the commands from a
 * pipe the same way); with flags it does them and stops:
 *
 *   --confirm 1,3-5 | all | rest        the figures as read (by number or id; rest: those not decided yet)
 *   --reject 2 --note 为什么            not figures of the document
 *   --correct 4 --set "value=8 valueMax=10 comparator=range" --note 为什么
 *   --add p-12 --quote "…" --set "indicator=… kind=target value=90 unit=% comparator=≥"
 *   --forget 4                          undo a decision
 *   --confirm-practice 1,2 | --reject-practice 3 --note … | --correct-practice 3 --status planned
 *   --title … --region 隰县 [--province 山西省] --year 2012 --period 2021-2025 --type 工作总结 --issuer …
 *
 * The curator is --curator or $CURATOR; the date today (UTC) unless --date.
 * Exit code 0 when every decision was recorded, 1 when the document or a
 * decision could not be used (quoted), 2 on bad arguments.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { readFrontmatter } from '../src/lib/ingest/emit.ts';
import { analyseSource } from '../src/lib/ingest/pipeline.ts';
import { ingest } from '../src/lib/ingest/ingest.ts';
import { loadLexicon } from '../src/lib/lexicon.ts';
import { identifiedFigures, practiceKey } from '../src/lib/curation/ids.ts';
import { reviewLabels, statusLabels } from '../src/lib/labels.ts';
import { loadCuration, documentKey, writeCurationFile } from '../src/lib/curation/files.ts';
import { readingLabel } from '../src/lib/curation/apply.ts';
import * as decide from '../src/lib/curation/decide.ts';
import type { CurationFileInput, OverrideField } from '../src/schema/curation.ts';
import { docTypes, type DocumentFrontmatter, type Practice } from '../src/schema/document.ts';

const usage = `usage: npm run curate -- <slug> [--confirm N,… | all | rest] [--reject N --note …] [--correct N --set "field=value …"] [--add p-N --quote … --set …] [--forget N]
       [--confirm-practice N,…] [--reject-practice N --note …] [--correct-practice N --status adopted|planned] [--title …] [--region … [--province …]] [--year YYYY] [--period YYYY-YYYY] [--type …] [--issuer …]
       [--curator NAME] [--date YYYY-MM-DD] [--note …] [--documents DIR] [--sources DIR] [--curation DIR] [--no-ingest] [--session]`;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      confirm: { type: 'string' },
      reject: { type: 'string' },
      correct: { type: 'string' },
      add: { type: 'string' },
      forget: { type: 'string' },
      set: { type: 'string' },
      quote: { type: 'string' },
      note: { type: 'string' },
      'confirm-practice': { type: 'string' },
      'reject-practice': { type: 'string' },
      'correct-practice': { type: 'string' },
      status: { type: 'string' },
      title: { type: 'string' },
      region: { type: 'string' },
      province: { type: 'string' },
      year: { type: 'string' },
      period: { type: 'string' },
      type: { type: 'string' },
      issuer: { type: 'string' },
      curator: { type: 'string' },
      date: { type: 'string' },
      documents: { type: 'string', default: 'content/documents' },
      sources: { type: 'string', default: 'content/sources' },
      curation: { type: 'string', default: 'content/curation' },
      'no-ingest': { type: 'boolean', default: false },
      session: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const { values: args, positionals } = parsed;
if (args.help) {
  console.log(usage);
  process.exit(0);
}
const slug = positionals[0];
if (!slug || positionals.length > 1 || !/^[a-z0-9-]+$/.test(slug)) {
  console.error(`curate: name one document by its slug (the file name under ${args.documents} without .mdx)\n${usage}`);
  process.exit(2);
}
const fail = (message: string): never => {
  console.error(`curate: ${message}`);
  process.exit(1);
};

// The document as the site has it, then as the machine reads its source now (no curation).
const mdxPath = join(args.documents, `${slug}.mdx`);
if (!existsSync(mdxPath)) fail(`no document ${slug}: ${mdxPath} does not exist (npm run ingest writes the documents; their slugs are the file names)`);
const site = readFrontmatter(readFileSync(mdxPath, 'utf8')) as DocumentFrontmatter;
const sourcePath = join(args.sources, site.source.file);
if (!existsSync(sourcePath)) fail(`${slug}: its source ${sourcePath} is not there`);
const lexicon = loadLexicon();
const analysed = analyseSource(site.source.file, readFileSync(sourcePath), { lexicon });
const machineDoc = analysed.documents.find((d) => d.data.source.index === site.source.index);
if (!machineDoc) fail(`${slug}: its source no longer holds document ${site.source.index}`);
const machine = (machineDoc as NonNullable<typeof machineDoc>).data;
const figures = identifiedFigures(machine);
const practices: Practice[] = machine.practices;

// Its curation file: the one that already curates it (by source), else <slug>.yaml.
const key = documentKey(site.source.sha256, site.source.index);
const existing = loadCuration(args.curation).byDocument.get(key);
const curationPath = existing?.file ?? join(args.curation, `${slug}.yaml`);
let file: CurationFileInput = existing?.curation ?? { source: { sha256: site.source.sha256, index: site.source.index, file: site.source.file } };

/** A decision in the site's words (reviewLabels): 人工核对, 人工修正, 人工补录; 人工剔除; none: 机器提取. */
function decisionLabel(decision: 'confirm' | 'reject' | 'correct' | 'add' | undefined): string {
  if (decision === 'reject') return '人工剔除';
  return reviewLabels[decision === 'confirm' ? 'checked' : decision === 'correct' ? 'corrected' : decision === 'add' ? 'added' : 'machine'];
}

function describe(): void {
  const decisions = new Map((file.figures ?? []).filter((e) => e.decision !== 'add').map((e) => [(e as { id: string }).id, e]));
  const overrides = file.document ?? {};
  const shown = (field: OverrideField, machineValue: string) => {
    const o = (overrides as Record<string, { value: unknown } | undefined>)[field];
    return o ? `${JSON.stringify(o.value)}（人工修正；机器：${machineValue}）` : machineValue;
  };
  console.log(`${slug}  ${curationPath}${existing ? '' : '（新建）'}`);
  console.log(`  标题  ${shown('title', machine.title)}`);
  console.log(`  地区  ${shown('region', machine.region ? `${machine.region.province}${machine.region.prefecture ?? ''}${machine.region.name}` : '不详')}`);
  console.log(`  年份  ${shown('year', String(machine.year ?? '不详'))}    时期 ${shown('period', machine.period ? `${machine.period.from}-${machine.period.to}` : '无')}`);
  console.log(`  类型  ${shown('docType', machine.docType)}    发文机关 ${shown('issuer', machine.issuer ?? '不详')}`);
  console.log(`\n  数字（${figures.length}）`);
  figures.forEach(({ id, figure }, i) => {
    const d = decisions.get(id);
    const state = !d ? decisionLabel(undefined) : d.decision === 'reject' ? `${decisionLabel('reject')}：${d.note}` : d.decision === 'correct' ? `${decisionLabel('correct')}：${JSON.stringify(d.set)}` : decisionLabel(d.decision);
    console.log(`  ${String(i + 1).padStart(3)}  ${id}  ${readingLabel(figure)}  ${figure.paragraph}  [${state}]`);
    console.log(`       「${figure.quote.length > 70 ? `${figure.quote.slice(0, 70)}…` : figure.quote}」`);
  });
  for (const added of (file.figures ?? []).filter((e) => e.decision === 'add')) console.log(`    +  ${added.paragraph}  ${JSON.stringify(added.reading)}  [${decisionLabel('add')}]`);
  if (practices.length) {
    console.log(`\n  做法（${practices.length}）`);
    const practiceDecisions = new Map((file.practices ?? []).map((e) => [practiceKey(e), e.decision]));
    practices.forEach((p, i) => console.log(`  ${String(i + 1).padStart(3)}  ${p.label}（${statusLabels[p.status]}）  ${p.paragraph}  [${decisionLabel(practiceDecisions.get(practiceKey(p)))}]`));
  }
}

const today = new Date().toISOString().slice(0, 10);
const curatorName = args.curator ?? process.env.CURATOR;
const signature = (note?: string): decide.Signature => {
  if (!curatorName) throw new Error('say who decides: --curator NAME (or CURATOR=NAME)');
  const date = args.date ?? today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`--date must be YYYY-MM-DD, not ${JSON.stringify(date)}`);
  return { curator: curatorName, date, ...(note ? { note } : {}) };
};
const needNote = (what: string, note: string | undefined): string => {
  if (!note) throw new Error(`say why ${what}: --note …`);
  return note;
};
const pickPractices = (spec: string): Practice[] =>
  spec.split(/[,\s]+/).filter(Boolean).map((n) => {
    const p = practices[Number(n) - 1];
    if (!/^\d+$/.test(n) || !p) throw new Error(`there is no practice ${JSON.stringify(n)} (the document has ${practices.length})`);
    return p;
  });
/** `all`: every figure; `rest`: every figure without a decision yet; else numbers and ids. */
const all = (spec: string) => {
  if (spec !== 'all' && spec !== 'rest') return spec;
  const decided = new Set((file.figures ?? []).flatMap((e) => (e.decision === 'add' ? [] : [e.id])));
  return figures.flatMap(({ id }, i) => (spec === 'all' || !decided.has(id) ? [String(i + 1)] : [])).join(',');
};

/** adopted / planned (已实施 / 计划), or an error saying which it must be. */
function practiceStatus(raw: string | undefined): 'adopted' | 'planned' {
  const status = raw === '已实施' ? 'adopted' : raw === '计划' ? 'planned' : raw;
  if (status !== 'adopted' && status !== 'planned') throw new Error(`a practice's status is adopted (已实施) or planned (计划), not ${JSON.stringify(raw ?? '')}`);
  return status;
}

/** A metadata field's value as typed (--year 2012, year 2012 in the session): checked, or an error saying what it must be. */
function overrideValue(field: OverrideField, raw: string): unknown {
  switch (field) {
    case 'region':
      return raw === '' || raw === 'none' ? null : raw;
    case 'year':
      if (!/^\d{4}$/.test(raw)) throw new Error(`the year must be four digits (2012), not ${JSON.stringify(raw)}`);
      return Number(raw);
    case 'period':
      return decide.parsePeriod(raw);
    case 'docType':
      if (!(docTypes as readonly string[]).includes(raw)) throw new Error(`the type must be one of ${docTypes.join('、')}, not ${JSON.stringify(raw)}`);
      return raw;
    default:
      if (raw === '') throw new Error(`the ${field} cannot be empty`);
      return raw;
  }
}

/** The flags' decisions, in a fixed order. */
function fromFlags(): number {
  let n = 0;
  const sig = () => signature(args.note);
  if (args.confirm) for (const item of decide.pickFigures(figures, all(args.confirm))) ((file = decide.confirmFigure(file, item, sig())), n++);
  if (args.reject) for (const item of decide.pickFigures(figures, args.reject)) ((file = decide.rejectFigure(file, item, { ...sig(), note: needNote('it is rejected', args.note) })), n++);
  if (args.correct) for (const item of decide.pickFigures(figures, args.correct)) ((file = decide.correctFigure(file, item, decide.parseReading(args.set ?? ''), sig())), n++);
  if (args.add) {
    if (!/^p-\d+$/.test(args.add)) throw new Error(`--add takes the paragraph (p-12), not ${JSON.stringify(args.add)}`);
    file = decide.addFigure(file, args.add, args.quote ?? '', decide.parseReading(args.set ?? ''), sig());
    n++;
  }
  if (args.forget) for (const item of decide.pickFigures(figures, args.forget)) ((file = decide.forgetFigure(file, item)), n++);
  if (args['confirm-practice']) for (const p of pickPractices(args['confirm-practice'])) ((file = decide.confirmPractice(file, p, sig())), n++);
  if (args['reject-practice']) for (const p of pickPractices(args['reject-practice'])) ((file = decide.rejectPractice(file, p, { ...sig(), note: needNote('it is rejected', args.note) })), n++);
  if (args['correct-practice']) for (const p of pickPractices(args['correct-practice'])) ((file = decide.correctPractice(file, p, practiceStatus(args.status), sig())), n++);
  const fields: Array<[OverrideField, string | undefined]> = [
    ['title', args.title],
    ['region', args.region],
    ['year', args.year],
    ['period', args.period],
    ['docType', args.type],
    ['issuer', args.issuer],
  ];
  for (const [field, raw] of fields) {
    if (raw === undefined) continue;
    file = decide.overrideField(file, field, overrideValue(field, raw), { ...sig(), ...(args.province ? { province: args.province } : {}) });
    n++;
  }
  return n;
}

const help = `命令（每行一条；数字是上面的序号，也可写编号）：
  c 1,3-5      核对无误（c all：全部；c rest：其余尚未决定的）
  r 2 理由     剔除（不是本文件的数字）
  e 4 value=8 valueMax=10 comparator=range [# 说明]   修正
  f 4          撤销对它的决定
  a p-12 indicator=… kind=target value=90 unit=% comparator=≥ | 原文句子   补录漏掉的数字
  pc 1,2       做法核对无误     pr 3 理由   剔除做法     pe 3 planned   改为计划（adopted：已实施）
  year 2012 | title … | region 隰县 | period 2021-2025 | type 工作总结 | issuer …   修改元数据
  l            再列一遍        w            保存并退出        q            不保存退出`;

/** The terminal session: one command a line until w or q (from a pipe too, with --session). */
async function interactive(): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (prompt: string): Promise<string | undefined> => {
    process.stdout.write(prompt);
    const next = await lines.next();
    return next.done ? undefined : String(next.value).trim();
  };
  try {
    let name = curatorName;
    while (!name) {
      const answer = await ask('核对人（姓名或缩写）：');
      if (answer === undefined) return false;
      name = answer;
    }
    const sig = (note?: string): decide.Signature => ({ curator: name as string, date: args.date ?? today, ...(note ? { note } : {}) });
    console.log(help);
    for (;;) {
      const line = await ask('> ');
      // The end of the input without w: nothing is saved.
      if (line === undefined) return false;
      const [command = '', ...rest] = line.split(/\s+/);
      const arg = rest.join(' ');
      try {
        if (command === 'w') return true;
        if (command === 'q') return false;
        if (command === 'l') describe();
        else if (command === 'c') for (const item of decide.pickFigures(figures, all(rest[0] ?? ''))) file = decide.confirmFigure(file, item, sig());
        else if (command === 'r') for (const item of decide.pickFigures(figures, rest[0] ?? '')) file = decide.rejectFigure(file, item, { ...sig(), note: needNote('it is rejected', rest.slice(1).join(' ')) });
        else if (command === 'e') {
          const [spec = '', note] = rest.slice(1).join(' ').split('#');
          for (const item of decide.pickFigures(figures, rest[0] ?? '')) file = decide.correctFigure(file, item, decide.parseReading(spec), sig(note?.trim()));
        } else if (command === 'f') for (const item of decide.pickFigures(figures, arg)) file = decide.forgetFigure(file, item);
        else if (command === 'pc') for (const p of pickPractices(arg)) file = decide.confirmPractice(file, p, sig());
        else if (command === 'pr') for (const p of pickPractices(rest[0] ?? '')) file = decide.rejectPractice(file, p, { ...sig(), note: needNote('it is rejected', rest.slice(1).join(' ')) });
        else if (command === 'pe') for (const p of pickPractices(rest[0] ?? '')) file = decide.correctPractice(file, p, practiceStatus(rest[1]), sig(rest.slice(2).join(' ') || undefined));
        else if (command === 'a') {
          // a p-12 indicator=… kind=target value=90 unit=% comparator=≥ | the sentence as the text has it
          const [spec = '', ...quote] = rest.slice(1).join(' ').split('|');
          if (!/^p-\d+$/.test(rest[0] ?? '')) throw new Error(`a takes the paragraph first (a p-12 …), not ${JSON.stringify(rest[0] ?? '')}`);
          file = decide.addFigure(file, rest[0] ?? '', quote.join('|').trim(), decide.parseReading(spec), sig());
        }
        else if (['year', 'title', 'region', 'period', 'type', 'issuer'].includes(command)) {
          const field = (command === 'type' ? 'docType' : command) as OverrideField;
          file = decide.overrideField(file, field, overrideValue(field, arg), sig());
        } else if (command) console.log(help);
        if (command && command !== 'l') console.log('  已记下');
      } catch (error) {
        console.log(`  ${(error as Error).message}`);
      }
    }
  } finally {
    rl.close();
  }
}

describe();
const decisionFlags = ['confirm', 'reject', 'correct', 'add', 'forget', 'confirm-practice', 'reject-practice', 'correct-practice', 'title', 'region', 'year', 'period', 'type', 'issuer'] as const;
const flagged = decisionFlags.some((f) => args[f] !== undefined);
let save = false;
try {
  if (flagged) save = fromFlags() > 0;
  else if (process.stdin.isTTY || args.session) save = await interactive();
} catch (error) {
  fail((error as Error).message);
}
if (!save) process.exit(0);
try {
  writeCurationFile(curationPath, file);
} catch (error) {
  fail(`cannot write ${curationPath}: ${(error as Error).message}`);
}
console.log(`\n已写入 ${curationPath}`);
if (args['no-ingest']) process.exit(0);

// Ingest again, so the documents (and the site built from them) show the decisions.
const result = ingest({ sources: args.sources, out: args.documents, curation: args.curation });
const doc = result.report.sources.flatMap((s) => s.documents).find((d) => d.curation && join(args.curation, d.curation.file) === join(curationPath));
if (!doc) fail(`after ingest no document took ${curationPath}: see ${args.documents}/ingest-report.json`);
for (const problem of doc?.curation?.problems ?? []) console.error(`curation ${curationPath}: ${problem}`);
console.log(`已重新导入：${doc?.slug}.mdx，${doc?.curation?.applied ?? 0} 项决定生效${doc?.curation?.problems.length ? `，${doc.curation.problems.length} 项未生效（见上）` : ''}。npm run build 后网站显示。`);
if (doc?.curation?.problems.length) process.exit(1);
