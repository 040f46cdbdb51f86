/**
 * The worker thread of ./read-sync.ts: reads one Word file or PDF at a time
 * with the asynchronous readers of ./office.ts, posts the result on the port
 * it was given, then wakes the waiting thread.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { RejectedSource } from './decode.ts';
import { readBinary, type BinaryFormat, type BinaryOptions } from './office.ts';

export interface ReadRequest {
  format: BinaryFormat;
  bytes: Uint8Array;
  options: BinaryOptions;
  /** Set to 1 (and notified) once the reply is on the port. */
  signal: Int32Array;
  port: MessagePort;
}
export type ReadReply = { ok: true; value: Awaited<ReturnType<typeof readBinary>> } | { ok: false; rejected: boolean; message: string };

parentPort?.on('message', async ({ format, bytes, options, signal, port }: ReadRequest) => {
  let reply: ReadReply;
  try {
    reply = { ok: true, value: await readBinary(format, bytes, options) };
  } catch (error) {
    reply = { ok: false, rejected: error instanceof RejectedSource, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
  port.close();
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
