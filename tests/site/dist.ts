/**
 * Reading the built site for the site tests: every HTML page of a dist
 * folder, parsed once, with its URL; the open data the pages were built
 * from (dist/data/*.json), so expectations follow the data.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import type { DocumentFrontmatter } from '../../src/schema/document.ts';

export const ROOT = join(import.meta.dirname, '../..');

export interface Page {
  /** Site path without the base: '' for the home page, 'documents/x/' … ; '404.html' for the 404 page. */
  path: string;
  file: string;
  html: string;
  root: HTMLElement;
}

export interface Site {
  dir: string;
  /** The base path the build was made for, e.g. '/' or '/atlas/'. */
  base: string;
  pages: Map<string, Page>;
  page(path: string): Page;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** Every file of a built site, relative to it, with `/` separators. */
export function files(dir: string): string[] {
  return walk(dir).map((f) => relative(dir, f).split(sep).join('/'));
}

const cache = new Map<string, Site>();

/** The HTML pages of a build, the search index's files left out. */
export function loadSite(dirName = 'dist'): Site {
  const cached = cache.get(dirName);
  if (cached) return cached;
  const dir = join(ROOT, dirName);
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dirName}/index.html is missing: build the site first`);
  const pages = new Map<string, Page>();
  for (const rel of files(dir)) {
    if (!rel.endsWith('.html') || rel.startsWith('pagefind/')) continue;
    const path = rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
    const html = readFileSync(join(dir, rel), 'utf8');
    pages.set(path, { path, file: join(dir, rel), html, root: parse(html) });
  }
  const home = pages.get('');
  const base = home?.root.querySelector('a.brand')?.getAttribute('href') ?? '/';
  const site: Site = {
    dir,
    base,
    pages,
    page(path: string): Page {
      const found = pages.get(path);
      if (!found) throw new Error(`no page ${path} in ${dirName}`);
      return found;
    },
  };
  cache.set(dirName, site);
  return site;
}

export interface BuiltDocument extends DocumentFrontmatter {
  url: string;
}

/** The documents the build was made from, as /data/documents.json publishes them. */
export function builtDocuments(dirName = 'dist'): BuiltDocument[] {
  return JSON.parse(readFileSync(join(ROOT, dirName, 'data/documents.json'), 'utf8')) as BuiltDocument[];
}

/** Text of an element with whitespace collapsed. */
export function text(el: HTMLElement | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Size of a file in bytes. */
export function size(file: string): number {
  return statSync(file).size;
}

/** A number as the site prints it (no float artefacts). */
export function num(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}
