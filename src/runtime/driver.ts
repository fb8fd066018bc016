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
 * what the task waits on. A pending cancellation (`Task.mustCancel`) is thrown
 * into the frame at its next resume, as asyncio's Task.__step does.
 * Tests: tests/runtime/driver.test.ts, the ordering and semantics corpora.
 */
import { Future, Yield } from './future.ts';
import { makeAwait, promiseInternals, type AwaitFn, type PromiseInternals } from './promise.ts';
import { PROMISE_WAIT, type Loop } from './loop.ts';
import type { Task } from './task.ts';

type Step = IteratorResult<unknown, unknown>;

/** What every frame of one loop shares. */
interface Driver {
  readonly loop: Loop;
  readonly promises: PromiseInternals;
  readonly await: AwaitFn;
  /** A task body is being started: the next frame made is its candidate root (see adoptRoot). */
  watching: boolean;
  candidate: Frame | null;
}

/**
 * One running async function. A class rather than closures because there is
 * one per call of every async function (100,000 tasks keep 100,000 of them
 * alive): its methods are shared, its promise is settled through the Promise
 * internals (no resolving functions), and awaiting a plain promise passes the
 * frame itself to shared reaction handlers (no closures).
 */
class Frame {
  readonly driver: Driver;
  readonly task: Task<unknown> | null;
  readonly gen: Generator;
  /** The async function's promise. */
  readonly promise: Promise<unknown>;
  /** While suspended: the loop future it waits on, or the value a pending `Yield` resumes with. */
  pending: unknown = undefined;
  /** The task whose body this frame is (see adoptRoot): told directly when the frame completes. */
  owner: Task<unknown> | null = null;

  constructor(driver: Driver, gen: Generator, promise: Promise<unknown>) {
    this.driver = driver;
    this.task = driver.loop.current as Task<unknown> | null;
    this.gen = gen;
    this.promise = promise;
  }

  resolve(value: unknown): void {
    this.#reportToOwner();
    this.driver.promises.resolve(this.promise, value);
  }

  reject(reason: unknown): void {
    this.#reportToOwner();
    this.driver.promises.reject(this.promise, reason);
  }

  /** The owner task's reaction, added now at the head of the list: where it would be had the task called then() at its start. */
  #reportToOwner(): void {
    const owner = this.owner;
    if (owner === null) return;
    this.owner = null;
    this.driver.promises.prependThen(this.promise, ownerSucceeds, ownerFails, owner, owner);
  }

  /** Continue after an await that produced `value` (or deliver a pending cancellation instead). */
  resume(value: unknown): void {
    let step: Step;
    try {
      const task = this.task;
      if (task !== null && task.mustCancel) step = this.gen.throw(task.takePendingCancel());
      else step = this.gen.next(value);
    } catch (error) {
      this.reject(error);
      return;
    }
    this.advance(step);
  }

  /** Continue after an await that failed with `error`. */
  fail(error: unknown): void {
    let step: Step;
    try {
      const task = this.task;
      if (task !== null && task.mustCancel) step = this.gen.throw(task.takePendingCancel());
      else step = this.gen.throw(error);
    } catch (inner) {
      this.reject(inner);
      return;
    }
    this.advance(step);
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
      if (awaited instanceof Future) {
        if (!awaited.done()) {
          this.#suspendOn(awaited);
          return;
        }
        try {
          step = readDone(this.gen, awaited);
        } catch (error) {
          this.reject(error);
          return;
        }
        continue;
      }
      if (awaited instanceof Yield) {
        if (task !== null) {
          task.waitLabel = null;
          task.atCheckpoint = true;
        }
        this.pending = awaited.value;
        this.driver.loop.schedule(resumeYield, task, 'checkpoint', this);
        return;
      }
      if (task !== null && task.waitLabel === null) task.waitLabel = PROMISE_WAIT;
      this.driver.await(awaited, resumeFrame, failFrame, this);
      return;
    }
  }

  #suspendOn(future: Future<unknown>): void {
    const task = this.task;
    if (task !== null) {
      task.futWaiter = future;
      task.waitLabel = future.label;
      // Cancelled while running: cancel what it now awaits (asyncio's __step does the same).
      if (task.mustCancel && task.pendingThrow === undefined && future.cancel()) task.mustCancel = false;
    }
    this.pending = future;
    future.onDone(wakeFrame, this, task);
  }
}

const drivers = new WeakMap<Loop, Driver>();
function driverState(loop: Loop): Driver {
  let driver = drivers.get(loop);
  if (!driver) {
    driver = { loop, promises: promiseInternals(loop.Promise), await: makeAwait(loop.Promise), watching: false, candidate: null };
    drivers.set(loop, driver);
  }
  return driver;
}

