/**
 * The Python worker (src/python/python-worker.ts) in Chromium, as a module
 * worker loading Pyodide from a local server (no other host): it reports
 * loading progress in bytes, runs a program on the virtual clock and sends
 * console lines and a trace the timeline accepts, runs a second program
 * without loading again, and a program cannot reach the network through the
 * worker's globals (`js.fetch`). The worker is bundled with esbuild the way
 * Vite bundles it (src/python/worker-server.mjs). Skipped without /usr/bin/chromium.
 * Timeouts are failure limits only (a cold Pyodide start takes 10-60 s on a
 * busy 2-core machine).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validFromPythonWorker, type FromPythonWorker } from '../../src/python/protocol.ts';
import { ROOT } from '../../src/python/twins.mjs';
import { startWorkerServer } from '../../src/python/worker-server.mjs';
import { validTraceInput } from '../../src/timeline/validate.ts';
import { buildTimeline } from '../../src/trace/spans.ts';

const CHROMIUM = '/usr/bin/chromium';

let server: Awaited<ReturnType<typeof startWorkerServer>>;
let browser: Browser;
let origin = '';
let requested: string[] = [];

beforeAll(async () => {
  server = await startWorkerServer();
  ({ origin, requested } = server);
  if (existsSync(CHROMIUM)) browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe.skipIf(!existsSync(CHROMIUM))('Python worker in Chromium', () => {
  it('loads Pyodide with progress, runs programs on the virtual clock, and keeps the network out of reach', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/index.html`);
    const sources = [
      'import asyncio\nasync def w(n):\n    await asyncio.sleep(n)\n    print(f"w{n} done")\nasync def main():\n    await asyncio.gather(w(0.2), w(0.1))\nasyncio.run(main())\n',
      [
        'import js',
        'for name in ["fetch", "XMLHttpRequest", "WebSocket", "importScripts", "postMessage", "indexedDB", "caches"]:',
        '    try:',
        '        getattr(js, name)',
        '        print(name, "reachable")',
        '    except Exception as e:',
        '        print(name, "blocked:", type(e).__name__)',
        'from pyodide.http import pyfetch',
        'import asyncio',
        'async def main():',
        '    await pyfetch("/index.html?from-python")',
        'asyncio.run(main())',
      ].join('\n'),
      'import time\ntime.sleep(1.5)\nprint("slept", time.monotonic())\n',
    ];
    const messages = (await page.evaluate(async (sources) => {
      const worker = new Worker('/python-worker.js', { type: 'module' });
      const got: unknown[] = [];
      return await new Promise<unknown[]>((resolve) => {
        worker.onmessage = (e) => {
          got.push(e.data);
          const done = got.filter((m) => (m as { type: string }).type === 'python-done' || (m as { type: string }).type === 'python-crash').length;
          if (done === sources.length || (e.data as { type: string }).type === 'python-crash') resolve(got);
        };
        sources.forEach((source, id) => worker.postMessage({ type: 'python-run', id, indexURL: '/pyodide/', source, filename: `p${id}.py`, limits: {} }));
      });
    }, sources)) as unknown[];
    const valid = messages.map((m) => validFromPythonWorker(m));
    expect(valid.every(Boolean)).toBe(true);
    const msgs = valid as FromPythonWorker[];
    expect(msgs.find((m) => m.type === 'python-crash')).toBeUndefined();

    // Loaded once, with byte progress for the interpreter and the standard library.
    expect(msgs.filter((m) => m.type === 'python-ready').length).toBe(1);
    const progress = msgs.filter((m) => m.type === 'python-progress');
    const wasm = readFileSync(join(ROOT, 'node_modules/pyodide/pyodide.asm.wasm')).length;
    expect(progress.filter((p) => p.stage === 'interpreter').at(-1)).toMatchObject({ loaded: wasm, total: wasm });
    expect(progress.some((p) => p.stage === 'stdlib' && p.loaded > 1_000_000)).toBe(true);

    const linesOf = (id: number) => msgs.flatMap((m) => (m.type === 'python-lines' && m.id === id ? m.lines : []));
    const doneOf = (id: number) => msgs.find((m) => m.type === 'python-done' && m.id === id) as Extract<FromPythonWorker, { type: 'python-done' }>;
    expect(linesOf(0)).toEqual([{ t: 100, task: 'Task-3', level: 'log', text: 'w0.1 done' }, { t: 200, task: 'Task-2', level: 'log', text: 'w0.2 done' }]);
    const timeline = buildTimeline(validTraceInput(doneOf(0).timeline)!);
    expect(timeline.lanes.map((l) => l.name).sort()).toEqual(['Task-1', 'Task-2', 'Task-3']);

    // Once Python is loaded, the worker's ways out are gone: reaching them from Python fails.
    expect(linesOf(1).filter((l) => l.level === 'log').map((l) => l.text)).toEqual(
      ['fetch', 'XMLHttpRequest', 'WebSocket', 'importScripts', 'postMessage', 'indexedDB', 'caches'].map((name) => `${name} blocked: JsException`),
    );
    expect(doneOf(1).status).toBe('failed');
    expect(doneOf(1).problems[0]!.message).toMatch(/is not available to programs in the playground/);
    expect(requested).not.toContain('/index.html?from-python');

    expect(linesOf(2)).toEqual([{ t: 1500, task: 'main', level: 'log', text: 'slept 1.5' }]);
    // Everything came from this server: the worker, the loader, the interpreter, the standard library.
    expect(requested).toEqual(expect.arrayContaining(['/python-worker.js', '/pyodide/pyodide.mjs', '/pyodide/pyodide.asm.wasm', '/pyodide/python_stdlib.zip']));
    await page.close();
  }, 600_000);

  it('runs from files handed over by the page, from a blob worker under the sandbox frame\'s policy, without making any request itself', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/index.html`);
    const names = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];
    // The page fetches what the sandbox would be handed; from here on, the server must hear nothing.
    const handle = await page.evaluateHandle(async (names) => {
      const files: Record<string, ArrayBuffer> = {};
      for (const name of names) files[name] = await (await fetch(`/pyodide/${name}`)).arrayBuffer();
      const script = await (await fetch('/python-worker.js')).text();
      return { files, script };
    }, names);
    const before = requested.length;
    const messages = (await page.evaluate(async ({ files, script }) => {
      // The sandbox frame's own policy (src/playground/sandbox-boot.js): its workers may load nothing.
      const meta = document.createElement('meta');
      meta.httpEquiv = 'Content-Security-Policy';
      meta.content = "default-src 'none'; script-src 'unsafe-eval' blob:; worker-src blob:; connect-src 'none'";
      document.head.appendChild(meta);
      const worker = new Worker(URL.createObjectURL(new Blob([script], { type: 'text/javascript' })), { type: 'module' });
      return await new Promise<unknown[]>((resolve) => {
        const got: unknown[] = [];
        worker.onmessage = (e) => {
          got.push(e.data);
          const type = (e.data as { type: string }).type;
          if (type === 'python-done' || type === 'python-crash') resolve(got);
        };
        const source = 'import asyncio\nasync def main():\n    await asyncio.sleep(0.3)\n    print("from the handed-over files")\nasyncio.run(main())\n';
        worker.postMessage({ type: 'python-run', id: 1, indexURL: 'https://nowhere.invalid/pyodide/', files, source, filename: 'x.py', limits: {} }, Object.values(files));
      });
    }, handle)) as unknown[];
    const msgs = messages.map((m) => validFromPythonWorker(m));
    expect(msgs.find((m) => m?.type === 'python-crash')).toBeUndefined();
    expect(msgs.flatMap((m) => (m?.type === 'python-lines' ? m.lines : []))).toEqual([{ t: 300, task: 'Task-1', level: 'log', text: 'from the handed-over files' }]);
    expect(requested.slice(before)).toEqual([]);
    // The policy is in force: without the files, the same worker cannot load Python here.
    const blocked = await page.evaluate(async ({ script }) => {
      const worker = new Worker(URL.createObjectURL(new Blob([script], { type: 'text/javascript' })), { type: 'module' });
      return await new Promise<unknown>((resolve) => {
        worker.onmessage = (e) => resolve(e.data);
        worker.postMessage({ type: 'python-run', id: 2, indexURL: `${location.origin}/pyodide/`, source: 'print(1)', filename: 'x.py', limits: {} });
      });
    }, handle);
    expect(validFromPythonWorker(blocked)).toMatchObject({ type: 'python-crash', message: expect.stringMatching(/^Python could not be loaded/) });
    expect(requested.slice(before)).toEqual([]);
    await page.close();
  }, 600_000);
});
