/**
 * docs/DEPLOY.md, run as written: each server example it gives (nginx for a
 * site at the root and under a sub-path, serve.py for both) is taken out of
 * the note, given a free port on 127.0.0.1 and the folder the archive of
 * `npm run package` unpacked to, and started — Debian's nginx, Python — then
 * checked as IT staff and readers would: every page type opens with the right
 * types, the search runs in Chromium, the site's own 404 page shows, a
 * sub-path without its slash redirects, the CSP header is the pages' own, and
 * nothing outside the site (DEPLOY.md, serve.py) is served.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { parse } from 'node-html-parser';
import { shardCount, shardOf } from '../../scripts/lib/search-shards.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { CONFIGURED, SUBPATH } from '../global-setup.ts';

const root = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'atlas-deploy-'));
const note = readFileSync(join(root, 'docs/DEPLOY.md'), 'utf8');
/** The sub-path the note's examples use, and the one the test build was made for. */
const NOTE_BASE = '/reform-atlas/';
const NOTE_DIR = '/srv/reform-atlas';

/** The code block after `<!-- deploy-example: NAME -->` in DEPLOY.md. */
function example(name: string): string {
  const m = note.match(new RegExp(`<!-- deploy-example: ${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``));
  if (!m?.[1]) throw new Error(`DEPLOY.md has no example "${name}"`);
  return m[1];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitFor(origin: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      await (await fetch(origin)).arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`no server at ${origin}`);
}

/** `npm run package` of a built site, unpacked: the folder that holds reform-atlas/. */
function unpack(name: string, dist: string, base: string): string {
  const out = join(work, `archive-${name}`);
  const run = spawnSync(process.execPath, ['scripts/package.ts', '--dist', dist, '--base', base, '--out', out], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`package failed: ${run.stderr}`);
  const [archive] = readdirSync(out).filter((f) => f.endsWith('.tar.gz'));
  const into = join(out, 'unpacked');
  mkdirSync(into);
  const tar = spawnSync('tar', ['-xzf', join(out, archive ?? ''), '-C', into]);
  if (tar.status !== 0) throw new Error('tar failed');
  return into;
}

interface Running {
  origin: string;
  base: string;
  stop(): void;
}

const nginxBinary = spawnSync('sh', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], { encoding: 'utf8' }).stdout.trim().split('\n')[0] ?? '';

/** The note's nginx server block, on a free port, for the unpacked folder, inside an http block like Debian's nginx.conf. */
async function startNginx(name: string, unpacked: string, base: string): Promise<Running> {
  const port = await freePort();
  const dir = join(work, `nginx-${name}`);
  mkdirSync(dir);
  // The folder first (it holds the sub-path's name), then the sub-path the test build was made for.
  const server = example(name)
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replaceAll(NOTE_DIR, '\u0000')
    .replaceAll(NOTE_BASE.slice(0, -1), base.slice(0, -1))
    .replaceAll('\u0000', join(unpacked, 'reform-atlas'));
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'user root;',
      'daemon off;',
      'worker_processes 1;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log;`,
      'events { worker_connections 64; }',
      'http {',
      // As Debian's /etc/nginx/nginx.conf has them:
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`),
      server,
      '}',
    ].join('\n'),
  );
  const child = spawn(nginxBinary, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(origin, child);
  return { origin, base, stop: () => child.kill() };
}

/** The note's serve.py command, on a free port, in the unpacked folder. */
async function startPython(name: string, unpacked: string, base: string): Promise<Running> {
  const port = await freePort();
  const command = example(name)
    .replace(/^cd \S+ && /, '')
    .replace('--bind 0.0.0.0', '--bind 127.0.0.1')
    .replace('--port 8080', `--port ${port}`)
    .replace(NOTE_BASE, base);
  const child = spawn('sh', ['-c', `exec ${command}`], { cwd: join(unpacked, 'reform-atlas'), stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(origin, child);
  return { origin, base, stop: () => child.kill() };
}

let browser: Browser;
const servers: Running[] = [];
afterAll(async () => {
  for (const s of servers) s.stop();
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

const cases: Array<[string, 'nginx' | 'python', 'root' | 'subpath']> = [
  ['nginx-root', 'nginx', 'root'],
  ['nginx-subpath', 'nginx', 'subpath'],
  ['python-root', 'python', 'root'],
  ['python-subpath', 'python', 'subpath'],
];

describe.each(cases)('DEPLOY.md example %s', (name, kind, where) => {
  let server: Running;
  const base = where === 'root' ? '/' : SUBPATH.base;
  beforeAll(async () => {
    if (kind === 'nginx' && !nginxBinary) throw new Error('nginx is not installed: apt-get install nginx (.ci/run does)');
    const unpacked = unpack(name, where === 'root' ? 'dist' : SUBPATH.dir, base);
    server = await (kind === 'nginx' ? startNginx : startPython)(name, unpacked, base);
    servers.push(server);
    browser ??= await launchChromium();
  }, 60_000);

  /** A response read to its end (an unread body left on a closing connection trips undici). */
  const fetched = async (url: string) => {
    const response = await fetch(url, { redirect: 'manual' });
    const body = await response.text();
    return { status: response.status, headers: response.headers, text: async () => body };
  };
  const get = (path: string) => fetched(`${server.origin}${base}${path}`);

  test('serves every page type as HTML, and CSS, JavaScript, the search index and the data with their types', async () => {
    const home = await get('');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/^text\/html/);
    const html = parse(await home.text());
    for (const path of ['documents/', 'documents/xixian-2011-summary/', 'regions/', 'regions/xixian/', 'indicators/', 'practices/', 'compare/', 'topics/', 'timeline/', 'glossary/', 'data/', 'about/', 'search/']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
    }
    const css = html.querySelector('link[rel="stylesheet"]')?.getAttribute('href') ?? '';
    expect((await fetched(`${server.origin}${css}`)).headers.get('content-type')).toMatch(/^text\/css/);
    const types: Array<[string, RegExp]> = [
      ['pagefind/pagefind.js', /javascript/],
      ['pagefind/wasm.unknown.pagefind', /^application\/wasm/],
      ['data/targets.csv', /^text\/csv|^application\/octet-stream/],
      ['data/documents.json', /^application\/json/],
    ];
    for (const [path, type] of types) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(type);
    }
  });

  test('sends the Content-Security-Policy the pages carry', async () => {
    const home = await get('');
    const meta = parse(await home.text()).querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(meta).toBeTruthy();
    expect(home.headers.get('content-security-policy')).toBe(meta);
  });

  test('answers a missing page with the site\'s own 404 page, status 404', async () => {
    const response = await get('no-such-page/');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('页面不存在');
  });

  test('serves nothing but the site: not DEPLOY.md, not serve.py', async () => {
    for (const path of ['DEPLOY.md', 'serve.py', '../DEPLOY.md', '%2e%2e/serve.py']) expect((await get(path)).status, path).toBe(404);
  });

  test.runIf(where === 'subpath')('redirects the sub-path without its slash', async () => {
    const response = await fetched(`${server.origin}${base.slice(0, -1)}`);
    expect(response.status).toBe(301);
    expect(new URL(response.headers.get('location') ?? '', server.origin).pathname).toBe(base);
  });

  test.runIf(where === 'subpath')('the search reads every shard of the index (in the sub-path build, shards of three documents) and sorts by year across them', async () => {
    const shards = JSON.parse(await (await get('pagefind/shards.json')).text()) as string[];
    expect(shards.length).toBeGreaterThan(1);
    for (const shard of shards) expect((await get(`pagefind/${shard}pagefind-entry.json`)).status, shard).toBe(200);
    const page = await browser.newPage();
    const results = async (sort: string) => {
      await page.goto(`${server.origin}${base}search/?q=${encodeURIComponent('医疗')}&sort=${sort}`);
      await page.waitForFunction(() => {
        const status = document.querySelector('#search-status')?.textContent ?? '';
        return status !== '' && !status.startsWith('正在搜索');
      });
      return page.$$eval('#search-results li', (items) =>
        items.map((li) => ({ href: li.querySelector('h2 a')?.getAttribute('href') ?? '', meta: li.querySelector('.meta')?.textContent ?? '' })),
      );
    };
    // A year as a number, 年份不详 as 0 (it sorts after the oldest).
    const yearOf = (meta: string) => Number(/(\d{4})年/.exec(meta)?.[1] ?? 0);
    const newest = await results('year-desc');
    const count = shardCount(10, Number(CONFIGURED.SEARCH_SHARD_SIZE));
    const slugs = newest.map((r) => /documents\/([^/]+)\//.exec(r.href)?.[1] ?? r.href);
    expect(new Set(slugs.map((slug) => shardOf(slug, count))).size).toBeGreaterThan(1);
    const years = newest.map((r) => yearOf(r.meta));
    expect(years).toEqual([...years].sort((a, b) => (a === 0 ? -1 : b === 0 ? 1 : a - b)).reverse());
    const oldest = (await results('year-asc')).map((r) => yearOf(r.meta));
    expect(oldest).toEqual([...oldest].sort((a, b) => a - b));
    expect(oldest.length).toBe(years.length);
    await page.close();
  });

  test('the search works in Chromium: 零差率 finds documents, and the page asks nothing of another host', async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.origin)) foreign.push(r.url());
    });
    await page.goto(`${server.origin}${base}search/?q=${encodeURIComponent('零差率')}`);
    await page.waitForFunction(() => {
      const status = document.querySelector('#search-status')?.textContent ?? '';
      return status !== '' && !status.startsWith('正在搜索');
    });
    expect(await page.locator('#search-results li').count()).toBeGreaterThan(0);
    const first = await page.locator('#search-results li h2 a').first().getAttribute('href');
    expect((await fetched(new URL(first ?? '', server.origin).href)).status).toBe(200);
    expect(foreign).toEqual([]);
    await page.close();
  });
});
