import type { Lang } from './locales.ts';

/**
 * Prefixes a site path with the configured base path. Every internal link and
 * asset goes through here, so BASE_PATH=/guides/async/ moves the whole site.
 */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, '');
}

/** URL of a guide page, or of a language's index when `slug` is omitted. */
export function pageUrl(lang: Lang, slug?: string, base?: string): string {
  return withBase(slug ? `${lang}/${slug}/` : `${lang}/`, base);
}
