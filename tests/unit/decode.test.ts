import { describe, expect, test } from 'vitest';
import { decode, RejectedSource, splitLines } from '../../src/lib/source/decode.ts';

const text = '隰县基层医疗卫生体制综合改革工作总结\n参合率98.31%';
const utf16 = (s: string, le: boolean) => {
  const buf = Buffer.from(s, 'utf16le');
  if (!le) buf.swap16();
  return Buffer.concat([Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]), buf]);
};
// GB18030 bytes of 中文医改 (hand-checked against the GB18030 code table: 中 D6D0, 文 CEC4, 医 D2BD, 改 B8C4).
const gbk = Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0xd2, 0xbd, 0xb8, 0xc4]);

describe('decode', () => {
  test.each([
    ['UTF-8', Buffer.from(text, 'utf8'), 'utf-8', text],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8-bom', text],
    ['UTF-16 LE with BOM', utf16(text, true), 'utf-16le', text],
    ['UTF-16 BE with BOM', utf16(text, false), 'utf-16be', text],
    ['GBK / GB18030', gbk, 'gb18030', '中文医改'],
  ])('%s', (_name, bytes, encoding, expected) => {
    const decoded = decode(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(expected);
  });

  test.each([
    ['an empty file', Buffer.alloc(0), /empty/],
    ['a whitespace-only file', Buffer.from(' \n\t\n'), /no text/],
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]), /binary/],
    ['bytes that are neither UTF-8 nor GB18030 text', Buffer.from([0x81, 0x20, 0xff, 0xfe, 0x81, 0x7f].concat(Array(20).fill(0x81))), /undecodable|binary/],
  ])('rejects %s with a reason', (_name, bytes, reason) => {
    expect(() => decode(bytes)).toThrow(RejectedSource);
    expect(() => decode(bytes)).toThrow(reason);
  });

  test('keeps a UTF-8 file with one corrupt byte sequence, with a warning', () => {
    const body = '医改工作总结。'.repeat(200);
    const bytes = Buffer.concat([Buffer.from(body), Buffer.from([0xff]), Buffer.from(body)]);
    const decoded = decode(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toContain('\uFFFD');
    expect(decoded.warnings).toEqual([{ kind: 'invalidBytes', encoding: 'utf-8', count: 1 }]);
  });

  test.each([
    ['LF', 'a\nb\nc'],
    ['CRLF', 'a\r\nb\r\nc'],
    ['CR', 'a\rb\rc'],
  ])('splits %s line endings', (_name, input) => {
    expect(splitLines(input)).toEqual(['a', 'b', 'c']);
  });
});
