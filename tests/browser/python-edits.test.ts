// Run Python with the reader's edits, in Chromium on the built site: Compare
// runs the TypeScript the reader sees in the playground beside the twin (their
// edit, or the page's example) and says which versions it compared
// (src/python/compare.ts, src/playground/current-code.ts). One page shares
// one Python load (a cold start takes 10-60 s on a busy machine); the tests
// run in order. The reader's Python edit is kept across a reload and Reset
// (with Undo) brings the twin back, as in the TypeScript playground
// (src/python/saved-edit.ts). Timeouts are failure limits only.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { servePlayground, type BuiltSite } from '../playground/browser-helpers.ts';
import { collectErrors, contextOptions, launchBrowser, trackRequests } from './harness.ts';

const sites: BuiltSite[] = process.env.PYTHON_DIST ? [{ name: 'dev', dir: process.env.PYTHON_DIST, base: '/' }] : inject('sites');
const LOAD_MS = 300_000;
const FILE = 'asyncio/gather';
const twin = `[data-python-twin][data-file="${FILE}"]`;
const playground = `[data-playground][data-example="${FILE}"]`;

/** Waits until the twin's run has ended; returns its state. */
async function runEnd(page: Page, timeout = LOAD_MS): Promise<string> {
  await page.waitForFunction((sel) => ['ok', 'failed', 'stopped', 'timeout', 'crash'].includes((document.querySelector(sel) as HTMLElement)?.dataset.state ?? ''), twin, { timeout });
  return page.evaluate((sel) => (document.querySelector(sel) as HTMLElement).dataset.state!, twin);
}

/** Types `code` into the TypeScript playground's Monaco editor (replacing its text). */
async function editTypescript(page: Page, code: string): Promise<void> {
  const lines = page.locator(`${playground} .monaco-editor .view-lines`);
  await page.locator(`${playground} [data-code]`).click();
  await lines.waitFor({ timeout: 120_000 });
  await lines.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(code);
  await page.waitForFunction(([sel, first]) => (document.querySelector(`${sel} .monaco-editor .view-lines`)?.textContent ?? '').replace(/\s/g, '').includes(first.replace(/\s/g, '')), [playground, code.split('\n')[0]!] as const);
}

