import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from './lib/docs-schema.ts';

// One collection for both languages: entry ids are '<lang>/<slug>'
// (content/en/introduction.mdx -> 'en/introduction').
const docs = defineCollection({
  loader: glob({ pattern: '{en,zh}/**/*.mdx', base: './content' }),
  schema: docsSchema,
});

export const collections = { docs };
