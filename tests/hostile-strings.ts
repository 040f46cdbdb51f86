/** Text hostile to MDX, JSX, HTML and YAML, shared by the emit and property tests. */
export const hostile = [
  '{process.exit(1)}',
  '{globalThis.x = 1}',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  "import fs from 'node:fs'",
  'export const a = 1',
  '---',
  '<!--',
  '```js',
  '`code`',
  '标题: 值 # 注释',
  '# 不是标题',
  '* 不是列表',
  '[链接](javascript:alert(1))',
  '&lt;已转义&gt; &amp;',
  '| 不是 | 表格 |',
];
