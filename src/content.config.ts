/**
 * The documents collection: the MDX files that `npm run ingest` writes,
 * validated by the same schema the ingest scripts use, each stored with its
 * text as HTML by our loader (src/lib/site/documents-loader.ts), so that an
 * unchanged document is not rendered again on the next build.
 */
import { defineCollection } from 'astro:content';
import { documentsLoader } from './lib/site/documents-loader.ts';
import { documentsFolder } from './lib/site/document-file.ts';
import { documentSchema } from './schema/document.ts';

export const collections = {
  documents: defineCollection({
    // DOCUMENTS_DIR builds another collection (the tests build hostile input this way).
    loader: documentsLoader({ base: documentsFolder() }),
    schema: documentSchema,
  }),
};
