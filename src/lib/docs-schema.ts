import { z } from 'astro/zod';

/**
 * Front matter of a guide page. Kept apart from src/content.config.ts so the
 * unit tests can validate files without Astro's virtual modules.
 */
export const docsSchema = z.object({
  /** Page title, shown as the h1, in the sidebar and in the <title>. */
  title: z.string().min(1),
  /** One-sentence summary for <meta name="description"> and the index page. */
  description: z.string().min(1),
  /** Position in the reading order (1-based, same in both languages). */
  order: z.number().int().positive(),
  /** Shorter label for the sidebar when the title is long. */
  sidebarLabel: z.string().min(1).optional(),
  /** Marks a page whose full text is not written yet. */
  draft: z.boolean().default(false),
});

export type DocsFrontMatter = z.infer<typeof docsSchema>;