/** A task is about to call its body: remember the first frame the body starts. */
export function watchForRoot(loop: Loop): void {
  const driver = driverState(loop);
  driver.watching = true;
  driver.candidate = null;
}

/**
 * The body of `task` returned `result`. If that is the promise of the first
 * frame the body started, still pending and not yet awaited by anyone, the
 * frame becomes the task's root: it adds the task's reaction itself when it
 * completes, so a suspended task holds no reaction (100,000 sleeping tasks
 * hold 100,000 fewer objects). The promise is marked handled now, as then()
 * would mark it. Returns false (and the task awaits `result` as usual)
 * otherwise.
 */
export function adoptRoot(loop: Loop, task: Task<unknown>, result: unknown): boolean {
  const driver = driverState(loop);
  const frame = driver.candidate;
  driver.watching = false;
  driver.candidate = null;
  if (frame === null || frame.promise !== result || !driver.promises.unobserved(frame.promise)) return false;
  frame.owner = task;
  driver.promises.markHandled(frame.promise);
  return true;
}

/** The spec's Await for this loop's Promise class (no `then` lookup on our promises, as in V8). */
export function awaitFor(loop: Loop): AwaitFn {
  return driverState(loop).await;
}

function ownerSucceeds(value: unknown, task: Task<unknown>): void {
  task.succeed(value);
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
  if (task !== null && task.futWaiter === future) task.futWaiter = null;
  let value: unknown;
  try {
    value = future.result();
  } catch (error) {
    frame.fail(error);
    return;
  }
  frame.resume(value);
}

function resumeYield(frame: Frame): void {
  const task = frame.task;
  if (task !== null) {
    if (task.mustCancel && task.trioTiming && !task.cancelDelayed) {
      // trio: a checkpoint's schedule point is shielded; a Cancelled comes after a second one.
      task.cancelDelayed = true;
      frame.driver.loop.schedule(resumeYield, task, 'checkpoint', frame);
      return;
    }
    task.cancelDelayed = false;
    task.atCheckpoint = false;
  }
  const value = frame.pending;
  frame.pending = undefined;
  frame.resume(value);
}

/** %GeneratorPrototype%: what every generator object inherits next/throw/return from. */
const GENERATOR_PROTOTYPE: object = Object.getPrototypeOf(function* () {}).prototype;

/** Make the `__async(thisArg, args, generatorFunction)` helper for one loop. */
export function makeAsyncDriver(loop: Loop) {
  const driver = driverState(loop);
  const promises = driver.promises;
  return function __async(thisArg: unknown, args: unknown, genFn: (...a: unknown[]) => Generator): Promise<unknown> {
    const promise = promises.create();
    let first: Step;
    let frame: Frame;
    try {
      // The generator is the driver's alone, so it can share the one standard
      // prototype instead of V8 making a prototype object and two maps for
      // every fresh closure it is called through (objects that live as long as the task is suspended).
      if (Object.hasOwn(genFn, 'prototype')) genFn.prototype = GENERATOR_PROTOTYPE;
      const gen = genFn.apply(thisArg, args as unknown[]) as Generator;
      frame = new Frame(driver, gen, promise);
      if (driver.watching) {
        driver.watching = false;
        driver.candidate = frame;
      }
      first = gen.next();
    } catch (error) {
      promises.reject(promise, error);
      return promise;
    }
    frame.advance(first);
    return promise;
  };
}

function readDone(gen: Generator, future: Future<unknown>): Step {
  let value: unknown;
  try {
    value = future.result();
  } catch (error) {
    return gen.throw(error);
  }
  return gen.next(value);
}


const asyncHelpers = new WeakMap<Loop, ReturnType<typeof makeAsyncDriver>>();

/**
 * Run a generator function as a coroutine on the running loop: inside it,
 * `yield x` means `await x` with the same semantics as a reader's lowered
 * async function. Runtime layers use this for multi-step logic (TaskGroup,
 * nurseries) because native `async` functions would escape the loop.
 */
export function coroutine<T>(loop: Loop, body: () => Generator<unknown, T, unknown>): Promise<T> {
  return driverFor(loop)(undefined, [], body as (...a: unknown[]) => Generator) as Promise<T>;
}

/** The loop's shared driver (the compiled program's `__async`). */
export function driverFor(loop: Loop): ReturnType<typeof makeAsyncDriver> {
  let helper = asyncHelpers.get(loop);
  if (!helper) {
    helper = makeAsyncDriver(loop);
    asyncHelpers.set(loop, helper);
  }
  return helper;
}
