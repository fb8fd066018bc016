/**
 * The async-function driver: our replacement for esbuild's `__async` helper.
 *
 * Why lower `async`/`await` at all: a native `await` runs on the engine's own
 * microtask queue, out of the loop's sight, so neither virtual time nor
 * attribution could be exact. The compiler (src/compiler) has esbuild lower
 * every async function to a generator and call `__async(this, args, gen)`;
 * the program runner passes this driver as `__async`.
 *
 * What it keeps from V8, so JavaScript ordering stays equal: awaiting anything
 * that is not a loop object is the spec's Await - PromiseResolve then
 * PerformPromiseThen with this run's Promise (one tick for one of our promises,
 * more for thenables; a `then` property patched onto a promise is not called) -
 * and the result is delivered with `resolve(returnValue)`.
 *
 * What it adds, so asyncio semantics hold: awaiting a loop Future does what an
 * asyncio Task does - no suspension if the future is done, otherwise one
 * done-callback that wakes the frame through the ready queue - and records
 * what the task waits on. The kinds of suspension are the traps of traps.ts;
 * the task's own methods (suspendOn, wokeFrom, yieldTurn, resumeTurn,
 * takeResumeError) keep its state, so the driver writes none of it. A pending
 * cancellation (`Task.mustCancel`) is thrown into the frame at its next
 * resume, as asyncio's Task.__step does.
 * Tests: tests/runtime/task-root.test.ts, tests/runtime/kernel-layers.test.ts,
 * the ordering and semantics corpora.
 */
import { GeneratorPrototypeNext, GeneratorPrototypeThrow, ObjectGetPrototypeOf, ObjectHasOwn, ReflectApply } from './primordials.ts';

/** esbuild passes `null` for the arguments of a function that does not use them. */
const NO_ARGS: readonly unknown[] = Object.freeze([]);
import type { Future } from './future.ts';
import type { StateMachineBody } from '../contract/program.ts';
import { CancelledError } from './errors.ts';
import { isObject, makeAwait, promiseInternals, type AwaitFn, type PromiseInternals } from './promise.ts';
import { getLoop, RunSlot, type Loop, type SelfTimer, type Waiter } from './loop.ts';
import type { Task } from './task.ts';
import { AWAITED_SLEEP, FUTURE, FUTURE_DONE, SLEEP, trapOf, TURN } from './traps.ts';
import type { Yield } from './future.ts';
import type { WaitOn } from './wait-labels.ts';

type Step = IteratorResult<unknown, unknown>;

/**
 * A lowered body the compiler wrote as a class (compiler/state-machines.ts): stepped as a
 * generator is, `next(value)` and `throw(error)`. Its class is held by a compiler temporary
 * the program's own code does not name (`__asyncBodyN`, compiler/shared-bodies.ts), so its
 * methods are called as they are; a generator's are called through the primordials, since
 * %GeneratorPrototype% is the program's to patch.
 */
type StateMachine = StateMachineBody;

/** What a frame steps: a generator (its prototype the shared %GeneratorPrototype%, see __async) or a state machine. */
type Body = Generator | StateMachine;

/** Resume `body` with `value`. */
function bodyNext(body: Body, value?: unknown): Step {
  return ObjectGetPrototypeOf(body) === GENERATOR_PROTOTYPE ? GeneratorPrototypeNext(body as Generator, value) : (body as StateMachine).next(value);
}

/** Throw `error` into `body` where it waits. */
function bodyThrow(body: Body, error: unknown): Step {
  return ObjectGetPrototypeOf(body) === GENERATOR_PROTOTYPE ? GeneratorPrototypeThrow(body as Generator, error) : (body as StateMachine).throw(error);
}

/** What every frame of one run shares (the run's DRIVER slot). */
interface Driver {
  readonly loop: Loop;
  readonly promises: PromiseInternals;
  readonly await: AwaitFn;
  /** A task body is being started (startBody): the first frame made meanwhile is recorded here. */
  watching: boolean;
  candidate: Frame | null;
  /**
   * The body being started is a direct shell (see directShell): the first
   * frame is its own and goes straight back to startBody, so it can start
   * without a promise (see UNMADE).
   */
  bodyIsDirect: boolean;
  /**
   * The lowered async function whose shell is direct (LOWERED_KIND.DIRECT) made
   * most recently: a task created with it may start its body without a
   * promise (see UNMADE). Only `__lowered` sets it (function-shapes.ts), so a
   * program cannot point it at another function. One function, not a mark on
   * each: a mark would cost every such closure an object of properties (40
   * bytes), and `createTask(async () => ...)` creates its task right after the
   * closure. Tests: tests/runtime/task-root.test.ts.
   */
  directShell: object | null;
  /** The compiled program's `__async` helper, made on first use. */
  helper: AsyncHelper | null;
  /** `sleep()` itself, for a frame that cannot sleep on its own timer (set with the `__sleep` helper: awaitedSleepHelper). */
  sleep: ((ms: number) => unknown) | null;
}

