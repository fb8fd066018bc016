import { langs, locales, type Lang } from './locales.ts';

export interface Alternate {
  hreflang: string;
  href: string;
}

/**
 * hreflang alternates for a page that exists in every language at
 * `pathFor(lang)` (already base-prefixed). x-default points at `defaultPath`.
 * Absolute URLs use the `site` setting; these are hints, never loaded.
 */
export function alternates(site: URL | undefined, pathFor: (lang: Lang) => string, defaultPath: string): Alternate[] {
  const abs = (path: string) => (site ? new URL(path, site).href : path);
  return [
    ...langs.map((lang) => ({ hreflang: locales[lang].htmlLang, href: abs(pathFor(lang)) })),
    { hreflang: 'x-default', href: abs(defaultPath) },
  ];
}
