import { describe, expect, test } from 'vitest';
import { loadLexicon } from '../../src/lib/lexicon.ts';
import { compileStructure } from '../../src/lib/ingest/structure.ts';

const structure = compileStructure(loadLexicon().structure);
import { sourceOf } from '../factories.ts';
import { findPageChunks, unpaginate } from '../../src/lib/ingest/stages/unpaginate.ts';
import type { Source } from '../../src/lib/ingest/model.ts';

const source = (texts: string[]): Source => sourceOf(texts, 'u.txt');
const filler = '各乡镇卫生院对医院及村卫生室的药品、设备进行盘点和造册登记，'.repeat(6);

describe('unpaginate', () => {
  test('rejoins page chunks, including a number and a word split by the page break', () => {
    const out = unpaginate(source([`1、${filler}共计1`, '', `2、0.4846万人,${filler}已完成主`, '', `3、体,正在处理屋顶${filler}`]), structure);
    expect(out.lines).toHaveLength(1);
    expect(out.lines[0]?.text).toContain('共计10.4846万人');
    expect(out.lines[0]?.text).toContain('已完成主体,正在处理屋顶');
    expect(out.lines[0]).toMatchObject({ from: 1, to: 5 });
    expect(out.repairs.map((r) => r.kind)).toEqual(['rejoin', 'rejoin']);
  });

  test('leaves a numbered list of complete items alone', () => {
    const lines = ['1、高度重视，强化领导。', '2、深入调研，认真谋划。', '3、摸清底数，科学设岗。', '4、广泛宣传，层层发动。'];
    expect(findPageChunks(source(lines).lines)).toBeNull();
    expect(unpaginate(source(lines), structure).lines.map((l) => l.text)).toEqual(lines);
  });

  test.each([
    [['我院强化工作纪律，注-2-', '重结合实际，积极探索创新。'], ['我院强化工作纪律，注重结合实际，积极探索创新。']],
    [['全县共核定编制13', '0个。'], ['全县共核定编制130个。']],
    [['地方财政收入6.', '4亿元'], ['地方财政收入6.4亿元']],
    [['全县共有卫生院12个。', '3个社区卫生服务中心。'], ['全县共有卫生院12个。', '3个社区卫生服务中心。']],
    [['完成投资20', '1、新建村卫生室'], ['完成投资20', '1、新建村卫生室']],
  ])('page stubs and split numbers: %j', (input, expected) => {
    expect(unpaginate(source(input), structure).lines.map((l) => l.text)).toEqual(expected);
  });
});
