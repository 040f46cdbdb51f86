import { mdxToJs, defineMdastPlugin } from 'satteri';
const src = `---
title: x
---

## 一、标题

<Para id="p-1">
  全县新农合参合率达到95%以上。
</Para>
`;
let calls = 0;
const plugin = defineMdastPlugin({
  name: 'poc',
  before(root, ctx) { calls++; console.log('before', (root as any).type, (root as any).children?.length); },
  yaml(node) { console.log('yaml', (node as any).value); },
  heading(node, ctx) { console.log('heading', (node as any).depth); ctx.setProperty(node as any, 'depth' as any, 3 as any); },
  text(node, ctx) {
    const v = (node as any).value as string;
    const parent: any = ctx.parent(node as any);
    console.log('text', v, parent?.type);
    if (v.includes('新农合')) {
      ctx.replaceNode(node as any, [
        { type: 'text', value: '全县' },
        { type: 'link', url: '../../glossary/#ncms', children: [{ type: 'text', value: '新农合' }] },
        { type: 'emphasis', data: { hName: 'mark', hProperties: { className: ['fig-target'], title: 't' } }, children: [{ type: 'text', value: '95%' }] } as any,
      ]);
    }
  },
  mdxJsxFlowElement(node) { console.log('para', JSON.stringify((node as any).attributes)); },
});
const out: any = await mdxToJs(src, { mdastPlugins: [plugin] } as any);
console.log('calls', calls);
console.log(String(out.code ?? JSON.stringify(out)).slice(0, 1500));
