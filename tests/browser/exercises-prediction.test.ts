// The "what will this print?" block before a page playground (issue 12,
// components/exercises/PlaygroundPrediction.astro): axe in both themes and
// both languages, unanswered and with a verdict on screen, and a 390 px phone
// where the block, its lines and its verdict fit and the move buttons work.
// (tests/browser/exercises-timeline.test.ts grades predictions; this file
// holds how the block reads and fits.)
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { axeSerious, collectErrors, contextOptions, launchBrowser } from './harness.ts';
import { servePlayground, type BuiltSite } from '../playground/browser-helpers.ts';

const sites: BuiltSite[] = process.env.PLAYGROUND_DIST ? [{ name: 'dev', dir: process.env.PLAYGROUND_DIST, base: '/' }] : inject('sites').slice(0, 1);
const site = sites[0]!;
/** The two page playgrounds that ask first, one per language. */
const BLOCKS = [
  { path: 'en/event-loop/', example: 'event-loop/ready-queue', check: 'Check my prediction' },
  { path: 'zh/introduction/', example: 'introduction/hello', check: '检查我的预测' },
];

let browser: Browser;
let url: string;
let close: () => Promise<void>;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ url, close } = await servePlayground(site));
});
afterAll(async () => {
  await browser?.close();
  await close?.();
  expect(errors).toEqual([]);
});

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  errors.push(...collectErrors(page));
  await page.goto(url + path, { waitUntil: 'load' });
  return page;
}

/** Checks the block's prediction as shown (a wrong order) and waits for the verdict. */
async function checkAsShown(block: Locator, name: string): Promise<void> {
  await block.getByRole('button', { name }).click();
  await expect.poll(() => block.locator('[data-result]').getAttribute('data-verdict'), { timeout: 60_000 }).toBe('fail');
}

describe('the prediction block', () => {
  test('axe finds nothing serious, unanswered and with a verdict, in light and dark, en and zh', async () => {
    // axe is injected as a script: this context lets it past the page's CSP.
    const context = await browser.newContext({ ...contextOptions, bypassCSP: true });
    for (const { path, example, check } of BLOCKS) {
      const page = await open(context, path);
      const block = page.locator(`[data-predict="${example}"]`);
      await expect.poll(() => block.isVisible()).toBe(true);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await axeSerious(page), `${path} ${colorScheme} unanswered`).toEqual([]);
      }
      // A line moved with the keyboard (focus on a line), then a verdict with its timeline button.
      // (and back: the order as shown is wrong, exercises-timeline.test.ts holds that).
      await block.locator('[data-lines] > li').nth(1).focus();
      await page.keyboard.press('Alt+ArrowUp');
      await page.keyboard.press('Alt+ArrowDown');
      await checkAsShown(block, check);
      expect(await block.locator('[data-result] button[data-show-at]').count()).toBeGreaterThan(0);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await axeSerious(page), `${path} ${colorScheme} answered`).toEqual([]);
      }
      await page.close();
    }
    await context.close();
  });

  test('at 390 px the block, its lines and its verdict fit the screen, and the move buttons work', async () => {
    const phone = await browser.newContext({ ...contextOptions, viewport: { width: 390, height: 844 } });
    for (const { path, example, check } of BLOCKS) {
      const page = await open(phone, path);
      const block = page.locator(`[data-predict="${example}"]`);
      await expect.poll(() => block.isVisible()).toBe(true);
      await block.scrollIntoViewIfNeeded();
      const fits = async (when: string) => {
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} ${when}: the page`).toBeLessThanOrEqual(390);
        // Nothing inside the block sticks out of it, or out of the screen.
        const overflow = await block.evaluate((el) => {
          const right = Math.min(el.getBoundingClientRect().right, 390);
          return [...el.querySelectorAll<HTMLElement>('*')]
            .filter((e) => e.offsetParent !== null && e.getBoundingClientRect().right > right + 0.5)
            .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent?.slice(0, 40)}`);
        });
        expect(overflow, `${path} ${when}`).toEqual([]);
      };
      await fits('unanswered');
      // The move buttons (a tap, not a drag or Alt+Arrow): the second line goes first.
      const lines = () => block.locator('[data-lines] > li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.line!));
      const before = await lines();
      const up = block.locator('[data-lines] > li').nth(1).locator('button[data-move=up]');
      expect(await up.isVisible()).toBe(true);
      const box = (await up.boundingBox())!;
      // Big enough to tap (WCAG 2.5.8: 24 px).
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
      await up.click();
      expect((await lines())[0]).toBe(before[1]);
      // And back down (the order as shown is the wrong one to check).
      await block.locator('[data-lines] > li').nth(0).locator('button[data-move=down]').click();
      expect(await lines()).toEqual(before);
      await checkAsShown(block, check);
      await fits('answered');
      await page.close();
    }
    await phone.close();
  });
});
