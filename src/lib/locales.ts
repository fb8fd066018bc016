/** The site's languages. The URL prefix is the key; `htmlLang` goes in <html lang>. */
export const locales = {
  en: { htmlLang: 'en', label: 'English' },
  zh: { htmlLang: 'zh-CN', label: '简体中文' },
} as const;

export type Lang = keyof typeof locales;

export const langs = Object.keys(locales) as Lang[];

export function isLang(value: string | undefined): value is Lang {
  return value !== undefined && Object.hasOwn(locales, value);
}

/** The other language, for the language switch. */
export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'zh' : 'en';
}
