/** src/lib/ingest/pipeline.ts: the one runner over the stages. */
import { describe, expect, test } from 'vitest';
import { analyseSource, defaultStages, renderDocument, StageError } from '../../src/lib/ingest/pipeline.ts';
import { RejectedSource } from '../../src/lib/source/decode.ts';
import { loadLexicon } from '../../src/lib/lexicon.ts';
import { documentSchema } from '../../src/schema/document.ts';

const lexicon = loadLexicon();
const text = Buffer.from('岚县医改工作总结\n\n今年以来，岚县新农合参合率达到96.5%。\n各乡镇卫生院全部实行基本药物零差率销售。\n\n岚县卫生局\n2012年12月20日\n');

describe('the pipeline', () => {
  test('runs the stages in the documented order', () => {
    const stages = defaultStages();
    expect([stages.read.name, ...stages.source.map((s) => s.name), stages.split.name, ...stages.document.map((s) => s.name), ...stages.tree.map((s) => s.name), stages.emit.name]).toEqual([
      'decode', 'inline', 'unflatten', 'frame', 'boilerplate', 'unpaginate', 'split', 'script', 'synonyms', 'residue', 'segment', 'number', 'gaps', 'metadata', 'extract', 'markup', 'emit',
    ]);
  });

  test('analyses a file into documents with their frontmatter, then renders one to MDX', () => {
    const { documents } = analyseSource('a.txt', text, { lexicon });
    expect(documents).toHaveLength(1);
    const [doc] = documents;
    expect(doc?.data).toMatchObject({ title: '岚县医改工作总结', region: { name: '岚县' }, year: 2012, docType: '工作总结' });
    expect(doc?.data.targets.map((t) => t.value)).toContain(96.5);
    const mdx = renderDocument(documentSchema.parse({ ...doc?.data, slug: 'lanxian-2012-summary' }), doc?.blocks ?? [], { lexicon });
    expect(mdx).toContain('<mark class="fig-achieved"');
  });

  test('an error names the stage and the file', () => {
    const stages = defaultStages();
    stages.document.splice(2, 1, { name: 'segment', run: () => { throw new Error('boom'); } });
    expect(() => analyseSource('a.txt', text, { lexicon }, stages)).toThrow(StageError);
    expect(() => analyseSource('a.txt', text, { lexicon }, stages)).toThrow('a.txt: stage "segment" failed: boom');
  });

  test('a file past its deadline is rejected, naming the stage it reached', () => {
    expect(() => analyseSource('a.txt', text, { lexicon, deadline: performance.now() - 1 })).toThrow(RejectedSource);
    expect(() => analyseSource('a.txt', text, { lexicon, deadline: performance.now() - 1 })).toThrow(/stage "decode"/);
  });

  test('a stage can be swapped: the runner composes what it is given', () => {
    const stages = defaultStages();
    stages.source = stages.source.filter((s) => s.name !== 'boilerplate');
    const withJunk = Buffer.concat([Buffer.from('上传人：某某 文档编号：123 上传时间：2020 页数：3\n'), text]);
    expect(analyseSource('a.txt', withJunk, { lexicon }).dropped.map((d) => d.reason)).toContain('upload-metadata');
    // Without the boilerplate stage nothing is dropped as boilerplate (the line is then text above the title).
    expect(analyseSource('a.txt', withJunk, { lexicon }, stages).dropped.filter((d) => d.stage === 'boilerplate')).toEqual([]);
  });
});
