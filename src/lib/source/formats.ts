/**
 * What a file is, by its content (magic bytes, then markup), never by its
 * extension: offices rename files, and portals serve a PDF as `.htm`.
 * A format that cannot be read is rejected here with what to do about it.
 */
import { RejectedSource } from './decode.ts';
import { isMhtml } from './mhtml.ts';

/** The formats a reader exists for. */
export type Format = 'text' | 'html' | 'docx' | 'doc' | 'pdf';

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean => magic.every((b, i) => bytes[at + i] === b);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const PDF = ascii('%PDF-');
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const RTF = ascii('{\\rtf');

/** Images and other binary formats that hold no text to read, each with its name for the reason. */
const UNREADABLE: Array<{ magic: number[]; at?: number; what: string; also?: (bytes: Uint8Array) => boolean }> = [
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { magic: ascii('GIF8'), what: 'a GIF image' },
  // 'BM' also starts text; a bitmap's info header that follows has one of a few sizes.
  { magic: ascii('BM'), what: 'a BMP image', also: (b) => [12, 40, 52, 56, 108, 124].includes(b[14] ?? -1) && b[15] === 0 && b[16] === 0 },
  { magic: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
  { magic: ascii('WEBP'), at: 8, what: 'a WebP image' },
  { magic: ascii('Rar!'), what: 'a RAR archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { magic: [0x1f, 0x8b], what: 'a gzip archive' },
];

/** The reader a file needs; throws RejectedSource for what no reader takes. */
export function sniff(bytes: Uint8Array): Format {
  if (startsWith(bytes, PDF) || indexOf(bytes.subarray(0, 1024), PDF) >= 0) return 'pdf';
  if (startsWith(bytes, ZIP)) return zipFormat(bytes);
  if (startsWith(bytes, OLE)) return oleFormat(bytes);
  if (startsWith(bytes, RTF)) throw new RejectedSource('an RTF file (RTF 格式): open it in Word or WPS and save it as .docx, then add that');
  const image = UNREADABLE.find((u) => startsWith(bytes, u.magic, u.at ?? 0) && (u.also?.(bytes) ?? true));
  if (image) throw new RejectedSource(`${image.what}, not a document (图片或压缩包，不含可读文字): ${image.what.includes('image') ? 'run OCR on it and add the text, or add the document it shows as .docx, .pdf or .txt' : 'unpack it and add the documents inside'}`);
  return looksLikeHtml(bytes) || isMhtml(bytes) ? 'html' : 'text';
}

/** A ZIP file is a DOCX when it holds word/document.xml; other Office and ODF files are named. */
function zipFormat(bytes: Uint8Array): Format {
  const head = latin1(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
  if (head.includes('word/document.xml') || head.includes('word/_rels')) return 'docx';
  if (head.includes('xl/workbook.xml')) throw new RejectedSource('an Excel workbook (.xlsx), not a document: save its sheet as a table in a .docx, or export it as text');
  if (head.includes('ppt/presentation.xml')) throw new RejectedSource('a PowerPoint presentation (.pptx), not a document: export it as PDF and add that');
  if (head.includes('application/vnd.oasis.opendocument')) throw new RejectedSource('an OpenDocument file (.odt/.ods): open it in LibreOffice or WPS and save it as .docx');
  if (head.includes('[Content_Types].xml')) throw new RejectedSource('an Office file that is not a Word document, or a corrupt .docx (no word/document.xml): open it in Word or WPS and save it as .docx again');
  throw new RejectedSource('a ZIP archive, not a document (压缩包): unpack it and add the documents inside');
}

const latin1 = (bytes: Uint8Array): string => new TextDecoder('latin1').decode(bytes);
const utf16 = (s: string): number[] => [...s].flatMap((c) => [c.charCodeAt(0), 0]);

/**
 * An OLE compound file is a Word 97–2003 document when it holds a WordDocument stream (its
 * directory names the streams in UTF-16). Kingsoft's and Works' .wps, .xls and .ppt do not.
 */
function oleFormat(bytes: Uint8Array): Format {
  if (indexOf(bytes, utf16('WordDocument')) >= 0) return 'doc';
  const what = indexOf(bytes, utf16('Workbook')) >= 0 || indexOf(bytes, utf16('Book')) >= 0 ? 'an Excel 97–2003 workbook (.xls)'
    : indexOf(bytes, utf16('PowerPoint Document')) >= 0 ? 'a PowerPoint 97–2003 file (.ppt)'
    : 'an Office file of the old compound format that is not a Word document (a .wps of WPS or Works, or another program’s)';
  throw new RejectedSource(`${what}: open it in WPS or Office and save it as .docx (请另存为 .docx), then add that`);
}

/** Where a byte sequence first stands in the bytes, or -1 (Buffer's own search, without a copy). */
const indexOf = (bytes: Uint8Array, needle: readonly number[]): number => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(Uint8Array.from(needle));

/**
 * A saved web page: its first kilobytes hold a doctype, an <html>, <head> or
 * <body> tag, or a <meta charset>. A text that quotes a tag further down
 * stays text.
 */
const HTML_START = /^(?:\uFEFF)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s[^>]*charset)/i;
const HTML_TAGS = /<(?:html|head|body)[\s>]/i;

export function looksLikeHtml(bytes: Uint8Array): boolean {
  // Markup is ASCII in every encoding these files come in, so latin1 reads it whatever the charset.
  const head = latin1(bytes.subarray(0, 4096)).replace(/\u0000/g, '');
  return HTML_START.test(head) || (HTML_TAGS.test(head) && /<\/(?:p|div|td|title)>/i.test(head));
}
