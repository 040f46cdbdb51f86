/**
 * The readers of Word files and PDFs. Their libraries work asynchronously, so
 * these run in a worker thread (./read-worker.ts) and the pipeline waits for
 * them (./read-sync.ts). Each gives the same lines-with-provenance as the
 * text and web-page readers.
 *
 * - DOCX: mammoth writes HTML of its headings, paragraphs, tables and
 *   footnotes (headers and footers left out); the DOM walker of web pages
 *   reads that.
 * - DOC: word-extractor reads the body, footnotes and endnotes.
 * - PDF: unpdf (pdf.js) gives positioned text; lines are rebuilt by
 *   position, rejoined into paragraphs where a line runs to the right margin
 *   and the next is not indented, and a running header repeated on most pages
 *   is left out. Page numbers stay, for the boilerplate stage to drop and
 *   unpaginate to rejoin across.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import mammoth from 'mammoth';
import WordExtractor from 'word-extractor';
import { parseHTML } from 'linkedom';
import { RejectedSource } from './decode.ts';
import { domLines, isElement, type DomElement, type DomNode } from './dom-lines.ts';
import type { Extracted, ExtractedLine } from './extracted.ts';
import { joinPdfLines, type PdfItem } from './pdf-lines.ts';

export type BinaryFormat = 'docx' | 'doc' | 'pdf';

/** What the readers take from the lexicon (plain data: it crosses to the worker thread). */
export interface BinaryOptions {
  /** Patterns of what opens a heading or list item (structure.yaml `ordinals`). */
  ordinals?: string[];
}

export async function readBinary(format: BinaryFormat, bytes: Uint8Array, options: BinaryOptions = {}): Promise<Extracted> {
  if (format === 'docx') return readDocx(bytes);
  if (format === 'doc') return readDoc(bytes);
  return readPdf(bytes, options);
}

export async function readDocx(bytes: Uint8Array): Promise<Extracted> {
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch (error) {
    throw new RejectedSource(`a corrupt or unreadable .docx (Word 文件已损坏): ${(error as Error).message.split('\n')[0]}; open it in Word or WPS and save it again`);
  }
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  // The footnote's way back to its mark (↑) is no text.
  for (const back of Array.from(document.querySelectorAll('a[href^="#footnote-ref"], a[href^="#endnote-ref"]'))) back.remove();
  const root = document.body as unknown as DomElement;
  // Notes are numbered in their order, as mammoth numbers their marks in the text ([1], [2]; the
  // element ids are the file's own, footnote-2 for the first).
  const numbers = new Map<string, number>();
  /** The number of the footnote or endnote an element is in (<li id="footnote-2">), or null. */
  const noteOf = (el: DomNode): number | null => {
    for (let e: DomNode | null = el; e && isElement(e); e = e.parentNode) {
      const id = e.getAttribute('id') ?? '';
      if (!/^(?:foot|end)note-\d+$/.test(id)) continue;
      if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
      return numbers.get(id) ?? null;
    }
    return null;
  };
  let paragraph = 0;
  const lines = domLines(root, {
    isCatalogue: () => false,
    omit: () => null,
    origin: (block) => {
      const note = noteOf(block);
      return note !== null ? { kind: 'word', paragraph: note, note: true } : { kind: 'word', paragraph: ++paragraph };
    },
  });
  // A note's first line carries its number, as the text's mark does ([1]).
  const numbered = new Set<number>();
  for (const line of lines) {
    if (line.origin?.kind !== 'word' || !line.origin.note || numbered.has(line.origin.paragraph)) continue;
    numbered.add(line.origin.paragraph);
    line.text = `[${line.origin.paragraph}] ${line.text}`;
  }
  return finish({ format: 'docx', encoding: 'docx', lines, warnings: [] });
}

