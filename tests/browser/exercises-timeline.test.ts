// Issue 12, "pointing at the moment on the timeline" and "a page's own
// playground can pose one": in Chromium on the built site, a failed fix
// exercise's verdict line has a "Show on the timeline" button that, activated
// with the keyboard, puts the playground timeline's playhead at the verdict's
// moment, focuses the timeline and says where it went; a wrong prediction does
// the same after opening and running the answer's playground. A teaching
// page's playground marked `predict` asks "what will this print?" first and
// grades the reader's order against the real run.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { collectErrors, contextOptions, launchBrowser } from './harness.ts';
import { replaceCode, servePlayground, type BuiltSite } from '../playground/browser-helpers.ts';

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

  test('max-queue fix exercise (en): the starter fails naming the queue, its size and the moment; the button goes there; a bounded queue passes', async () => {
    const page = await open('en/asyncio/');
    const ex = exercise(page, 'asyncio/bounded-queue');
    const check = ex.getByRole('button', { name: 'Check' });
    await check.click();
    await failedVerdict(ex);
    expect(await ex.locator('[data-result]').textContent()).toMatch(/Expected no queue to hold more than 4 items; `?queue#1`? held 20 at 50 ms, after a put by `?main`?/);
    const panel = ex.locator('[data-timeline]');
    await expect.poll(() => panel.getAttribute('data-lanes'), { timeout: 30_000 }).not.toBeNull();
    expect(await showWithKeyboard(page, ex, /^Show on the timeline \(50 ms\)$/)).toBe(50);
    await expect.poll(() => panel.getAttribute('data-playhead-t')).toBe('50');
    // A correct program other than the reference (maxsize 2, not 4) passes.
    const starter = await ex.locator('[data-playground] [data-source]').evaluate((el) => JSON.parse(el.textContent!) as string);
    expect(starter).toContain('new Queue<number>();');
    await ex.locator('[data-code]').click();
    const index = await page.evaluate(() => [...document.querySelectorAll('[data-playground]')].findIndex((p) => p.closest('[data-exercise="asyncio/bounded-queue"]')));
    await replaceCode(page, starter.replace('new Queue<number>();', 'new Queue<number>(2);'), index);
    await check.click();
    await expect.poll(() => ex.locator('[data-result]').getAttribute('data-verdict'), { timeout: 60_000 }).toBe('pass');
    expect(await ex.locator('[data-result]').textContent()).toContain('No queue ever held more than 4 items (at most 2).');
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
    // The answer and its "run it" disclosure opened, so the focused timeline is on screen.
    expect(await ex.locator('[data-answer]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await ex.locator('details.ex-run').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await panel.locator('.tl-plot').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('tl-plot'))).toBe(true);
    await expect.poll(() => ex.locator('.ex-sr-only[aria-live]').textContent()).toMatch(/^时间线播放头已移到 .+。$/);
    await page.close();
  });
});

describe('a page playground asks "what will this print?" before Run', () => {
  const order = (block: Locator) => block.locator('[data-lines] > li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.line!));

  test('event-loop (en): the expected output is hidden; a wrong order fails with the line that differs; ordered with Alt+Arrow keys it passes', async () => {
    const page = await open('en/event-loop/');
    const block = page.locator('[data-predict="event-loop/ready-queue"]');
    await expect.poll(() => block.isVisible()).toBe(true);
    const playground = page.locator('[data-predict="event-loop/ready-queue"] ~ [data-playground]').first();
    // The answer is not on screen before a run.
    expect(await playground.locator('[data-expected]').isVisible()).toBe(false);
    const right = ['main scheduled A and B', 'A runs (turn 1)', 'B runs (turn 1)', 'C runs (turn 2): A scheduled it during turn 1'];
    const shown = await order(block);
    expect([...shown].sort()).toEqual([...right].sort());
    expect(shown).not.toEqual(right);

    // As shown (wrong), checked with the keyboard: the real run grades it and names the first line that differs.
    const check = block.getByRole('button', { name: 'Check my prediction' });
    await check.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => block.locator('[data-result]').getAttribute('data-verdict'), { timeout: 60_000 }).toBe('fail');
    const first = right.findIndex((line, i) => shown[i] !== line);
    expect(await block.locator('[data-result]').textContent()).toContain(`Line ${first + 1} of your order is`);
    // Run revealed the real output in the console.
    await expect.poll(() => playground.locator('[data-console]').textContent()).toContain(right[3]);
    // Its moment can be shown on the playground's timeline.
    const at = Number(await block.locator('[data-result] button[data-show-at]').getAttribute('data-show-at'));
    await block.locator('[data-result] button[data-show-at]').press('Enter');
    await expect.poll(() => playground.locator('[data-timeline]').getAttribute('data-playhead-t')).toBe(String(at));

    // Put in order with Alt+ArrowUp, then check again: a pass.
    for (let i = 0; i < right.length; i++) {
      const now = await order(block);
      const from = now.indexOf(right[i]!);
      await block.locator('[data-lines] > li').nth(from).focus();
      for (let k = from; k > i; k--) await page.keyboard.press('Alt+ArrowUp');
    }
    expect(await order(block)).toEqual(right);
    await check.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => block.locator('[data-result]').getAttribute('data-verdict'), { timeout: 60_000 }).toBe('pass');
    await page.close();
  });

  test('introduction (zh): the question and the button are in Chinese, on the hello playground', async () => {
    const page = await open('zh/introduction/');
    const block = page.locator('[data-predict="introduction/hello"]');
    await expect.poll(() => block.isVisible()).toBe(true);
    expect(await block.textContent()).toContain('下面这段程序会打印什么');
    expect(await block.getByRole('button', { name: '检查我的预测' }).count()).toBe(1);
    expect([...(await order(block))].sort()).toEqual(['a 在 0 ms 开始', 'b 在 0 ms 开始', 'b 在 100 ms 醒来', 'a 在 300 ms 醒来', '全部完成于 300 ms'].sort());
    await page.close();
  });
});
