import { describe, expect, test } from 'vitest';
import { loadLexicon } from '../../src/lib/lexicon.ts';
import { declaredCharset, decodeHtml, readHtml } from '../../src/lib/source/html.ts';

const lexicon = loadLexicon();
const options = { rules: lexicon.html, labels: lexicon.gongwen.fields.flatMap((f) => f.labels) };
const read = (html: string | Buffer) => readHtml(typeof html === 'string' ? Buffer.from(html) : html, options);
const kept = (html: string | Buffer) => read(html).lines.filter((l) => !l.omitted && l.text.trim() !== '').map((l) => l.text);

/** A portal page: the chrome of a government site around an article. */
const page = (article: string, extra = '') => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知_某县人民政府</title>
<script>document.write("<p>不是正文</p>")</script><style>p{}</style></head><body>
<div class="topbar">无障碍 | 长者模式 | 登录</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hd/">互动交流</a></li></ul>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></div>
${extra}
<div class="main"><h1 class="title">青阳县卫生健康委员会2023年工作总结</h1><div class="info">发布时间：2023-11-07　来源：县卫健委</div>
<div id="zoom">${article}</div>
<div class="share">分享到：<a>微信</a><a>微博</a></div></div>
<div class="footer"><p>主办：青阳县人民政府办公室</p><p>皖ICP备05001234号　皖公网安备 34172302000123号</p></div></body></html>`;
const body = '<p>　　2023年，县卫生健康委坚持以人民健康为中心，扎实推进紧密型县域医共体建设，群众就医获得感持续增强。</p><p>一、工作开展情况</p><p>全县家庭医生签约服务覆盖率达到45%，开展集中学习70余次。</p>';

describe('declaredCharset and decodeHtml', () => {
  test.each([
    ['<meta charset="gbk">', 'gbk'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', 'gb2312'],
    ["<META CHARSET='UTF-8'>", 'utf-8'],
    ['<meta name="keywords" content="医改">', null],
  ])('%s → %s', (head, charset) => {
    expect(declaredCharset(Buffer.from(`<html><head>${head}</head><body></body></html>`))).toBe(charset);
  });

  test('a page declared gb2312 is read as GB18030, its superset', () => {
    const gbk = Buffer.concat([Buffer.from('<html><head><meta charset="gb2312"></head><body><p>'), Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0xd2, 0xbd, 0xb8, 0xc4]), Buffer.from('</p></body></html>')]);
    const decoded = decodeHtml(gbk);
    expect(decoded.text).toContain('中文医改');
    expect(decoded.encoding).toBe('gb18030 (gb2312)');
  });

  test('a page whose declared charset is wrong is detected, with a note', () => {
    const decoded = decodeHtml(Buffer.from('<html><head><meta charset="gbk"></head><body><p>医改工作总结，签约率45%。</p></body></html>'.replace('医改', '\u{2a6a5}医改')));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.warnings).toEqual([{ kind: 'charsetMismatch', declared: 'gbk', actual: 'utf-8' }]);
  });
});

describe('readHtml', () => {
  test('keeps the title, date line and article; leaves out menus, breadcrumb, share row and footer, saying why', () => {
    const { lines, format } = read(page(body));
    expect(format).toBe('html');
    expect(kept(page(body))).toEqual([
      '青阳县卫生健康委员会2023年工作总结',
      '发布时间：2023-11-07　来源：县卫健委',
      '2023年，县卫生健康委坚持以人民健康为中心，扎实推进紧密型县域医共体建设，群众就医获得感持续增强。',
      '一、工作开展情况',
      '全县家庭医生签约服务覆盖率达到45%，开展集中学习70余次。',
    ]);
    const omitted = Object.fromEntries(lines.filter((l) => l.omitted).map((l) => [l.text, l.omitted]));
    expect(omitted).toMatchObject({
      '无障碍 | 长者模式 | 登录': 'html-chrome',
      首页: 'html-chrome',
      '当前位置：首页 > 政务公开': 'html-chrome',
      '分享到：微信微博': 'html-chrome',
      '皖ICP备05001234号　皖公网安备 34172302000123号': 'html-chrome',
    });
    // Scripts and styles are no text at all.
    expect(lines.some((l) => l.text.includes('不是正文'))).toBe(false);
  });

  test('each line says which element it came from', () => {
    const line = read(page(body)).lines.find((l) => l.text.startsWith('一、'));
    expect(line?.origin).toEqual({ kind: 'html', element: 'div#zoom > p' });
  });

  test("a portal's catalogue table is kept as label | value rows for the frame stage, wherever it stands", () => {
    const catalogue = '<table class="xxgk"><tr><td>索引号：</td><td>11341823MB1566401C/202311-00052</td><td>发布机构：</td><td>青阳县卫生健康委员会</td></tr><tr><td>文号：</td><td>青卫〔2023〕12号</td><td>发布日期：</td><td>2023-11-07</td></tr></table>';
    expect(kept(page(body, catalogue)).slice(0, 2)).toEqual([
      '索引号： | 11341823MB1566401C/202311-00052 | 发布机构： | 青阳县卫生健康委员会',
      '文号： | 青卫〔2023〕12号 | 发布日期： | 2023-11-07',
    ]);
  });

  test('a data table in the article becomes tab rows apart by blank lines (the text path rebuilds the table)', () => {
    const lines = read(page(`${body}<table><tr><th>指标</th><th>2023年</th></tr><tr><td>家庭医生签约率</td><td>45%</td></tr></table>`)).lines.filter((l) => !l.omitted);
    const at = lines.findIndex((l) => l.text === '\t指标\t2023年');
    expect(lines.slice(at, at + 4).map((l) => l.text)).toEqual(['\t指标\t2023年', '', '\t家庭医生签约率\t45%', '']);
  });

  test('a layout table (the page laid out in cells) is read as blocks, not as a table', () => {
    const layout = `<table><tr><td><table><tr><td>首页</td></tr></table></td><td>${body}</td></tr></table>`;
    const texts = kept(`<html><body>${layout}</body></html>`);
    expect(texts).toContain('一、工作开展情况');
    expect(texts.some((t) => t.startsWith('\t'))).toBe(false);
  });

  test('a stray </html> mid-page (a server-side include) does not end the page', () => {
    expect(kept(page(body).replace('<div class="main">', '</html><!--end header--><div class="main">'))).toContain('一、工作开展情况');
  });

  test('a line of links inside the article (related documents) is a link list', () => {
    const links = '<p><a href="/a">关于印发某方案的通知</a> <a href="/b">关于开展某工作的通知</a></p>';
    const line = read(page(body + links)).lines.find((l) => l.text.includes('关于开展某工作'));
    expect(line?.omitted).toBe('html-chrome');
    // One link in a sentence is text (附件：<a>…</a>).
    const attachment = read(page(`${body}<p>附件：<a href="/f.doc">家庭医生签约服务实施细则</a></p>`)).lines.find((l) => l.text.startsWith('附件'));
    expect(attachment?.omitted).toBeUndefined();
  });

  test('without a CMS container the article is the element whose paragraphs hold the most text', () => {
    const html = `<html><body><div class="left"><p><a href="/1">信息公开指南</a></p><p><a href="/2">信息公开制度</a></p></div>
      <div class="right"><div class="txt">${body}</div></div><div class="bottom">版权所有：某县人民政府 地址：某县人民路1号 电话：0566-1234567</div></body></html>`;
    const { lines } = read(html);
    expect(lines.filter((l) => !l.omitted).map((l) => l.text)).toContain('一、工作开展情况');
    expect(lines.find((l) => l.text.startsWith('版权所有'))?.omitted).toBe('html-outside-article');
  });

  test('a page of menus only is rejected with a reason', () => {
    expect(() => read('<html><body><ul class="nav"><li><a href="/">首页</a></li></ul></body></html>')).toThrow(/no article text/);
  });
});
