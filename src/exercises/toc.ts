/**
 * The page's table of contents lists the exercises' heading (rendered by
 * components/Exercises.astro, so Astro's markdown headings do not know it):
 * when the page body shows `<Exercises page="x" />` and content/exercises/x.ts
 * exists, one h2 entry is added at the end with the id the component uses.
 * Held by tests/browser/pages.test.ts (one ToC link per h2/h3 of the article).
 */
import type { MarkdownHeading } from 'astro';

const modules = import.meta.glob('/content/exercises/*.ts');

/** The id of the exercises' h2 (one per page). */
export const EXERCISES_HEADING_ID = 'exercises';

/** `headings` plus the exercises' heading when the page body shows exercises. */
export function withExercisesHeading(headings: MarkdownHeading[], body: string | undefined, text: string): MarkdownHeading[] {
  const page = /<Exercises\s+page="([a-z0-9-]+)"/.exec(body ?? '')?.[1];
  if (!page || !(`/content/exercises/${page}.ts` in modules)) return headings;
  return [...headings, { depth: 2, slug: EXERCISES_HEADING_ID, text }];
}