export async function readDoc(bytes: Uint8Array): Promise<Extracted> {
  let body: string;
  let notes: string;
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes));
    body = doc.getBody({ filterUnicode: false });
    notes = [doc.getFootnotes({ filterUnicode: false }), doc.getEndnotes({ filterUnicode: false })].join('\n');
  } catch (error) {
    throw new RejectedSource(`not a readable Word 97–2003 file (.doc): ${(error as Error).message.split('\n')[0]}. A .wps file or another Office format must be saved as .docx in WPS or Word first (请另存为 .docx)`);
  }
  const lines: ExtractedLine[] = [];
  let paragraph = 0;
  for (const text of body.split('\n')) lines.push({ text, origin: { kind: 'word', paragraph: text.trim() ? ++paragraph : paragraph } });
  let note = 0;
  for (const text of notes.split('\n')) if (text.trim()) lines.push({ text, origin: { kind: 'word', paragraph: ++note, note: true } });
  return finish({ format: 'doc', encoding: 'doc', lines, warnings: [] });
}

/**
 * pdf.js's character maps and standard fonts, from the pdfjs-dist package: a Chinese PDF whose font
 * is not embedded (STSong-Light, Adobe-GB1 with UniGB-UCS2-H, common in older 公文 PDFs) has no text
 * without them, and would be taken for a scan.
 */
const PDFJS_DATA = (() => {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: `${join(root, 'cmaps')}/`, cMapPacked: true, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
})();

export async function readPdf(bytes: Uint8Array, options: BinaryOptions = {}): Promise<Extracted> {
  const { getDocumentProxy } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), PDFJS_DATA);
  } catch (error) {
    const e = error as Error;
    if (e.name === 'PasswordException') throw new RejectedSource('an encrypted PDF that needs a password to open (加密的PDF): save a copy without the password, then add that');
    throw new RejectedSource(`a corrupt or unreadable PDF: ${e.message.split('\n')[0]}`);
  }
  const pages: PdfItem[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const items: PdfItem[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[];
      items.push({ text: item.str, x, y, width: item.width, size: Math.hypot(a, b) || item.height });
    }
    pages.push(items);
  }
  await pdf.cleanup();
  if (!pages.some((items) => items.some((i) => /\p{Script=Han}|[A-Za-z]{3}/u.test(i.text)))) {
    throw new RejectedSource(`a scanned PDF with no text layer on any of its ${pages.length} page(s) (扫描件，无文字层，需先 OCR): run OCR on it (e.g. ocrmypdf -l chi_sim) and add the result`);
  }
  // An ordinal followed by a digit is a decimal (1.7%), not a list item.
  const startsBlock = options.ordinals?.length ? new RegExp(`^\\s*(?:${options.ordinals.join('|')})(?!\\d)`, 'u') : undefined;
  const lines = joinPdfLines(pages, startsBlock ? { startsBlock } : {});
  if (readableShare(lines.map((l) => l.text).join('')) < MIN_READABLE) {
    throw new RejectedSource('a PDF whose text layer is not readable text (文字层乱码：字体缺少字符映射): its fonts do not say which characters they draw; run OCR on it (e.g. ocrmypdf --force-ocr -l chi_sim) and add the result');
  }
  return finish({ format: 'pdf', encoding: 'pdf', lines, warnings: [], pages: pages.length });
}

/** Below this share of readable characters a PDF's text layer is glyph codes, not text. */
const MIN_READABLE = 0.6;

/** Share of Han, Latin letters, digits, punctuation and spaces among the characters (private-use and control characters are not). */
function readableShare(text: string): number {
  const chars = [...text];
  if (chars.length === 0) return 1;
  return chars.filter((c) => /[\p{Script=Han}\p{Script=Latin}\p{N}\p{P}\p{Zs}\p{S}]/u.test(c)).length / chars.length;
}

function finish(extracted: Extracted): Extracted {
  if (!extracted.lines.some((l) => l.text.trim() !== '')) throw new RejectedSource(`a ${extracted.format} file with no text in it`);
  return extracted;
}
