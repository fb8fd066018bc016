/**
 * Runtime benchmarks against the budgets of RUNTIME.md ("Budgets it must meet").
 * Run: `npm run bench` (node bench/runtime.ts, Node 22 from the project).
 *
 * Every comparison is measured side by side in this one process, with warm-up
 * runs and the median of the measured runs. Programs are compiled once before
 * timing (compile time is reported on its own line). A missed budget is
 * printed as MISSED and the script exits with 1; the numbers are not tuned to
 * pass. What each benchmark measures and why it is fair: bench/README.md.
 *
 * Options: --quick (fewer runs, smaller sizes; for a smoke test), --only a|b|c|d.
 * Benchmark (b) runs in a fresh child process (bench/tasks-child.mjs) so that
 * its peak memory is its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import FakeTimers from '@sinonjs/fake-timers';
import { benchFirstLine } from './first-line.mjs';
import { benchPeers } from './peers/peers.mjs';
import { bundleRuntime } from './prepare-tasks.mjs';
import { median } from './stats.mjs';
import { tasksProgram } from './tasks-program.mjs';
import type { CompiledProgram } from '../src/contract/program.ts';
import { runProgram, type ProgramOptions } from '../src/runtime/program.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const WARMUP = quick ? 1 : 3;
const RUNS = quick ? 3 : 7;
/**
 * Benchmark (a) compares steady states: V8 needs about ten runs of a program
 * this size before its code stops being re-optimized (and, on this VM, before
 * the heap stops growing), so both sides get that many warm-ups. The first,
 * cold run of each side is printed beside the median.
 */
const SWITCH_WARMUP = quick ? 2 : 12;

// ---------------------------------------------------------------- helpers

const compileTimes: number[] = [];

async function compileOnce(name: string, source: string): Promise<CompiledProgram> {
  // Imported here, so the (b) child process never loads esbuild.
  const { compileInNode } = await import('../src/compiler/node.ts');
  const started = performance.now();
  const compiled = await compileInNode(source, `${name}.ts`);
  compileTimes.push(performance.now() - started);
  if (!compiled.ok) throw new Error(`bench program ${name} does not compile: ${JSON.stringify(compiled.errors)}`);
  return compiled;
}

/** Run a compiled program and check it ended as expected (a benchmark that fails must not look fast). */
function runChecked(program: CompiledProgram, expectLast: string, options: ProgramOptions = {}): void {
  const result = runProgram(program, options);
  const last = result.lines.at(-1)?.text;
  if (result.status !== 'ok' || last !== expectLast) {
    throw new Error(`${program.filename}: expected last line "${expectLast}", got "${last}" (${result.status}: ${result.problems.map((p) => p.message).join('; ')})`);
  }
}

/** Median CPU time (user + system, ms) of the last `measure` call: less sensitive to a loaded machine than wall time. */
let lastCpu = 0;
/** Wall time (ms) of the first warm-up run of the last `measure` call: the cold run. */
let lastCold = 0;

/** Warm up, then time `fn` RUNS times; returns the median wall time in ms (and sets lastCpu). */
async function measure(fn: () => unknown | Promise<unknown>, warmup = WARMUP, runs = RUNS): Promise<number> {
  for (let i = 0; i < warmup; i++) {
    const started = performance.now();
    await fn();
    if (i === 0) lastCold = performance.now() - started;
  }
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  lastCpu = median(cpu);
  return median(times);
}

let missed = 0;
function verdict(ok: boolean): string {
  if (!ok) missed++;
  return ok ? 'OK' : 'MISSED';
}

const fmt = (n: number, digits = 2): string => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

// ---------------------------------------------------------------- (a) task switch vs native await