/** The `__async(thisArg, args, generatorFunction)` helper the compiled program calls. */
export type AsyncHelper = (thisArg: unknown, args: unknown, genFn: ((...a: unknown[]) => Generator) | StateMachine, shared?: 1 | 3) => Promise<unknown>;

/**
 * One running async function. A class rather than closures because there is
 * one per call of every async function (100,000 tasks keep 100,000 of them
 * alive): its methods are shared, its promise is settled through the Promise
 * internals (no resolving functions), and awaiting a plain promise passes the
 * frame itself to shared reaction handlers (no closures).
 */
class Frame implements Waiter, SelfTimer {
  readonly driver: Driver;
  readonly task: Task<unknown> | null;
  readonly gen: Body;
  /** The async function's promise; UNMADE for a task's own body until someone needs it. */
  promise: Promise<unknown>;
  /** While suspended: the loop future it waits on, or the value a pending `Yield` resumes with. */
  pending: unknown = undefined;
  /** The task whose body this frame is (see startBody): told directly when the frame completes. */
  owner: Task<unknown> | null = null;
  /**
   * While it sleeps on its own timer (traps.ts, SLEEP), when it is due (SelfTimer); AWAKE
   * otherwise, NEVER_AGAIN once such a sleep was cancelled. `pending` holds the sleep's duration
   * meanwhile, until the frame wakes (a CancelledSleep once cancelled).
   */
  when = AWAKE;

  constructor(driver: Driver, gen: Body, promise: Promise<unknown>, task: Task<unknown> | null) {
    this.driver = driver;
    this.task = task;
    this.gen = gen;
    this.promise = promise;
  }

  resolve(value: unknown): void {
    if (this.promise === UNMADE) {
      // The task's reaction is the only one there could be: its job, without the promise.
      // A thenable is followed through a promise, made now (nobody has seen this one).
      if (this.owner !== null && !isObject(value)) return reportToOwnerDirectly(this, value, ownerSucceedsJob);
      makePromise(this);
    }
    reportToOwner(this);
    this.driver.promises.resolve(this.promise, value);
  }

  reject(reason: unknown): void {
    if (this.promise === UNMADE) {
      if (this.owner !== null) return reportToOwnerDirectly(this, reason, ownerFailsJob);
      makePromise(this);
    }
    reportToOwner(this);
    this.driver.promises.reject(this.promise, reason);
  }

  /** Continue after an await that produced `value` (or deliver a pending cancellation instead). */
  resume(value: unknown): void {
    continueFrame(this, false, value);
  }

  /** Continue after an await that failed with `error` (or deliver a pending cancellation instead). */
  fail(error: unknown): void {
    continueFrame(this, true, error);
  }

  advance(first: Step): void {
    let step = first;
    const task = this.task;
    // Loop instead of recursing while awaited futures are already done (no suspension, as in asyncio).
    for (;;) {
      if (step.done) {
        this.resolve(step.value);
        return;
      }
      const awaited = step.value;
      const trap = trapOf(awaited);
      if (trap === SLEEP) {
        const ms = AWAITED_SLEEP.ms;
        // A cancelled sleep may still have its entry in the timer queue: its later sleeps make a future.
        if (this.when === NEVER_AGAIN) {
          step = { done: false, value: this.driver.sleep!(ms) };
          continue;
        }
        const loop = this.driver.loop;
        this.pending = ms;
        loop.addTimer(this, loop.now + ms);
        if (task !== null) task.suspendOn(this);
        return;
      }
      if (trap === FUTURE) {
        const future = awaited as Future<unknown>;
        if (task !== null) task.suspendOn(future);
        this.pending = future;
        future.onDone(wakeFrame, this, task);
        return;
      }
      if (trap === FUTURE_DONE) {
        try {
          step = readDone(this.gen, awaited as Future<unknown>);
        } catch (error) {
          this.reject(error);
          return;
        }
        continue;
      }
      if (trap === TURN) {
        if (task !== null) task.yieldTurn();
        this.pending = (awaited as Yield<unknown>).value;
        this.driver.loop.schedule(resumeTurn, task, 'checkpoint', this);
        return;
      }
      try {
        this.driver.await(awaited, resumeFrame, failFrame, this);
      } catch (error) {
        // PromiseResolve itself threw (a `constructor` getter, say): Await's `?` throws it at the
        // `await`, in the same step. Test: tests/runtime/primordials.test.ts (await that fails while resolving).
        try {
          step = bodyThrow(this.gen, error);
        } catch (thrown) {
          this.reject(thrown);
          return;
        }
        continue;
      }
      if (task !== null) task.suspendOnPromise();
      return;
    }
  }

