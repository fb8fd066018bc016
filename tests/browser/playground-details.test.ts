// Smaller things a reader meets (issue 10.6-10.9), each as the reader sees it:
// keyboard users are not trapped in the editor and follow Run/Stop; a browser
// API such as fetch gets a plain explanation; a compile error marks the old
// timeline as stale; the inline editor grows with its code.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { contextOptions } from './harness.ts';
import { usePlaygroundSite } from './playground-site.ts';
import { consoleNotes, replaceCode, shareHash, waitForEditor, waitForRunEnd } from '../playground/browser-helpers.ts';

const pw = usePlaygroundSite();

const active = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return e ? Object.keys(e.dataset).join(',') || e.tagName.toLowerCase() : '';
  });

describe('keyboard (10.6)', () => {
  test('Run moves focus to Stop while the run goes; Escape stops it; focus returns to Run', async () => {
    const page = await pw.context.newPage();
    await page.goto(`${pw.url}en/playground/${shareHash("console.log('spin');\nwhile (true) {}\n")}`, { waitUntil: 'load' });
    await waitForEditor(page);
    const pg = page.locator('[data-playground]');
    expect(await pg.getByRole('button', { name: 'Stop' }).getAttribute('aria-keyshortcuts')).toBe('Escape');
    await pg.getByRole('button', { name: 'Run' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-playground]')?.dataset.state === 'running');
    expect(await active(page)).toBe('stop');
    await page.keyboard.press('Escape');
    expect(await waitForRunEnd(page)).toBe('stopped');
    expect(await active(page)).toBe('run');
    await page.close();
  });

  test('Tab indents in the editor; Escape then Tab leaves it, as its label says', async () => {
    const page = await pw.context.newPage();
    await page.goto(`${pw.url}en/introduction/`, { waitUntil: 'load' });
    const pg = page.locator('[data-playground]').first();
    await pg.locator('[data-code]').click();
    await waitForEditor(page);
    expect(await pg.locator('.monaco-editor [aria-label*="Escape then Tab leaves the editor"]').count()).toBeGreaterThan(0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'))).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'))).toBe(false);
    expect(await active(page)).toBe('console');
    await page.close();
  });
});

describe('browser APIs (10.7)', () => {
  test.each([
    ['en', 'Run', /no network[\s\S]*http\.request/],
    ['zh', '运行', /不能联网[\s\S]*http\.request/],
  ])('await fetch() on /%s/ says plainly there is no network and points at the http client', async (lang, run, note) => {
    const page = await pw.context.newPage();
    await page.goto(`${pw.url}${lang}/playground/${shareHash("const response = await fetch('https://example.com/');\nconsole.log(response);\n")}`, { waitUntil: 'load' });
    await page.locator('[data-playground]').getByRole('button', { name: run, exact: true }).click();
    expect(await waitForRunEnd(page)).toBe('failed');
    const notes = await consoleNotes(page);
    expect(notes).not.toMatch(/deadlock/);
    expect(notes).toMatch(note);
    await page.close();
  });
});

describe('compile error after a run (10.8)', () => {
  test('the previous timeline is marked stale', async () => {
    const page = await pw.context.newPage();
    await page.goto(`${pw.url}en/playground/${shareHash("import { sleep } from 'miniloop';\nawait sleep(10);\nconsole.log('ran');\n")}`, { waitUntil: 'load' });
    await waitForEditor(page);
    const pg = page.locator('[data-playground]');
    await pg.getByRole('button', { name: 'Run' }).click();
    expect(await waitForRunEnd(page)).toBe('ok');
    const timeline = pg.locator('[data-timeline]');
    await expect.poll(() => timeline.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await timeline.getAttribute('data-stale')).toBeNull();
    await replaceCode(page, 'const x = ;');
    await pg.getByRole('button', { name: 'Run' }).click();
    expect(await waitForRunEnd(page)).toBe('compile-error');
    expect(await timeline.getAttribute('data-stale')).toBe('');
    expect(await timeline.locator('.pg-timeline-stale').innerText()).toBe('This timeline is from the previous run; the code has changed since.');
    // A good run draws a fresh timeline, no longer stale.
    await replaceCode(page, "console.log('again');");
    await pg.getByRole('button', { name: 'Run' }).click();
    expect(await waitForRunEnd(page)).toBe('ok');
    await expect.poll(() => timeline.getAttribute('data-stale')).toBeNull();
    await page.close();
  });
});

describe('the inline editor grows (10.9)', () => {
  test('lines added make it taller; the last line stays in view', async () => {
    const page = await pw.context.newPage();
    await page.goto(`${pw.url}en/introduction/`, { waitUntil: 'load' });
    const pg = page.locator('[data-playground]').first();
    await pg.locator('[data-code]').click();
    await waitForEditor(page);
    const host = pg.locator('.pg-editor');
    const before = (await host.boundingBox())!.height;
    await page.keyboard.press('ControlOrMeta+End');
    for (let i = 0; i < 12; i++) await page.keyboard.insertText(`\nconsole.log(${i});`);
    await expect.poll(async () => (await host.boundingBox())!.height).toBeGreaterThan(before + 12 * 15);
    const last = await page.evaluate(() => {
      const root = document.querySelector('[data-playground] .pg-editor')!;
      const lines = [...root.querySelectorAll('.view-line')].filter((l) => l.textContent!.includes('console.log(11)'));
      const box = root.getBoundingClientRect();
      const line = lines[0]?.getBoundingClientRect();
      return line ? { inside: line.bottom <= box.bottom && line.top >= box.top } : { inside: false };
    });
    expect(last.inside).toBe(true);
    await page.close();
  });
});

