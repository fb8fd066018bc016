// Run Python on the built site, in Chromium, as a reader does: no byte of
// Python before a click; the first Run Python loads CPython with a progress
// bar (bytes and what is loading), prints the lines the desktop CPython prints
// for the same twin on the same virtual clock (src/python/virtual_asyncio.py),
// and draws a lane per task; a later run shows no progress bar; the code is
// editable, errors are Python tracebacks; Stop ends `while True: pass` and the
// page stays responsive; Ctrl+Enter runs; Compare draws both timelines and the
// lines that differ; a program cannot reach the page, storage or network;
// the Chinese page speaks Chinese; trio twins show their recorded run; the
// based build loads from under its base. One page per language
// (a cold Pyodide start takes 10-60 s on a busy machine): the tests of a
// describe share it, in order. Timeouts are failure limits only.
// PYTHON_DIST=dir runs against a folder already built at base '/'.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { findDesktopPython, ROOT, runOnDesktop } from '../../src/python/twins.mjs';
import { servePlayground, type BuiltSite } from '../playground/browser-helpers.ts';
import { axeSerious, collectErrors, contextOptions, launchBrowser, trackRequests } from './harness.ts';

const sites: BuiltSite[] = process.env.PYTHON_DIST ? [{ name: 'dev', dir: process.env.PYTHON_DIST, base: '/' }] : inject('sites');
const LOAD_MS = 300_000;
const PYODIDE = /\/pyodide\//;
const desktop = findDesktopPython([3, 11]);

/** What the console shows for a desktop run of `file` (content/examples/...): "<ms> ms|task|text" per line. */
function desktopLines(file: string): string[] {
  const run = runOnDesktop(desktop!.path, join('content/examples', file), ROOT);
  return run.lines.map(([t, task, , text]: [number, string, string, string]) => `${Math.round(t)} ms|${task}|${text}`);
}

/** The twin's root on the page (by its example name). */
const twin = (file: string) => `[data-python-twin][data-file="${file}"]`;

/** The console lines of the twin's latest run, as "<t>|task|text". */
function shownLines(page: Page, file: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const blocks = document.querySelectorAll(`${sel} details.pg-run-block`);
    const last = blocks[blocks.length - 1];
    return last ? [...last.querySelectorAll('.pg-line')].map((l) => [...l.children].map((c) => c.textContent).join('|')) : [];
  }, twin(file));
}

/** Waits until the twin's run has ended; returns its state. */
async function runEnd(page: Page, file: string, timeout = LOAD_MS): Promise<string> {
  await page.waitForFunction((sel) => ['ok', 'failed', 'stopped', 'timeout', 'crash'].includes((document.querySelector(sel) as HTMLElement)?.dataset.state ?? ''), twin(file), { timeout });
  return page.evaluate((sel) => (document.querySelector(sel) as HTMLElement).dataset.state!, twin(file));
}

/** Starts recording whether the twin's progress bar is ever shown (and its aria values). */
function watchProgress(page: Page, file: string): Promise<void> {
  return page.evaluate((sel) => {
    const bar = document.querySelector(`${sel} [role=progressbar]`) as HTMLElement;
    const w = window as unknown as { progressSeen: Array<{ now: number; max: number; text: string }> };
    w.progressSeen = [];
    new MutationObserver(() => {
      if (!bar.hidden) w.progressSeen.push({ now: Number(bar.getAttribute('aria-valuenow')), max: Number(bar.getAttribute('aria-valuemax')), text: bar.getAttribute('aria-valuetext') ?? '' });
    }).observe(bar, { attributes: true });
  }, twin(file));
}
const progressSeen = (page: Page) => page.evaluate(() => (window as unknown as { progressSeen: Array<{ now: number; max: number; text: string }> }).progressSeen);

