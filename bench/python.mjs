#!/usr/bin/env node
/**
 * npm run bench:python - what running Python costs, in Node: a cold Pyodide
 * load (CPython 3.14 wasm + standard library + the virtual-clock runner), the
 * first run of a twin, and later runs of the same twin (median of RUNS), with
 * the machine's load average (uptime) before and after. No threshold: the
 * numbers are for reading (tests never assert wall-clock times).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { loadNodePython } from '../src/python/load-node.mjs';
import { ROOT } from '../src/python/twins.mjs';

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
console.log(`load average after: ${load()}`);
