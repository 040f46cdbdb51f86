/**
 * A worker thread of ingestParallel (./parallel.ts): loads the lexicon once,
 * then runs the batches of jobs it is sent (./jobs.ts) and posts back their
 * outcomes, with the time each stage took in this batch.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadLexicon } from '../lexicon.ts';
import { analyseJob, renderJob, type AnalyseJob, type RenderJob } from './jobs.ts';
import type { StageTimings } from './model.ts';

export type WorkerRequest = { batch: number; kind: 'analyse'; jobs: AnalyseJob[] } | { batch: number; kind: 'render'; jobs: RenderJob[] };
export interface WorkerResponse {
  batch: number;
  outcomes: unknown[];
  timings: StageTimings;
}

const { lexiconDir } = workerData as { lexiconDir?: string };
const lexicon = loadLexicon(lexiconDir);

parentPort?.on('message', (request: WorkerRequest) => {
  const timings: StageTimings = {};
  const outcomes = request.kind === 'analyse' ? request.jobs.map((job) => analyseJob(job, lexicon, timings)) : request.jobs.map((job) => renderJob(job, lexicon, timings));
  parentPort?.postMessage({ batch: request.batch, outcomes, timings } satisfies WorkerResponse);
});
