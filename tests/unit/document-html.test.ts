/** src/lib/site/document-html.ts: a document's MDX written as the page's HTML, and nothing outside our syntax. */
import { describe, expect, test } from 'vitest';
import { documentHtml, DocumentHtmlError, GAP_NOTE } from '../../src/lib/site/document-html.ts';

const mdx = (body: string) => `---\ntitle: "t"\nslug: "s"\n---\n\n${body}\n`;

describe('documentHtml', () => {
  test.each([
    ['a paragraph with its self-link', '<Para id="p-1">\n  全县参合率达到99%。\n</Para>', '<div class="para" id="p-1"><a href="#p-1">1</a><p>全县参合率达到99%。</p></div>'],
    ['a gap after it', '<Para id="p-2" gap="after">\n  文字\n</Para>', `<div class="para" id="p-2"><a href="#p-2">2</a><p>文字</p></div>${GAP_NOTE}`],
    ['a marked figure', '<Para id="p-3">\n  达到<mark class="fig-target" title="目标：参合率">99%</mark>。\n</Para>', '<div class="para" id="p-3"><a href="#p-3">3</a><p>达到<mark class="fig-target" title="目标：参合率">99%</mark>。</p></div>'],
    ['a term link', '<Para id="p-4">\n  实行[零差率](../../glossary/#zero-markup)销售\n</Para>', '<div class="para" id="p-4"><a href="#p-4">4</a><p>实行<a href="../../glossary/#zero-markup">零差率</a>销售</p></div>'],
    ['headings with ids, the second of a name numbered', '## 一、指导思想\n\n## 一、指导思想', '<h2 id="一指导思想">一、指导思想</h2>\n<h2 id="一指导思想-1">一、指导思想</h2>'],
    ['text that looks like markup, escaped', '<Para id="p-5">\n  a \\<b> \\& \'q\' "d" \\{x}\n</Para>', '<div class="para" id="p-5"><a href="#p-5">5</a><p>a &lt;b&gt; &amp; &#39;q&#39; &quot;d&quot; {x}</p></div>'],
    [
      'a table with its caption',
      '<Para id="p-6">\n  <table><thead><tr><th scope="col">项目</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>\n</Para>',
      '<div class="para" id="p-6"><a href="#p-6">6</a><table><caption>原文表格（第6段）</caption><thead><tr><th scope="col">项目</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table></div>',
    ],
  ])('%s', (_name, body, html) => {
    expect(documentHtml(mdx(body)).html).toBe(html);
  });

  test('reports the headings as Astro does', () => {
    expect(documentHtml(mdx('## 一、目标\n\n### （一）总体')).headings).toEqual([
      { depth: 2, slug: '一目标', text: '一、目标' },
      { depth: 3, slug: '一总体', text: '（一）总体' },
    ]);
  });

  test.each([
    ['a script element', '<script>alert(1)</script>', '<script>'],
    ['an expression', '{globalThis.x = 1}', 'mdxFlowExpression'],
    ['an import', "import fs from 'node:fs'", 'mdxjsEsm'],
    ['an attribute of another name', '<Para id="p-1" onclick="x">\n  a\n</Para>', 'onclick'],
    ['an expression attribute', '<mark title={x}>a</mark>', 'not a plain string'],
    ['a paragraph id of another form', '<Para id="javascript:x">\n  a\n</Para>', 'javascript:x'],
    ['an image', '![x](http://evil.example/x.png)', '<img>'],
  ])('refuses %s, naming it', (_name, body, named) => {
    expect(() => documentHtml(mdx(body))).toThrow(DocumentHtmlError);
    expect(() => documentHtml(mdx(body))).toThrow(named);
  });
});