describe('console (10.13)', () => {
  test('times are rounded, with the exact value on hover', async () => {
    const page = await pw.context.newPage();
    await page.goto(`${pw.url}en/playground/${shareHash("import { sleep } from 'miniloop';\nawait sleep(580.013);\nconsole.log('late');\n")}`, { waitUntil: 'load' });
    await page.locator('[data-playground]').getByRole('button', { name: 'Run' }).click();
    expect(await waitForRunEnd(page)).toBe('ok');
    const time = page.locator('[data-playground] .pg-line .pg-t').first();
    expect(await time.innerText()).toBe('580 ms');
    expect(await time.getAttribute('title')).toBe('580.013 ms exactly');
    await page.close();
  });

  test('Clear does not cover the first line in a narrow console', async () => {
    const phone = await pw.browser.newContext({ ...contextOptions, viewport: { width: 390, height: 844 } });
    const page = await phone.newPage();
    await page.goto(`${pw.url}en/introduction/`, { waitUntil: 'load' });
    const pg = page.locator('[data-playground]').first();
    await pg.getByRole('button', { name: 'Run' }).click();
    expect(await waitForRunEnd(page)).toBe('ok');
    // Scrolled to the top and measured in one go (a late draw may scroll the console to its end).
    const overlaps = await pg.locator('[data-console]').evaluate((panel) => {
      panel.scrollTop = 0;
      const clear = panel.parentElement!.querySelector('[data-clear]')!.getBoundingClientRect();
      return [panel.querySelector('details.pg-run-block > summary')!, panel.querySelector('.pg-line')!].map((e) => {
        const box = e.getBoundingClientRect();
        return clear.left < box.right && box.left < clear.right && clear.top < box.bottom && box.top < clear.bottom;
      });
    });
    expect(overlaps).toEqual([false, false]);
    await phone.close();
  });
});

describe('saved edits, Reset and the editor theme (10.14)', () => {
  test('a saved edit comes back highlighted with an "edited" badge; Reset can be undone', async () => {
    const own = await pw.browser.newContext(contextOptions);
    const page = await own.newPage();
    await page.goto(`${pw.url}en/introduction/`, { waitUntil: 'load' });
    const pg = page.locator('[data-playground]').first();
    const badge = pg.locator('[data-edited]');
    expect(await badge.isHidden()).toBe(true);
    await pg.locator('[data-code]').click();
    await waitForEditor(page);
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText("\nconsole.log('mine');");
    await expect.poll(() => badge.isVisible()).toBe(true);
    await page.waitForTimeout(400); // the save is debounced
    await page.reload({ waitUntil: 'load' });
    // Without any interaction: the editor shows the saved code, highlighted, with the badge.
    await waitForEditor(page);
    expect(await badge.innerText()).toBe('edited');
    expect(await badge.isVisible()).toBe(true);
    expect(await pg.locator('.monaco-editor .view-lines').innerText()).toContain("console.log('mine');");
    const tokenClasses = await pg.locator('.monaco-editor .view-line span span').evaluateAll((spans) => new Set(spans.map((s) => s.className)).size);
    expect(tokenClasses).toBeGreaterThan(2);
    // Reset, then Undo.
    await pg.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => pg.locator('.monaco-editor .view-lines').innerText()).not.toContain('mine');
    expect(await badge.isHidden()).toBe(true);
    expect(await pg.locator('[data-status]').innerText()).toContain('Back to the example.');
    await pg.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => pg.locator('.monaco-editor .view-lines').innerText()).toContain('mine');
    expect(await badge.isVisible()).toBe(true);
    await page.reload({ waitUntil: 'load' });
    await waitForEditor(page);
    expect(await pg.locator('.monaco-editor .view-lines').innerText()).toContain("console.log('mine');");
    await own.close();
  });

  test('in the dark theme the editor keeps the background of the highlighted code it replaces', async () => {
    const dark = await pw.browser.newContext({ ...contextOptions, colorScheme: 'dark' });
    const page = await dark.newPage();
    await page.goto(`${pw.url}en/introduction/`, { waitUntil: 'load' });
    const pg = page.locator('[data-playground]').first();
    const staticBg = await pg.locator('[data-code] .astro-code').evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(staticBg).not.toBe('rgb(255, 255, 255)');
    await pg.locator('[data-code]').click();
    await waitForEditor(page);
    await expect.poll(() => pg.locator('.monaco-editor-background').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(staticBg);
    await dark.close();
  });
});

describe('createTask with an already-started promise (10.5)', () => {
  test.each([
    ['en', 'has already started, in the caller'],
    ['zh', '在调用方里就已经开始执行'],
  ])('the editor says so on /%s/ (a warning on the call, not an error)', async (lang, note) => {
    const page = await pw.context.newPage();
    const code = "import { createTask, sleep } from 'miniloop';\nasync function worker(ms: number) { await sleep(ms); }\nconst a = createTask(worker(100));\nconst b = createTask(() => worker(100));\nawait a;\nawait b;\n";
    await page.goto(`${pw.url}${lang}/playground/${shareHash(code)}`, { waitUntil: 'load' });
    await waitForEditor(page);
    const pg = page.locator('[data-playground]');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-playground]')?.dataset.typeErrors !== undefined, null, { timeout: 60_000 });
    expect(await pg.getAttribute('data-type-errors')).toBe('0');
    // One warning: on worker in createTask(worker(100)), none on the function form.
    await expect.poll(() => pg.locator('.squiggly-warning').count(), { timeout: 30_000 }).toBe(1);
    const box = (await pg.locator('.squiggly-warning').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(async () => (await page.locator('.monaco-hover:not(.hidden)').allInnerTexts()).join('\n'), { timeout: 30_000 }).toContain(note);
    await page.close();
  });
});
