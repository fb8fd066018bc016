// The playground as a reader uses it, in Chromium on the built site: run an
// example (output equals its .out), from an /en/ page, a /zh/ page and the
// full-page playground, in both builds; the static HTML before interaction
// (no editor or compiler bytes, readable with JavaScript off); edits kept
// across reloads; Reset; Share links that open the full playground without
// running; Stop; compile errors. The phone editor: tests/browser/phone-editor.test.ts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectErrors, contextOptions, launchBrowser, ROOT, trackRequests } from './harness.ts';
import { consoleLines, consoleNotes, replaceCode, servePlayground, shareHash, waitForEditor, waitForRunEnd, type BuiltSite } from '../playground/browser-helpers.ts';

const example = (id: string, ext: 'ts' | 'out') => readFileSync(join(ROOT, 'content/examples', `${id}.${ext}`), 'utf8').replace(/\n$/, '');
const HELLO_OUT = example('introduction/hello', 'out').split('\n');
/** The Chinese pages show the example's zh variant (translated strings). */
const HELLO_ZH_OUT = example('introduction/hello.zh', 'out').split('\n');
const sites: BuiltSite[] = process.env.PLAYGROUND_DIST ? [{ name: 'dev', dir: process.env.PLAYGROUND_DIST, base: '/' }] : inject('sites');
/** Requests that mean the editor or the compiler was downloaded. */
const HEAVY = /esbuild|\.wasm|editor\.api|ts\.worker|editor\.worker|monaco|tsMode|miniloop-runner/;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(sites)('playground on the $name build (base $base)', (site) => {
  let url: string;
  let close: () => Promise<void>;
  let context: BrowserContext;
  const offHost: string[] = [];
  const errors: string[] = [];
  const open = async (path: string): Promise<Page> => {
    const page = await context.newPage();
    errors.push(...collectErrors(page));
    const requests = trackRequests(page);
    page.on('close', () => offHost.push(...requests.offHost()));
    await page.goto(url + path, { waitUntil: 'load' });
    return page;
  };
  beforeAll(async () => {
    ({ url, close } = await servePlayground(site));
    context = await browser.newContext(contextOptions);
  });
  afterAll(async () => {
    await context?.close();
    await close?.();
    // Every request of this suite stayed on 127.0.0.1.
    expect(offHost).toEqual([]);
  });

  test('an /en/ page: static before interaction, then Run prints the .out', async () => {
    const page = await context.newPage();
    const seen: string[] = [];
    page.on('request', (r) => seen.push(r.url()));
    await page.goto(`${url}en/introduction/`, { waitUntil: 'networkidle' });
    const pg = page.locator('[data-playground]').first();
    // Highlighted at build time, expected output on the page, nothing heavy loaded.
    expect(await pg.locator('[data-code] .astro-code').innerText()).toContain("import { createTask, now, sleep } from 'miniloop';");
    expect(await pg.locator('[data-expected] pre').innerText()).toBe(HELLO_OUT.join('\n'));
    expect(seen.filter((u) => HEAVY.test(u))).toEqual([]);
    expect(await pg.getByRole('log', { name: 'Console' }).count()).toBe(1);

    // When the first line is on the page (the editor's bundle may only be asked for after it has painted).
    await page.evaluate(() => {
      const w = window as unknown as { firstLineAt?: number };
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[data-playground] .pg-line')) return;
        w.firstLineAt = performance.now();
        observer.disconnect();
      }).observe(document.body, { subtree: true, childList: true });
    });
    await pg.getByRole('button', { name: 'Run' }).click();
    expect(await waitForRunEnd(page)).toBe('ok');
    expect(await consoleLines(page)).toEqual(HELLO_OUT);
    await waitForEditor(page);
    const order = await page.evaluate(() => ({
      firstLineAt: (window as unknown as { firstLineAt: number }).firstLineAt,
      editorAskedAt: Math.min(...performance.getEntriesByType('resource').filter((e) => /editor\.api|monaco/.test(e.name)).map((e) => e.startTime)),
    }));
    // order of events: the editor's bundle was requested after the first line painted.
    expect(order.editorAskedAt).toBeGreaterThan(order.firstLineAt);
    // Each line carries its virtual time and task.
    expect(await pg.locator('.pg-line .pg-t').allInnerTexts()).toEqual(['0 ms', '0 ms', '100 ms', '300 ms', '300 ms']);
    expect(await consoleNotes(page)).toContain('Finished at 300 ms');
    // The unmodified example ran as the build compiled it: no compiler was loaded.
    expect(await pg.getAttribute('data-compiled')).toBe('build');
    expect(seen.filter((u) => /esbuild|\.wasm/.test(u))).toEqual([]);
    // A second run gets its own block; the first one is collapsed.
    await pg.getByRole('button', { name: 'Run' }).click();
    expect(await waitForRunEnd(page)).toBe('ok');
    expect(await pg.locator('details.pg-run-block').count()).toBe(2);
    expect(await pg.locator('details.pg-run-block').first().getAttribute('open')).toBeNull();
    await page.close();
  });

  test('readable with JavaScript off', async () => {
    const noJs = await browser.newContext({ ...contextOptions, javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${url}en/introduction/`);
    const pg = page.locator('[data-playground]').first();
    expect(await pg.locator('[data-code]').innerText()).toContain('all done at');
    expect(await pg.locator('[data-expected] pre').innerText()).toBe(HELLO_OUT.join('\n'));
    // No buttons that would do nothing.
    expect(await pg.getByRole('button', { name: 'Run' }).isVisible()).toBe(false);
    await noJs.close();
  });

  test('a /zh/ page: Chinese names, its Chinese example, Ctrl+Enter', async () => {
    const page = await open('zh/introduction/');
    const pg = page.locator('[data-playground]').first();
    for (const name of ['运行', '停止', '重置', '分享']) expect(await pg.getByRole('button', { name }).count()).toBe(1);
    expect(await pg.getByRole('log', { name: '控制台' }).count()).toBe(1);
    await pg.locator('[data-code] pre').focus();
    await page.keyboard.press('Control+Enter');
    expect(await waitForRunEnd(page)).toBe('ok');
    expect(await consoleLines(page)).toEqual(HELLO_ZH_OUT);
    expect(await consoleNotes(page)).toContain('在虚拟时间 300 ms 结束');
    await page.close();
  });

  test("a /zh/ page: the runtime's stops (a deadlock, a budget) are written in Chinese, as in the CLI with --lang zh", async () => {
    const page = await open('zh/introduction/');
    const pg = page.locator('[data-playground]').first();
    await pg.locator('[data-code] pre').click();
    await replaceCode(page, "import { Event } from 'miniloop';\nawait new Event().wait();");
    await pg.getByRole('button', { name: '运行' }).click();
    expect(await waitForRunEnd(page)).toBe('failed');
    expect(await consoleNotes(page)).toContain('死锁：所有任务都在等待，没有任何事件能唤醒它们：\n  任务 main 在等待 event#1');
    await replaceCode(page, "import { sleep } from 'miniloop';\nwhile (true) await sleep(0);");
    await pg.getByRole('button', { name: '运行' }).click();
    expect(await waitForRunEnd(page)).toBe('failed');
    expect(await consoleNotes(page)).toContain('步数上限：程序执行了超过 300,000 步');
    // Its edits are saved in the context the next tests share: Reset forgets them (the stale-edit test counts saved edits).
    await pg.getByRole('button', { name: '重置' }).click();
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('miniloop-playground:')).length)).toBe(0);
    await page.close();
  });

  test('edits survive a reload; Reset restores the example', async () => {
    const page = await open('en/introduction/');
    const seen: string[] = [];
    page.on('request', (r) => seen.push(r.url()));
    const pg = page.locator('[data-playground]').first();
    await pg.locator('[data-code] pre').click();
    await page.waitForSelector('[data-playground] .monaco-editor textarea', { timeout: 20_000 });
    // Opening the editor loads no compiler; the first edit starts it (before Run).
    expect(seen.filter((u) => u.endsWith('.wasm'))).toEqual([]);
    await page.keyboard.press('Control+End');
    await page.keyboard.type("\nconsole.log('edited');");
    await expect.poll(() => seen.some((u) => u.startsWith(url) && u.endsWith('.wasm')), { timeout: 30_000 }).toBe(true);
    await page.waitForTimeout(400); // the save is debounced
    await page.reload({ waitUntil: 'load' });
    const again = page.locator('[data-playground]').first();
    await page.waitForFunction(() => document.querySelector('[data-playground] [data-code]')?.textContent?.includes("console.log('edited');"));
    await again.getByRole('button', { name: 'Run' }).click();
    expect(await waitForRunEnd(page)).toBe('ok');
    expect(await consoleLines(page)).toEqual([...HELLO_OUT, 'edited']);
    // An edit is compiled in the page, by the compiler whose wasm comes from this site, under the base path.
    expect(await again.getAttribute('data-compiled')).toBe('page');
    expect(seen.some((u) => u.startsWith(url) && u.endsWith('.wasm'))).toBe(true);
    await again.getByRole('button', { name: 'Reset' }).click();
    await page.reload({ waitUntil: 'load' });
    const first = page.locator('[data-playground]').first();
    expect(await first.locator('[data-code]').innerText()).not.toContain('edited');
    expect(await first.locator('[data-code] .astro-code').count()).toBe(1);
    await page.close();
  });

  test('an edit of an older version of the example is offered beside the new one', async () => {
    const page = await open('en/introduction/');
    await page.evaluate(() => {
      const root = document.querySelector<HTMLElement>('[data-playground]')!;
      localStorage.setItem(`miniloop-playground:${root.dataset.page}|${root.dataset.example}|0badc0de`, "console.log('my old edit');");
    });
    await page.reload({ waitUntil: 'load' });
    const pg = page.locator('[data-playground]').first();
    const notice = pg.locator('[data-notice]');
    await expect.poll(() => notice.innerText().catch(() => '')).toContain('This example changed since you edited it');
    // The code view's text, static or in the editor (which draws spaces as no-break spaces).
    const codeText = async () => (await pg.locator('[data-code]').innerText()).replace(/\u00a0/g, ' ');
    expect(await codeText()).toContain('my old edit');
    await notice.getByRole('button', { name: 'Use the new version' }).click();
    await expect.poll(codeText).toContain('all done at');
    // No edit of this example is kept (old or new); edits of other pages' tests in this shared context are not counted.
    const kept = await page.evaluate(() => {
      const root = document.querySelector<HTMLElement>('[data-playground]')!;
      const prefix = `miniloop-playground:${root.dataset.page}|${root.dataset.example}|`;
      return Object.keys(localStorage).filter((k) => k.startsWith(prefix));
    });
    expect(kept).toEqual([]);
    await page.close();
  });

  test('Share copies a link that opens the full playground with the code, not run until Run, without expected output', async () => {
    // The clipboard refused (as a browser may): the link is shown to copy by hand.
    const refusing = await browser.newContext(contextOptions);
    await refusing.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
    });
    const page = await refusing.newPage();
    await page.goto(`${url}en/introduction/`, { waitUntil: 'load' });
    const pg = page.locator('[data-playground]').first();
    await pg.getByRole('button', { name: 'Share' }).click();
    const link = await pg.locator('[data-share-link]').getAttribute('href');
    expect(link).toMatch(new RegExp(`^${url}en/playground/#code=`));
    await refusing.close();
    // The clipboard took it: the status says so, and the address does not crowd the toolbar.
    const allowed = await browser.newContext({ ...contextOptions, permissions: ['clipboard-read', 'clipboard-write'] });
    const copier = await allowed.newPage();
    await copier.goto(`${url}en/introduction/`, { waitUntil: 'load' });
    const first = copier.locator('[data-playground]').first();
    await first.getByRole('button', { name: 'Share' }).click();
    await expect.poll(() => first.locator('[data-status]').innerText()).toBe('Link copied to the clipboard.');
    expect(await first.locator('[data-share-link]').count()).toBe(0);
    expect(await copier.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await allowed.close();

    const shared = await open(link!.slice(url.length));
    const full = shared.locator('[data-playground][data-full]');
    await shared.waitForFunction(() => document.querySelector('[data-playground]')?.hasAttribute('data-mounted'));
    expect(await full.locator('[data-notice]').innerText()).toContain('runs only when you click Run');
    // A shared program has no expected output.
    expect(await full.locator('[data-expected]').count()).toBe(0);
    await shared.waitForTimeout(1000);
    expect(await full.locator('details.pg-run-block').count()).toBe(0);
    expect(await full.getAttribute('data-state')).toBeNull();
    await full.getByRole('button', { name: 'Run' }).click();
    expect(await waitForRunEnd(shared)).toBe('ok');
    expect(await consoleLines(shared)).toEqual(HELLO_OUT);
    // Once it has run, the notice has said what it had to say.
    expect(await full.locator('[data-notice]').isHidden()).toBe(true);
    await shared.close();
  });

  test('the full-page playground runs its example', async () => {
    const page = await open('zh/playground/');
    const full = page.locator('[data-playground][data-full]');
    await full.getByRole('button', { name: '运行' }).click();
    expect(await waitForRunEnd(page)).toBe('ok');
    expect(await consoleLines(page)).toEqual(HELLO_ZH_OUT);
    await page.close();
  });

  test('the full page starts from any example of the gallery', async () => {
    const page = await open('en/playground/');
    const full = page.locator('[data-playground][data-full]');
    await full.getByRole('navigation', { name: 'Examples of the guide' }).locator('button[data-example-id="asyncio/timeouts"]').click();
    await full.getByRole('button', { name: 'Run' }).click();
    expect(await waitForRunEnd(page)).toBe('ok');
    expect(await consoleLines(page)).toEqual(example('asyncio/timeouts', 'out').split('\n'));
    await page.close();
  });

  test('a warning is shown as one', async () => {
    const page = await open(`en/playground/${shareHash("console.log('fine');\nconsole.warn('a warning, for the console panel');\n")}`);
    const full = page.locator('[data-playground][data-full]');
    await full.getByRole('button', { name: 'Run' }).click();
    expect(await waitForRunEnd(page)).toBe('ok');
    expect(await full.locator('.pg-line[data-level="warn"] .pg-text').allInnerTexts()).toEqual(['a warning, for the console panel']);
    await page.close();
  });

  test('Stop ends a run at once; the next run works', async () => {
    const code = "import { sleep } from 'miniloop';\nconsole.log('before');\nconst end = Date.now() + 1e9; let i = 0;\nwhile (true) { i++; }\n";
    const page = await open(`en/playground/${shareHash(code)}`);
    const full = page.locator('[data-playground]');
    await full.getByRole('button', { name: 'Run' }).click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-playground]')?.dataset.state === 'running');
    await page.waitForTimeout(300);
    // "At once": within the click's own task the frame (and with it the worker) is gone and the run has ended;
    // no clock is read (the figure, click to stopped, is in npm run bench:web).
    const stop = await page.evaluate(() => {
      const root = document.querySelector<HTMLElement>('[data-playground]')!;
      const frame = document.querySelector('iframe[sandbox]');
      root.querySelector<HTMLButtonElement>('[data-stop]')!.click();
      return { frameGone: frame !== null && !frame.isConnected, state: root.dataset.state };
    });
    expect(stop).toEqual({ frameGone: true, state: 'stopped' });
    expect(await consoleNotes(page)).toContain('Stopped.');
    // Replace the code in the editor and run again: a fresh worker serves it.
    await replaceCode(page, "console.log('after stop');");
    await full.getByRole('button', { name: 'Run' }).click();
    expect(await waitForRunEnd(page)).toBe('ok');
    expect(await consoleLines(page)).toEqual(['after stop']);
    await page.close();
  });

  test('a compile error: marker at its line and column, message in the console, nothing runs', async () => {
    const code = "console.log('must not run');\nconst x = ;\n";
    const page = await open(`en/playground/${shareHash(code)}`);
    const full = page.locator('[data-playground]');
    await full.getByRole('button', { name: 'Run' }).click();
    expect(await waitForRunEnd(page)).toBe('compile-error');
    expect(await consoleNotes(page)).toMatch(/Compile error at line 2, column 11: Unexpected ";"/);
    expect(await consoleLines(page)).toEqual([]);
    await page.waitForSelector('[data-playground] .monaco-editor .squiggly-error', { timeout: 30_000 });
    await page.close();
  });

  test("an uncaught error's stack points at the reader's line; a deadlock is explained", async () => {
    const page = await open(`en/playground/${shareHash(example('playground/errors', 'ts'))}`);
    await page.getByRole('button', { name: 'Run' }).click();
    expect(await waitForRunEnd(page)).toBe('failed');
    expect(await consoleLines(page)).toEqual(example('playground/errors', 'out').split('\n'));
    expect(await consoleNotes(page)).toMatch(/Error: not a number: forty-two\n\s+at parse \(main\.ts:6:\d+\)/);
    await replaceCode(page, "import { Event } from 'miniloop';\nawait new Event().wait();");
    await page.getByRole('button', { name: 'Run' }).click();
    expect(await waitForRunEnd(page)).toBe('failed');
    expect(await consoleNotes(page)).toMatch(/deadlock: every task is waiting/);
    await page.close();
  });

  test('an async generator program loads the parser from the site and prints what V8 prints', async () => {
    // yield* over a sync iterable and a return through finally: the compiler mends esbuild's
    // lowering with acorn, which the page fetches (from this site) only for such programs.
    const code = `async function* outer() { const r = yield* [1, Promise.resolve(2)]; try { return Promise.resolve(r); } finally { await null; console.log('fin'); } }
(async () => { for await (const v of outer()) console.log('v', v); console.log('done'); })();
Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2')).then(() => console.log('p3')).then(() => console.log('p4')).then(() => console.log('p5'));`;
    const dir = mkdtempSync(join(tmpdir(), 'agen-'));
    writeFileSync(join(dir, 'p.mjs'), code);
    const v8 = execFileSync(process.execPath, [join(dir, 'p.mjs')], { encoding: 'utf8' }).trimEnd().split('\n');
    const page = await open(`en/playground/${shareHash(code)}`);
    const chunks: string[] = [];
    page.on('request', (r) => chunks.push(r.url()));
    await page.getByRole('button', { name: 'Run' }).click();
    expect(await waitForRunEnd(page)).toBe('ok');
    expect(await consoleLines(page)).toEqual(v8);
    expect(chunks.filter((u) => /acorn/.test(u))).toHaveLength(1);
    await page.close();
  });

  test('a program the page compiles shares one lowered body between the calls of an async function', async () => {
    // compiler/shared-bodies.ts runs in the page too (its own chunk, with eslint-scope): what a
    // lowered function's source shows says whether it ran. Nothing else a program sees differs.
    const code = `const f = async (x: number) => { await null; return x * 2; };
console.log(String(f).includes('__asyncBody') ? 'shared' : 'made per call', await f(1), await f(2));`;
    const page = await open(`en/playground/${shareHash(code)}`);
    const chunks: string[] = [];
    page.on('request', (r) => chunks.push(r.url()));
    await page.getByRole('button', { name: 'Run' }).click();
    expect(await waitForRunEnd(page)).toBe('ok');
    expect(await consoleLines(page)).toEqual(['shared 2 4']);
    expect(chunks.filter((u) => /shared-bodies/.test(u))).toHaveLength(1);
    await page.close();
  });

  test('the editor knows the miniloop module: member completion, hover docs, type errors', async () => {
    const page = await open('en/playground/');
    await waitForEditor(page);
    const editor = page.locator('[data-playground] .monaco-editor');
    // Completion on a Task's members needs the declarations of "miniloop".
    await editor.locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText('\na.');
    await page.keyboard.press('Control+Space');
    const suggest = page.locator('.suggest-widget');
    await expect.poll(() => suggest.innerText().catch(() => ''), { timeout: 30_000 }).toContain('cancelling');
    await page.keyboard.press('Escape');
    // A wrong argument type is marked.
    await page.keyboard.insertText("cancel();\nawait sleep('soon');");
    await page.waitForSelector('[data-playground] .monaco-editor .squiggly-error', { timeout: 30_000 });
    // Hover help on `sleep` in the import line is its doc comment.
    await page.keyboard.press('Escape');
    const box = await page.evaluate(() => {
      const line = [...document.querySelectorAll('[data-playground] .view-line')].find((l) => l.textContent!.startsWith('import'))!;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf('sleep');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 5);
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
      throw new Error('no sleep in the import line');
    });
    // Keyboard users get the same help: cursor on the name, Ctrl+K Ctrl+I.
    await page.mouse.click(box.x, box.y);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hoverText = async () => (await page.locator('.monaco-hover:not(.hidden)').allInnerTexts()).join('\n');
    await expect.poll(hoverText, { timeout: 30_000 }).toContain('virtual milliseconds (asyncio.sleep / trio.sleep)');
    await page.close();
  });
});