  // ---- Sleeping on its own timer (traps.ts, SLEEP): the frame is the sleep's Waiter and its timer.

  /** Waiter: the sleep's duration, which stands for its label (wait-labels.ts). */
  get rawLabel(): WaitOn {
    const pending = this.pending;
    return typeof pending === 'number' ? pending : (pending as CancelledSleep).ms;
  }

  /** Waiter: cancel the sleep, as cancelling its future would (false once it fired: its wake-up is queued). */
  cancel(message?: string): boolean {
    if (this.when < 0) return false;
    this.when = NEVER_AGAIN;
    this.pending = new CancelledSleep(this.pending as number, message);
    this.driver.loop.schedule(wakeFromSleep, this.task, 'future', this);
    return true;
  }

  /** SelfTimer: the entry of a cancelled sleep must not fire. */
  timerCancelled(): boolean {
    return this.when === NEVER_AGAIN;
  }

  /** SelfTimer: the sleep ended; the frame wakes in a callback of its own, as a future's waiter does. */
  fire(): void {
    this.when = AWAKE;
    this.driver.loop.schedule(wakeFromSleep, this.task, 'future', this);
  }

  /** SelfTimer: read what waking will read first (what a sleep future's `warm` reads). */
  warm(): number {
    return warmWaiter(this) + (this.task === null ? 0 : this.task.warm());
  }
}

/** Frame.when while the frame is not asleep on its own timer. */
const AWAKE = -1;
/** Frame.when once a sleep on its own timer was cancelled. */
const NEVER_AGAIN = -2;

/** What a frame's `pending` holds once its own sleep was cancelled: the sleep's duration (its label) and the message. */
class CancelledSleep {
  readonly ms: number;
  readonly message: string | undefined;
  constructor(ms: number, message: string | undefined) {
    this.ms = ms;
    this.message = message;
  }
}

/** A frame's own sleep ended or was cancelled: resume it, as wakeFrame does for a sleep's future. */
function wakeFromSleep(frame: Frame): void {
  const pending = frame.pending;
  frame.pending = undefined;
  if (frame.task !== null) frame.task.wokeFrom(frame);
  if (pending instanceof CancelledSleep) frame.fail(new CancelledError(pending.message ?? ''));
  else frame.resume(undefined);
}

/**
 * The run's `__sleep(ms)` (contract/program.ts): what a lowered async function awaits instead of
 * `sleep(ms)` where nothing but that await sees the sleep (compiler/awaited-sleeps.ts). The frame
 * sleeps on its own timer (traps.ts, SLEEP), unless something could tell: a duration that is not
 * a positive number (sleep converts it, or yields one turn), a layer's hooks on the task (a layer
 * may time its sleeps itself, and reads the future), the loop's own events recorded (there a
 * sleep's timer is a Handle). Then it is `sleep(ms)`. Tests: tests/runtime/awaited-sleeps.test.ts.
 */
export function awaitedSleepHelper(loop: Loop, sleep: (ms: number) => unknown): (ms: number) => unknown {
  loop.slot(DRIVER).sleep = sleep;
  return (ms) => {
    const task = loop.current as Task<unknown> | null;
    if (typeof ms !== 'number' || !(ms > 0) || loop.limits.loopEvents || (task !== null && task.hooks !== null)) return sleep(ms);
    AWAITED_SLEEP.ms = ms;
    return AWAITED_SLEEP;
  };
}

// Frame's helpers are functions, not private methods: an instance private method
// costs every instance a field (V8's class brand), on 100,000 suspended frames.

/** The owner task's reaction, added now at the head of the list: where it would be had the task called then() at its start. */
function reportToOwner(frame: Frame): void {
  const owner = frame.owner;
  if (owner === null) return;
  frame.owner = null;
  frame.driver.promises.prependThen(frame.promise, ownerSucceeds, ownerFails, owner, owner);
}

