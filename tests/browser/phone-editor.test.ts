// The phone editor (issue 10.10), in Chromium at 390x844 with a touch screen:
// tapping the code opens the light editor (src/playground/light-editor.ts),
// not Monaco; it shows line numbers and highlighted tokens, in both themes and
// both languages; typing edits the program and Run runs the edited code; the
// textarea is the one labelled control, Tab indents, Escape then Tab leaves,
// Ctrl+Enter runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectErrors, contextOptions, launchBrowser, ROOT } from './harness.ts';
import { consoleLines, consoleNotes, servePlayground, waitForRunEnd, type BuiltSite } from '../playground/browser-helpers.ts';

const sites: BuiltSite[] = process.env.PLAYGROUND_DIST ? [{ name: 'dev', dir: process.env.PLAYGROUND_DIST, base: '/' }] : inject('sites');
const ui = (lang: string): Record<string, string> => JSON.parse(readFileSync(join(ROOT, `src/i18n/${lang}.json`), 'utf8'));
const HELLO_LINES = readFileSync(join(ROOT, 'content/examples/introduction/hello.ts'), 'utf8').replace(/\n$/, '').split('\n').length;
/** Requests that mean Monaco was downloaded. */
const MONACO = /editor\.api|ts\.worker|editor\.worker|monaco|tsMode/;
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } as const;

/** What the editor of playground 0 shows: gutter numbers, highlighted tokens by kind, the textarea's name. */
function editorState(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-playground]')!;
    const editor = root.querySelector('.pg-light')!;
    const textarea = editor.querySelector('textarea')!;
    const colours = editor.querySelector<HTMLElement>('.pg-light-hl')!;
    const kinds: Record<string, string[]> = {};
    for (const span of colours.querySelectorAll('span[class^="tok-"]')) (kinds[span.className.slice(4)] ??= []).push(span.textContent ?? '');
    const colourOf = (sel: string) => getComputedStyle(colours.querySelector(sel) ?? colours).color;
    const [a, b] = [textarea.getBoundingClientRect(), colours.getBoundingClientRect()];
    const style = (e: Element) => { const s = getComputedStyle(e); return `${s.font}|${s.paddingTop}|${s.paddingLeft}|${s.whiteSpace}`; };
    return {
      gutter: editor.querySelector('.pg-light-gutter')!.textContent!.split('\n'),
      kinds,
      keyword: colourOf('.tok-keyword'),
      plain: getComputedStyle(colours).color,
      textColour: getComputedStyle(textarea).color,
      hidden: [...editor.querySelectorAll('[aria-hidden="true"]')].map((e) => e.className),
      aligned: a.left === b.left && a.top === b.top && style(textarea) === style(colours),
      copy: colours.textContent!.replace(/ $/, '') === textarea.value,
    };
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(sites)('the phone editor on the $name build', (site) => {
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ url, close } = await servePlayground(site));
  });
  afterAll(async () => {
    await close?.();
  });

  const openPhone = async (lang: 'en' | 'zh', colorScheme: 'light' | 'dark'): Promise<{ context: BrowserContext; page: Page; requests: string[]; errors: string[] }> => {
    const context = await browser.newContext({ ...contextOptions, ...PHONE, colorScheme });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors = collectErrors(page);
    await page.goto(`${url}${lang}/introduction/`);
    await page.locator('[data-playground] [data-code] pre').first().tap();
    await page.locator('[data-playground] .pg-light textarea').first().waitFor();
    return { context, page, requests, errors };
  };

  test('en, light: line numbers and highlighted tokens; typing edits the program and Run runs the edit', async () => {
    const { context, page, requests, errors } = await openPhone('en', 'light');
    const pg = page.locator('[data-playground]').first();
    const textarea = pg.getByRole('textbox', { name: ui('en')['playground.editor'] });
    await expect.poll(() => textarea.count()).toBe(1);
    const before = await editorState(page);
    expect(before.gutter).toEqual(Array.from({ length: HELLO_LINES }, (_, i) => String(i + 1)));
    expect(before.kinds.keyword).toEqual(expect.arrayContaining(['import', 'from', 'async', 'await', 'const']));
    expect(before.kinds.string).toEqual(expect.arrayContaining(["'miniloop'"]));
    expect(before.keyword).toBe('rgb(207, 34, 46)'); // Primer light red, not the plain text colour
    expect(before.keyword).not.toBe(before.plain);
    expect(before.textColour).toBe('rgba(0, 0, 0, 0)'); // the textarea's own text is transparent: the colours show through
    expect(before.hidden.sort()).toEqual(['pg-light-gutter', 'pg-light-hl']);
    expect(before.aligned).toBe(true);
    expect(before.copy).toBe(true);

    // Type a new program on the (virtual) keyboard.
    await textarea.tap();
    await textarea.press('Control+A');
    await textarea.press('Delete');
    await page.keyboard.type("import { sleep } from 'miniloop';\nawait sleep(5);\n// a comment\nconsole.log('from a phone', 42);");
    const after = await editorState(page);
    expect(after.gutter).toEqual(['1', '2', '3', '4']);
    expect(after.kinds).toMatchObject({ string: ["'miniloop'", "'from a phone'"], number: ['5', '42'], comment: ['// a comment'] });
    expect(after.copy).toBe(true);
    await pg.getByRole('button', { name: ui('en')['playground.run'] }).tap();
    expect(await waitForRunEnd(page)).toBe('ok');
    expect(await consoleLines(page)).toEqual(['from a phone 42']);
    expect(await consoleNotes(page)).toContain('Finished at 5 ms');
    expect(requests.filter((r) => MONACO.test(r))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('zh, dark: the label in Chinese, the dark palette, and the keyboard (Tab indents, Enter keeps the indent, Ctrl+Enter runs, Escape then Tab leaves)', async () => {
    const { context, page } = await openPhone('zh', 'dark');
    const pg = page.locator('[data-playground]').first();
    const textarea = pg.getByRole('textbox', { name: ui('zh')['playground.editor'] });
    await expect.poll(() => textarea.count()).toBe(1);
    const state = await editorState(page);
    expect(state.keyword).toBe('rgb(255, 123, 114)'); // Primer dark red
    expect(state.gutter.length).toBeGreaterThan(1);

    await textarea.focus();
    await textarea.press('Control+A');
    await textarea.press('Delete');
    await page.keyboard.type('if (true) {');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type("console.log('缩进');");
    await page.keyboard.press('Enter');
    await page.keyboard.type('}');
    expect(await textarea.inputValue()).toBe("if (true) {\n  console.log('缩进');\n  }");
    expect((await editorState(page)).gutter).toEqual(['1', '2', '3']);

    await page.keyboard.press('Control+Enter');
    expect(await waitForRunEnd(page)).toBe('ok');
    expect(await consoleLines(page)).toEqual(['缩进']);

    await textarea.focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName === 'TEXTAREA')).toBe(false);
    expect(await textarea.inputValue()).toBe("if (true) {\n  console.log('缩进');\n  }");
    await context.close();
  });
});
