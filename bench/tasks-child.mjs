// Benchmark (b) in a fresh process, so that its peak memory is its own.
// Plain JavaScript on purpose: the parent hands it the runtime bundled into
// one file by esbuild (as the browser's worker gets it) and the program
// compiled, so this process holds Node and the loop - not esbuild-wasm, and
// not Node's TypeScript stripper (about 50 MB of WebAssembly memory of its own).
//
// Usage (from bench/runtime.ts): node --expose-gc bench/tasks-child.mjs RUNTIME.mjs PROGRAM.json TASKS WARMUP RUNS
// Prints one JSON object: wall/cpu medians and coldWall/coldCpu (ms), lines (checked), maxRss, baseline, peakHeap (bytes).
// With WARMUP and RUNS both 0 it runs once, cold, and prints coldWall, coldCpu, maxRss, lines
// (one cold sample for (b'), bench/peers/peers.mjs), and `phases` (ms each) when the program marks them.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { phasesOf } from './phases-of.mjs';
import { median } from './stats.mjs';

const [runtimeFile, programFile, tasksArg, warmupArg, runsArg] = process.argv.slice(2);
const { runProgram } = await import(pathToFileURL(runtimeFile).href);
const program = JSON.parse(readFileSync(programFile, 'utf8'));
const tasks = Number(tasksArg);
const gc = globalThis.gc ?? (() => {});

/** Run the program; a run that does not end as expected fails the benchmark (it must not look fast). */
function run(onEvent) {
  const result = runProgram(program, { outputLimit: tasks + 10, ...(onEvent ? { onEvent } : {}) });
  const last = result.lines.at(-1)?.text;
  if (result.status !== 'ok' || last !== 'all done' || result.lines.length !== tasks + 1) {
    throw new Error(`expected ${tasks} lines and "all done", got ${result.lines.length} ending "${last}" (${result.status})`);
  }
}

// A program compiled with tasksProgram's `marks` calls this at the end of each phase (bench/phases.mjs).
const marks = [];
globalThis.__benchMark = (name) => marks.push([name, performance.now()]);

gc();
const baseline = process.memoryUsage().rss;
// First run: the cold run, compared with the peers (bench/peers/peers.mjs), and the
// process's peak RSS. Nothing listens to its trace: a listener makes an event object
// per event, which the peers do not pay for.
const coldCpuStart = process.cpuUsage();
const coldStarted = performance.now();
run(null);
const coldWall = performance.now() - coldStarted;
const coldCpuUsed = process.cpuUsage(coldCpuStart);
const coldCpu = (coldCpuUsed.user + coldCpuUsed.system) / 1000;
const maxRss = process.resourceUsage().maxRSS * 1024;
if (Number(warmupArg) + Number(runsArg) === 0) {
  process.stdout.write(JSON.stringify({ coldWall, coldCpu, maxRss, lines: tasks + 1, ...(marks.length ? { phases: phasesOf(coldStarted, marks, coldStarted + coldWall) } : {}) }));
  process.exit(0);
}

// Timed runs, each after a full GC (not timed) so one run's garbage is not counted against the next.
const walls = [];
const cpus = [];
for (let i = 0; i < Number(warmupArg) + Number(runsArg); i++) {
  gc();
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  run(null);
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  if (i >= Number(warmupArg)) {
    walls.push(wall);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
}
// Last, untimed: the peak JS heap during a run, sampled every 64k trace events (about a dozen samples).
let peakHeap = 0;
let events = 0;
gc();
run(() => {
  if ((++events & 0xffff) === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
});

process.stdout.write(JSON.stringify({ wall: median(walls), cpu: median(cpus), coldWall, coldCpu, lines: tasks + 1, maxRss, baseline, peakHeap }));
