/**
 * The loop: virtual clock, timers, the ready queue and the microtask queue.
 *
 * Design (after asyncio's `_run_once` and Node's timers + microtask checkpoint):
 * - `runUntilIdle` is the only place callbacks and jobs run. One turn expires
 *   due deadlines (a cancel scope's, see deadlineAt), moves every due timer to the ready
 *   queue, then runs exactly the callbacks that were ready when the turn began;
 *   after each callback the microtask queue drains completely, as Node does
 *   after each macrotask.
 * - Time is virtual: it moves only when nothing is ready, jumping to the next
 *   timer. A run is a single synchronous call, so it is deterministic and a
 *   program that "waits an hour" finishes in milliseconds.
 * - Every callback and job carries a context (the task that scheduled it); the
 *   loop switches `current` before running it. That is how each console line and
 *   each running/ready/waiting stretch is attributed to a task exactly.
 * Tests: tests/runtime/loop.test.ts, tests/runtime/corpus-ordering.test.ts.
 */
import { createPromiseClass } from './promise.ts';
import { list, MapPrototypeDelete, MapPrototypeSet, MathMax, MathMin, type List } from './primordials.ts';
import { TimerHeap } from './timer-heap.ts';
import { TraceRecorder, type StopDetail, type StopReason, type WaitLabel } from './trace.ts';
import type { WaitOn } from './wait-labels.ts';

/** What the loop needs to know about a task to attribute work to it. */
export interface LoopTask {
  readonly id: number;
  readonly name: string;
  /** Callbacks and jobs queued for this task that have not run yet. */
  queued: number;
  /** What the task waits on when it stops running (set by whatever it awaited): a label, or a sleep's duration (wait-labels.ts). */
  waitOn: WaitOn | null;
  /** What the task is suspended on, if any: what it waits on still holds after a callback of the task ran meanwhile. */
  readonly waiter?: Waiter | null;
  done(): boolean;
}

/**
 * What a suspended task waits on that its cancel() reaches (asyncio's
 * `_fut_waiter`): a loop Future, or a frame asleep on its own timer
 * (traps.ts, SLEEP).
 */
export interface Waiter {
  /** What the task is shown waiting on (a label, or a sleep's duration: wait-labels.ts). */
  readonly rawLabel: WaitOn;
  /** End the wait with CancelledError (the task wakes with it); false if it has ended already. */
  cancel(message?: string): boolean;
}

/** A scheduled callback; `cancel()` keeps it from running. */
export class Handle {
  /** Virtual time the callback is due. */
  when: number;
  /** Scheduling order; breaks ties between callbacks due at the same time. */
  seq: number;
  /** True once cancel() was called. */
  cancelled = false;
  /** When the callback became due, for ready spans after a stall. */
  since: number;
  /** The callback. */
  fn: (arg: any) => void;
  /** Passed to `fn`, so hot paths schedule a shared function instead of allocating a closure. */
  arg: unknown;
  /** The task the callback runs as (null: the loop itself). */
  ctx: LoopTask | null;
  /** What scheduled it ('setTimeout', 'sleep', 'future', ...), for the loop's lane. */
  source: string;
  /** @internal Why it runs (the trace's `wake` detail): the task whose turn scheduled it. */
  by = 0;
  /** @internal The timer behind it (its seq; -1: none). */
  timer = -1;
  /** @internal Records the cancel of a timer in the trace (set only when the run records loop events). */
  onCancel: ((handle: Handle) => void) | null = null;

  constructor(fn: (arg: any) => void, ctx: LoopTask | null, when: number, seq: number, source: string, arg?: unknown) {
    this.fn = fn;
    this.arg = arg;
    this.ctx = ctx;
    this.when = when;
    this.since = when;
    this.seq = seq;
    this.source = source;
  }

  /** Keep the callback from running; returns nothing, like asyncio's Handle.cancel. */
  cancel(): void {
    if (!this.cancelled && this.onCancel !== null) this.onCancel(this);
    this.cancelled = true;
  }
}

/**
 * A timer that is its own entry in the timer queue, with no Handle: a sleep's
 * future (time.ts), which nobody else can cancel than through itself. It runs
 * as the loop itself (no task), due since `when`, like a timer Handle.
 */
