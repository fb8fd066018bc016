import { getCollection, type CollectionEntry } from 'astro:content';
import { isLang, type Lang } from './locales.ts';

export type DocEntry = CollectionEntry<'docs'>;

export interface DocPage {
  lang: Lang;
  slug: string;
  entry: DocEntry;
}

/** Splits an entry id ('zh/event-loop') into its language and slug. */
export function parseDocId(id: string): { lang: Lang; slug: string } {
  const [lang, ...rest] = id.split('/');
  if (!isLang(lang) || rest.length === 0) {
    throw new Error(`Page "${id}" must live in content/<lang>/ with lang one of en, zh.`);
  }
  return { lang, slug: rest.join('/') };
}

/** All pages of one language in reading order. */
export async function getDocs(lang: Lang): Promise<DocPage[]> {
  const entries = await getCollection('docs');
  return entries
    .map((entry) => ({ ...parseDocId(entry.id), entry }))
    .filter((page) => page.lang === lang)
    .sort((a, b) => a.entry.data.order - b.entry.data.order);
}