/** Continue after an await that produced `value` (or threw it), or deliver a pending cancellation instead. */
function continueFrame(frame: Frame, threw: boolean, value: unknown): void {
  let step: Step;
  try {
    const task = frame.task;
    if (task !== null && task.mustCancel) step = bodyThrow(frame.gen, task.takeResumeError());
    else step = threw ? bodyThrow(frame.gen, value) : bodyNext(frame.gen, value);
  } catch (error) {
    frame.reject(error);
    return;
  }
  frame.advance(step);
}

/** The driver of a run. */
const DRIVER = new RunSlot<Driver>('async driver', (loop) => ({
  loop,
  promises: promiseInternals(loop.Promise),
  await: makeAwait(loop.Promise),
  watching: false,
  candidate: null,
  bodyIsDirect: false,
  directShell: null,
  helper: null,
  sleep: null,
}));

/** What `startBody` returns when the body's frame became the task's root. */
export const ADOPTED: unique symbol = Symbol('adopted');

/**
 * Call `body()` as the first step of `task` and return what it returned - or
 * ADOPTED: if the body returned the promise of the first frame it started,
 * still pending and not yet awaited by anyone, that frame becomes the task's
 * root. It adds the task's reaction itself when it completes, at the head of
 * the list (where then() at the task's start would have put it), so a
 * suspended task holds no reaction (100,000 sleeping tasks hold 100,000 fewer
 * objects). The promise is marked handled now, as then() would mark it.
 * Throws what the body throws. Tests: tests/runtime/task-root.test.ts.
 */
export function startBody(loop: Loop, task: Task<unknown>, body: () => unknown, bodyIsDirect: boolean): unknown {
  const driver = loop.slot(DRIVER);
  driver.watching = true;
  driver.bodyIsDirect = bodyIsDirect;
  driver.candidate = null;
  let result: unknown;
  try {
    result = body();
  } finally {
    driver.watching = false;
    driver.bodyIsDirect = false;
  }
  // Set by __async while the body ran (TypeScript cannot see that through the call).
  const frame = driver.candidate as Frame | null;
  driver.candidate = null;
  if (frame === null || frame.promise !== result) return result;
  return adoptFrame(driver, frame, task);
}

/** The end of startBody: `frame`, whose promise the body returned, becomes `task`'s root unless someone has seen that promise. */
function adoptFrame(driver: Driver, frame: Frame, task: Task<unknown>): unknown {
  const result = frame.promise;
  if (result !== UNMADE) {
    if (!driver.promises.unobserved(result)) return result;
    driver.promises.markHandled(result);
  }
  frame.owner = task;
  return ADOPTED;
}

/** What `__lowered` calls with each lowered async function whose shell is direct (see Driver.directShell). */
export function directShellNoter(loop: Loop): (fn: object) => void {
  const driver = loop.slot(DRIVER);
  return (fn) => {
    driver.directShell = fn;
  };
}

/** True if `body` is the direct-shell async function made last (see Driver.directShell): a task takes this when it is created. */
export function isDirectShell(loop: Loop, body: unknown): boolean {
  return body !== null && loop.slot(DRIVER).directShell === body;
}

/**
 * Start `machine` as `task`'s body (task.ts, machineTask): what startBody does with a body that calls
 * the arrow's shell - `__async(null, null, machine, 3)` for a direct shell, its frame the candidate -
 * without the call, the closure and the candidate's bookkeeping (about 15 ms of (b)'s start:
 * bench/README.md, twelfth session). Tests: tests/runtime/task-machines.test.ts.
 */
export function startMachineBody(loop: Loop, task: Task<unknown>, machine: StateMachineBody): unknown {
  const driver = loop.slot(DRIVER);
  const frame = new Frame(driver, machine, UNMADE, loop.current as Task<unknown> | null);
  firstStep(frame);
  return adoptFrame(driver, frame, task);
}

/** The spec's Await for this loop's Promise class (no `then` lookup on our promises, as in V8). */
export function awaitFor(loop: Loop): AwaitFn {
  return loop.slot(DRIVER).await;
}

function ownerSucceeds(value: unknown, task: Task<unknown>): void {
  task.succeed(value);
}

