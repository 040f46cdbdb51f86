/**
 * Decode stage: a file's bytes → a Source of lines, each remembering its line
 * number. The decoding itself (BOM, UTF-8, GB18030, what is rejected) lives in
 * src/lib/source/decode.ts, because the site reads originals the same way.
 */
import { createHash } from 'node:crypto';
import { decode, splitLines } from '../../source/decode.ts';
import type { Context, Source } from '../model.ts';

/** A file as it is read: its name and bytes. */
export interface SourceFile {
  file: string;
  bytes: Uint8Array;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The reading stage: bytes decoded into lines (throws RejectedSource for what is not text). */
export interface Reader {
  name: string;
  run(input: SourceFile, context: Context): Source;
}

export const decodeStage = (): Reader => ({
  name: 'decode',
  run({ file, bytes }) {
    const { text, encoding, warnings } = decode(bytes);
    const lines = splitLines(text).map((line, i) => ({ text: line, from: i + 1, to: i + 1 }));
    return { file, sha256: sha256(bytes), encoding, site: null, lines, dropped: [], repairs: [], warnings, record: [] };
  },
});