export interface SelfTimer {
  /** Virtual time it is due (set by `Loop.addTimer`). */
  when: number;
  /** True once it must not run (a Handle's `cancelled`): checked when it surfaces and again before it runs. */
  timerCancelled(): boolean;
  /** Its callback. */
  fire(): void;
  /**
   * Read, and only read, what `fire` and the wake-up it causes will read
   * first; returns a number only so the engine keeps the reads. See
   * runUntilIdle, step 3.
   */
  warm(): number;
}

/** Limits that stop runaway programs with a plain message. */
export interface LoopLimits {
  /** Virtual milliseconds a run may last. Default: 24 hours. */
  timeLimit: number;
  /** Callbacks plus microtask jobs a run may execute. Default: 10,000,000. */
  stepLimit: number;
  /** Console lines a run may print. Default: 10,000. */
  outputLimit: number;
  /**
   * Record the loop's own macrotask and microtask-checkpoint events (the
   * timeline's "microtasks" view). Off by default: they double the trace of
   * large runs, and only the JavaScript pages show them.
   */
  loopEvents: boolean;
}

export const DEFAULT_LIMITS: LoopLimits = {
  timeLimit: 24 * 60 * 60 * 1000,
  stepLimit: 10_000_000,
  outputLimit: 10_000,
  loopEvents: false,
};

/** Thrown through user code to unwind it when the run must stop at once. */
export class RunStopped extends Error {
  readonly reason: StopReason;
  constructor(reason: StopReason) {
    super(`run stopped: ${reason}`);
    this.name = 'RunStopped';
    this.reason = reason;
  }
}

/**
 * A piece of per-run state that a module declares once, at its top level:
 * `const POOLS = new RunSlot('thread pool', (loop) => new Pool(loop))`. Each
 * run (each Loop) makes the value on first use (`loop.slot(POOLS)`) and drops
 * it with the run, so a run is one object to look at or throw away, and no
 * module keeps a table of runs. Tests: tests/runtime/kernel-layers.test.ts.
 */
export class RunSlot<T> {
  static #count = 0;
  /** What the slot holds (for debugging). */
  readonly name: string;
  /** Makes the slot's value for a run. */
  readonly create: (loop: Loop) => T;
  /** @internal Index in each run's slot array. */
  readonly index: number;

  constructor(name: string, create: (loop: Loop) => T) {
    this.name = name;
    this.create = create;
    this.index = RunSlot.#count++;
  }
}

/**
 * The run whose loop is turning (or being set up): the only module-level
 * pointer to a run. The public API (sleep(), new Future()) finds its loop
 * here, as asyncio's get_running_loop does; everything a run holds hangs off
 * its Loop (fields and RunSlots).
 */
let active: Loop | null = null;

/** The loop of the run in progress; the public API finds its loop here, as asyncio's get_running_loop does. */
export function getLoop(): Loop {
  if (active === null) throw new Error('miniloop: no run in progress (this API works inside a program run on the loop)');
  return active;
}

/** The loop of the run in progress, or null outside a run. */
export function maybeLoop(): Loop | null {
  return active;
}

export class Loop {
  /** Virtual time in milliseconds since the run started. */
  now = 0;
  readonly trace = new TraceRecorder();
  readonly limits: LoopLimits;
  /** The task whose code is running now (null: the loop itself). */
  current: LoopTask | null = null;
  /** This run's Promise class: its jobs go through this loop's microtask queue. */
  readonly Promise: PromiseConstructor;
  /** Set when the run must end; checked after every callback and job. */
  stopped: StopDetail | null = null;
  steps = 0;
  lines = 0;
  /** Rejected promises nobody handled yet (reported at the end). */
  readonly unhandled = new Map<object, unknown>();