async function benchSwitch(): Promise<void> {
  const N = quick ? 20_000 : 100_000;
  console.log(`\n(a) task switch vs native await  (budget: loop <= 5x native, per switch)`);

  // a1: one task yields N times with `await checkpoint()` (asyncio.sleep(0)): suspend, one ready-queue
  //     turn, resume. Native: an async function doing N `await null` (one microtask tick each).
  const yieldProgram = await compileOnce(
    'bench-checkpoint',
    `import { checkpoint } from 'miniloop';
     for (let i = 0; i < ${N}; i++) await checkpoint();
     console.log('done');`,
  );
  const loopYield = await measure(() => runChecked(yieldProgram, 'done'), SWITCH_WARMUP);
  const loopYieldCpu = lastCpu;
  const loopYieldCold = lastCold;
  const nativeYield = await measure(async () => {
    await (async () => {
      for (let i = 0; i < N; i++) await null;
    })();
  }, SWITCH_WARMUP);
  report('a1 yield', `task: N x \`await checkpoint()\``, 'async fn: N x `await null`', loopYield / N, nativeYield / N, loopYieldCpu / nativeCpu(), loopYieldCold / N, lastCold / N);

  // a2: two tasks ping-pong through futures: each turn a task resumes from a pending future, replaces
  //     it and resolves the other task's future (2N switches). Native: the same with promises.
  const pingPong = await compileOnce(
    'bench-ping-pong',
    `import { createTask, Future } from 'miniloop';
     const futures = [new Future<void>(), new Future<void>()];
     async function player(me: number) {
       for (let i = 0; i < ${N}; i++) {
         await futures[me];
         futures[me] = new Future<void>();
         futures[1 - me]!.setResult(undefined);
       }
     }
     const a = createTask(() => player(0));
     const b = createTask(() => player(1));
     futures[0]!.setResult(undefined);
     await a; await b;
     console.log('done');`,
  );
  const loopPing = await measure(() => runChecked(pingPong, 'done'), SWITCH_WARMUP);
  const loopPingCpu = lastCpu;
  const loopPingCold = lastCold;
  const nativePing = await measure(async () => {
    const deferred = () => {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      return { promise, resolve };
    };
    const futures = [deferred(), deferred()];
    const player = async (me: number) => {
      for (let i = 0; i < N; i++) {
        await futures[me]!.promise;
        futures[me] = deferred();
        futures[1 - me]!.resolve();
      }
    };
    const a = player(0);
    const b = player(1);
    futures[0]!.resolve();
    await Promise.all([a, b]);
  }, SWITCH_WARMUP);
  report('a2 ping-pong', 'two tasks, loop Futures', 'two async fns, promises', loopPing / (2 * N), nativePing / (2 * N), loopPingCpu / nativeCpu(), loopPingCold / (2 * N), lastCold / (2 * N));

  function nativeCpu(): number {
    return Math.max(lastCpu, 0.001);
  }
  function report(name: string, loopWhat: string, nativeWhat: string, loopMs: number, nativeMs: number, cpuRatio: number, loopColdMs: number, nativeColdMs: number): void {
    const ratio = loopMs / nativeMs;
    const ns = (ms: number): string => fmt(ms * 1e6, 0);
    console.log(
      `  ${name.padEnd(13)} loop ${ns(loopMs).padStart(6)} ns/switch (${loopWhat}; cold first run ${ns(loopColdMs)} ns)\n` +
        `  ${''.padEnd(13)} native ${ns(nativeMs).padStart(4)} ns/switch (${nativeWhat}; cold first run ${ns(nativeColdMs)} ns)\n` +
        `  ${''.padEnd(13)} ratio ${fmt(ratio, 1)}x (CPU time ratio ${fmt(cpuRatio, 1)}x; cold runs ${fmt(loopColdMs / nativeColdMs, 1)}x)  budget <= 5x  ${verdict(ratio <= 5)}`,
    );
  }
}

// ---------------------------------------------------------------- (b) 100,000 sleeping tasks

const TASKS = quick ? 20_000 : 100_000;
const tasksSource = tasksProgram(TASKS);

