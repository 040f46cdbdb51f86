/**
 * A document's and a paragraph's site paths as pure functions of the base
 * path: ./url.ts applies them to the build's base (Vite's BASE_URL); the
 * open-data worker (./opendata-worker.ts), which runs outside Vite, to the
 * base the integration hands it.
 */
import type { Paths } from './opendata.ts';

/** The base path as links use it, ending in `/` (`/reform-atlas` → `/reform-atlas/`). */
export const basePath = (base: string): string => base.replace(/\/?$/, '/');

/** `doc('x')` → `/base/documents/x/`; `cite('x', 'p-3')` → `/base/documents/x/#p-3`. */
export function documentPaths(base: string): Paths {
  const root = basePath(base);
  const doc = (slug: string): string => `${root}documents/${slug}/`;
  return { doc, cite: (slug, paragraph) => `${doc(slug)}#${paragraph}` };
}
