import en from './en.json';
import zh from './zh.json';
import type { Lang } from '../lib/locales.ts';
import { fillPlaceholders } from './placeholders.ts';

/** Every UI string key; en.json is the reference, zh.json must have the same keys. */
export type UiKey = keyof typeof en;

export const uiStrings: Record<Lang, Record<UiKey, string>> = { en, zh };

/**
 * Returns the translate function for one language. `{name}` placeholders are
 * filled from `vars`. A missing translation falls back to English rather than
 * printing a key (the unit tests make sure none is missing).
 */
export function useTranslations(lang: Lang): (key: UiKey, vars?: Record<string, string | number>) => string {
  const table = uiStrings[lang];
  return (key, vars) => fillPlaceholders(table[key] ?? uiStrings.en[key], vars);
}
