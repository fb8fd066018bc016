import en from './en.json';
import zh from './zh.json';
import type { Lang } from '../lib/locales.ts';
import { siteSettings } from '../lib/site-settings.ts';

/** Strings a host sets in src/lib/site-settings.ts rather than in the translation files. */
function fromSettings(lang: Lang) {
  const other = lang === 'en' ? 'zh' : 'en';
  return {
    'site.title': siteSettings.name[lang],
    'site.tagline': siteSettings.tagline[lang],
    'lang.switchTo': siteSettings.languages[other].switchTo,
    'lang.switchToShort': siteSettings.languages[other].short,
  };
}

/** Every UI string key; en.json is the reference, zh.json must have the same keys. */
export type UiKey = keyof typeof en | keyof ReturnType<typeof fromSettings>;

export const uiStrings: Record<Lang, Record<UiKey, string>> = {
  en: { ...en, ...fromSettings('en') },
  zh: { ...zh, ...fromSettings('zh') },
};

/**
 * Returns the translate function for one language. `{name}` placeholders are
 * filled from `vars`. A missing translation falls back to English rather than
 * printing a key (the unit tests make sure none is missing).
 */
export function useTranslations(lang: Lang): (key: UiKey, vars?: Record<string, string | number>) => string {
  const table = uiStrings[lang];
  return (key, vars) => {
    const text = table[key] ?? uiStrings.en[key];
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
  };
}
