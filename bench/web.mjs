#!/usr/bin/env node
// Playground budgets, measured in Chromium on a built site (npm run build
// first), printed, not asserted (PRODUCT.md "Budgets"):
//   - article page JavaScript before interaction (gzip)        budget 60 KB
//   - first Run on a page, cold cache, localhost: click → output  budget 1.5 s
//   - a later Run: click → output                                 budget 100 ms
//   - compile of a 100-line example, warm esbuild-wasm            budget 10 ms
//
//   npm run bench:web [-- dist]      (BASE_PATH=/guides/async/ for a based build)
// Times are measured inside the page (performance.now() at the click, a
// MutationObserver for the first console line), so Playwright's own latency
// is not counted.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import lz from 'lz-string';
import { serve, normalizeBase } from '../scripts/serve.mjs';
import { measurePages, BUDGET_BYTES } from '../scripts/size.mjs';
import { PLAYGROUND_CSP } from '../src/playground/csp.mjs';

const dir = resolve(process.argv[2] ?? 'dist');
const base = normalizeBase(process.env.BASE_PATH ?? '/');
const TRIALS = Number(process.env.TRIALS ?? 3);
const LATER_RUNS = Number(process.env.RUNS ?? 10);
if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir} is not a built site: run npm run build first`);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const row = (what, value, budget) => console.log(`${what.padEnd(58)} ${value.padStart(12)}   ${budget}`);

// 1. Page weight before interaction, for every page that has a playground.
const pages = measurePages(dir, base).filter((p) => readFileSync(join(dir, p.page), 'utf8').includes('data-playground'));
const article = pages.find((p) => p.page === 'en/introduction/index.html') ?? pages.find((p) => !readFileSync(join(dir, p.page), 'utf8').includes('data-full'));
if (!article) throw new Error('no page with a playground in the build');
const heavy = pages.flatMap((p) => p.files.filter((f) => /esbuild|monaco|editor|ts\.worker|runner/.test(f)));

const { url, close } = await serve({ dir, base, port: 0, csp: PLAYGROUND_CSP });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const articlePath = article.page.replace(/index\.html$/, '');

/** In-page: click Run of the first playground; resolves with ms to the first console line and to the end of the run. */
async function timedRun(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const root = document.querySelector('[data-playground]');
        const lastBlock = () => [...root.querySelectorAll('details.pg-run-block')].pop();
        const before = lastBlock();
        const t0 = performance.now();
        let first = 0;
        const observer = new MutationObserver(() => {
          const block = lastBlock();
          const fresh = block && block !== before;
          if (!first && fresh && block.querySelector('.pg-line')) first = performance.now() - t0;
          const state = root.dataset.state;
          if (fresh && state && state !== 'compiling' && state !== 'running') {
            observer.disconnect();
            resolve({ first, done: performance.now() - t0, state, compileMs: Number(root.dataset.compileMs) });
          }
        });
        observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
        setTimeout(() => reject(new Error('run did not finish in 30 s')), 30_000);
        root.querySelector('[data-run]').click();
      }),
  );
}

try {
  // 2. First Run, cold cache: a fresh browser context each time, no hover, straight click.
  const cold = [];
  const warmed = [];
  for (let i = 0; i < TRIALS; i++) {
    for (const hover of [false, true]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(url + articlePath, { waitUntil: 'load' });
      if (hover) {
        // A reader moves to Run before clicking: the hover starts the compiler and the sandbox.
        await page.locator('[data-playground] [data-run]').first().hover();
        await page.waitForTimeout(400);
      }
      const result = await timedRun(page);
      if (result.state !== 'ok') throw new Error(`first run ended ${result.state}`);
      (hover ? warmed : cold).push(result.first);
      // 3. Later runs on the same page.
      if (!hover && i === 0) {
        const later = [];
        for (let k = 0; k < LATER_RUNS; k++) later.push((await timedRun(page)).first);
        globalThis.laterRuns = later;
      }
      await context.close();
    }
  }

  // 4. Compile of a 100-line example with esbuild warm (full-page playground, code from a link).
  const lines = ["import { sleep, createTask } from 'miniloop';", ''];
  for (let i = 0; lines.length < 98; i++) {
    lines.push(`async function step${i}(n: number): Promise<number> {`, `  await sleep(${i % 7});`, `  return n + ${i};`, '}');
  }
  lines.push('const total = await step0(1);', 'console.log(total);');
  const source = lines.join('\n');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}en/playground/#code=${lz.compressToEncodedURIComponent(source)}`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('[data-playground]')?.dataset.editor === 'monaco', null, { timeout: 60_000 });
  await timedRun(page); // starts esbuild, first transform
  await page.waitForTimeout(Number(process.env.SETTLE ?? 3000)); // let the editor's TypeScript worker finish its first check (2 cores)
  const compiles = [];
  for (let k = 0; k < LATER_RUNS; k++) compiles.push((await timedRun(page)).compileMs);
  await context.close();

  console.log(`Playground budgets (${dir}, base ${base}, ${TRIALS} cold trials, ${LATER_RUNS} later runs, medians)\n`);
  row('article page JS before interaction, gzip', `${(article.gzip / 1024).toFixed(2)} KB`, `budget ${BUDGET_BYTES / 1024} KB (${article.page})`);
  row('largest playground page JS before interaction, gzip', `${(Math.max(...pages.map((p) => p.gzip)) / 1024).toFixed(2)} KB`, `${pages.length} pages with playgrounds`);
  row('editor/compiler/runner bytes loaded before interaction', heavy.length ? heavy.join(', ') : 'none', 'budget none');
  row('first Run, cold cache, click → first output line', fmt(median(cold)), `budget 1500 ms (all: ${cold.map((x) => x.toFixed(0)).join(', ')})`);
  row('first Run, cold cache, hover 400 ms then click → output', fmt(median(warmed)), `(all: ${warmed.map((x) => x.toFixed(0)).join(', ')})`);
  row('later Run, click → first output line', fmt(median(globalThis.laterRuns)), `budget 100 ms (all: ${globalThis.laterRuns.map((x) => x.toFixed(0)).join(', ')})`);
  row(`compile of a ${source.split('\n').length}-line example, warm esbuild-wasm`, fmt(median(compiles)), `budget 10 ms (all: ${compiles.map((x) => x.toFixed(1)).join(", ")})`);
} finally {
  await browser.close();
  await close();
}