async function setCode(page: Page, file: string, code: string): Promise<void> {
  const area = page.locator(`${twin(file)} textarea`);
  await area.fill(code);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!desktop)('Run Python', () => {
  for (const site of sites.slice(0, 1)) {
    describe(`on the ${site.name} build, /en/asyncio/`, () => {
      const FILE = 'asyncio/gather';
      let url: string;
      let close: () => Promise<void>;
      let context: BrowserContext;
      let page: Page;
      let requests: ReturnType<typeof trackRequests>;
      let errors: string[];
      beforeAll(async () => {
        ({ url, close } = await servePlayground(site));
        context = await browser.newContext(contextOptions);
        page = await context.newPage();
        errors = collectErrors(page);
        requests = trackRequests(page);
        await page.goto(`${url}en/asyncio/`, { waitUntil: 'load' });
      });
      afterAll(async () => {
        // Every request stayed on 127.0.0.1.
        expect(requests?.offHost()).toEqual([]);
        await context?.close();
        await close?.();
      });

      test('before a click, no Python file is requested; the toolbar is there', async () => {
        await page.locator(`${twin(FILE)}`).evaluate((el) => ((el.closest('details') as HTMLDetailsElement).open = true));
        await page.waitForTimeout(300);
        expect(requests.urls.filter((u) => PYODIDE.test(u))).toEqual([]);
        await expect(page.locator(`${twin(FILE)} [data-py-run]`).isVisible()).resolves.toBe(true);
        await expect(page.locator(`${twin(FILE)} [data-py-run]`).textContent()).resolves.toBe('Run Python');
      });

      test('the first run loads Python with a progress bar, then prints what desktop CPython prints, and draws a lane per task', async () => {
        await watchProgress(page, FILE);
        await page.locator(`${twin(FILE)} [data-py-run]`).click();
        expect(await runEnd(page, FILE)).toBe('ok');
        expect(await shownLines(page, FILE)).toEqual(desktopLines('asyncio/gather.py'));
        const seen = await progressSeen(page);
        expect(seen.length).toBeGreaterThan(0);
        // Bytes: the bar's value grows to the size of the files, and its text says what is loading.
        expect(Math.max(...seen.map((s) => s.now))).toBeGreaterThan(5_000_000);
        expect(seen.some((s) => /python_stdlib\.zip|pyodide\.asm\.wasm/.test(s.text) && /MB/.test(s.text))).toBe(true);
        expect(seen.every((s) => s.now <= s.max)).toBe(true);
        // The progress bar is gone once Python runs.
        await expect(page.locator(`${twin(FILE)} [role=progressbar]`).isHidden()).resolves.toBe(true);
        // The files came from the site, under its base, once.
        const py = requests.urls.filter((u) => PYODIDE.test(u)).map((u) => new URL(u).pathname.split('/').pop());
        expect(py.sort()).toEqual(['pyodide-lock.json', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'pyodide.mjs', 'python_stdlib.zip']);
        // The timeline: a lane per asyncio task.
        await page.waitForFunction((sel) => Number((document.querySelector(`${sel} [data-py-timeline]`) as HTMLElement | null)?.dataset.lanes ?? 0) > 0, twin(FILE), { timeout: 30_000 });
        const lanes = await page.locator(`${twin(FILE)} [data-py-timeline]`).getAttribute('data-lanes');
        const tasks = runOnDesktop(desktop!.path, 'content/examples/asyncio/gather.py', ROOT).tasks.length;
        expect(Number(lanes)).toBe(tasks);
      }, LOAD_MS + 60_000);

      test('a later run starts at once: no progress bar, no request', async () => {
        await watchProgress(page, FILE);
        const before = requests.urls.length;
        await page.locator(`${twin(FILE)} [data-py-run]`).click();
        expect(await runEnd(page, FILE, 60_000)).toBe('ok');
        expect(await progressSeen(page)).toEqual([]);
        expect(requests.urls.slice(before).filter((u) => PYODIDE.test(u))).toEqual([]);
        expect(await shownLines(page, FILE)).toEqual(desktopLines('asyncio/gather.py'));
      }, 120_000);

      test('the code is editable, Ctrl+Enter runs it, and an exception is shown as a Python traceback', async () => {
        await setCode(page, FILE, 'import asyncio\n\nasync def main():\n    await asyncio.sleep(0.25)\n    print("edited")\n    raise ValueError("boom")\n\nasyncio.run(main())\n');
        await page.locator(`${twin(FILE)} textarea`).focus();
        await page.keyboard.press('Control+Enter');
        expect(await runEnd(page, FILE, 60_000)).toBe('failed');
        const lines = await shownLines(page, FILE);
        // The print, then CPython's traceback (asyncio's own frames in between differ by version).
        expect(lines[0]).toBe('250 ms|Task-1|edited');
        expect(lines[1]).toMatch(/^250 ms\|\S+\|Traceback \(most recent call last\):$/);
        expect(lines.at(-1)).toMatch(/^250 ms\|\S+\|ValueError: boom$/);
        expect(lines.some((l) => /File "gather\.py", line 6, in main/.test(l))).toBe(true);
      }, 120_000);

      test('Stop ends `while True: pass`, the page stays responsive, and the next run works (no second download)', async () => {
        const before = requests.urls.length;
        await setCode(page, FILE, 'print("spinning")\nwhile True:\n    pass\n');
        await page.locator(`${twin(FILE)} [data-py-run]`).click();
        await page.waitForFunction((sel) => (document.querySelector(sel) as HTMLElement).dataset.state === 'running', twin(FILE));
        await page.locator(`${twin(FILE)} [data-py-stop]`).click();
        expect(await runEnd(page, FILE, 10_000)).toBe('stopped');
        expect(await page.evaluate(() => 6 * 7)).toBe(42);
        await expect(page.locator(`${twin(FILE)} [data-py-stop]`).isDisabled()).resolves.toBe(true);
        // From the keyboard: Escape in the editor stops a run too.
        await page.locator(`${twin(FILE)} [data-py-run]`).click();
        await page.waitForFunction((sel) => (document.querySelector(sel) as HTMLElement).dataset.state === 'running', twin(FILE), { timeout: LOAD_MS });
        await page.locator(`${twin(FILE)} textarea`).focus();
        await page.keyboard.press('Escape');
        expect(await runEnd(page, FILE, 10_000)).toBe('stopped');
        await setCode(page, FILE, 'import asyncio\nasync def main():\n    await asyncio.sleep(1)\n    print("after stop")\nasyncio.run(main())\n');
        await page.locator(`${twin(FILE)} [data-py-run]`).click();
        expect(await runEnd(page, FILE)).toBe('ok');
        expect(await shownLines(page, FILE)).toEqual(['1000 ms|Task-1|after stop']);
        expect(requests.urls.slice(before).filter((u) => PYODIDE.test(u))).toEqual([]);
      }, LOAD_MS + 60_000);

      test('Compare runs the TypeScript twin and draws both timelines on one axis, with the lines that differ', async () => {
        await setCode(page, FILE, await page.evaluate((sel) => JSON.parse(document.querySelector(`${sel} [data-py-source]`)!.textContent!), twin(FILE)));
        await page.locator(`${twin(FILE)} [data-py-run]`).click();
        expect(await runEnd(page, FILE, 60_000)).toBe('ok');
        await page.locator(`${twin(FILE)} [data-py-compare]`).click();
        const panel = page.locator(`${twin(FILE)} [data-py-compare-panel]`);
        await panel.locator('.py-compare-summary').waitFor({ timeout: 60_000 });
        await page.waitForFunction((sel) => document.querySelectorAll(`${sel} [data-py-compare-panel] [data-lanes]`).length === 2, twin(FILE), { timeout: 30_000 });
        const ranges = await page.evaluate((sel) => [...document.querySelectorAll<HTMLElement>(`${sel} [data-py-compare-panel] [data-lanes]`)].map((e) => [e.dataset.from, e.dataset.to]), twin(FILE));
        expect(ranges[0]).toEqual(ranges[1]);
        const rows = await panel.locator('tbody tr').count();
        // A deliberate difference: the Python prints one more line at the end; Compare marks exactly that one more.
        const source = await page.evaluate((sel) => JSON.parse(document.querySelector(`${sel} [data-py-source]`)!.textContent!) as string, twin(FILE));
        await setCode(page, FILE, `${source.replace(/\n$/, '')}\nprint("deliberate")\n`);
        await page.locator(`${twin(FILE)} [data-py-run]`).click();
        expect(await runEnd(page, FILE, 60_000)).toBe('ok');
        await page.locator(`${twin(FILE)} [data-py-compare]`).click();
        await page.waitForFunction(([sel, n]) => document.querySelectorAll(`${sel} [data-py-compare-panel] tbody tr`).length === n, [twin(FILE), rows + 1] as const, { timeout: 60_000 });
        const last = panel.locator('tbody tr').last();
        await expect(last.getAttribute('data-differs')).resolves.toBe('t task text');
        await expect(last.locator('td').nth(0).textContent()).resolves.toBe('—');
        await expect(last.locator('td').nth(1).locator('mark.py-diff-text').textContent()).resolves.toBe('deliberate');
        await expect(panel.locator('.py-compare-summary').textContent()).resolves.toContain(`${rows + 1} console lines differ`);
        expect(errors.filter((e) => !/favicon/.test(e))).toEqual([]);
      }, 120_000);

      test('a Python program cannot reach the page, storage or the network (the TypeScript sandbox\'s hostile set)', async () => {
        const names = ['document', 'localStorage', 'sessionStorage', 'parent', 'top', 'opener', 'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'indexedDB', 'caches', 'importScripts', 'postMessage', 'Worker', 'BroadcastChannel'];
        const program = [
          'import js',
          `for name in ${JSON.stringify(names)}:`,
          '    try:',
          '        getattr(js, name)',
          '        print(name, "reachable")',
          '    except Exception:',
          '        print(name, "blocked")',
          'for expr in ["fetch", "self.fetch", "globalThis.indexedDB"]:',
          '    try:',
          '        js.eval(expr)',
          '        print(expr, "reachable")',
          '    except Exception:',
          '        print(expr, "blocked")',
          'import asyncio',
          'async def main():',
          '    try:',
          '        from pyodide.http import pyfetch  # its import already reaches for XMLHttpRequest',
          '        await pyfetch("/en/?from-python")',
          '        print("pyfetch reachable")',
          '    except Exception:',
          '        print("pyfetch blocked")',
          'asyncio.run(main())',
        ].join('\n');
        const before = requests.urls.length;
        await setCode(page, FILE, program);
        await page.locator(`${twin(FILE)} [data-py-run]`).click();
        const state = await runEnd(page, FILE, 60_000);
        const texts = (await shownLines(page, FILE)).map((l) => l.split('|').slice(2).join('|'));
        expect(state, texts.join('\n')).toBe('ok');
        expect(texts).toEqual([...names, 'fetch', 'self.fetch', 'globalThis.indexedDB', 'pyfetch'].map((n) => `${n} blocked`));
        expect(requests.urls.slice(before).filter((u) => !u.startsWith('blob:'))).toEqual([]);
      }, 120_000);

      test('the mounted run area (editor, toolbar, console) has no serious or critical axe finding', async () => {
        // axe is injected as a script, which the site's policy forbids: a page of its own without it.
        const axeContext = await browser.newContext({ ...contextOptions, bypassCSP: true });
        const axePage = await axeContext.newPage();
        await axePage.goto(`${url}en/asyncio/`, { waitUntil: 'load' });
        await axePage.locator(twin(FILE)).evaluate((el) => ((el.closest('details') as HTMLDetailsElement).open = true));
        await axePage.locator(`${twin(FILE)} [data-py-code]`).click();
        await axePage.locator(`${twin(FILE)} textarea`).waitFor();
        const found = await axeSerious(axePage);
        expect(found.filter((v) => v.nodes.some((n) => /py-|python/.test(n)))).toEqual([]);
        await axeContext.close();
      });
    });

    describe(`on the ${site.name} build, /zh/asyncio/ (keyboard only)`, () => {
      const FILE = 'asyncio/timeouts';
      let url: string;
      let close: () => Promise<void>;
      let context: BrowserContext;
      let page: Page;
      beforeAll(async () => {
        ({ url, close } = await servePlayground(site));
        context = await browser.newContext({ ...contextOptions, locale: 'zh-CN' });
        page = await context.newPage();
        await page.goto(`${url}zh/asyncio/`, { waitUntil: 'load' });
      });
      afterAll(async () => {
        await context?.close();
        await close?.();
      });

      test('the Chinese page: the button, the progress text and the console in Chinese; the lines are desktop CPython\'s', async () => {
        await page.locator(twin(FILE)).evaluate((el) => ((el.closest('details') as HTMLDetailsElement).open = true));
        await watchProgress(page, FILE);
        const run = page.locator(`${twin(FILE)} [data-py-run]`);
        expect(await run.textContent()).toBe('运行 Python');
        // Keyboard only: focus the button and press Enter.
        await run.focus();
        await page.keyboard.press('Enter');
        expect(await runEnd(page, FILE)).toBe('ok');
        const zh = readdirSync(join(ROOT, 'content/examples/asyncio')).includes('timeouts.zh.py') ? 'asyncio/timeouts.zh.py' : 'asyncio/timeouts.py';
        expect(await shownLines(page, FILE)).toEqual(desktopLines(zh));
        expect((await progressSeen(page)).some((s) => s.text.startsWith('正在加载 Python'))).toBe(true);
        expect(await page.locator(`${twin(FILE)} [data-py-status]`).textContent()).toMatch(/^在虚拟时间 \d+ ms 时结束。$/);
        // On a phone (390 px) the run area fits: the page does not scroll sideways.
        await page.setViewportSize({ width: 390, height: 800 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      }, LOAD_MS + 60_000);
    });
  }

  test('a trio twin stays a listing, says why, and shows its recorded run', async () => {
    const { url, close } = await servePlayground(sites[0]!);
    const context = await browser.newContext(contextOptions);
    try {
      const page = await context.newPage();
      await page.goto(`${url}en/trio/`, { waitUntil: 'load' });
      const details = page.locator('details.python-twin').filter({ has: page.locator('.py-recorded') }).first();
      await expect(details.locator('[data-py-run]').count()).resolves.toBe(0);
      await expect(details.locator('.py-listing-note').textContent()).resolves.toMatch(/^trio does not run in the browser's Python/);
      const shown = await details.locator('.py-recorded pre').textContent();
      const recorded = readdirSync(join(ROOT, 'content/examples/trio')).filter((f) => f.endsWith('.py.out'))
        .map((f) => readFileSync(join(ROOT, 'content/examples/trio', f), 'utf8').replace(/\n$/, ''));
      expect(recorded).toContain(shown);
    } finally {
      await context.close();
      await close();
    }
  });

  test.skipIf(sites.length < 2)('under a base path: Run Python loads CPython from ${base}pyodide/ and prints the desktop lines', async () => {
    const site = sites[1]!;
    const { url, close } = await servePlayground(site);
    const context = await browser.newContext(contextOptions);
    try {
      const page = await context.newPage();
      const requests = trackRequests(page);
      await page.goto(`${url}en/asyncio/`, { waitUntil: 'load' });
      const FILE = 'asyncio/tasks';
      await page.locator(twin(FILE)).evaluate((el) => ((el.closest('details') as HTMLDetailsElement).open = true));
      await page.locator(`${twin(FILE)} [data-py-run]`).click();
      expect(await runEnd(page, FILE)).toBe('ok');
      expect(await shownLines(page, FILE)).toEqual(desktopLines('asyncio/tasks.py'));
      const py = requests.urls.filter((u) => PYODIDE.test(u)).map((u) => new URL(u).pathname);
      expect(py.length).toBe(5);
      expect(py.every((p) => p.startsWith(`${site.base}pyodide/`))).toBe(true);
      expect(requests.offHost()).toEqual([]);
    } finally {
      await context.close();
      await close();
    }
  }, LOAD_MS + 60_000);

  test.each(sites)('$name build: no page of the guide requests a Python file before a click', async (site) => {
    const { url, close } = await servePlayground(site);
    const context = await browser.newContext(contextOptions);
    try {
      for (const path of ['en/asyncio/', 'zh/asyncio/', 'en/asyncio-by-example/', 'en/event-loop/']) {
        const page = await context.newPage();
        const requests = trackRequests(page);
        await page.goto(url + path, { waitUntil: 'load' });
        // Opening every twin and hovering its button is not a click: still nothing.
        await page.evaluate(() => document.querySelectorAll('details.python-twin').forEach((d) => ((d as HTMLDetailsElement).open = true)));
        const button = page.locator('[data-py-run]').first();
        if (await button.count()) await button.hover();
        await page.waitForTimeout(300);
        expect(requests.urls.filter((u) => PYODIDE.test(u) || /python-worker/.test(u)), path).toEqual([]);
        await page.close();
      }
    } finally {
      await context.close();
      await close();
    }
  }, 120_000);
});
