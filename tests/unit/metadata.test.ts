import { describe, expect, test } from 'vitest';
import { datelineHead } from '../../src/lib/ingest/stages/metadata.ts';

describe('datelineHead: the dateline a news report opens with, read for its place', () => {
  test.each([
    // Short: whole.
    ['本报讯（记者 张三）近日，某县召开会议。', '本报讯（记者 张三）近日，某县召开会议。'],
    // Cut where a clause ends, never inside a word (提高县|域 holds no 高县).
    ['年,河南省高质量推进紧密型县域医共体建设,提高县域医疗卫生服务能力和供给效率', '年,河南省高质量推进紧密型县域医共体建设,'],
    // No clause end in reach: the first characters.
    ['华亭市副市长莫雅君及市直相关部门负责人在华亭分会场收听收看会议实况和全省卫生健康工作', '华亭市副市长莫雅君及市直相关部门负责人在华亭分会场收听收看会'],
  ])('%s → %s', (text, head) => {
    expect(datelineHead(text)).toBe(head);
  });
});