/** Clicks Compare and waits for its result; returns the panel's "which versions" sentence and its data. */
async function compare(page: Page): Promise<{ which: string; ts: string; py: string }> {
  await page.evaluate((sel) => document.querySelector(`${sel} [data-py-compare-panel]`)!.replaceChildren(), twin);
  await page.locator(`${twin} [data-py-compare]`).click();
  const which = page.locator(`${twin} [data-py-compare-panel] .py-compare-which`);
  await which.waitFor({ timeout: 120_000 });
  return { which: (await which.textContent())!, ts: (await which.getAttribute('data-ts'))!, py: (await which.getAttribute('data-py'))! };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('Run Python with the reader\'s edits, /en/asyncio/', () => {
  let url: string;
  let close: () => Promise<void>;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ({ url, close } = await servePlayground(sites[0]!));
    context = await browser.newContext(contextOptions);
    page = await context.newPage();
    errors = collectErrors(page);
    await page.goto(`${url}en/asyncio/`, { waitUntil: 'load' });
    await page.locator(twin).evaluate((el) => ((el.closest('details') as HTMLDetailsElement).open = true));
  });
  afterAll(async () => {
    await context?.close();
    await close?.();
  });

  test('Compare runs the TypeScript as the reader edited it, and says so; after Reset, the page\'s', async () => {
    await page.locator(`${twin} [data-py-run]`).click();
    expect(await runEnd(page)).toBe('ok');

    // Unedited: the page's TypeScript against the page's Python.
    const before = await compare(page);
    expect(before).toEqual({ which: "Compared: the page's TypeScript with the page's Python.", ts: 'page', py: 'page' });
    const panes = `${twin} [data-py-compare-panel] [data-lanes]`;
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, panes, { timeout: 30_000 });
    const pageEnd = await page.evaluate((sel) => document.querySelector<HTMLElement>(sel)!.dataset.to, panes);

    // An edit the page's TypeScript cannot print: a line at 900 ms, the latest moment of either run.
    await editTypescript(page, "import { sleep, now } from 'miniloop';\n\nawait sleep(900);\nconsole.log(`${now()} ms: ts edited`);\n");
    const after = await compare(page);
    expect(after).toEqual({ which: "Compared: your edited TypeScript (as its playground's editor shows it) with the page's Python.", ts: 'edited', py: 'page' });
    await expect(page.locator(`${twin} [data-py-compare-panel] .py-compare-pane[data-lang=ts] .py-compare-pane-title`).textContent()).resolves.toBe('Your edited TypeScript (miniloop)');
    // The lines: the edited program's one line is the TypeScript side of the first row that differs.
    const firstRow = page.locator(`${twin} [data-py-compare-panel] tbody tr`).first();
    await expect(firstRow.locator('td').nth(0).textContent()).resolves.toMatch(/^900 ms \S+ 900 ms: ts edited\s*$/);
    // The timeline: both panes run to the edited program's end (900 ms), not to the page's run.
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, panes, { timeout: 30_000 });
    const ends = await page.evaluate((sel) => [...document.querySelectorAll<HTMLElement>(sel)].map((e) => Number(e.dataset.to)), panes);
    expect(ends).toEqual([900, 900]);
    expect(Number(pageEnd)).toBeLessThan(900);

    // Reset in the playground: Compare is back to the page's TypeScript.
    await page.locator(`${playground} [data-reset]`).click();
    const reset = await compare(page);
    expect(reset.ts).toBe('page');
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, panes, { timeout: 30_000 });
    const resetEnd = await page.evaluate((sel) => document.querySelector<HTMLElement>(sel)!.dataset.to, panes);
    expect(resetEnd).toBe(pageEnd);
    expect(errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  }, LOAD_MS + 240_000);

  test('an edited Python survives a reload (without loading Python); Reset from the keyboard brings the twin back, Undo the edit', async () => {
    const source = await page.evaluate((sel) => JSON.parse(document.querySelector(`${sel} [data-py-source]`)!.textContent!) as string, twin);
    const area = page.locator(`${twin} textarea`);
    const badge = page.locator(`${twin} [data-py-edited]`);
    const edit = 'import asyncio\n\nasync def main():\n    await asyncio.sleep(0.5)\n    print("kept across a reload")\n\nasyncio.run(main())\n';
    // A click in the code turns it into the editor (a no-op when a run already did).
    await page.locator(`${twin} [data-py-code]`).click();
    await area.waitFor({ timeout: 30_000 });
    await expect(badge.isHidden()).resolves.toBe(true);
    await area.fill(edit);
    await expect(badge.isVisible()).resolves.toBe(true);

    // Reload: the twin mounts at once with the reader's code, and no Python file is fetched for it.
    const requests = trackRequests(page);
    await page.reload({ waitUntil: 'load' });
    await page.locator(twin).evaluate((el) => ((el.closest('details') as HTMLDetailsElement).open = true));
    await area.waitFor({ timeout: 30_000 });
    await expect(area.inputValue()).resolves.toBe(edit);
    await expect(badge.isVisible()).resolves.toBe(true);
    expect(requests.urls.filter((u) => /\/pyodide\/|python-worker/.test(u))).toEqual([]);

    // Reset, from the keyboard: the twin's code, the badge gone, and an Undo that loses nothing.
    await page.locator(`${twin} [data-py-reset]`).focus();
    await page.keyboard.press('Enter');
    await expect(area.inputValue()).resolves.toBe(source);
    await expect(badge.isHidden()).resolves.toBe(true);
    const status = page.locator(`${twin} [data-py-status]`);
    await expect(status.textContent()).resolves.toBe('Back to the example. Undo');
    await page.locator(`${twin} [data-py-undo-reset]`).focus();
    await page.keyboard.press('Enter');
    await expect(area.inputValue()).resolves.toBe(edit);
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('TEXTAREA');
    await page.reload({ waitUntil: 'load' });
    await page.locator(twin).evaluate((el) => ((el.closest('details') as HTMLDetailsElement).open = true));
    await area.waitFor({ timeout: 30_000 });
    await expect(area.inputValue()).resolves.toBe(edit);

    // Reset for good: after a reload the twin is the page's again (mounted on intent, holding the source).
    await page.locator(`${twin} [data-py-reset]`).click();
    await page.reload({ waitUntil: 'load' });
    await page.locator(twin).evaluate((el) => ((el.closest('details') as HTMLDetailsElement).open = true));
    await expect(page.locator(`${twin}[data-py-mounted]`).count()).resolves.toBe(0);
    await page.locator(`${twin} [data-py-code]`).click();
    await area.waitFor({ timeout: 30_000 });
    await expect(area.inputValue()).resolves.toBe(source);
    await expect(badge.isHidden()).resolves.toBe(true);
    expect(errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  }, 180_000);
});
