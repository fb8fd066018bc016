/**
 * The JavaScript globals a program sees, rebuilt on the loop's virtual time:
 * timers with Node's rules (a delay below 1 ms, or above 2^31-1, becomes 1 ms;
 * callbacks due at the same instant run in the order they were set),
 * `queueMicrotask`, this run's `Promise`, a `Date` and `performance.now()` that
 * read the virtual clock, a seeded `Math.random` so runs are repeatable, and
 * Node's `process.nextTick` / `setImmediate` (node-queues.ts).
 * The program gets them as parameters that shadow the real globals
 * (contract/program.ts PROGRAM_GLOBALS).
 */
import { createConsole, type ProgramConsole } from './console.ts';
import type { Handle, Loop } from './loop.ts';
import type { Messages } from './messages.ts';
import { RUN_MESSAGES } from './run-messages.ts';
import { createNodeQueues, type NodeQueueGlobals, type ProgramProcess } from './node-queues.ts';
import { nextRandom, RANDOM, reseedRandom } from './seeded-random.ts';
// Captured Map methods and Reflect.apply (primordials.ts): a program's patches do not reach its timers.
import { MapPrototypeDelete, MapPrototypeGet, MapPrototypeHas, MapPrototypeSet, ReflectApply, ReflectConstruct } from './primordials.ts';

/** Virtual `Date.now()` at time 0 of every run: 2025-01-01T00:00:00Z, so dates print the same in every run. */
export const VIRTUAL_EPOCH = Date.UTC(2025, 0, 1);

const TIMEOUT_MAX = 2 ** 31 - 1;

/** The globals handed to a program: one per name of the contract's PROGRAM_GLOBALS (program.ts indexes this by them). */
export interface ProgramGlobals {
  Promise: PromiseConstructor;
  setTimeout: (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => number;
  setInterval: (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => number;
  clearTimeout: (id?: number) => void;
  clearInterval: (id?: number) => void;
  queueMicrotask: (fn: () => void) => void;
  console: ProgramConsole;
  Date: DateConstructor;
  performance: { now(): number; timeOrigin: number };
  Math: Math;
  /** Node's `process`, with `nextTick` only (node-queues.ts). */
  process: ProgramProcess;
  setImmediate: NodeQueueGlobals['setImmediate'];
  clearImmediate: NodeQueueGlobals['clearImmediate'];
}

/** Node's coercion of a timer delay. */
function timerDelay(ms: unknown): number {
  const n = Number(ms);
  return n >= 1 && n <= TIMEOUT_MAX ? n : 1;
}

/** Build the globals for one run on `loop`; `seed` makes Math.random repeatable; `messages` are the run's language. */
export function createGlobals(loop: Loop, seed = 1, messages?: Messages): ProgramGlobals {
  if (messages) loop.slot(RUN_MESSAGES).text = messages;
  const timers = new Map<number, Handle>();
  let nextId = 1;

  const setTimeout = (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): number => {
    if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
    const id = nextId++;
    const handle = loop.callLater(timerDelay(ms), () => {
      MapPrototypeDelete(timers, id);
      ReflectApply(fn, undefined, args);
    }, loop.current, 'setTimeout');
    MapPrototypeSet(timers, id, handle);
    return id;
  };

  const setInterval = (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): number => {
    if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
    const id = nextId++;
    const delay = timerDelay(ms);
    const ctx = loop.current;
    const tick = (): void => {
      try {
        ReflectApply(fn, undefined, args);
      } finally {
        // Rescheduled after the callback, as Node does (timers it set come first), unless it cleared itself.
        if (MapPrototypeHas(timers, id)) MapPrototypeSet(timers, id, loop.callLater(delay, tick, ctx, 'setInterval'));
      }
    };
    MapPrototypeSet(timers, id, loop.callLater(delay, tick, ctx, 'setInterval'));
    return id;
  };

  const clear = (id?: number): void => {
    if (id === undefined) return;
    const handle = MapPrototypeGet(timers, id) as Handle | undefined;
    if (handle) {
      handle.cancel();
      MapPrototypeDelete(timers, id);
    }
  };

  const queueMicrotask = (fn: () => void): void => {
    if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
    loop.enqueueJob(fn, loop.current);
  };

  return {
    Promise: loop.Promise,
    setTimeout,
    setInterval,
    clearTimeout: clear,
    clearInterval: clear,
    queueMicrotask,
    console: createConsole(loop),
    Date: createVirtualDate(loop),
    performance: { now: () => loop.now, timeOrigin: VIRTUAL_EPOCH },
    Math: createSeededMath(loop, seed),
    ...createNodeQueues(loop),
  };
}

/** A Date whose "now" is the virtual clock; every other use behaves as Date does. */
function createVirtualDate(loop: Loop): DateConstructor {
  const RealDate = Date;
  class VirtualDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(VIRTUAL_EPOCH + loop.now);
      // Not `super(...args)`: spreading calls Array.prototype[Symbol.iterator], which a program may
      // have replaced (tests/runtime/primordials.test.ts, "new Date(y, m, d)"); a derived constructor may return its object instead.
      else return ReflectConstruct(RealDate, args, new.target) as VirtualDate;
    }
    static override now(): number {
      return VIRTUAL_EPOCH + loop.now;
    }
  }
  // Calling Date() without new returns a string in JavaScript.
  const DateFn = function (this: unknown, ...args: unknown[]) {
    if (!new.target) return new VirtualDate().toString();
    return ReflectConstruct(VirtualDate, args, new.target);
  } as unknown as DateConstructor;
  Object.setPrototypeOf(DateFn, VirtualDate);
  // DateConstructor declares `prototype` read-only; a function's own `prototype` is writable.
  (DateFn as { prototype: Date }).prototype = VirtualDate.prototype;
  return DateFn;
}

/** Math with a deterministic random(): mulberry32 seeded per run (its state is the run's, so run({ seed }) can reseed it). */
function createSeededMath(loop: Loop, seed: number): Math {
  reseedRandom(loop, seed);
  const state = loop.slot(RANDOM);
  const random = (): number => nextRandom(state);
  const math = Object.create(Math) as Math;
  Object.defineProperty(math, 'random', { value: random, writable: true, configurable: true });
  return math;
}
