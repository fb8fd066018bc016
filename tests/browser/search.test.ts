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

    // Each result names its page (and the section it opens, when that is not the top).
    const hits = await results.evaluateAll((els) => els.map((e) => ({ href: e.getAttribute('href')!, text: e.querySelector('.search-page')?.textContent })));
    expect(hits.map((h) => h.text)).toContain(expectTitle);
    for (const hit of hits) expect(new URL(hit.href, page.url()).pathname.startsWith(`${site.base}${lang}/`)).toBe(true);
    expect(requests.urls.some((u) => u.includes(`${site.base}pagefind/`))).toBe(true);

    // A result link takes the reader to the page.
    const intro = page.locator('[data-search-results] li a', { has: page.locator(`.search-page:text-is("${expectTitle}")`) });
    await Promise.all([page.waitForURL((u) => u.pathname === `${site.base}${lang}/introduction/`), intro.click()]);
    expect(errors).toEqual([]);
    expect(requests.offHost()).toEqual([]);
    await context.close();
  });
});

// What a reader meets when searching (issue 10.11); the root build is enough.
describe('search: results a reader can use', () => {
  const site = sites[0]!;
  const open = async (lang: string, viewport = { width: 1280, height: 900 }) => {
    const context = await browser.newContext({ ...contextOptions, viewport });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${site.url}${lang}/event-loop/`, { waitUntil: 'load' });
    return { context, page, errors };
  };
  // Type a query and wait until the panel answers it (its status changes and is not "Loading").
  const search = async (page: import('playwright-core').Page, query: string) => {
    const status = page.locator('[data-search-status]');
    const before = await status.textContent();
    await page.focus('[data-search-input]');
    await page.fill('[data-search-input]', query);
    await expect.poll(async () => {
      const now = (await status.textContent()) ?? '';
      return now !== before && !/^(Loading search…|正在加载搜索…|)$/.test(now);
    }, { timeout: 15_000 }).toBe(true);
  };

  test('on a 390 px phone the box takes the header and the results lie inside the viewport', async () => {
    const { context, page, errors } = await open('en', { width: 390, height: 844 });
    await search(page, 'event loop');
    await page.locator('[data-search-results] li').first().waitFor();
    const input = (await page.locator('[data-search-input]').boundingBox())!;
    expect(input.width).toBeGreaterThanOrEqual(390 - 2 * 16);
    const panel = (await page.locator('[data-search-panel]').boundingBox())!;
    expect(panel.x).toBeGreaterThanOrEqual(0);
    expect(panel.x + panel.width).toBeLessThanOrEqual(390);
    for (const box of await page.locator('[data-search-results] li').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(390);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  });

  test.each([
    { lang: 'en', query: 'Twisted', says: 'No results for “Twisted”.' },
    { lang: 'en', query: 'xylophone', says: 'No results for “xylophone”.' },
    { lang: 'zh', query: '量子', says: '没有找到与“量子”相关的结果。' },
  ])('$lang: "$query" has no real match and says so (no one-letter prefix matches)', async ({ lang, query, says }) => {
    const { context, page } = await open(lang);
    await search(page, query);
    expect(await page.locator('[data-search-status]').textContent()).toBe(says);
    expect(await page.locator('[data-search-results] li').count()).toBe(0);
    await context.close();
  });

  test.each([
    { lang: 'en', one: '1 result', many: /^\d+ results$/ },
    { lang: 'zh', one: '1 条结果', many: /^共 \d+ 条结果$/ },
  ])('$lang: one result is "$one", more are counted', async ({ lang, one, many }) => {
    const { context, page } = await open(lang);
    // "Perfetto" appears on the Reference page only.
    await search(page, 'Perfetto');
    expect(await page.locator('[data-search-results] li').count()).toBe(1);
    expect(await page.locator('[data-search-status]').textContent()).toBe(one);
    await search(page, 'epoll');
    expect(await page.locator('[data-search-results] li').count()).toBeGreaterThan(1);
    expect(await page.locator('[data-search-status]').textContent()).toMatch(many);
    await context.close();
  });

  test('a result opens the section that matches and marks the words there', async () => {
    const { context, page, errors } = await open('en');
    await search(page, 'heapq');
    const first = page.locator('[data-search-results] li a').first();
    const href = (await first.getAttribute('href'))!;
    const target = new URL(href, page.url());
    expect(target.hash).toMatch(/^#.+/);
    await Promise.all([page.waitForURL((u) => u.hash === target.hash), first.click()]);
    // The query leaves the address once it has done its work.
    await expect.poll(() => new URL(page.url()).searchParams.has('hl')).toBe(false);
    const id = decodeURIComponent(target.hash.slice(1));
    expect(await page.locator('.search-target').getAttribute('id')).toBe(id);
    const marks = await page.locator('mark.search-hit').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m.toLowerCase()).toBe('heapq');
    // The marks are in that section: after its heading.
    expect(await page.evaluate((id) => {
      const heading = document.getElementById(id)!;
      return [...document.querySelectorAll('mark.search-hit')].every((m) => heading.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING);
    }, id)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('arrow keys move through the results and back to the box', async () => {
    const { context, page } = await open('en');
    await search(page, 'epoll');
    const links = page.locator('[data-search-results] li a');
    expect(await links.count()).toBeGreaterThan(1);
    const focused = () => page.evaluate(() => {
      const a = document.activeElement;
      return a?.matches('[data-search-input]') ? 'input' : [...document.querySelectorAll('[data-search-results] li a')].indexOf(a as Element);
    });
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(0);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(1);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe(0);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('input');
    expect(await page.locator('[data-search-panel]').isVisible()).toBe(true);
    await context.close();
  });
});