  #seq = 0;
  // The queues are primordials Lists (no prototype): a program's patches of Array.prototype cannot reach them.
  /**
   * The ready queue, four slots per entry: (fn, arg, ctx, since) for the
   * runtime's own wake-ups (`schedule`: nobody holds a handle, so none is
   * made - 100,000 tasks created in one turn queue 100,000 first steps), or
   * (null, handle) for a Handle someone may cancel (callSoon, a due timer).
   */
  #ready: List<unknown> = list();
  #readyHead = 0;
  #readyTail = 0;
  #timers = new TimerHeap<Handle | SelfTimer>();
  /** The sum of what SelfTimer.warm returned: kept only so the engine keeps its reads. */
  #warmth = 0;
  /** Deadlines (see deadlineAt): expired before anything queued runs. */
  #deadlines = new TimerHeap<Handle>();
  /**
   * Microtask jobs, three slots each (fn, arg, ctx): no object per job. The
   * queues below keep their own end index (`#jobsTail`) and are emptied by
   * resetting it: shrinking an array's `length` costs V8 about a microsecond
   * (it trims the backing store), more than the rest of a task switch.
   */
  #jobs: List<unknown> = list();
  #jobsHead = 0;
  #jobsTail = 0;
  /** Node's process.nextTick queue (node-queues.ts), same layout; drained before the microtasks. */
  #ticks: List<unknown> = list();
  #ticksHead = 0;
  #ticksTail = 0;
  /** The callback running now is a module evaluation: its ticks wait for the microtasks (see ticksAfterMicrotasks). */
  #microtasksFirst = false;
  #runningSince = Infinity;
  /** Who caused the loop callback running now (Handle.by / Handle.timer), passed on to what it schedules. */
  #causeBy = 0;
  #causeTimer = -1;
  /** limits.loopEvents, read once: the facts above are kept only when the run records loop events. */
  readonly #facts: boolean;
  /** Values of the RunSlots this run used, by slot index. */
  #slots: List<unknown> = list();

  constructor(limits: Partial<LoopLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.#facts = this.limits.loopEvents;
    this.Promise = createPromiseClass({
      enqueueJob: (fn, arg, ctx) => this.enqueueJob(fn, ctx as LoopTask | null, arg),
      captureContext: () => this.current,
      trackRejection: (promise, op, reason) => {
        if (op === 'reject') MapPrototypeSet(this.unhandled, promise, reason);
        else MapPrototypeDelete(this.unhandled, promise);
      },
    });
  }

  /** This run's value of `slot`, made on first use. */
  slot<T>(slot: RunSlot<T>): T {
    const value = this.#slots[slot.index];
    if (value !== undefined) return value as T;
    const made = slot.create(this);
    this.#slots[slot.index] = made;
    return made;
  }

