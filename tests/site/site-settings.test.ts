/**
 * A team hosts the guide under its own name by editing one module,
 * src/lib/site-settings.ts (issue 16): the name, tagline and language labels
 * reach the UI strings and locales, the base path reaches the Astro config,
 * and the header/footer links reach the layout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/en.json' with { type: 'json' };
import { useTranslations } from '../../src/i18n/t.ts';
import { locales } from '../../src/lib/locales.ts';
import { siteSettings } from '../../src/lib/site-settings.ts';
import { ROOT } from './content-files.ts';

describe('site settings', () => {
  it('the name, tagline and language-switch labels come from the settings', () => {
    expect(useTranslations('en')('site.title')).toBe(siteSettings.name.en);
    expect(useTranslations('zh')('site.title')).toBe(siteSettings.name.zh);
    expect(useTranslations('zh')('site.tagline')).toBe(siteSettings.tagline.zh);
    expect(useTranslations('en')('lang.switchTo')).toBe(siteSettings.languages.zh.switchTo);
    expect(useTranslations('zh')('lang.switchToShort')).toBe(siteSettings.languages.en.short);
    expect(locales.zh).toEqual({ htmlLang: siteSettings.languages.zh.htmlLang, label: siteSettings.languages.zh.label });
  });

  it('those strings live only in the settings, not also in the translation files', () => {
    for (const key of ['site.title', 'site.tagline', 'lang.switchTo', 'lang.switchToShort']) expect(Object.keys(en)).not.toContain(key);
  });

  it('the Astro config takes its default base path from the settings', () => {
    expect(readFileSync(join(ROOT, 'astro.config.mjs'), 'utf8')).toMatch(/process\.env\.BASE_PATH \?\? siteSettings\.basePath/);
  });

  it('the layout shows the header and footer links', () => {
    const layout = readFileSync(join(ROOT, 'src/layouts/DocsLayout.astro'), 'utf8');
    expect(layout).toContain('<SiteLinks place="header"');
    expect(layout).toContain('<SiteLinks place="footer"');
  });
});
