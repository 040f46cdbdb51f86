/**
 * One MDX file of the documents collection read as an entry: its id (the
 * slug ingest chose) and frontmatter, or an error naming the file. Shared by
 * the content loader (./documents-loader.ts) and the open-data worker
 * (./opendata-worker.ts), so that both see the same collection.
 */
import { parseFrontmatter } from '../mdx/frontmatter.ts';

/** The documents' folder (ingest's --out): DOCUMENTS_DIR builds another collection (the tests', the benchmark's). */
export const documentsFolder = (env: NodeJS.ProcessEnv = process.env): string => env.DOCUMENTS_DIR ?? './content/documents';

/** The frontmatter and body of a document, or an error naming its file. */
export function readDocument(contents: string, file: string): { id: string; data: Record<string, unknown>; body: string } {
  let parsed;
  try {
    parsed = parseFrontmatter(contents);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
  const { data, body } = parsed;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`${file}: the frontmatter is not a mapping of fields`);
  // The URL is the slug the ingest chose (ASCII, unique), not the file name.
  const id = typeof (data as { slug?: unknown }).slug === 'string' ? (data as { slug: string }).slug : file.replace(/\.mdx$/, '');
  return { id, data: data as Record<string, unknown>, body };
}
