// Pagefind search from the browser, in both languages and both builds.
// Pagefind must not load with the page, only when the reader turns to search.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { collectErrors, contextOptions, launchBrowser, trackRequests } from './harness.ts';

const sites = inject('sites');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// Words that appear in the Introduction of each language.
const queries = [
  { lang: 'en', query: 'virtual time', expectTitle: 'Introduction' },
  { lang: 'zh', query: '虚拟时间', expectTitle: '导读' },
] as const;

describe.each(sites)('search on the site built with base $base', (site) => {
  test.each(queries)('$lang: "$query" finds the Introduction, in that language only', async ({ lang, query, expectTitle }) => {
    const context = await browser.newContext(contextOptions);
    const page = await context.newPage();
    const errors = collectErrors(page);
    const requests = trackRequests(page);
    await page.goto(`${site.url}${lang}/event-loop/`, { waitUntil: 'load' });
    expect(requests.urls.filter((u) => u.includes('/pagefind/'))).toEqual([]);

    await page.focus('[data-search-input]');
    await page.fill('[data-search-input]', query);
    const results = page.locator('[data-search-results] li a');
    await results.first().waitFor({ timeout: 15_000 });

    const hits = await results.evaluateAll((els) => els.map((e) => ({ href: e.getAttribute('href')!, text: e.textContent })));
    expect(hits.map((h) => h.text)).toContain(expectTitle);
    for (const hit of hits) expect(new URL(hit.href, page.url()).pathname.startsWith(`${site.base}${lang}/`)).toBe(true);
    expect(requests.urls.some((u) => u.includes(`${site.base}pagefind/`))).toBe(true);

    // A result link takes the reader to the page.
    await Promise.all([page.waitForURL(`${site.url}${lang}/introduction/`), page.click(`[data-search-results] li a:text-is("${expectTitle}")`)]);
    expect(errors).toEqual([]);
    expect(requests.offHost()).toEqual([]);
    await context.close();
  });
});
