/**
 * The Astro integration that makes the open-data files (/data/*.csv, *.json,
 * the archive) on a worker thread while Astro builds the pages, and puts them
 * into the site when Astro is done: the tables of every document cost the
 * render phase nothing (./opendata-worker.ts). The data route renders none of
 * them in `astro build` (Vite's define `__ATLAS_OPEN_DATA__`); `astro dev`
 * serves them from the route as before.
 */
import { cpSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { documentsFolder } from './document-file.ts';
import type { OpenDataJob } from './opendata-worker.ts';

type Outcome = { ok: true; names: string[] } | { ok: false; message: string };

/** Runs the worker on `job`; settles with its outcome (a thread that dies says why). */
function start(script: string, job: OpenDataJob): Promise<Outcome> {
  return new Promise((settle) => {
    const worker = new Worker(script, { workerData: job });
    worker.once('message', (outcome: Outcome) => {
      settle(outcome);
      void worker.terminate();
    });
    worker.once('error', (error) => settle({ ok: false, message: error.message }));
    worker.once('exit', (code) => settle({ ok: false, message: `the thread stopped (exit ${code}) before it was done` }));
  });
}

export function openData(): AstroIntegration {
  let building = false;
  let running: { job: OpenDataJob; outcome: Promise<Outcome> } | null = null;
  return {
    name: 'reform-atlas-open-data',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        building = command === 'build';
        if (!building) return;
        updateConfig({ vite: { define: { __ATLAS_OPEN_DATA__: 'true' } } });
      },
      // Started once the configuration is final (base, site, cache folder), before the content is synced.
      'astro:config:done': ({ config }) => {
        if (!building) return;
        const root = fileURLToPath(config.root);
        const job: OpenDataJob = {
          documents: resolve(root, documentsFolder()),
          out: join(fileURLToPath(config.cacheDir), 'open-data'),
          base: config.base,
          site: config.site ?? null,
        };
        running = { job, outcome: start(join(root, 'src/lib/site/opendata-worker.ts'), job) };
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!running) return;
        const outcome = await running.outcome;
        if (!outcome.ok) throw new Error(`open data (src/lib/site/opendata-worker.ts): ${outcome.message}`);
        const target = join(fileURLToPath(dir), 'data');
        mkdirSync(target, { recursive: true });
        for (const name of outcome.names) cpSync(join(running.job.out, name), join(target, name));
        logger.info(`${outcome.names.length} open-data files written beside the build`);
      },
    },
  };
}
