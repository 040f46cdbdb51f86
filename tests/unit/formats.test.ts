import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { RejectedSource } from '../../src/lib/source/decode.ts';
import { looksLikeHtml, sniff } from '../../src/lib/source/formats.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/formats/${name}`, import.meta.url));
const bytes = (s: string) => Buffer.from(s, 'utf8');
const utf16 = (s: string) => Buffer.from(s, 'utf16le');
const ole = (...streams: string[]) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), ...streams.map(utf16)]);
const zip = (...names: string[]) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), ...names.map((n) => Buffer.from(n))]);

describe('sniff: the reader by content, never by name', () => {
  test.each([
    ['plain Chinese text', bytes('隰县医改工作总结\n一、基本情况'), 'text'],
    ['text that quotes a tag further down', bytes(`${'医改工作总结。'.repeat(300)}<p>附件</p>`), 'text'],
    ['text opening with BM (not a bitmap)', bytes('BMI指数达标率提高到80%'), 'text'],
    ['a saved page with a doctype', bytes('<!DOCTYPE html><html><head><meta charset="gbk"></head><body><p>正文</p></body></html>'), 'html'],
    ['a page fragment with a comment first', bytes('<!-- saved from url=(0040)http://www.gov.cn -->\n<html lang="zh"><body></body></html>'), 'html'],
    ['a page with only <head> and <body> tags', bytes('\n<head><title>通知</title></head>\n<body><div>正文</div></body>'), 'html'],
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'pdf'],
    ['a PDF behind a few junk bytes', Buffer.concat([Buffer.from('\r\n\r\n'), Buffer.from('%PDF-1.4\n')]), 'pdf'],
    ['a DOCX', zip('[Content_Types].xml', 'word/document.xml'), 'docx'],
    ['a Word 97–2003 file', ole('Root Entry', 'WordDocument', '1Table'), 'doc'],
    ['the DOCX fixture', fixture('yangzhong.docx'), 'docx'],
    ['the DOC fixture', fixture('yangzhong.doc'), 'doc'],
    ['the PDF fixture', fixture('yangzhong.pdf'), 'pdf'],
    ['the GBK page fixture', fixture('yangzhong.html'), 'html'],
    ['a page saved as one file (.mht, MIME multipart/related)', fixture('yangzhong.mht'), 'html'],
    ['a mail that only mentions MIME', bytes('MIME-Version 1.0 是一种邮件格式。医改工作总结。'), 'text'],
  ])('%s → %s', (_name, input, format) => {
    expect(sniff(input)).toBe(format);
  });

  test.each([
    ['a PNG image', fixture('page.png'), /PNG image.*OCR/],
    ['a JPEG image', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), /JPEG image/],
    ['an OLE file without a WordDocument stream (.wps)', fixture('not-word.wps'), /not a Word document.*\.wps.*\.docx/],
    ['an Excel 97–2003 workbook', ole('Root Entry', 'Workbook'), /Excel/],
    ['an .xlsx', zip('[Content_Types].xml', 'xl/workbook.xml'), /Excel workbook \(\.xlsx\)/],
    ['an OpenDocument text', zip('mimetype', 'application/vnd.oasis.opendocument.text'), /OpenDocument.*\.docx/],
    ['a ZIP archive', zip('a.txt'), /ZIP archive.*unpack/],
    ['an RTF file', bytes('{\\rtf1\\ansi 医改}'), /RTF.*\.docx/],
  ])('rejects %s, saying what to do', (_name, input, reason) => {
    expect(() => sniff(input)).toThrow(RejectedSource);
    expect(() => sniff(input)).toThrow(reason);
  });

  test('markup is found in GBK bytes too (read as latin1, tags are ASCII)', () => {
    expect(looksLikeHtml(Buffer.concat([Buffer.from('<html><head>'), Buffer.from([0xd6, 0xd0, 0xce, 0xc4]), Buffer.from('</head>')]))).toBe(true);
  });
});
