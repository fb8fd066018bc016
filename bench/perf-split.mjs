// Where a cold run's time goes, by thread and by kind of work, from Linux
// `perf` samples (bench/README.md, "Profiling"). V8's own sampling profiler
// (`--cpu-prof`) shows only the thread that runs JavaScript and files page
// faults and the IC stubs under the caller; `perf` sees every thread, the
// kernel and V8's builtins.
//
//   npx node bench/prepare-tasks.mjs /tmp/b              (the runtime bundle and (b)'s program; npx: Node 22, README "Node version")
//   perf record -e cpu-clock -F 5000 -g -o perf.data \
//     node_modules/.bin/node --perf-basic-prof --expose-gc bench/tasks-child.mjs /tmp/b/runtime.mjs /tmp/b/program.json 100000 0 0
//   perf script -i perf.data > perf.txt
//   node bench/perf-split.mjs perf.txt MS [--sample-ms 0.2]
//
// MS is the run's own wall time (the child prints it as coldWall): the window
// is the last MS milliseconds of the main thread's samples, so the process's
// start and the loading of the bundle are left out. Prints the main thread's
// and the other threads' (garbage collector helpers, background compilers)
// milliseconds by kind, then the main thread's heaviest leaves.
import { readFileSync } from 'node:fs';

const [file, windowArg, ...rest] = process.argv.slice(2);
const sampleMs = rest[0] === '--sample-ms' ? Number(rest[1]) : 0.2;
const windowMs = Number(windowArg);
if (!file || !(windowMs > 0) || !(sampleMs > 0)) {
  console.error('usage: node bench/perf-split.mjs PERF_SCRIPT.txt RUN_MS [--sample-ms MS]   (MS per sample: 1000 / perf -F; default 0.2)');
  process.exit(2);
}

/** One sample of `perf script`: its thread, time (s) and stack, leaf first. */
const samples = readFileSync(file, 'utf8')
  .split('\n\n')
  .filter((block) => block.trim() !== '')
  .map((block) => {
    const [head, ...frames] = block.split('\n');
    const [, tid, time] = head.trim().split(/\s+/);
    return { tid, time: Number.parseFloat(time), frames: frames.map((f) => f.trim().replace(/^[0-9a-f]+ /, '').replace(/\+0x[0-9a-f]+/, '').replace(/ \(.*$/, '')) };
  });
if (samples.length === 0) throw new Error(`${file}: no samples (is it the output of perf script?)`);

// The thread with the most samples is the one that runs JavaScript (perf follows child processes too).
const perThread = new Map();
for (const s of samples) perThread.set(s.tid, (perThread.get(s.tid) ?? 0) + 1);
const mainTid = [...perThread].sort((a, b) => b[1] - a[1])[0][0];
const mainSamples = samples.filter((s) => s.tid === mainTid);
const end = mainSamples.at(-1).time;
const start = end - windowMs / 1000;
const inWindow = (s) => s.time >= start && s.time <= end;

/** The kind of work a sample is in, by its stack (the first rule that matches). */
function kindOf(frames) {
  const leaf = frames[0] ?? '';
  const stack = frames.join('|');
  if (/exc_page_fault|do_anonymous_page|clear_page/.test(stack)) return 'page faults (fresh memory)';
  if (/Scaveng|MarkCompact|Heap::Collect|ConcurrentMarking|Sweeper|IncrementalMarking|MinorMark/.test(stack)) return 'garbage collection';
  if (/kallsyms/.test(leaf)) return 'kernel, other';
  if (/JS:\*/.test(leaf)) return 'JavaScript, optimised (TurboFan)';
  if (/compiler::|Maglev|maglev|Compiler::|Parser|Scanner|BytecodeGenerator|Baseline|OptimizingCompile/.test(stack)) return 'compiling and parsing';
  if (/JS:\+/.test(leaf)) return 'JavaScript, Maglev';
  if (/JS:\^|JS:~|Builtins_Interpreter|BytecodeHandler|Builtins_Baseline/.test(leaf)) return 'JavaScript, unoptimised';
  if (/Deoptimiz/.test(stack)) return 'deoptimising';
  if (/^Builtins_/.test(leaf)) return 'V8 builtins';
  return 'native, other';
}

function table(list) {
  const byKind = new Map();
  for (const s of list) byKind.set(kindOf(s.frames), (byKind.get(kindOf(s.frames)) ?? 0) + 1);
  return [...byKind].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `  ${(n * sampleMs).toFixed(0).padStart(6)} ms  ${kind}`).join('\n');
}

const main = mainSamples.filter(inWindow);
const others = samples.filter((s) => s.tid !== mainTid && inWindow(s));
console.log(`window: the last ${windowMs} ms of the main thread (${(main.length * sampleMs).toFixed(0)} ms sampled there)`);
console.log(`main thread:\n${table(main)}`);
console.log(`other threads (${new Set(others.map((s) => s.tid)).size}):\n${table(others)}`);

const leaves = new Map();
for (const s of main) {
  const key = `${s.frames[0]}  <- ${s.frames[1] ?? ''}`;
  leaves.set(key, (leaves.get(key) ?? 0) + 1);
}
console.log('main thread, heaviest leaves (leaf <- caller):');
for (const [key, n] of [...leaves].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(n * sampleMs).toFixed(1).padStart(6)} ms  ${key}`);