  /** Schedule `fn(arg)` to run on the next turn (asyncio's call_soon). */
  callSoon<A = undefined>(fn: (arg: A) => void, ctx: LoopTask | null = this.current, source = 'callSoon', arg?: A): Handle {
    const handle = new Handle(fn, ctx, this.now, this.#seq++, source, arg);
    if (this.#facts) this.#setCause(handle);
    // Work scheduled by a callback that ran late (after a stall) has been due since that callback was.
    handle.since = MathMin(this.#runningSince, this.now);
    this.#pushReady(handle);
    return handle;
  }

  /**
   * `callSoon` for the runtime's own wake-ups (a future's callbacks, a task's
   * first step, a checkpoint): nobody keeps the handle, so the loop recycles
   * it after it ran - a task switch then allocates no handle.
   */
  schedule<A>(fn: (arg: A) => void, ctx: LoopTask | null, source: string, arg: A): void {
    if (this.#facts) {
      // Recording the loop's facts needs a handle (its cause and source are recorded when it runs).
      const handle = new Handle(fn, ctx, this.now, this.#seq++, source, arg);
      this.#setCause(handle);
      handle.since = MathMin(this.#runningSince, this.now);
      this.#pushReady(handle);
      return;
    }
    this.#seq++;
    const since = MathMin(this.#runningSince, this.now);
    if (ctx !== null) this.#markQueued(ctx, since, null);
    const ready = this.#ready;
    const n = this.#readyTail;
    ready[n] = fn;
    ready[n + 1] = arg;
    ready[n + 2] = ctx;
    ready[n + 3] = since;
    this.#readyTail = n + 4;
  }

  /** Schedule `fn(arg)` to run `ms` virtual milliseconds from now. */
  callLater<A = undefined>(ms: number, fn: (arg: A) => void, ctx: LoopTask | null = this.current, source = 'timer', arg?: A): Handle {
    return this.callAt(this.now + MathMax(0, ms), fn, ctx, source, arg);
  }

  /** Schedule `fn(arg)` to run at virtual time `t` (not before now). */
  callAt<A = undefined>(t: number, fn: (arg: A) => void, ctx: LoopTask | null = this.current, source = 'timer', arg?: A): Handle {
    // `t >= now` is false for NaN too: such a timer is due now (the queue needs comparable times).
    const handle = new Handle(fn, ctx, t >= this.now ? t : this.now, this.#seq++, source, arg);
    if (this.#facts) {
      handle.by = this.current?.id ?? this.#causeBy;
      handle.timer = handle.seq;
      this.#timerEvent(handle, 'set');
    }
    this.#timers.push(handle);
    return handle;
  }

  /**
   * Queue `timer` to fire at virtual time `t` (not before now), as `callAt`
   * would queue a Handle, without making one. Runs that record loop events
   * use callAt (their timer events need a Handle).
   */
  addTimer(timer: SelfTimer, t: number): void {
    timer.when = t >= this.now ? t : this.now;
    this.#seq++;
    this.#timers.push(timer);
  }

  /**
   * A deadline at virtual time `t`: `fn(arg)` runs (as the loop itself) at the
   * start of the first turn at or after `t`, before every callback already
   * queued - a structured-concurrency core expires deadlines before it
   * resumes any task, so a deadline that passed while the loop was blocked
   * (blockFor) takes effect at the very next checkpoint. Ordinary timers that fall due at the same time run after
   * it.
   */
  deadlineAt<A = undefined>(t: number, fn: (arg: A) => void, source = 'deadline', arg?: A): Handle {
    const handle = new Handle(fn, null, t >= this.now ? t : this.now, this.#seq++, source, arg);
    this.#deadlines.push(handle);
    return handle;
  }

  /** Queue the microtask job `fn(arg)` for `ctx`; it runs before the next callback. */
  enqueueJob<A = undefined>(fn: (arg: A) => void, ctx: LoopTask | null = this.current, arg?: A): void {
    if (ctx !== null) this.#markQueued(ctx, this.now, null);
    if (this.#facts) this.trace.add(this.now, ctx?.id ?? 0, 'microtask', { op: 'queue' });
    const jobs = this.#jobs;
    const n = this.#jobsTail;
    jobs[n] = fn;
    jobs[n + 1] = arg;
    jobs[n + 2] = ctx;
    this.#jobsTail = n + 3;
  }

  /**
   * Queue `fn(arg)` on Node's nextTick queue for `ctx`: after the running
   * callback, ticks run before the microtasks, and ticks queued by a
   * microtask run once the microtask queue is empty (Node's
   * processTicksAndRejections). Tests: tests/corpus/ordering (nextTick programs).
   */
  enqueueTick<A = undefined>(fn: (arg: A) => void, ctx: LoopTask | null = this.current, arg?: A): void {
    if (ctx !== null) this.#markQueued(ctx, this.now, null);
    const ticks = this.#ticks;
    const n = this.#ticksTail;
    ticks[n] = fn;
    ticks[n + 1] = arg;
    ticks[n + 2] = ctx;
    this.#ticksTail = n + 3;
  }

  /**
   * The running callback is evaluating an ES module (the program's top level
   * before its first await): as in Node, where that evaluation is itself a
   * microtask, the microtasks it queued run before its ticks.
   */
  ticksAfterMicrotasks(): void {
    this.#microtasksFirst = true;
  }

  /** Stop the run after the current callback. The first reason given wins; the reader's text is made from `detail` where it is shown (messages.ts stopText). */
  stop(detail: StopDetail): void {
    if (this.stopped) return;
    this.stopped = detail;
    this.trace.add(this.now, 0, 'stop', detail);
  }

  /** Stop now, unwinding the running user code. */
  stopNow(detail: StopDetail): never {
    this.stop(detail);
    throw new RunStopped(detail.reason);
  }

  /** Move the clock forward while the loop thread is blocked (blockFor): nothing else runs meanwhile. */
  advanceBlocked(ms: number): void {
    const task = this.current;
    this.trace.add(this.now, task?.id ?? 0, 'block', { ms });
    this.now += ms;
    if (this.now > this.limits.timeLimit) {
      this.stopNow({ reason: 'time-limit', limit: this.limits.timeLimit, passed: true });
    }
  }

  /**
   * Run until nothing is left to do or the run is stopped. This is the only
   * place callbacks and jobs are executed.
   */
  runUntilIdle(): void {
    const previous = active;
    active = this;
    try {
      this.#drainJobs();
      while (!this.stopped) {
        if (this.#readyHead >= this.#readyTail) {
          // 1. Nothing ready: jump the clock to the next live timer or deadline.
          const timer = this.#nextLive(this.#timers);
          const deadline = this.#nextLive(this.#deadlines);
          const next = deadline === undefined || (timer !== undefined && timer.when < deadline.when) ? timer : deadline;
          if (next === undefined) break;
          if (next.when > this.limits.timeLimit) {
            this.stop({ reason: 'time-limit', limit: this.limits.timeLimit, passed: false });
            break;
          }
          if (next.when > this.now) {
            this.#switchTo(null);
            this.now = next.when;
          }
        }
        // 2. Expire due deadlines now, before anything queued runs (see deadlineAt).
        for (let d = this.#nextLive(this.#deadlines); d !== undefined && d.when <= this.now && !this.stopped; d = this.#nextLive(this.#deadlines)) {
          this.#deadlines.pop();
          this.#runCallback(d.fn, d.arg, d.ctx, d.since, d);
        }
        // 3. Move every due timer to the ready queue, in (when, seq) order.
        for (let t = this.#nextLive(this.#timers); t !== undefined && t.when <= this.now; t = this.#nextLive(this.#timers)) {
          this.#timers.pop();
          if (t instanceof Handle) {
            if (this.#facts) this.#timerEvent(t, 'fire');
            this.#pushReady(t);
          } else {
            const ready = this.#ready;
            const n = this.#readyTail;
            ready[n] = null;
            ready[n + 1] = t;
            this.#readyTail = n + 4;
            // Read ahead what each wake-up will read, for every timer due now before any fires:
            // the reads then overlap instead of each wake-up waiting for memory in turn. 100,000
            // sleepers wake in random order across ~70 MB (bench/README.md, eighth session).
            this.#warmth += t.warm();
          }
        }
        // 4. Run exactly the callbacks that were ready when the turn began.
        const ready = this.#ready;
        const end = this.#readyTail;
        while (this.#readyHead < end && !this.stopped) {
          const i = this.#readyHead;
          const fn = ready[i] as ((arg: unknown) => void) | null;
          const arg = ready[i + 1];
          const ctx = ready[i + 2] as LoopTask | null;
          const since = ready[i + 3] as number;
          ready[i] = ready[i + 1] = ready[i + 2] = ready[i + 3] = undefined;
          this.#readyHead = i + 4;
          if (fn !== null) {
            this.#runCallback(fn, arg, ctx, since, null);
            continue;
          }
          if (!(arg instanceof Handle)) {
            const timer = arg as SelfTimer;
            if (!timer.timerCancelled()) this.#runCallback(fireTimer, timer, null, timer.when, null);
            continue;
          }
          const handle = arg;
          if (handle.cancelled) {
            if (handle.ctx) handle.ctx.queued--;
            continue;
          }
          this.#runCallback(handle.fn, handle.arg, handle.ctx, handle.since, handle);
        }
        this.#compactReady();
      }
    } finally {
      this.#switchTo(null);
      active = previous;
    }
  }

  /** Run one ready callback (`handle`: the Handle it came from, if any) and drain what it queued. */
  #runCallback(fn: (arg: any) => void, arg: unknown, ctx: LoopTask | null, since: number, handle: Handle | null): void {
    if (++this.steps > this.limits.stepLimit) {
      this.stop({ reason: 'step-limit', limit: this.limits.stepLimit });
      return;
    }
    const loopEvents = this.limits.loopEvents;
    if (loopEvents) this.trace.add(this.now, 0, 'macrotask', { source: handle !== null ? handle.source : 'callSoon' });
    if (ctx) ctx.queued--;
    this.#switchTo(ctx);
    if (loopEvents && handle !== null) {
      this.#causeBy = ctx?.id ?? handle.by;
      this.#causeTimer = ctx ? -1 : handle.timer;
    }
    this.#runningSince = since;
    this.#invoke(fn, arg);
    this.#runningSince = Infinity;
    let jobs = this.#ticksTail === 0 ? this.#drainJobs() : 0;
    // Ticks queued by the callback, or by one of its microtasks (rare: only programs using process.nextTick).
    if (this.#ticksTail !== 0) jobs += this.#drainTicksAndJobs();
    if (loopEvents) this.trace.add(this.now, 0, 'microtasks', { jobs });
    // The running task stays current until other work runs or the clock moves:
    // a task that yields and is the next to run shows as one running stretch.
  }

  /** Node's processTicksAndRejections: ticks, then every microtask, again while ticks were queued. */
  #drainTicksAndJobs(): number {
    let count = 0;
    if (this.#microtasksFirst) {
      this.#microtasksFirst = false;
      count += this.#drainJobs();
    }
    while (this.#ticksHead < this.#ticksTail && !this.stopped) {
      count += this.#drainTicks();
      count += this.#drainJobs();
    }
    return count;
  }

  #drainJobs(): number {
    let count = 0;
    const jobs = this.#jobs;
    while (this.#jobsHead < this.#jobsTail && !this.stopped) {
      const head = this.#jobsHead;
      const fn = jobs[head] as (arg: unknown) => void;
      const arg = jobs[head + 1];
      const ctx = jobs[head + 2] as LoopTask | null;
      jobs[head] = jobs[head + 1] = jobs[head + 2] = undefined;
      this.#jobsHead = head + 3;
      count++;
      if (++this.steps > this.limits.stepLimit) {
        this.stop({ reason: 'step-limit', limit: this.limits.stepLimit });
        break;
      }
      if (ctx) ctx.queued--;
      if (this.#facts) this.trace.add(this.now, ctx?.id ?? 0, 'microtask', { op: 'run' });
      this.#switchTo(ctx);
      this.#invoke(fn, arg);
    }
    if (this.#jobsHead > 0 && this.#jobsHead >= this.#jobsTail) {
      this.#jobsHead = this.#jobsTail = 0;
    }
    return count;
  }

  /** #drainJobs for the tick queue (kept apart so the microtask path stays as it was). */
  #drainTicks(): number {
    let count = 0;
    const ticks = this.#ticks;
    while (this.#ticksHead < this.#ticksTail && !this.stopped) {
      const head = this.#ticksHead;
      const fn = ticks[head] as (arg: unknown) => void;
      const arg = ticks[head + 1];
      const ctx = ticks[head + 2] as LoopTask | null;
      ticks[head] = ticks[head + 1] = ticks[head + 2] = undefined;
      this.#ticksHead = head + 3;
      count++;
      if (++this.steps > this.limits.stepLimit) {
        this.stop({ reason: 'step-limit', limit: this.limits.stepLimit });
        break;
      }
      if (ctx) ctx.queued--;
      this.#switchTo(ctx);
      this.#invoke(fn, arg);
    }
    if (this.#ticksHead > 0 && this.#ticksHead >= this.#ticksTail) {
      this.#ticksHead = this.#ticksTail = 0;
    }
    return count;
  }

  #invoke(fn: (arg: any) => void, arg: unknown): void {
    try {
      fn(arg);
    } catch (error) {
      if (error instanceof RunStopped) return;
      this.reportUncaught(error);
    }
  }

  /** An error escaped a callback (as in Node, this ends the run). */
  reportUncaught(error: unknown): void {
    const reporter = this.errorReporter;
    let message: string;
    let stack: string;
    try {
      ({ message, stack } = reporter(error));
    } catch {
      // Describing the error ran into built-ins the program broke: report it plainly rather than lose it.
      message = stack = plainError(error);
    }
    this.trace.add(this.now, this.current?.id ?? 0, 'error', { message, stack });
    this.stop({ reason: 'error' });
  }

  /** Turns an error into display text; the program runner replaces it with one that maps stacks to the reader's source. */
  errorReporter: (error: unknown) => { message: string; stack: string } = (error) => {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { message, stack: error instanceof Error ? (error.stack ?? message) : message };
  };

  /** Make `task` the running task, closing the previous running stretch in the trace. */
  #switchTo(ctx: LoopTask | null): void {
    const prev = this.current;
    if (prev === ctx) return;
    if (prev !== null && !prev.done()) {
      if (prev.queued > 0) this.trace.addReady(this.now, prev.id, this.now);
      else this.trace.addWait(this.now, prev.id, prev.waitOn ?? prev.waiter?.rawLabel ?? PROMISE_WAIT);
    }
    this.current = ctx;
    if (ctx !== null) {
      ctx.waitOn = null;
      this.trace.addRun(this.now, ctx.id);
    }
  }

  #pushReady(handle: Handle): void {
    if (handle.ctx) this.#markQueued(handle.ctx, handle.since, handle);
    const ready = this.#ready;
    const n = this.#readyTail;
    ready[n] = null;
    ready[n + 1] = handle;
    this.#readyTail = n + 4;
  }

  /** Move the queued entries to the front once most of the list is behind the head (in place: no new list, no shrinking). */
  #compactReady(): void {
    const head = this.#readyHead;
    if (head === 0) return;
    const tail = this.#readyTail;
    if (head === tail) {
      this.#readyHead = this.#readyTail = 0;
      return;
    }
    if (head < 4096 || head * 2 < tail) return;
    const ready = this.#ready;
    const n = tail - head;
    for (let i = 0; i < n; i++) {
      ready[i] = ready[head + i];
      ready[head + i] = undefined;
    }
    this.#readyHead = 0;
    this.#readyTail = n;
  }

  /** Handle.by/timer of work scheduled now: the running task, else whoever caused the loop callback running now. */
  #setCause(handle: Handle): void {
    const current = this.current;
    handle.by = current !== null ? current.id : this.#causeBy;
    handle.timer = current !== null ? -1 : this.#causeTimer;
  }

  #timerEvent(handle: Handle, op: 'set' | 'cancel' | 'fire'): void {
    this.trace.add(this.now, op === 'set' ? (this.current?.id ?? 0) : 0, 'timer', { op, id: handle.timer, due: handle.when, source: handle.source });
    if (op === 'set') handle.onCancel = (h) => this.#timerEvent(h, 'cancel');
  }

  /** Count work queued for a task; a waiting task that gets work becomes ready. */
  #markQueued(task: LoopTask, since: number, handle: Handle | null): void {
    if (task.queued++ === 0 && task !== this.current && !task.done()) {
      this.trace.addReady(this.now, task.id, since);
      // What made it ready (issue 14, the inspector's "why now?"): recorded, not inferred.
      if (this.#facts) {
        const by = handle !== null ? handle.by : (this.current?.id ?? this.#causeBy);
        const timer = handle !== null ? handle.timer : this.current !== null ? -1 : this.#causeTimer;
        this.trace.add(this.now, task.id, 'wake', timer >= 0 ? { by, timer } : { by });
      }
    }
  }

  #nextLive<T extends Handle | SelfTimer>(queue: TimerHeap<T>): T | undefined {
    let top = queue.peek();
    while (top !== undefined && (top instanceof Handle ? top.cancelled : (top as SelfTimer).timerCancelled())) {
      queue.pop();
      top = queue.peek();
    }
    return top;
  }

  /** Run `fn` as the loop's active run without the turn machinery (for setting a run up). */
  withActive<T>(fn: () => T): T {
    const previous = active;
    active = this;
    try {
      return fn();
    } finally {
      active = previous;
    }
  }
}


/** `Name: message` read without calling anything a program can replace. */
function plainError(error: unknown): string {
  try {
    if (typeof error === 'object' && error !== null) {
      const name = (error as { name?: unknown }).name;
      const message = (error as { message?: unknown }).message;
      return `${typeof name === 'string' ? name : 'Error'}: ${typeof message === 'string' ? message : ''}`;
    }
    return typeof error === 'string' ? error : typeof error;
  } catch {
    return 'an error that cannot be described';
  }
}

function fireTimer(timer: SelfTimer): void {
  timer.fire();
}

/** The wait label of a task that awaits a plain promise. */
export const PROMISE_WAIT: WaitLabel = { kind: 'promise', what: 'promise' };