async function benchTasks(): Promise<void> {
  console.log(`\n(b) ${TASKS.toLocaleString('en')} tasks, each sleeps a random virtual time (< 10 s) and logs once  (budget: < 1 s, < 300 MB)`);
  const program = await compileOnce('bench-tasks', tasksSource);
  const dir = mkdtempSync(join(tmpdir(), 'miniloop-bench-'));
  const programFile = join(dir, 'program.json');
  writeFileSync(programFile, JSON.stringify(program));
  // The child (bench/tasks-child.mjs) runs the loop bundled into plain JavaScript, as the browser's worker does.
  const runtimeFile = join(dir, 'runtime.mjs');
  await bundleRuntime(fileURLToPath(new URL('..', import.meta.url)), runtimeFile);
  const child = fileURLToPath(new URL('./tasks-child.mjs', import.meta.url));
  const runChild = (warmup: number, runs: number): string =>
    execFileSync(process.execPath, ['--expose-gc', child, runtimeFile, programFile, String(TASKS), String(warmup), String(runs)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
  try {
    const [warmup, runs] = quick ? [1, 3] : [2, 5];
    const r = JSON.parse(runChild(warmup, runs)) as { wall: number; cpu: number; coldWall: number; lines: number; maxRss: number; baseline: number; peakHeap: number };
    const MB = 1024 * 1024;
    console.log(`  wall time   ${fmt(r.wall, 0).padStart(6)} ms (median, fresh process; CPU time ${fmt(r.cpu, 0)} ms)  budget < 1000 ms  ${verdict(r.wall < 1000)}`);
    console.log(
      `  peak memory ${fmt(r.maxRss / MB, 0).padStart(6)} MB (peak RSS of the process through its first run; ${fmt(r.baseline / MB, 0)} MB of Node and the loaded loop before it; peak JS heap during a later run ${fmt(r.peakHeap / MB, 0)} MB)  budget < 300 MB  ${verdict(r.maxRss < 300 * MB)}`,
    );
    // Issue 11's aims against the peers: printed as met / NOT MET, not counted as budgets.
    // Each miniloop sample is a child that runs the program once, cold (WARMUP = RUNS = 0).
    benchPeers({
      tasks: TASKS,
      rounds: quick ? 1 : 3,
      miniloopCold: () => {
        const cold = JSON.parse(runChild(0, 0)) as { coldWall: number; coldCpu: number; maxRss: number; lines: number };
        return { wall: cold.coldWall, cpu: cold.coldCpu, maxRss: cold.maxRss, lines: cold.lines };
      },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- (c) timers vs @sinonjs/fake-timers

/**
 * The timer-heavy workload, written once and run twice: natively with
 * fake-timers' clock, and as the source of a program on the loop (its text is
 * pasted into the program). 2,000 chains of 10 timers each with pseudo-random
 * delays (1..100 ms), plus one cleared timer per chain.
 */
function timerWorkload(
  setT: (fn: () => void, ms: number) => unknown,
  clearT: (handle: never) => void,
  chains: number,
): () => number {
  let fired = 0;
  let seed = 12345;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let c = 0; c < chains; c++) {
    let left = 10;
    const tick = (): void => {
      fired++;
      if (--left > 0) setT(tick, 1 + Math.floor(rand() * 100));
    };
    setT(tick, 1 + Math.floor(rand() * 100));
    clearT(setT(() => { throw new Error('a cleared timer ran'); }, 50) as never);
  }
  return () => fired;
}

async function benchTimers(): Promise<void> {
  const chains = quick ? 500 : 2000;
  const expected = chains * 10;
  console.log(`\n(c) ${expected.toLocaleString('en')} timers (${chains} chains of 10, random delays) on the loop vs @sinonjs/fake-timers  (budget: loop faster)`);
  const program = await compileOnce(
    'bench-timers',
    `const timerWorkload = ${timerWorkload.toString()};
     const fired = timerWorkload(setTimeout, clearTimeout, ${chains});
     setTimeout(() => console.log(String(fired())), 1_000_000);`,
  );
  const loopMs = await measure(() => runChecked(program, String(expected)));
  const loopCpu = lastCpu;
  const fakeMs = await measure(() => {
    const clock = FakeTimers.createClock(0, 10 * expected);
    const fired = timerWorkload(
      (fn, ms) => clock.setTimeout(fn, ms),
      (handle) => clock.clearTimeout(handle),
      chains,
    );
    clock.runAll();
    if (fired() !== expected) throw new Error(`fake-timers fired ${fired()} timers, expected ${expected}`);
  });
  const speedup = fakeMs / loopMs;
  console.log(`  loop        ${fmt(loopMs, 1).padStart(8)} ms, CPU ${fmt(loopCpu, 1)} ms (whole run: program, timers, trace, console)`);
  console.log(`  fake-timers ${fmt(fakeMs, 1).padStart(8)} ms, CPU ${fmt(lastCpu, 1)} ms (createClock + runAll, native code)`);
  console.log(`  loop is ${fmt(speedup, 1)}x ${speedup >= 1 ? 'faster' : 'slower'}  budget: faster  ${verdict(speedup > 1)}`);
}

// ---------------------------------------------------------------- main

console.log(`miniloop benchmarks  (Node ${process.version}; medians of ${RUNS} runs after ${WARMUP} warm-ups, ${SWITCH_WARMUP} for (a)${quick ? '; --quick sizes' : ''})`);
const load = loadavg()[0]!;
const cores = availableParallelism();
console.log(`machine: ${cores} CPU(s), load average ${fmt(load, 1)}` + (load > cores ? '  WARNING: the machine is busy; wall times are inflated (CPU times shown beside them)' : ''));
if (!only || only === 'a') await benchSwitch();
if (!only || only === 'b') await benchTasks();
if (!only || only === 'c') await benchTimers();
if (!only || only === 'd') {
  const ok = await benchFirstLine({ runs: quick ? 3 : 7 });
  console.log(`  budget: the direct command's first line < 500 ms  ${verdict(ok)}`);
}
if (compileTimes.length) {
  const [first, ...rest] = compileTimes;
  console.log(
    `\ncompile (native esbuild, as the CLI; excluded from the timings): first ${fmt(first!, 0)} ms (includes esbuild start-up)` +
      (rest.length ? `, then ${fmt(median(rest), 1)} ms per program (median)` : ''),
  );
}
console.log(missed ? `\n${missed} budget(s) MISSED.` : '\nAll budgets met.');
process.exit(missed ? 1 : 0);
