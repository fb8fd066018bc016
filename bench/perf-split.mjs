// Where a cold run's time goes, by thread and by kind of work, from Linux
// `perf` samples (bench/README.md, "Profiling"). V8's own sampling profiler
// (`--cpu-prof`) shows only the thread that runs JavaScript and files page
// faults and the IC stubs under the caller; `perf` sees every thread, the
// kernel and V8's builtins.
//
//   npx node bench/prepare-tasks.mjs /tmp/b              (the runtime bundle and (b)'s program; npx: Node 22, README "Node version")
//   perf record -e cpu-clock -F 5000 -g -o perf.data \
//     node_modules/.bin/node --perf-basic-prof --expose-gc bench/tasks-child.mjs /tmp/b/runtime.mjs /tmp/b/program.json 100000 0 0 > run.json
//   perf script -i perf.data > perf.txt
//   node bench/perf-split.mjs perf.txt run.json [--sample-ms 0.2]
//
// run.json is what the child printed; its coldWall is the run's own wall time
// (a number of milliseconds can be given instead). The window is the last that
// many milliseconds of the main thread's samples, so the process's start and
// the loading of the bundle are left out. Prints the main thread's
// and the other threads' (garbage collector helpers, background compilers)
// milliseconds by kind, then the main thread's heaviest leaves.
import { existsSync, readFileSync } from 'node:fs';

const usage = 'usage: node bench/perf-split.mjs PERF_SCRIPT.txt RUN.json|RUN_MS [--sample-ms MS]   (RUN.json: what bench/tasks-child.mjs printed; MS per sample: 1000 / perf -F, default 0.2)';
const [file, windowArg, ...rest] = process.argv.slice(2);
const sampleMs = rest[0] === '--sample-ms' ? Number(rest[1]) : 0.2;
/** The run's wall time: the child's coldWall, or a number given. */
function runMs(arg) {
  if (arg === undefined) return NaN;
  if (!existsSync(arg)) return Number(arg);
  try {
    return Number(JSON.parse(readFileSync(arg, 'utf8')).coldWall);
  } catch {
    return NaN;
  }
}
const windowMs = runMs(windowArg);
if (!file || !existsSync(file) || !(windowMs > 0) || !(sampleMs > 0)) {
  console.error(usage);
  process.exit(2);
}

/** One sample of `perf script`: its thread, time (s) and stack, leaf first. */
const samples = readFileSync(file, 'utf8')
  .split('\n\n')
  .filter((block) => block.trim() !== '')
  .map((block) => {
    const [head, ...frames] = block.split('\n');
    // "COMM TID TIME: PERIOD EVENT:", where a thread's name (COMM) may hold spaces.
    const [, tid = '', time = 'NaN'] = /\s(\d+)\s+(\d+\.\d+):/.exec(head) ?? [];
    return { tid, time: Number.parseFloat(time), frames: frames.map((f) => f.trim().replace(/^[0-9a-f]+ /, '').replace(/\+0x[0-9a-f]+/, '').replace(/ \(.*$/, '')) };
  })
  .filter((sample) => sample.tid !== '' && Number.isFinite(sample.time));
if (samples.length === 0) {
  console.error(`${file}: no samples (is it the output of \`perf script\`?)\n${usage}`);
  process.exit(2);
}

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
  for (const s of list) {
    const kind = kindOf(s.frames);
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }
  return [...byKind].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `  ${(n * sampleMs).toFixed(0).padStart(6)} ms  ${kind}`).join('\n');
}

const main = mainSamples.filter(inWindow);
const others = samples.filter((s) => s.tid !== mainTid && inWindow(s));
console.log(`window: the last ${Math.round(windowMs)} ms of the main thread (${(main.length * sampleMs).toFixed(0)} ms sampled there)`);
console.log(`main thread:\n${table(main)}`);
console.log(`other threads (${new Set(others.map((s) => s.tid)).size}):\n${table(others)}`);

const leaves = new Map();
for (const s of main) {
  const key = `${s.frames[0]}  <- ${s.frames[1] ?? ''}`;
  leaves.set(key, (leaves.get(key) ?? 0) + 1);
}
console.log('main thread, heaviest leaves (leaf <- caller):');
for (const [key, n] of [...leaves].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(n * sampleMs).toFixed(1).padStart(6)} ms  ${key}`);
