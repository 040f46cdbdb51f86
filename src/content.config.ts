/**
 * The documents collection: the MDX files that `npm run ingest` writes,
 * validated by the same schema the ingest scripts use.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { documentSchema } from './schema/document.ts';

export const collections = {
  documents: defineCollection({
    loader: glob({
      pattern: '*.mdx',
      // DOCUMENTS_DIR builds another collection (the tests build hostile input this way).
      base: process.env.DOCUMENTS_DIR ?? './content/documents',
      // The URL is the slug the ingest chose (ASCII, unique), not the file path.
      generateId: ({ data, entry }) => (typeof data.slug === 'string' ? data.slug : entry.replace(/\.mdx$/, '')),
    }),
    schema: documentSchema,
  }),
};
