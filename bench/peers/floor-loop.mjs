// The smallest loop under benchmark (b), shared by the two floors
// (generator-floor.mjs, state-machine-floor.mjs): a ready queue and a bucketed
// timer heap, and nothing else - no trace, no promises, no cancellation, no
// attribution, no budgets. The floors differ only in what a task's body is.
//
// Its timer heap is the loop's TimerHeap (src/runtime/timer-heap.ts) written
// again: a floor imports nothing of the runtime.
//
// runFloor(spawn) runs the workload and prints one JSON object: wall and cpu
// (ms, the one cold run), maxRss (bytes), lines, and phases (ms each:
// spawned, started, woken, as bench/phases.mjs reads them for miniloop too).
// Command line of either floor: TASKS [--in-order]; --in-order: task i sleeps
// i * 10,000 / TASKS ms (tasksProgram's `order: 'creation'`).
import { phasesOf } from '../phases-of.mjs';

export const tasks = Number(process.argv[2]);
const inOrder = process.argv[3] === '--in-order';

/** How long task `i` sleeps, in ms (as benchmark (b)'s program). */
export function sleepMs(i) {
  return inOrder ? Math.floor((i * 10_000) / tasks) : Math.floor(Math.random() * 10_000);
}

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

/** What a task's body yields: a sleep of `ms`; the task it wakes is set when the body suspends on it. */
export class Sleep {
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

/**
 * A task: `start()` makes its body at its first step - an object whose `next()`
 * returns an iterator result, as a generator's does (the value is the Sleep it waits on).
 */
export class Task {
  constructor(start) {
    this.start = start;
    this.body = null;
    ready.push(this);
  }
  step() {
    if (this.body === null) {
      this.body = this.start();
      this.start = null;
    }
    const step = this.body.next();
    if (!step.done) step.value.waiter = this;
  }
}

const lines = [];
/** console.log as the peers do it: the line's text kept in a list. */
export const log = (...parts) => lines.push(parts.join(' '));

/**
 * Run the workload: a top-level task that calls `spawn(i)` for each task -
 * `spawn` makes the task - then sleeps 10 s (every task sleeps less) and logs
 * "all done". Prints the run's figures (see the top of this file).
 */
export function runFloor(spawn) {
  /** Where the run is at the end of each phase (three reads of the clock in all). */
  const marks = [];
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  new Task(function* () {
    for (let i = 0; i < tasks; i++) spawn(i);
    marks.push(['spawned', performance.now()]);
    yield new Sleep(10_000);
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
}