/**
 * What a task's own body frame holds instead of a promise until one is needed.
 * Such a frame was made by the lowered async function the task was given,
 * one whose call runs no program code before its frame (LOWERED_KIND.DIRECT,
 * known in a way a program cannot forge: Driver.directShell), so its
 * return value went straight back to startBody: no code has seen it. When the frame completes, the task's reaction job is queued as
 * the promise would have queued it; a promise is made only if the body
 * completes before it is adopted or returns a thenable. Saves a promise per
 * sleeping task (72 bytes) and a reaction per ending one.
 * Tests: tests/runtime/task-root.test.ts ("a task's own async body").
 */
const UNMADE = Object.freeze({ unmade: true }) as unknown as Promise<unknown>;

function makePromise(frame: Frame): void {
  frame.promise = frame.driver.promises.create();
  // Adopted: handled, as startBody marks an adopted promise.
  if (frame.owner !== null) frame.driver.promises.markHandled(frame.promise);
}

/** The owner's reaction job, queued as the promise's trigger would queue it: its context is the owner. */
function reportToOwnerDirectly(frame: Frame, outcome: unknown, job: (frame: Frame) => void): void {
  frame.pending = outcome;
  frame.driver.loop.enqueueJob(job, frame.owner, frame);
}

const ownerSucceedsJob = (frame: Frame): void => settleOwner(frame, true);
const ownerFailsJob = (frame: Frame): void => settleOwner(frame, false);

/**
 * The owner's reaction job: the task succeeds or fails with the frame's outcome. As the
 * reaction job runs ownerSucceeds/ownerFails, an error thrown by the task is dropped there
 * (a reaction with no derived promise), so it is here.
 */
function settleOwner(frame: Frame, ok: boolean): void {
  const owner = frame.owner!;
  const outcome = frame.pending;
  frame.owner = null;
  frame.pending = undefined;
  try {
    if (ok) owner.succeed(outcome);
    else owner.fail(outcome);
  } catch {
    // See above.
  }
}

function ownerFails(error: unknown, task: Task<unknown>): void {
  task.fail(error);
}

function resumeFrame(value: unknown, frame: Frame): void {
  frame.resume(value);
}

function failFrame(reason: unknown, frame: Frame): void {
  frame.fail(reason);
}

/** A suspended frame's future is done: resume it with the result or the error. */
function wakeFrame(frame: Frame): void {
  const future = frame.pending as Future<unknown>;
  frame.pending = undefined;
  const task = frame.task;
  if (task !== null) task.wokeFrom(future);
  let value: unknown;
  try {
    value = future.result();
  } catch (error) {
    frame.fail(error);
    return;
  }
  frame.resume(value);
}

/**
 * Read what resuming `waiter` will read first, if it is a frame - its
 * generator's header - and nothing else: no property lookup a program could
 * have patched (see SelfTimer.warm, loop.ts). A number only so the read is kept.
 */
export function warmWaiter(waiter: unknown): number {
  return waiter instanceof Frame && ObjectGetPrototypeOf(waiter.gen) === GENERATOR_PROTOTYPE ? 1 : 0;
}

/** A yielded turn came: resume the frame (unless a hook of its task asks for one more turn). */
function resumeTurn(frame: Frame): void {
  const task = frame.task;
  if (task !== null && !task.resumeTurn()) {
    frame.driver.loop.schedule(resumeTurn, task, 'checkpoint', frame);
    return;
  }
  const value = frame.pending;
  frame.pending = undefined;
  frame.resume(value);
}

/** %GeneratorPrototype%: what every generator object inherits next/throw/return from. */
const GENERATOR_PROTOTYPE: object = Object.getPrototypeOf(function* () {}).prototype;

/** Make the `__async(thisArg, args, generatorFunction)` helper for one run. */
function makeAsyncDriver(driver: Driver): AsyncHelper {
  const promises = driver.promises;
  return function __async(thisArg: unknown, args: unknown, genFn: ((...a: unknown[]) => Generator) | StateMachine, shared?: 1 | 3): Promise<unknown> {
    // The first call while a task body starts is the body's own frame (when the body is a
    // lowered async function): decided before the generator function is called, since
    // calling it runs the program's parameter defaults, which may call async functions too.
    const isCandidate = driver.watching;
    driver.watching = false;
    const promise = isCandidate && driver.bodyIsDirect ? UNMADE : promises.create();
    let gen: Body;
    try {
      gen = bodyOf(thisArg, args, genFn, shared);
    } catch (error) {
      // Binding the body's parameters threw (a default's code): the call's promise rejects.
      const failed = promise === UNMADE ? promises.create() : promise;
      promises.reject(failed, error);
      return failed;
    }
    const frame = new Frame(driver, gen, promise, driver.loop.current as Task<unknown> | null);
    if (isCandidate) driver.candidate = frame;
    firstStep(frame);
    // The frame's promise, made meanwhile if the body completed or failed before it was adopted.
    return frame.promise;
  };
}

