import { siteSettings } from './site-settings.ts';

/** The site's languages. The URL prefix is the key; `htmlLang` goes in <html lang>; labels come from src/lib/site-settings.ts. */
export const locales = {
  en: { htmlLang: siteSettings.languages.en.htmlLang, label: siteSettings.languages.en.label },
  zh: { htmlLang: siteSettings.languages.zh.htmlLang, label: siteSettings.languages.zh.label },
} as const;

export type Lang = keyof typeof locales;

export const langs = Object.keys(locales) as Lang[];
export const defaultLang: Lang = 'en';

export function isLang(value: string | undefined): value is Lang {
  return value !== undefined && Object.hasOwn(locales, value);
}

/** The other language, for the language switch. */
export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'zh' : 'en';
}
