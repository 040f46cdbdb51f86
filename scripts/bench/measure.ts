/** Measuring a build: time and peak memory of a command, sizes of a site, bytes of one search. */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Run {
  seconds: number;
  peakMB: number;
  /** The lines of its stdout that start with `build: ` (scripts/build.ts's step times), however long the rest. */
  buildLines: string;
}

/** Resident memory of a process and all its descendants, in kB (Linux /proc). */
function treeRss(pid: number): number {
  let total = 0;
  try {
    total += Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    for (const child of children) total += treeRss(Number(child));
  } catch {
    // the process ended between two reads
  }
  return total;
}

/** Runs a command to its end, sampling the memory of its process tree: wall time and peak RSS. */
export function measure(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let buildLines = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-100_000)));
    let partial = '';
    child.stdout.on('data', (d: Buffer) => {
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('build: ')) buildLines += `${line}\n`;
    });
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid ?? 0))), 100);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${stderr.slice(-2000)}`));
      else resolvePromise({ seconds: (performance.now() - started) / 1000, peakMB: peak / 1024, buildLines });
    });
  });
}

export function dirBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0);
}

export function htmlWeights(dir: string): { median: number; largest: number; documentPage: number } {
  const sizes = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => statSync(join(e.parentPath, e.name)).size)
    .sort((a, b) => a - b);
  // Document pages only (documents/<slug>/index.html), each with the stylesheets it links.
  const documents = readdirSync(join(dir, 'documents'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => {
      const html = readFileSync(join(dir, 'documents', e.name, 'index.html'), 'utf8');
      const css = [...html.matchAll(/<link rel="stylesheet" href="\/([^"]+)"/g)].reduce((n, m) => n + statSync(join(dir, m[1] ?? '')).size, 0);
      return Buffer.byteLength(html) + css;
    })
    .sort((a, b) => a - b);
  return { median: sizes[Math.floor(sizes.length / 2)] ?? 0, largest: sizes.at(-1) ?? 0, documentPage: documents[Math.floor(documents.length / 2)] ?? 0 };
}

/** Bytes a browser downloads for one search on the search page (all responses after the page itself). */
export async function searchBytes(dir: string, query: string): Promise<number> {
  const { serveStatic } = await import('../lib/static-server.ts');
  const { launchChromium } = await import('../lib/chromium.ts');
  const server = await serveStatic(dir, '/');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    let bytes = 0;
    page.on('response', async (response) => {
      if (response.url().includes('/pagefind/') || response.url().includes('/search/')) bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
    });
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'networkidle' });
    await page.waitForSelector('#search-results li', { timeout: 30_000 }).catch(() => undefined);
    return bytes;
  } finally {
    await browser.close();
    await server.close();
  }
}
