#!/usr/bin/env node
/**
 * npm run bench:python - what running Python costs, in Node: a cold Pyodide
 * load (CPython 3.14 wasm + standard library + the virtual-clock runner), the
 * first run of a twin, and later runs of the same twin (median of RUNS); then
 * the same in headless Chromium through the browser worker (python-worker.ts,
 * files from a local server): time to Python ready, to the first run's end,
 * and a later run. With the machine's load average (uptime) before and after. No threshold: the
 * numbers are for reading (tests never assert wall-clock times).
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { loadNodePython } from '../src/python/load-node.mjs';
import { chromium } from 'playwright-core';
import { ROOT } from '../src/python/twins.mjs';
import { startWorkerServer } from '../src/python/worker-server.mjs';

const RUNS = Number(process.env.RUNS ?? 20);
const TWIN = process.env.TWIN ?? 'content/examples/asyncio/producer-consumer.py';
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const ms = (/** @type {number} */ x) => `${x.toFixed(0)} ms`;

console.log(`load average before: ${load()}`);
const t0 = performance.now();
const py = await loadNodePython();
const cold = performance.now() - t0;
console.log(`cold load (Pyodide ${py.version} + runner): ${ms(cold)}`);

const source = readFileSync(join(ROOT, TWIN), 'utf8');
const t1 = performance.now();
const first = py.run(source, TWIN.split('/').pop());
console.log(`first run of ${TWIN}: ${ms(performance.now() - t1)} (${first.lines.length} lines, ${first.trace.length} trace events, ${first.status})`);
const times = [];
for (let i = 0; i < RUNS; i++) {
  const t = performance.now();
  py.run(source, 'twin.py');
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`later runs (${RUNS}): median ${times[times.length >> 1].toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`);

const CHROMIUM = '/usr/bin/chromium';
if (existsSync(CHROMIUM)) {
  const server = await startWorkerServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  await page.goto(`${server.origin}/index.html`);
  const result = await page.evaluate(async ({ source, runs }) => {
    const worker = new Worker('/python-worker.js', { type: 'module' });
    /** @type {Record<string, number>} */
    const out = {};
    let bytes = 0;
    const t0 = performance.now();
    /** @param {number} id */
    const run = (id) => new Promise((resolve) => {
      worker.onmessage = (e) => {
        const m = e.data;
        if (m.type === 'python-progress' && m.loaded === m.total) bytes += m.total;
        if (m.type === 'python-ready') { out.readyWall = performance.now() - t0; out.readyWorker = m.ms; }
        if (m.type === 'python-done' || m.type === 'python-crash') resolve(m);
      };
      worker.postMessage({ type: 'python-run', id, indexURL: '/pyodide/', source, filename: 'twin.py', limits: {} });
    });
    await run(0);
    out.first = performance.now() - t0;
    const later = [];
    for (let i = 1; i <= runs; i++) {
      const t = performance.now();
      await run(i);
      later.push(performance.now() - t);
    }
    later.sort((a, b) => a - b);
    out.laterMedian = later[later.length >> 1];
    out.bytes = bytes;
    return out;
  }, { source, runs: Math.min(RUNS, 10) });
  console.log(`browser (headless Chromium, module worker): Python ready after ${ms(result.readyWall)} (${(result.bytes / 1e6).toFixed(1)} MB of interpreter and standard library), first run done after ${ms(result.first)}, later runs median ${result.laterMedian.toFixed(1)} ms`);
  await browser.close();
  server.close();
}
console.log(`load average after: ${load()}`);
