/**
 * What a team changes to host the guide under its own name, in one place
 * (issue 16): the site's name and tagline, its languages' labels, the base
 * path it lives under, and the links in the header and footer. Components
 * read these through src/i18n/t.ts (name, tagline, language-switch labels),
 * src/lib/locales.ts (labels, <html lang>) and components/SiteLinks.astro
 * (links); tests/site/site-settings.test.ts checks that they do.
 */

/** Text in each of the site's languages. */
export interface Localized {
  en: string;
  zh: string;
}

export interface SiteLink {
  label: Localized;
  /** An absolute URL, or a path inside the site ('en/trio/') that gets the base path. */
  href: string;
}

export const siteSettings = {
  /** The site's name: header, <title>, the language picker page. */
  name: { en: 'Async, Explained', zh: '异步编程详解' } satisfies Localized,
  /** One line under the name on each language's home page. */
  tagline: {
    en: 'The event loop, coroutines, asyncio and trio, with live examples',
    zh: '事件循环、协程、asyncio 与 trio，配可运行的示例',
  } satisfies Localized,
  /** Each language: its name in itself, a short form for narrow screens, the switch's text pointing to it, and <html lang>. */
  languages: {
    en: { label: 'English', short: 'EN', switchTo: 'Read in English', htmlLang: 'en' },
    zh: { label: '简体中文', short: '中文', switchTo: '阅读中文版', htmlLang: 'zh-CN' },
  },
  /**
   * Where the site lives on its host when BASE_PATH is not set at build time
   * ('/guides/async/' for a sub-folder). astro.config.mjs reads it.
   */
  basePath: '/',
  /** Extra links in the header (after the site's name) and in the footer; empty for none. */
  headerLinks: [] as SiteLink[],
  footerLinks: [] as SiteLink[],
} as const;
