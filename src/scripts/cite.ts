/**
 * The page script of every page. 复制引用 (copy a citation) on every page that cites documents: a button
 * beside every figure's and practice's citation link, one for the paragraph
 * a reader opens (its 第N段 number), and one for the whole document on a
 * document page. The text is made by src/lib/site/citation.ts from the parts
 * the page carries (`data-cite`), with today's date of access and the
 * address: absolute at SITE_URL when the site was built with one, else at
 * the address the reader has open. Without JavaScript the 第N段 links remain.
 */
import { citationText, isoDay, passageLabel, type CitationParts } from '../lib/site/citation.ts';
import { paragraphLabel } from '../lib/labels.ts';

const siteUrl = document.body.dataset.siteUrl;
const article = document.querySelector<HTMLElement>('article.document[data-cite]');
const documentParts = article ? parse(article.dataset.cite) : null;
/** A PDF document's page of each paragraph (data-pages on its article), for the citations of its own page. */
const documentPages: Record<string, string> = (() => {
  try {
    return article?.dataset.pages ? (JSON.parse(article.dataset.pages) as Record<string, string>) : {};
  } catch {
    return {};
  }
})();

function parse(json: string | undefined): CitationParts | null {
  try {
    const parts: unknown = JSON.parse(json ?? '');
    return Array.isArray(parts) && parts.length === 2 && parts.every((p) => typeof p === 'string') ? (parts as unknown as CitationParts) : null;
  } catch {
    return null;
  }
}

/** The address to cite: the configured public site when there is one, else the one open in the browser. */
function address(href: string): string {
  const url = new URL(href, location.href);
  return siteUrl ? new URL(url.pathname + url.hash, siteUrl).href : url.href;
}

// Styled here rather than in site.css, which every document page loads (its 50 KB budget);
// setting style properties from a script is allowed by the pages' CSP.
const status = Object.assign(document.createElement('p'), { className: 'cite-status', hidden: true });
status.setAttribute('role', 'status');
Object.assign(status.style, {
  position: 'fixed', bottom: '0', left: '0', right: '0', margin: '0', padding: '.6rem 1rem', zIndex: '5',
  background: 'var(--fg)', color: 'var(--bg)', fontSize: '.9rem',
});
status.title = '点击关闭';
document.body.append(status);
let hideTimer: ReturnType<typeof setTimeout> | undefined;
const hide = (): void => {
  status.hidden = true;
};
// It goes by itself after a few seconds, on a tap, or with Esc.
status.addEventListener('click', hide);
addEventListener('keydown', (e) => {
  if (e.key === 'Escape') hide();
});

function tell(message: string): void {
  status.textContent = message;
  status.hidden = false;
  clearTimeout(hideTimer);
  hideTimer = setTimeout(hide, 5000);
}

