/**
 * A fixed set of ingest worker threads (./worker.ts) that share out batches
 * of jobs: each worker takes the next batch when it is done with its last, so
 * a slow file holds up one worker, not the run. Outcomes come back in the
 * order of the jobs, whichever worker ran them.
 */
import { Worker } from 'node:worker_threads';
import type { AnalyseJob, AnalyseOutcome, RenderJob, RenderOutcome } from './jobs.ts';
import type { WorkerRequest, WorkerResponse } from './worker.ts';
import { mergeTimings, type StageTimings } from './model.ts';

export interface PoolOptions {
  size: number;
  /** Lexicon folder the workers load (default content/lexicon). */
  lexiconDir?: string;
}

export class IngestPool {
  readonly size: number;
  readonly timings: StageTimings = {};
  private readonly workers: Worker[];
  private nextBatch = 0;

  constructor(options: PoolOptions) {
    this.size = options.size;
    const workerData = options.lexiconDir ? { lexiconDir: options.lexiconDir } : {};
    this.workers = Array.from({ length: options.size }, () => new Worker(new URL('./worker.ts', import.meta.url), { workerData }));
  }

  analyse(jobs: AnalyseJob[], onDone?: (done: number) => void): Promise<AnalyseOutcome[]> {
    return this.run('analyse', jobs, onDone) as Promise<AnalyseOutcome[]>;
  }

  render(jobs: RenderJob[]): Promise<RenderOutcome[]> {
    return this.run('render', jobs) as Promise<RenderOutcome[]>;
  }

  /** Ends the worker threads. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /** Batches small enough that the work shares out evenly, large enough that messages cost little. */
  private run(kind: WorkerRequest['kind'], jobs: Array<AnalyseJob | RenderJob>, onDone?: (done: number) => void): Promise<unknown[]> {
    const batchSize = Math.max(1, Math.min(16, Math.ceil(jobs.length / (this.size * 8))));
    const batches: Array<{ id: number; from: number; jobs: typeof jobs }> = [];
    for (let from = 0; from < jobs.length; from += batchSize) batches.push({ id: this.nextBatch++, from, jobs: jobs.slice(from, from + batchSize) });
    const outcomes: unknown[] = new Array(jobs.length);
    if (batches.length === 0) return Promise.resolve(outcomes);
    return new Promise((resolve, reject) => {
      let queued = 0;
      let finished = 0;
      let done = 0;
      const byId = new Map(batches.map((b) => [b.id, b]));
      const cleanups: Array<() => void> = [];
      const settle = (error?: Error) => {
        for (const cleanup of cleanups) cleanup();
        if (error) reject(error);
        else resolve(outcomes);
      };
      const feed = (worker: Worker) => {
        const batch = batches[queued++];
        if (batch) worker.postMessage({ batch: batch.id, kind, jobs: batch.jobs } as WorkerRequest);
      };
      for (const worker of this.workers) {
        const onMessage = (response: WorkerResponse) => {
          const batch = byId.get(response.batch);
          if (!batch) return;
          response.outcomes.forEach((outcome, i) => (outcomes[batch.from + i] = outcome));
          mergeTimings(this.timings, response.timings);
          done += batch.jobs.length;
          onDone?.(done);
          if (++finished === batches.length) settle();
          else feed(worker);
        };
        const onError = (error: Error) => settle(new Error(`an ingest worker thread failed: ${error.message}`));
        const onExit = (code: number) => settle(new Error(`an ingest worker thread stopped (exit ${code}) before its work was done`));
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        cleanups.push(() => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
        });
        feed(worker);
      }
    });
  }
}
