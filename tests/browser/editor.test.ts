// The editor as a reader meets it (issue 10.1): every unmodified example on
// every page, in both languages, opens in Monaco with no error at all (the
// editor declares the runner's globals, not the DOM: src/playground/program-globals.ts),
// and a reader's own type error is listed in the Problems list beside the
// console, with its count and lines; a click puts the cursor on its line.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { collectErrors, contentSlugs } from './harness.ts';
import { usePlaygroundSite } from './playground-site.ts';
import { replaceCode, waitForEditor } from '../playground/browser-helpers.ts';

const pw = usePlaygroundSite();

/** Waits until the editor of playground `index` has checked its code; returns the error count it found. */
async function typeErrors(page: Page, index: number): Promise<number> {
  await waitForEditor(page, index);
  await page.waitForFunction((i) => document.querySelectorAll<HTMLElement>('[data-playground]')[i]?.dataset.typeErrors !== undefined, index, { timeout: 60_000 });
  return Number(await page.evaluate((i) => document.querySelectorAll<HTMLElement>('[data-playground]')[i]!.dataset.typeErrors, index));
}

describe.each(['en', 'zh'])('every example on the %s pages opens in the editor without an error', (lang) => {
  test.each(contentSlugs().filter((s) => s !== 'playground'))('%s', async (slug) => {
    const page = await pw.context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${pw.url}${lang}/${slug}/`, { waitUntil: 'load' });
    const playgrounds = page.locator('[data-playground]');
    const count = await playgrounds.count();
    const found: Record<string, number> = {};
    for (let i = 0; i < count; i++) {
      const pg = playgrounds.nth(i);
      // A predict exercise keeps its playground inside the closed answer (tests/browser/exercises.test.ts covers exercises).
      if (!(await pg.isVisible())) continue;
      await pg.locator('[data-code]').click();
      found[(await pg.getAttribute('data-example'))!] = await typeErrors(page, i);
      expect(await pg.locator('[data-problems]').isHidden()).toBe(true);
      expect(await pg.locator('.squiggly-error').count()).toBe(0);
    }
    expect(Object.values(found).filter((n) => n > 0), JSON.stringify(found)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});

describe('a type error of the reader', () => {
  test.each([
    ['en', 'Problems (2)', 'Line 3', 'Line 4'],
    ['zh', '问题（2）', '第 3 行', '第 4 行'],
  ])('is listed beside the console on /%s/playground/, and a click goes to its line', async (lang, title, line3, line4) => {
    const page = await pw.context.newPage();
    await page.goto(`${pw.url}${lang}/playground/`, { waitUntil: 'load' });
    await waitForEditor(page);
    await replaceCode(page, "import { sleep } from 'miniloop';\nconsole.log('fine');\nawait sleep('soon');\nconst n: number = 'text';\n");
    const problems = page.locator('[data-playground] [data-problems]');
    await expect.poll(() => problems.isVisible(), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => problems.locator('.pg-problems-title').innerText()).toBe(title);
    const items = await problems.locator('button').allInnerTexts();
    expect(items.map((t) => t.split(':')[0]!.split('：')[0])).toEqual([line3, line4]);
    expect(items[0]).toMatch(/'string'.*'number'|number/);
    // A click on the second puts the cursor on line 4: what is typed lands there.
    await problems.locator('button').nth(1).click();
    await page.keyboard.press('End');
    await page.keyboard.insertText(' // here');
    await page.waitForFunction(() => {
      const lines = [...document.querySelectorAll('[data-playground] .view-line')].map((l) => l.textContent!.replace(/\u00a0/g, ' '));
      return lines.some((l) => l.startsWith('const n') && l.endsWith('// here'));
    });
    await page.close();
  }, 120_000);
});
