// Exercises as a reader meets them (issue 12), in Chromium on the built site:
// one exercise of each kind solved with the keyboard (and one line dragged),
// progress that survives a reload, hostile "solutions" that cannot mark an
// exercise solved, the page without JavaScript, a 390 px phone, and the count
// of exercises on every teaching page in both languages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { axeSerious, collectErrors, contextOptions, launchBrowser } from './harness.ts';
import { replaceCode, servePlayground, type BuiltSite } from '../playground/browser-helpers.ts';

const sites: BuiltSite[] = process.env.PLAYGROUND_DIST ? [{ name: 'dev', dir: process.env.PLAYGROUND_DIST, base: '/' }] : inject('sites').slice(0, 1);
const site = sites[0]!;
const TEACHING_PAGES = ['introduction', 'sync-and-async', 'ways-to-be-async', 'generators-and-coroutines', 'event-loop', 'asyncio', 'asyncio-by-example', 'trio', 'asyncio-vs-trio'];

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
});

async function open(path: string, ctx = context): Promise<Page> {
  const page = await ctx.newPage();
  errors.push(...collectErrors(page));
  await page.goto(url + path, { waitUntil: 'load' });
  return page;
}

const exercise = (page: Page, key: string) => page.locator(`[data-exercise="${key}"]`);
const lineTexts = (ex: Locator) => ex.locator('[data-lines] > li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.line!));

/** Replaces the code of the playground inside exercise `key` as a reader does (a click in the code loads the editor). */
async function typeProgram(page: Page, key: string, code: string): Promise<void> {
  await exercise(page, key).locator('[data-code]').click();
  const index = await page.evaluate((k) => [...document.querySelectorAll('[data-playground]')].findIndex((p) => p.closest(`[data-exercise="${k}"]`)), key);
  await replaceCode(page, code, index);
}

/** Waits for the exercise's verdict ('pass' or 'fail') and returns it with the result's text. */
async function verdict(ex: Locator): Promise<{ verdict: string; text: string }> {
  const result = ex.locator('[data-result]');
  await expect.poll(() => result.getAttribute('data-verdict'), { timeout: 30_000 }).toMatch(/pass|fail/);
  return { verdict: (await result.getAttribute('data-verdict'))!, text: (await result.textContent()) ?? '' };
}

describe('every teaching page has exercises', () => {
  // Fails until the content of issue 12 has landed on every page (exercises are written per page).
  test.each(TEACHING_PAGES.flatMap((slug) => ['en', 'zh'].map((lang) => [lang, slug])))('%s/%s has at least two [data-exercise]', (lang, slug) => {
    const html = readFileSync(join(site.dir, lang, slug, 'index.html'), 'utf8');
    expect((html.match(/ data-exercise="/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });
});

describe('solving one exercise of each kind', () => {
  test('predict the order: a wrong order says where it differs; the keyboard (Alt+Arrow) and a drag reorder; the right order passes', async () => {
    const page = await open('en/introduction/');
    const ex = exercise(page, 'introduction/gather-order');
    const right = await ex.locator('.ex-right-order li').allTextContents();
    expect(right).toEqual(['got /bb', 'got /ccc', 'got /a', 'all done: /a /bb /ccc']);
    const check = ex.getByRole('button', { name: 'Check' });
    await check.click();
    expect(await verdict(ex)).toMatchObject({ verdict: 'fail', text: expect.stringContaining('Line 1 of your order is') });

    // A drag moves a line (HTML drag and drop).
    const before = await lineTexts(ex);
    await ex.locator('[data-lines] > li').nth(before.length - 1).dragTo(ex.locator('[data-lines] > li').first(), { targetPosition: { x: 5, y: 2 } });
    const dragged = await lineTexts(ex);
    expect(dragged[0]).toBe(before[before.length - 1]);

    // The keyboard: focus each line and lift it with Alt+ArrowUp to its place; every move is announced.
    for (let i = 0; i < right.length; i++) {
      const now = await lineTexts(ex);
      const from = now.indexOf(right[i]!);
      const li = ex.locator('[data-lines] > li').nth(from);
      await li.focus();
      for (let k = from; k > i; k--) await page.keyboard.press('Alt+ArrowUp');
      if (from > i) {
        await expect.poll(() => ex.locator('.ex-sr-only[aria-live]').textContent()).toBe(`“${right[i]}” is now line ${i + 1} of ${right.length}.`);
        // Focus stays on the moved line.
        expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.line)).toBe(right[i]);
      }
    }
    expect(await lineTexts(ex)).toEqual(right);
    // Check with the keyboard too.
    await check.focus();
    await page.keyboard.press('Enter');
    expect(await verdict(ex)).toMatchObject({ verdict: 'pass' });
    await expect.poll(() => ex.locator('[data-mark]').isVisible()).toBe(true);
    await page.close();
  });

  test('predict the time (zh page): a wrong time is explained in Chinese; the right one, typed and Enter, passes', async () => {
    const page = await open('zh/event-loop/');
    const ex = exercise(page, 'event-loop/late-timer');
    const input = ex.getByLabel('这一行在虚拟时间第几 ms 打印');
    await input.fill('50');
    await input.press('Enter');
    expect(await verdict(ex)).toMatchObject({ verdict: 'fail', text: expect.stringContaining('你填的是 50 ms') });
    await input.fill('200');
    await input.press('Enter');
    expect(await verdict(ex)).toMatchObject({ verdict: 'pass', text: expect.stringContaining('200 ms') });
    await page.close();
  });

  test('find the culprit: radio choices with the keyboard; the answer says why from the run', async () => {
    const page = await open('en/event-loop/');
    const ex = exercise(page, 'event-loop/who-blocked');
    await ex.getByRole('radio', { name: 'heartbeat' }).focus();
    await page.keyboard.press('Space');
    await ex.getByRole('button', { name: 'Check' }).click();
    expect(await verdict(ex)).toMatchObject({ verdict: 'fail', text: expect.stringContaining('Not this one. The run shows task thumbnails blocking the loop') });
    await ex.getByRole('radio', { name: 'heartbeat' }).focus();
    await page.keyboard.press('ArrowDown'); // radios: the arrow selects the next one (thumbnails)
    expect(await ex.getByRole('radio', { name: 'thumbnails' }).isChecked()).toBe(true);
    await ex.getByRole('button', { name: 'Check' }).press('Enter');
    expect(await verdict(ex)).toMatchObject({ verdict: 'pass', text: expect.stringContaining('260 ms') });
    await page.close();
  });

  test('fix the program: the starter fails with the reader\'s message; a correct program written differently passes; hints come one at a time; the solution shows beside the reader\'s code', async () => {
    const page = await open('en/introduction/');
    const key = 'introduction/forgot-await';
    const ex = exercise(page, key);
    // Hints: one at a time.
    const hint = ex.getByRole('button', { name: /Show a hint \(1 of 2\)/ });
    await hint.click();
    expect(await ex.locator('.ex-hint-list li').count()).toBe(1);
    await ex.getByRole('button', { name: /Show a hint \(2 of 2\)/ }).click();
    expect(await ex.locator('.ex-hint-list li').count()).toBe(2);
    expect(await ex.getByRole('button', { name: 'All hints shown' }).isDisabled()).toBe(true);

    const check = ex.getByRole('button', { name: 'Check' });
    await check.click();
    expect(await verdict(ex)).toMatchObject({ verdict: 'fail', text: expect.stringContaining('Expected the line all saved, safe to quit after saved report') });
    // Not the reference solution: the same behaviour written with .then.
    await typeProgram(page, key, "import { sleep } from 'miniloop';\nconst save = (n: string) => sleep(100).then(() => console.log(`saved ${n}`));\nconsole.log('saving the report');\nawait save('report').then(() => console.log('all saved, safe to quit'));");
    await check.click();
    expect(await verdict(ex)).toMatchObject({ verdict: 'pass', text: expect.stringContaining('Solved: every check passes.') });
    await expect.poll(() => ex.locator('[data-mark]').isVisible()).toBe(true);
    await page.waitForTimeout(400); // the edit is saved (debounced 250 ms)
    await ex.getByText('Show the solution').click();
    await expect.poll(() => ex.locator('[data-yours]').isVisible()).toBe(true);
    expect(await ex.locator('[data-yours-code]').textContent()).toContain('.then(() => console.log');
    expect(await ex.locator('.ex-reference').textContent()).toContain("await save('report');");
    await page.close();
  });

  test('progress survives a reload, in both languages (the mark and the page count)', async () => {
    const page = await open('en/introduction/');
    await expect.poll(() => exercise(page, 'introduction/gather-order').locator('[data-mark]').isVisible()).toBe(true);
    await expect.poll(() => exercise(page, 'introduction/forgot-await').locator('[data-mark]').isVisible()).toBe(true);
    // Counts, not fixed totals: more exercises may be added to these pages.
    const total = (p: Page) => p.locator('section[data-exercise]').count();
    expect(await page.locator('[data-progress]').textContent()).toBe(`2 of ${await total(page)} solved on this page`);
    // The sidebar marks the pages with solved exercises.
    expect(await page.locator('nav.sidebar a[href$="/introduction/"] .ex-sidebar-mark').textContent()).toBe('✓22 exercises solved');
    expect(await page.locator('nav.sidebar a[href$="/event-loop/"] .ex-sidebar-mark').textContent()).toBe('✓22 exercises solved');
    expect(await page.locator('nav.sidebar a[href$="/trio/"] .ex-sidebar-mark').count()).toBe(0);
    await page.goto(url + 'zh/event-loop/');
    await expect.poll(async () => page.locator('[data-progress]').textContent()).toBe(`本页已完成 2 / ${await total(page)}`);
    expect(await exercise(page, 'event-loop/frozen-heartbeat').locator('[data-mark]').isVisible()).toBe(false);
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('miniloop-exercise:')).sort());
    expect(stored).toEqual(['miniloop-exercise:event-loop/late-timer', 'miniloop-exercise:event-loop/who-blocked', 'miniloop-exercise:introduction/forgot-await', 'miniloop-exercise:introduction/gather-order']);
    await page.close();
  });
});

describe('a hostile solution cannot mark an exercise solved', () => {
  const HOSTILE: Array<[string, string]> = [
    [
      'posts a fake pass to the page',
      `const fake = { type: 'done', id: 1, status: 'ok', problems: [], total: 0, endTime: 0, record: { nonce: 'guess', events: [], problems: [], complete: true } };
for (let id = 0; id < 50; id++) { try { (self as any).postMessage({ ...fake, id }); } catch (e) { console.log('postMessage refused'); } }
try { (self as any).parent.postMessage(fake, '*'); } catch { console.log('no parent'); }
await new Promise((r) => setTimeout(r, 100)); console.log('all saved, safe to quit'); console.log('saved report');`,
    ],
    [
      'reaches for the page and its storage',
      `for (const reach of [() => (globalThis as any).parent.document.body, () => (globalThis as any).top.location.href, () => (globalThis as any).localStorage.setItem('miniloop-exercise:event-loop/frozen-heartbeat', 'solved'), () => (globalThis as any).document.cookie]) {
  try { console.log('reached', String(reach())); } catch (e) { console.log('refused'); }
}
throw new Error('still broken');`,
    ],
    [
      // Prints every line the checks want, in time, then hides its one real fault (a 300 ms block) by
      // patching built-ins: were the block lost from the record, every check would pass.
      'patches built-ins so the record loses its failures',
      `import { blockFor } from 'miniloop';
console.log('beat 1'); console.log('beat 5'); console.log('rendered report.pdf');
Array.prototype.slice = function () { return []; } as any;
Object.defineProperty(Object.prototype, 'get', { get() { return () => 1; }, configurable: true });
(Object as any).defineProperty = (o: object) => o;
blockFor(300);`,
    ],
  ];
  test.each(HOSTILE)('%s', async (_name, code) => {
    const page = await open('en/event-loop/');
    const key = 'event-loop/frozen-heartbeat';
    const ex = exercise(page, key);
    await typeProgram(page, key, code);
    await ex.getByRole('button', { name: 'Check' }).click();
    const first = await verdict(ex);
    expect(first.verdict).toBe('fail');
    // The runtime runs on captured built-ins (src/runtime/primordials.ts), so the patches cannot hide the block: the record is whole and names it.
    if (code.includes('blockFor(300)')) expect(first.text).toMatch(/blocked it for 300\s?ms/);
    await page.waitForTimeout(500); // any late (forged) message would arrive now
    expect(await ex.locator('[data-mark]').isVisible()).toBe(false);
    expect(await ex.locator('[data-result]').getAttribute('data-verdict')).toBe('fail');
    expect(await page.evaluate((k) => localStorage.getItem(`miniloop-exercise:${k}`), key)).toBeNull();
    await page.close();
  });
});

describe('without JavaScript, and on a phone', () => {
  test('with JavaScript off every exercise reads as a question with its answer behind a disclosure', async () => {
    const noJs = await browser.newContext({ ...contextOptions, javaScriptEnabled: false });
    const page = await open('en/event-loop/', noJs);
    expect(await page.getByRole('heading', { name: 'Exercises', level: 2 }).isVisible()).toBe(true);
    for (const key of ['event-loop/late-timer', 'event-loop/who-blocked', 'event-loop/frozen-heartbeat']) {
      const ex = exercise(page, key);
      expect(await ex.locator('.ex-prompt').isVisible()).toBe(true);
      const answer = ex.locator('details[data-answer]');
      expect(await answer.getAttribute('open')).toBeNull();
      await answer.locator(':scope > summary').click();
      expect(await answer.locator('.ex-explanation').isVisible()).toBe(true);
      // No button that would do nothing.
      expect(await ex.getByRole('button', { name: 'Check' }).count()).toBe(0);
    }
    expect(await exercise(page, 'event-loop/late-timer').locator('details[data-answer]').textContent()).toContain('The run prints it at 200 ms.');
    await noJs.close();
  });

  test('at 390 px the exercises fit the screen and the order buttons are usable', async () => {
    const phone = await browser.newContext({ ...contextOptions, viewport: { width: 390, height: 844 } });
    for (const path of ['en/introduction/', 'zh/event-loop/']) {
      const page = await open(path, phone);
      await page.locator('section[data-exercises]').scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
      const box = await page.locator('section[data-exercises]').boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      await page.close();
    }
    const page = await open('en/introduction/', phone);
    const ex = exercise(page, 'introduction/gather-order');
    const before = await lineTexts(ex);
    await ex.getByRole('button', { name: `Move “${before[1]}” up` }).click();
    expect((await lineTexts(ex))[0]).toBe(before[1]);
    await phone.close();
  });

  test('axe finds nothing serious in the exercises, answered and unanswered, in both themes and languages', async () => {
    // axe is injected as a script: this context lets it past the page's CSP.
    const axeContext = await browser.newContext({ ...contextOptions, bypassCSP: true });
    for (const path of ['en/event-loop/', 'zh/introduction/']) {
      const page = await open(path, axeContext);
      await page.emulateMedia({ colorScheme: 'light' });
      // Show a verdict, a hint and an answer in each exercise that has a Check without a run.
      for (const ex of await page.locator('section[data-exercise]').all()) {
        if ((await ex.getAttribute('data-kind')) !== 'fix') await ex.locator('[data-check]').click();
        await ex.locator('[data-hint]').click();
        await ex.locator('details[data-answer] > summary').click();
      }
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await axeSerious(page), `${path} ${colorScheme}`).toEqual([]);
      }
      await page.close();
    }
    await axeContext.close();
  });

  test('no console error on the pages with exercises', () => {
    expect(errors).toEqual([]);
  });
});
