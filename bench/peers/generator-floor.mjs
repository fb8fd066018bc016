// Not a peer: the floor under any loop built as miniloop is. The same
// 100,000-task workload on the smallest loop that drives tasks the way the
// compiler lowers `async` functions - a generator per call, made by a
// generator function all the calls share, from the values passed to it
// (compiler/shared-bodies.ts), with the driver's shared generator
// prototype - with a ready queue and a bucketed timer heap, and nothing else: no trace,
// no promises, no cancellation, no attribution, no budgets. What this costs
// on a machine, a traced loop with asyncio's semantics cannot go under; so it
// says which of issue 11's aims the lowering leaves room for (bench/README.md).
//
// Usage (from bench/peers/peers.mjs): node bench/peers/generator-floor.mjs TASKS [--in-order]
// Prints one JSON object: wall and cpu (ms, the one cold run), maxRss (bytes), lines, and
// phases (ms each: spawned, started, woken, as bench/phases.mjs reads them for miniloop too).
// --in-order: task i sleeps i * 10,000 / TASKS ms (tasksProgram's `order: 'creation'`).
import { phasesOf } from '../phases-of.mjs';

const tasks = Number(process.argv[2]);
const inOrder = process.argv[3] === '--in-order';
/** Where the run is at the end of each phase (three reads of the clock in all). */
const marks = [];
const GENERATOR_PROTOTYPE = Object.getPrototypeOf(function* () {}).prototype;

let now = 0;
const ready = [];
let readyHead = 0;
/** Sleeps due at each instant, and a binary min-heap of the instants (as the loop's TimerHeap). */
const buckets = new Map();
const whens = [];

function pushWhen(when) {
  let i = whens.length;
  whens.push(when);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (whens[parent] <= when) break;
    whens[i] = whens[parent];
    i = parent;
  }
  whens[i] = when;
}

function popWhen() {
  const top = whens[0];
  const last = whens.pop();
  const n = whens.length;
  if (n > 0) {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && whens[r] < whens[l] ? r : l;
      if (whens[c] >= last) break;
      whens[i] = whens[c];
      i = c;
    }
    whens[i] = last;
  }
  return top;
}

class Sleep {
  constructor(ms) {
    this.when = now + ms;
    this.waiter = null;
    let bucket = buckets.get(this.when);
    if (bucket === undefined) {
      bucket = [];
      buckets.set(this.when, bucket);
      pushWhen(this.when);
    }
    bucket.push(this);
  }
}

/** The driver's handling of a shared body (src/runtime/driver.ts): the standard prototype, once. */
function sharedBody(fn) {
  fn.prototype = GENERATOR_PROTOTYPE;
  return fn;
}

class Task {
  constructor(body) {
    this.body = body;
    this.gen = null;
    ready.push(this);
  }
  step() {
    if (this.gen === null) {
      this.gen = this.body();
      this.body = null;
    }
    const step = this.gen.next();
    if (!step.done) step.value.waiter = this;
  }
}

const lines = [];
const log = (...parts) => lines.push(parts.join(' '));

const cpuStart = process.cpuUsage();
const started = performance.now();
// As the compiler lowers `createTask(async () => { ... })` in the loop: a shell per iteration
// that passes `i` to the one shared body (its prototype set once, as the driver does).
let body;
new Task(function* () {
  for (let i = 0; i < tasks; i++) {
    new Task(() => Reflect.apply((body ??= sharedBody(function* (i) {
      yield new Sleep(inOrder ? Math.floor((i * 10_000) / tasks) : Math.floor(Math.random() * 10_000));
      log('woke', i);
    })), null, [i]));
  }
  marks.push(['spawned', performance.now()]);
  yield new Sleep(10_000); // every task sleeps less than this
  marks.push(['woken', performance.now()]);
  log('all done');
});
for (;;) {
  while (readyHead < ready.length) ready[readyHead++].step();
  if (whens.length === 0) break;
  // The ready queue is empty for the first time: every task has taken its first step.
  if (marks.length === 1) marks.push(['started', performance.now()]);
  now = popWhen();
  for (const sleep of buckets.get(now)) ready.push(sleep.waiter);
  buckets.delete(now);
}
const ended = performance.now();
const wall = ended - started;
const cpuUsed = process.cpuUsage(cpuStart);
if (lines.at(-1) !== 'all done') throw new Error(`floor: last line "${lines.at(-1)}", expected "all done"`);
process.stdout.write(JSON.stringify({ wall, cpu: (cpuUsed.user + cpuUsed.system) / 1000, maxRss: process.resourceUsage().maxRSS * 1024, lines: lines.length, phases: phasesOf(started, marks, ended) }));
