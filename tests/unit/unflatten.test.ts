/** src/lib/ingest/stages/unflatten.ts: a 公文 run into one line, broken at its elements. */
import { describe, expect, test } from 'vitest';
import { loadLexicon } from '../../src/lib/lexicon.ts';
import { compileFlattened, flattenedBreaks, unflatten } from '../../src/lib/ingest/stages/unflatten.ts';

const rules = compileFlattened(loadLexicon().gongwen.flattened);
const plan = '为深入贯彻落实爱国卫生运动的决策部署，结合本县实际，制定本方案。'.repeat(8);
const pieces = (text: string) => unflatten([{ text, from: 2, to: 2 }], rules).lines.map((l) => l.text);

describe('unflatten', () => {
  test('a transmittal notice run into one line: masthead, number, title, addressees, text, signature, date, disclosure and the attachment apart', () => {
    const line = `某县人民政府办公室文件 某政办发 〔 2022〕12 号 某县人民政府办公室关于印发《某县健康县城建设三年行动方案》的通知 各乡、镇人民政府，县直各部门： 现将《某县健康县城建设三年行动方案》印发给你们，请认真抓好贯彻落实。 某县人民政府办公室 2022年12月14日 （此件公开发布） 某县健康县城建设三年行动方案 ${plan}`;
    expect(pieces(line)).toEqual([
      '某县人民政府办公室文件',
      '某政办发 〔 2022〕12 号',
      '某县人民政府办公室关于印发《某县健康县城建设三年行动方案》的通知',
      '各乡、镇人民政府，县直各部门：',
      '现将《某县健康县城建设三年行动方案》印发给你们，请认真抓好贯彻落实。',
      '某县人民政府办公室 2022年12月14日',
      '（此件公开发布）',
      `某县健康县城建设三年行动方案 ${plan}`,
    ]);
  });

  test("a PDF's guillemets are the book-title marks they stand for", () => {
    const line = `某市人民政府办公厅文件 某府办发 〔 2019〕2 号 某市人民政府办公厅转发市卫生健康委 « 关于加强社区健康服务的意见 » 的通知 各区人民政府： ${plan}`;
    expect(pieces(line)).toContain('某市人民政府办公厅转发市卫生健康委《关于加强社区健康服务的意见》');
  });

  test("a news page's headline, date and text on one line: three lines", () => {
    expect(pieces('县域医共体建设让群众“医”路畅通 2025-07-07 10:22:00 “以前看病要去离家20公里外的县城，如今在家门口就能看病。”近日，某县……')).toEqual([
      '县域医共体建设让群众“医”路畅通',
      '2025-07-07 10:22:00',
      '“以前看病要去离家20公里外的县城，如今在家门口就能看病。”近日，某县……',
    ]);
    // A repost's byline is no headline, date and text.
    expect(pieces('0916u.com于 2018/12/11 22:30:15 发布')).toEqual(['0916u.com于 2018/12/11 22:30:15 发布']);
    // A sentence before a time is no headline.
    const sentence = '会议要求，各乡镇卫生院要按时上报 2025-07-07 10:22:00 之前完成的工作。';
    expect(pieces(sentence)).toEqual([sentence]);
  });

  test.each([
    ['a long paragraph of sentences', `${plan} ${plan} ${plan}`],
    ['a short notice line', '某县人民政府办公室关于印发《某方案》的通知 各乡镇人民政府： 2022年12月14日 现印发给你们。'],
  ])('leaves %s whole', (_, text) => {
    expect(flattenedBreaks(text, rules)).toEqual([]);
    expect(pieces(text)).toEqual([text]);
  });
});
