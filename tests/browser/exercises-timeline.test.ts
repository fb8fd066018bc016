// Issue 12, "pointing at the moment on the timeline" and "a page's own
// playground can pose one": in Chromium on the built site, a failed fix
// exercise's verdict line has a "Show on the timeline" button that, activated
// with the keyboard, puts the playground timeline's playhead at the verdict's
// moment, focuses the timeline and says where it went; a wrong prediction does
// the same after opening and running the answer's playground.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { collectErrors, contextOptions, launchBrowser } from './harness.ts';
import { servePlayground, type BuiltSite } from '../playground/browser-helpers.ts';

const sites: BuiltSite[] = process.env.PLAYGROUND_DIST ? [{ name: 'dev', dir: process.env.PLAYGROUND_DIST, base: '/' }] : inject('sites').slice(0, 1);
const site = sites[0]!;

let browser: Browser;
let url: string;
let close: () => Promise<void>;
let context: BrowserContext;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ url, close } = await servePlayground(site));
  context = await browser.newContext(contextOptions);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await close?.();
  expect(errors).toEqual([]);
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  errors.push(...collectErrors(page));
  await page.goto(url + path, { waitUntil: 'load' });
  return page;
}

const exercise = (page: Page, key: string) => page.locator(`[data-exercise="${key}"]`);

async function failedVerdict(ex: Locator): Promise<void> {
  await expect.poll(() => ex.locator('[data-result]').getAttribute('data-verdict'), { timeout: 60_000 }).toBe('fail');
}

/** Activates the verdict's first timeline button with the keyboard; returns the moment it points at (ms). */
async function showWithKeyboard(page: Page, ex: Locator, name: RegExp): Promise<number> {
  const button = ex.locator('[data-result] button[data-show-at]').first();
  expect(await button.getAttribute('aria-label')).toMatch(name);
  const at = Number(await button.getAttribute('data-show-at'));
  expect(Number.isFinite(at)).toBe(true);
  await button.focus();
  await page.keyboard.press('Enter');
  return at;
}

describe('a verdict points at its moment on the timeline', () => {
  test('fix exercise (en): the failed check\'s button moves the playhead there, focuses the timeline and announces it', async () => {
    const page = await open('en/introduction/');
    const ex = exercise(page, 'introduction/forgot-await');
    await ex.getByRole('button', { name: 'Check' }).click();
    await failedVerdict(ex);
    const panel = ex.locator('[data-timeline]');
    // Before: the run drew its timeline, with no playhead.
    await expect.poll(() => panel.getAttribute('data-lanes'), { timeout: 30_000 }).not.toBeNull();
    expect(await panel.getAttribute('data-playhead-t')).toBeNull();
    const at = await showWithKeyboard(page, ex, /^Show on the timeline \(.+\)$/);
    await expect.poll(() => panel.getAttribute('data-playhead-t')).toBe(String(at));
    // Focus is on the timeline's plot, so its keys (Shift+Arrow) move on from there.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('tl-plot'))).toBe(true);
    // Both live regions say where the playhead is: the timeline's and the exercise's.
    await expect.poll(() => panel.locator('.tl-live').textContent()).toMatch(/^Playhead at /);
    await expect.poll(() => ex.locator('.ex-sr-only[aria-live]').textContent()).toMatch(/^Timeline playhead moved to .+\.$/);
    // The keyboard keeps working on the timeline from there: Escape removes the playhead.
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.getAttribute('data-playhead-t')).toBeNull();
    await page.close();
  });

  test('predict exercise (zh): a wrong order\'s button opens the answer, runs its playground and puts the playhead on the line that differs', async () => {
    const page = await open('zh/introduction/');
    const ex = exercise(page, 'introduction/gather-order');
    const right = await ex.locator('.ex-right-order li').allTextContents();
    const shown = await ex.locator('[data-lines] > li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.line!));
    // The order as first shown is wrong (the test would prove nothing otherwise).
    expect(shown).not.toEqual(right);
    await ex.getByRole('button', { name: '检查' }).click();
    await failedVerdict(ex);
    const panel = ex.locator('[data-timeline]');
    expect(await ex.locator('[data-answer]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const at = await showWithKeyboard(page, ex, /^在时间线上查看((.+))$/);
    await expect.poll(() => panel.getAttribute('data-playhead-t'), { timeout: 60_000 }).toBe(String(at));
    expect(await ex.locator('[data-answer]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('tl-plot'))).toBe(true);
    await expect.poll(() => ex.locator('.ex-sr-only[aria-live]').textContent()).toMatch(/^时间线播放头已移到 .+。$/);
    await page.close();
  });
});