/** A new frame's first step, then on as the frame goes; a throw there rejects the frame's promise (made now if UNMADE). */
function firstStep(frame: Frame): void {
  let first: Step;
  try {
    first = bodyNext(frame.gen);
  } catch (error) {
    const promises = frame.driver.promises;
    if (frame.promise === UNMADE) frame.promise = promises.create();
    promises.reject(frame.promise, error);
    return;
  }
  frame.advance(first);
}

/** The body of one call of a lowered async function: `__async`'s arguments, as the compiler passes them. */
function bodyOf(thisArg: unknown, args: unknown, body: ((...a: unknown[]) => Generator) | StateMachine, shared: 1 | 3 | undefined): Body {
  // A shared body written as a state machine (compiler/state-machines.ts): the shell constructed
  // it (3), running only the compiler's code, as calling a generator function does.
  if (shared === 3) return body as StateMachine;
  const genFn = body as (...a: unknown[]) => Generator;
  // The generator is the driver's alone, so it can share the one standard
  // prototype instead of V8 making a prototype object and two maps for
  // every fresh closure it is called through (objects that live as long as the task is suspended).
  // A generator function shared by every call (compiler/shared-bodies.ts) gets it once:
  // setting it again would give V8 a new map per call. A fresh one is not read first,
  // which would make the prototype object this avoids.
  if (shared === 1) {
    if (genFn.prototype !== GENERATOR_PROTOTYPE) genFn.prototype = GENERATOR_PROTOTYPE;
  } else if (ObjectHasOwn(genFn, 'prototype')) genFn.prototype = GENERATOR_PROTOTYPE;
  return ReflectApply(genFn, thisArg, (args ?? NO_ARGS) as unknown[]) as Generator;
}

function readDone(gen: Body, future: Future<unknown>): Step {
  let value: unknown;
  try {
    value = future.result();
  } catch (error) {
    return bodyThrow(gen, error);
  }
  return bodyNext(gen, value);
}

/**
 * Run a generator function as a coroutine of the running task: inside it,
 * `yield x` means `await x` with the same semantics as a reader's lowered
 * async function. This is how every runtime layer (asyncio, structured concurrency, network) writes
 * a multi-step operation, because a native `async` function would escape the
 * loop (runtime code is not lowered by the compiler).
 */
export function co<T>(body: () => Generator<unknown, T, unknown>): Promise<T> {
  return driverFor(getLoop())(undefined, [], body as (...a: unknown[]) => Generator) as Promise<T>;
}

/**
 * `co` for the enter and exit of a block that is not a checkpoint (a cancel
 * scope's `with` block is synchronous in Python): the coroutine runs in the calling task but
 * its resumes never take the task's owed cancellation or resume error, and do
 * not mark what the task waits on - the task's own code around the block
 * meets them at its next resume, exactly as when the block chained `.then`
 * on its body's promise. Yield only promises here (`yield P.resolve(x)` costs
 * what `.then` did); a Future needs `co` so that cancel() reaches it.
 */
export function coBlock<T>(body: () => Generator<unknown, T, unknown>): Promise<T> {
  const driver = getLoop().slot(DRIVER);
  const promises = driver.promises;
  const promise = promises.create();
  let first: Step;
  let frame: Frame;
  try {
    if (Object.hasOwn(body, 'prototype')) body.prototype = GENERATOR_PROTOTYPE;
    const gen = body();
    frame = new Frame(driver, gen, promise, null);
    if (driver.watching) {
      driver.watching = false;
      driver.candidate = frame;
    }
    first = GeneratorPrototypeNext(gen);
  } catch (error) {
    promises.reject(promise, error);
    return promise as Promise<T>;
  }
  frame.advance(first);
  return promise as Promise<T>;
}

/**
 * `co` with the loop given. TODO(contentB, net/ws.ts): the one remaining caller; use `co(body)`
 * and this goes.
 */
export function coroutine<T>(loop: Loop, body: () => Generator<unknown, T, unknown>): Promise<T> {
  return driverFor(loop)(undefined, [], body as (...a: unknown[]) => Generator) as Promise<T>;
}

/** The run's shared driver (the compiled program's `__async`). */
export function driverFor(loop: Loop): AsyncHelper {
  const driver = loop.slot(DRIVER);
  return (driver.helper ??= makeAsyncDriver(driver));
}
