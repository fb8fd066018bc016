// Every guide page, in both languages, in both builds (base '/' and a base
// path): it loads under the CSP with no console error and no request off
// 127.0.0.1, has the right lang, sidebar, ToC and language switch, and axe
// finds nothing serious in the light or the dark theme.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { axeSerious, collectErrors, contentSlugs, contextOptions, LANGS, launchBrowser, trackRequests } from './harness.ts';
import { EXPECTED_SLUGS } from '../site/content-files.ts';
import { CONTENT_SECURITY_POLICY } from '../../scripts/serve.mjs';

const sites = inject('sites');
const slugs = contentSlugs();
const twin = { en: 'zh', zh: 'en' } as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(sites)('site built with base $base', (site) => {
  let strict: BrowserContext; // the README's CSP is enforced
  let axeContext: BrowserContext; // axe is injected as an inline script, which the CSP forbids
  beforeAll(async () => {
    strict = await browser.newContext(contextOptions);
    axeContext = await browser.newContext({ ...contextOptions, bypassCSP: true });
  });
  afterAll(async () => {
    await strict?.close();
    await axeContext?.close();
  });

  const cases = LANGS.flatMap(({ lang, htmlLang }) => slugs.map((slug) => ({ lang, htmlLang, slug })));

  test.each(cases)('$lang/$slug', async ({ lang, htmlLang, slug }) => {
    const page = await strict.newPage();
    const errors = collectErrors(page);
    const requests = trackRequests(page);
    const url = `${site.url}${lang}/${slug}/`;

    const response = await page.goto(url, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe(htmlLang);

    // Sidebar: every page listed, this one marked current.
    const sidebarLinks = page.locator('nav.sidebar a');
    expect(await sidebarLinks.count()).toBe(slugs.length);
    const current = page.locator('nav.sidebar a[aria-current="page"]');
    expect(await current.count()).toBe(1);
    expect(await current.getAttribute('href')).toBe(`${site.base}${lang}/${slug}/`);
    const order = await sidebarLinks.evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    expect(order).toEqual(EXPECTED_SLUGS.map((s) => `${site.base}${lang}/${s}/`));

    // Previous / next follow the reading order.
    const at = EXPECTED_SLUGS.indexOf(slug as (typeof EXPECTED_SLUGS)[number]);
    const pager = async (rel: string) => ((await page.locator(`nav.pager a[rel="${rel}"]`).count()) ? page.getAttribute(`nav.pager a[rel="${rel}"]`, 'href') : null);
    expect(await pager('prev')).toBe(at > 0 ? order[at - 1] : null);
    expect(await pager('next')).toBe(at < order.length - 1 ? order[at + 1] : null);

    // Table of contents: one link per h2/h3, each pointing at a real heading.
    const headingIds = await page.locator('article h2[id], article h3[id]').evaluateAll((els) => els.map((e) => e.id));
    const tocTargets = await page.locator('nav.toc a').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    expect(headingIds.length).toBeGreaterThan(0);
    expect(tocTargets).toEqual(['#_top', ...headingIds.map((id) => `#${id}`)]);

    // hreflang alternates point at this page in both languages.
    const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('hreflang'), new URL(e.getAttribute('href')!).pathname])),
    );
    expect(alternates).toEqual({
      en: `${site.base}en/${slug}/`,
      'zh-CN': `${site.base}zh/${slug}/`,
      'x-default': `${site.base}en/${slug}/`,
    });

    // The language switch lands on the twin page.
    await Promise.all([page.waitForURL(`${site.url}${twin[lang]}/${slug}/`), page.click('[data-lang-switch]')]);
    expect(await page.getAttribute('html', 'lang')).toBe(LANGS.find((l) => l.lang === twin[lang])!.htmlLang);
    expect(await page.locator('nav.sidebar a[aria-current="page"]').getAttribute('href')).toBe(`${site.base}${twin[lang]}/${slug}/`);

    expect(errors).toEqual([]);
    expect(requests.offHost()).toEqual([]);
    await page.close();

    // Accessibility in both themes: the dark one is applied by switching the
    // emulated system preference on the loaded page (the CSS follows it live).
    const axePage = await axeContext.newPage();
    await axePage.emulateMedia({ colorScheme: 'light' });
    await axePage.goto(url, { waitUntil: 'load' });
    for (const colorScheme of ['light', 'dark'] as const) {
      await axePage.emulateMedia({ colorScheme });
      expect(await axePage.evaluate(() => getComputedStyle(document.body).colorScheme)).toBe(colorScheme);
      expect(await axeSerious(axePage), `axe, ${colorScheme} theme`).toEqual([]);
    }
    await axePage.close();
  });

  test('language index pages and the root chooser', async () => {
    const page = await strict.newPage();
    const errors = collectErrors(page);
    const requests = trackRequests(page);
    for (const { lang, htmlLang } of LANGS) {
      const response = await page.goto(`${site.url}${lang}/`);
      expect(response?.status()).toBe(200);
      // The whole suite runs under the policy the README documents.
      expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(await page.getAttribute('html', 'lang')).toBe(htmlLang);
      expect(await page.locator('ol.contents a').count()).toBe(slugs.length);
    }
    expect(errors).toEqual([]);
    expect(requests.offHost()).toEqual([]);
    await page.close();

    const axePage = await axeContext.newPage();
    for (const path of ['en/', 'zh/', 'en/no-such-page/']) {
      await axePage.goto(`${site.url}${path}`, { waitUntil: 'load' });
      expect(await axeSerious(axePage), `axe on /${path}`).toEqual([]);
    }
    await axePage.close();

    // The root sends a Chinese-speaking reader to /zh/ and others to /en/.
    for (const [locale, lang] of [['zh-CN', 'zh'], ['en-GB', 'en'], ['fr-FR', 'en']] as const) {
      const context = await browser.newContext({ ...contextOptions, locale });
      const root = await context.newPage();
      await root.goto(site.url);
      await root.waitForURL(`${site.url}${lang}/`);
      await context.close();
    }

    // Without JavaScript the root is a two-link chooser.
    const noJs = await browser.newContext({ ...contextOptions, javaScriptEnabled: false });
    const chooser = await noJs.newPage();
    await chooser.goto(site.url);
    expect(new URL(chooser.url()).pathname).toBe(site.base);
    const links = await chooser.locator('[data-lang-link]').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    expect(links).toEqual([`${site.base}en/`, `${site.base}zh/`]);
    await noJs.close();
  });

  test('unknown paths get the bilingual 404 page with working links', async () => {
    const page = await strict.newPage();
    const errors = collectErrors(page);
    const response = await page.goto(`${site.url}en/no-such-page/`);
    expect(response?.status()).toBe(404);
    const headings = await page.locator('main h1').allTextContents();
    expect(headings).toEqual(['Page not found', '页面不存在']);
    const homes = await page.locator('main a').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    expect(homes).toEqual([`${site.base}en/`, `${site.base}zh/`]);
    expect((await page.goto(new URL(homes[1]!, site.url).href))?.status()).toBe(200);
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await page.close();
  });

  test('theme toggle switches, persists across reloads and applies before paint', async () => {
    const context = await browser.newContext({ ...contextOptions, colorScheme: 'light' });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${site.url}en/introduction/`);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.click('[data-theme-toggle]');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await background()).not.toBe('rgb(255, 255, 255)');
    expect(await page.getAttribute('[data-theme-toggle]', 'aria-label')).toBe('Switch to light theme');

    // On reload, the stored choice is on <html> before any stylesheet or body
    // is parsed: record it at the first DOM mutation that adds the body.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as unknown as { themeAtBody: string | null }).themeAtBody = document.documentElement.getAttribute('data-theme');
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { themeAtBody: string | null }).themeAtBody)).toBe('dark');
    expect(await background()).not.toBe('rgb(255, 255, 255)');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('at 360 px the sidebar hides behind a button; at 1600 px sidebar and ToC sit beside the text', async () => {
    const context = await browser.newContext({ ...contextOptions, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    // No page is wider than a phone: long code scrolls inside its box, long identifiers in text wrap.
    for (const lang of ['en', 'zh']) {
      for (const slug of slugs) {
        await page.goto(`${site.url}${lang}/${slug}/`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${lang}/${slug}`).toBeLessThanOrEqual(360);
      }
    }
    await page.goto(`${site.url}zh/introduction/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const sidebar = page.locator('nav.sidebar');
    const toggle = page.locator('[data-nav-toggle]');
    expect(await sidebar.isVisible()).toBe(false);
    expect(await toggle.isVisible()).toBe(true);
    await toggle.click();
    expect(await sidebar.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await sidebar.isVisible()).toBe(false);

    await page.setViewportSize({ width: 1600, height: 1000 });
    expect(await toggle.isVisible()).toBe(false);
    const side = (await sidebar.boundingBox())!;
    const article = (await page.locator('article').boundingBox())!;
    const toc = (await page.locator('nav.toc').boundingBox())!;
    expect(side.x + side.width).toBeLessThanOrEqual(article.x);
    expect(article.x + article.width).toBeLessThanOrEqual(toc.x);
    await context.close();
  });
});

// The page chrome a reader meets first (issue 10.14); the root build is enough.
describe('table of contents and the 404 page', () => {
  const site = sites[0]!;

  test('on a phone "On this page" starts folded, so the title is in the first screen; it opens on a tap', async () => {
    const context = await browser.newContext({ ...contextOptions, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    for (const lang of ['en', 'zh']) {
      await page.goto(`${site.url}${lang}/event-loop/`);
      const title = (await page.locator('article h1').boundingBox())!;
      expect(title.y + title.height, lang).toBeLessThanOrEqual(844);
      const firstLink = page.locator('nav.toc li a').nth(1);
      expect(await firstLink.isVisible()).toBe(false);
      await page.locator('nav.toc summary').click();
      expect(await firstLink.isVisible()).toBe(true);
    }
    await context.close();
  });

  test('beside the article the contents are open and mark the section being read', async () => {
    const context = await browser.newContext({ ...contextOptions, viewport: { width: 1600, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.url}en/event-loop/`);
    const links = page.locator('nav.toc li a');
    expect(await links.nth(1).isVisible()).toBe(true);
    const current = () => page.locator('nav.toc a[aria-current="location"]').getAttribute('href');
    expect(await current()).toBe('#_top');
    const hrefs = await links.evaluateAll((els) => els.map((e) => e.getAttribute('href')!));
    const third = hrefs[3]!;
    // Scroll so that the third section's heading is near the top: its link becomes current.
    await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'start' }), decodeURIComponent(third.slice(1)));
    await expect.poll(current).toBe(third);
    expect(await page.locator('nav.toc a[aria-current]').count()).toBe(1);
    await context.close();
  });

  test.each([
    { lang: 'en', first: ['Page not found', '页面不存在'], htmlLang: 'en', query: 'virtual time', finds: 'Introduction' },
    { lang: 'zh', first: ['页面不存在', 'Page not found'], htmlLang: 'zh-CN', query: '虚拟时间', finds: '导读' },
  ])('the 404 page under /$lang/ puts that language first and searches in it', async ({ lang, first, htmlLang, query, finds }) => {
    const context = await browser.newContext(contextOptions);
    const page = await context.newPage();
    const errors = collectErrors(page);
    const response = await page.goto(`${site.url}${lang}/no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('main h1').allTextContents()).toEqual(first);
    expect(await page.getAttribute('html', 'lang')).toBe(htmlLang);
    const input = page.locator('main [data-search-input]:visible');
    expect(await input.count()).toBe(1);
    await input.fill(query);
    const results = page.locator('main [data-search-results] li a');
    await results.first().waitFor({ timeout: 15_000 });
    expect(await results.allTextContents()).toContainEqual(expect.stringContaining(finds));
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await context.close();
  });
});