/** Copies with the Clipboard API where the page is a secure context, else the older way (plain http on an intranet). */
async function copy(text: string): Promise<boolean> {
  try {
    if (window.isSecureContext && navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall back below
  }
  const area = document.createElement('textarea');
  Object.assign(area.style, { position: 'fixed', left: '-999em' });
  area.value = text;
  area.setAttribute('readonly', '');
  document.body.append(area);
  area.select();
  let done = false;
  try {
    done = document.execCommand('copy');
  } catch {
    done = false;
  }
  area.remove();
  return done;
}

async function copyCitation(parts: CitationParts, href: string, row?: number, page?: string): Promise<void> {
  // #p-3, or a row of its table, #p-3-r6 (the anchors below).
  const paragraph = new URL(href, location.href).hash.slice(1).replace(/-r\d+$/, '') || undefined;
  const text = citationText(parts, passageLabel(paragraph, row, page ?? (paragraph ? documentPages[paragraph] : undefined)), isoDay(new Date()), address(href));
  tell((await copy(text)) ? `已复制引用：${text}` : `请手动复制引用：${text}`);
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'cite-copy';
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

// Figures and practices: beside each citation link (on a document page, the links of its
// figures and practices to its own paragraphs).
const links = document.querySelectorAll<HTMLAnchorElement>('a.citation, .doc-figures a[href^="#p-"], .doc-practices a[href^="#p-"]');
for (const link of links) {
  const parts = link.dataset.cite ? parse(link.dataset.cite) : documentParts;
  if (!parts) continue;
  const row = link.dataset.row ? Number(link.dataset.row) : undefined;
  const label = link.getAttribute('aria-label') ?? link.textContent ?? '';
  // In a comparison matrix's narrow cells the button says only 引用.
  const b = button(link.closest('.matrix') ? '引用' : '复制引用', () => void copyCitation(parts, link.getAttribute('href') ?? '', row, link.dataset.page));
  b.setAttribute('aria-label', `复制引用：${label}`);
  link.after(b);
}

if (article && documentParts) {
  const parts = documentParts;
  // The whole document, at the end of the line of contents under its title.
  const head = article.querySelector('.doc-head');
  const whole = button('复制本文引用', () => void copyCitation(parts, location.pathname));
  (head?.querySelector('.toc') ?? head)?.append(whole);

  // The paragraph the reader opened (by its 第N段 number or a link to it).
  let current: HTMLButtonElement | null = null;
  const showForTarget = (): void => {
    current?.remove();
    current = null;
    const id = decodeURIComponent(location.hash.slice(1)).replace(/-r\d+$/, '');
    const para = id ? document.getElementById(id) : null;
    if (!para?.classList.contains('para')) return;
    current = button('复制引用', () => void copyCitation(parts, `#${id}`));
    current.setAttribute('aria-label', `复制${paragraphLabel(id)}的引用`);
    para.firstElementChild?.after(current);
  };
  addEventListener('hashchange', showForTarget);
  showForTarget();

    // 报错 (SITE_CONTACT set): beside each figure of the document, a report naming the document,
  // the paragraph and the figure (its id, which npm run curate lists), ready to send by mail, or,
  // for a feedback page, copied for pasting while the page opens.
  const contact = document.body.dataset.contact;
  if (contact) {
    const title = article.querySelector('h1')?.textContent?.trim() ?? '';
    const send = (subject: string, lines: string[]): void => {
      const body = [...lines, '', '哪里不对、应当是什么：', ''].join('\n');
      if (contact.startsWith('mailto:')) {
        // The reader's mail program opens with the report filled in.
        Object.assign(document.createElement('a'), { href: `${contact}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}` }).click();
        return;
      }
      void copy(`${subject}\n\n${body}`).then((done) => {
        open(contact, '_blank', 'noopener');
        tell(done ? '报告内容已复制：请在打开的页面中粘贴，并写明哪里不对' : `请复制以下内容到打开的页面：${subject} ${body}`);
      });
    };
    // Each table of figures lists their ids in its rows' order (data-figs).
    const rows = [...article.querySelectorAll<HTMLTableElement>('table[data-figs]')].flatMap((table) => {
      const ids = (table.dataset.figs ?? '').split(' ');
      return [...table.querySelectorAll<HTMLTableRowElement>('tbody tr')].map((row, i) => ({ row, fig: ids[i] ?? '' }));
    });
    for (const { row, fig } of rows) {
      const link = row.querySelector<HTMLAnchorElement>('a[href^="#p-"]');
      const id = link?.getAttribute('href')?.slice(1).replace(/-r\d+$/, '') ?? '';
      // The indicator (a row group's header stands in its first row), the kind and the value.
      const text = (el: Element | null | undefined): string => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      const figure = [text(row.querySelector('th') ?? row.parentElement?.querySelector('th')), text(row.querySelector('td[class^="k-"]')), text(row.querySelector('td.num'))].filter(Boolean).join(' ');
      const b = button('报错', () =>
        send(`报告错误：${title}${paragraphLabel(id)}`, [
          `文件：${title}`,
          `地址：${address(`#${id}`)}`,
          `段落：${paragraphLabel(id)}`,
          `数字：${figure}（编号 ${fig}）`,
          `原文：${(document.getElementById(id)?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 300)}`,
        ]),
      );
      b.setAttribute('aria-label', `报错：${figure}`);
      (link?.parentElement ?? row.lastElementChild)?.append(b);
    }
    head?.querySelector('.toc')?.append(
      button('报告本文错误', () => send(`报告错误：${title}`, [`文件：${title}`, `地址：${address(location.pathname + location.hash)}`])),
    );
  }
// In print, the document's citation stands above its title (site.css shows it only in print).
  const printed = Object.assign(document.createElement('p'), { className: 'print-cite', hidden: true });
  printed.textContent = citationText(parts, '', isoDay(new Date()), address(location.pathname));
  head?.prepend(printed);
}

// The tables of a document's text, in one pass:
// - every row gets an anchor, #p-N-rM (第N段第M行), which a figure cited to that row links to
//   (below), and a label saying which row it is and, where the source left the first cells blank
//   under a group (序号 二, 重点任务 推进公立医院综合改革, then the group's items), which group;
// - a wide one (a task breakdown: 序号, 任务, 内容, 进度, 单位 …) reads as one card per row on a
//   phone, each cell labelled with its column (site.css, `table.stack`).
for (const table of document.querySelectorAll<HTMLTableElement>('.doc-text .para > table')) {
  const para = table.parentElement?.id;
  const labels = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
  const stacked = labels.length >= 4;
  let group: string[] = [];
  table.querySelectorAll('tbody tr').forEach((row, i) => {
    if (stacked) [...row.children].forEach((cell, k) => cell.setAttribute('data-label', labels[k] ?? ''));
    if (!para) return;
    row.id = `${para}-r${i + 1}`;
    const leading = [...row.children].slice(0, 2).map((cell) => cell.textContent?.trim() ?? '');
    const blank = leading.every((t) => t === '');
    if (!blank) group = leading.filter(Boolean);
    row.setAttribute('data-row', blank && group.length > 0 ? `第${i + 1}行（${group.join('、')}）` : `第${i + 1}行`);
  });
  if (stacked) table.classList.add('stack');
}
for (const link of document.querySelectorAll<HTMLAnchorElement>('.doc-figures a[href^="#p-"][data-row], .doc-practices a[href^="#p-"][data-row]')) {
  const target = `${link.getAttribute('href')}-r${link.dataset.row}`;
  if (document.getElementById(target.slice(1))) link.setAttribute('href', target);
}
// The page was opened at a row (a copied citation's address): show it now that it has its anchor.
if (/^#p-\d+-r\d+$/.test(location.hash)) document.getElementById(location.hash.slice(1))?.scrollIntoView();
