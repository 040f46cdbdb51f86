/**
 * Word and PDF readers, called synchronously. Their libraries (mammoth,
 * word-extractor, pdf.js) only work asynchronously, while the pipeline is a
 * chain of pure synchronous stages; so one worker thread reads the file and
 * this thread waits on a shared flag (the pattern of synckit). The worker is
 * made on first use and never keeps the process alive.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { RejectedSource } from './decode.ts';
import type { Extracted } from './extracted.ts';
import type { BinaryFormat, BinaryOptions } from './office.ts';
import type { ReadReply } from './read-worker.ts';

let worker: Worker | undefined;

function theWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./read-worker.ts', import.meta.url));
    worker.unref();
    worker.on('error', () => {
      worker = undefined;
    });
  }
  return worker;
}

/** Reads a Word file or PDF, waiting at most `timeoutMs`; throws RejectedSource for what cannot be read. */
export function readBinarySync(format: BinaryFormat, bytes: Uint8Array, timeoutMs = 60_000, options: BinaryOptions = {}): Extracted {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const reader = theWorker();
  reader.postMessage({ format, bytes, options, signal, port: port2 }, [port2]);
  const waited = Atomics.wait(signal, 0, 0, Math.max(1, timeoutMs));
  const reply = receiveMessageOnPort(port1)?.message as ReadReply | undefined;
  port1.close();
  if (waited === 'timed-out' || !reply) {
    // A reader that hangs is stopped; the next file gets a new one.
    void reader.terminate();
    worker = undefined;
    throw new RejectedSource(`took too long: reading the ${format} file did not finish in ${Math.round(timeoutMs / 1000)} s (split it, or raise --time-limit)`);
  }
  if (reply.ok) return reply.value;
  if (reply.rejected) throw new RejectedSource(reply.message);
  throw new Error(`${format} reader: ${reply.message}`);
}
