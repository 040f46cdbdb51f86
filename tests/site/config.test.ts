/** Tests of src/lib/site/config.ts (SITE_CONTACT, SITE_URL), src/lib/site/zip.ts (CRC-32) and compare.ts column groups. */
import { describe, expect, test } from 'vitest';
import { absoluteAddress, parseContact, parseSiteUrl } from '../../src/lib/site/config.ts';
import { crc32 } from '../../src/lib/site/zip.ts';
import { columnGroups } from '../../src/lib/site/compare.ts';

describe('SITE_CONTACT', () => {
  test.each([
    ['yigai@wjw.example.gov.cn', 'mailto:yigai@wjw.example.gov.cn', 'yigai@wjw.example.gov.cn'],
    ['mailto:a.b@x.cn', 'mailto:a.b@x.cn', 'a.b@x.cn'],
    ['  a@x.cn  ', 'mailto:a@x.cn', 'a@x.cn'],
    ['https://oa.example.cn/feedback', 'https://oa.example.cn/feedback', 'https://oa.example.cn/feedback'],
    ['http://10.0.0.8/bug', 'http://10.0.0.8/bug', 'http://10.0.0.8/bug'],
  ])('%s is a contact', (raw, href, text) => {
    expect(parseContact(raw)).toEqual({ href, text });
  });

  test.each([[undefined], [''], ['   ']])('%j is no contact', (raw) => {
    expect(parseContact(raw)).toBeNull();
  });

  test.each([['javascript:alert(1)'], ['信息中心'], ['a@b'], ['ftp://x.cn/'], ['https://x.cn/"onmouseover="x']])(
    '%s is refused, the message quoting it',
    (raw) => {
      expect(() => parseContact(raw)).toThrow(JSON.stringify(raw));
    },
  );
});

describe('SITE_URL', () => {
  test.each([
    ['https://atlas.example.cn', '/documents/x/#p-3', 'https://atlas.example.cn/documents/x/#p-3'],
    ['http://10.1.2.3:8080/', '/atlas/data/targets.csv', 'http://10.1.2.3:8080/atlas/data/targets.csv'],
  ])('%s makes %s absolute', (site, path, expected) => {
    expect(absoluteAddress(path, parseSiteUrl(site))).toBe(expected);
  });

  test('unset, an address stays a site path', () => {
    expect(parseSiteUrl('')).toBeNull();
    expect(absoluteAddress('/documents/x/', parseSiteUrl(undefined))).toBe('/documents/x/');
  });

  test.each([['atlas.example.cn'], ['file:///srv/atlas'], ['https://']])('%s is refused', (raw) => {
    expect(() => parseSiteUrl(raw)).toThrow(JSON.stringify(raw));
  });
});

describe('zip', () => {
  test.each([
    ['', 0x00000000],
    ['123456789', 0xcbf43926],
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
  ])('crc32(%j)', (text, expected) => {
    expect(crc32(new TextEncoder().encode(text))).toBe(expected);
  });
});

describe('columnGroups (a matrix printed in region groups)', () => {
  test.each([
    [0, 8, []],
    [3, 8, [[0, 1, 2]]],
    [8, 8, [[0, 1, 2, 3, 4, 5, 6, 7]]],
    [9, 8, [[0, 1, 2, 3, 4, 5, 6, 7], [8]]],
    [5, 2, [[0, 1], [2, 3], [4]]],
  ])('%i regions, %i a page', (n, size, expected) => {
    expect(columnGroups(Array.from({ length: n }, (_, i) => i), size)).toEqual(expected);
  });

  test('a size that is not a positive integer is refused', () => {
    expect(() => columnGroups([1], 0)).toThrow('not 0');
  });
});
