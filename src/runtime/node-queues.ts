/**
 * Node's two other queues: `process.nextTick` and `setImmediate` /
 * `clearImmediate`, with Node's order against promises and timers
 * (https://nodejs.org/en/learn/asynchronous-work/event-loop-timers-and-nexttick).
 *
 * - A tick runs as soon as the running callback (a timer, an immediate, a
 *   network callback) returns, before the promise jobs it queued; ticks
 *   queued by a promise job wait until the microtask queue is empty; the
 *   program's top level is an ES module, whose evaluation is itself a
 *   microtask in Node, so its promise jobs run before its ticks
 *   (Loop.enqueueTick, Loop.ticksAfterMicrotasks).
 * - An immediate runs in the check phase: after the timers due now, each on
 *   its own turn (ticks and microtasks drain after each); one set by an
 *   immediate runs on a later turn, never in the same batch. On virtual time
 *   nothing is due before its time, so `setTimeout(f, 0)` (due at +1 ms) set
 *   beside `setImmediate(g)` in the top level runs after g. Real Node prints
 *   either order there, depending on whether 1 ms passed before its loop
 *   started; g first is what Node 22 printed 26 times out of 30 on this
 *   machine, quiet (an I/O or timer callback makes g first in Node always).
 * Tests: tests/corpus/ordering/5x-*.js (outputs printed by real Node),
 * tests/runtime/node-queues.test.ts.
 */
import type { Handle, Loop } from './loop.ts';
import { ReflectApply } from './primordials.ts';

/** What `setImmediate` returns (Node's Immediate; ref/unref change nothing on a loop that ends when idle). */
export class Immediate {
  /** @internal The loop callback. */
  readonly handle: Handle;
  constructor(handle: Handle) {
    this.handle = handle;
  }
  /** Node's Immediate.ref(). */
  ref(): this {
    return this;
  }
  /** Node's Immediate.unref(). */
  unref(): this {
    return this;
  }
  /** Node's Immediate.hasRef(). */
  hasRef(): boolean {
    return true;
  }
}

/** The `process` a program sees: Node's `process.nextTick`, nothing of the host's process. */
export interface ProgramProcess {
  nextTick(fn: (...args: unknown[]) => void, ...args: unknown[]): void;
}

/** The Node queue globals of one run. */
export interface NodeQueueGlobals {
  process: ProgramProcess;
  setImmediate: (fn: (...args: unknown[]) => void, ...args: unknown[]) => Immediate;
  clearImmediate: (immediate?: Immediate) => void;
}

function mustBeFunction(fn: unknown): void {
  if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
}

function callWithArgs(arg: { fn: (...args: unknown[]) => void; args: unknown[] }): void {
  // Captured Reflect.apply: a program that replaced the array iterator still gets its arguments (primordials.ts).
  ReflectApply(arg.fn, undefined, arg.args);
}

/** Build `process.nextTick`, `setImmediate` and `clearImmediate` for one run on `loop`. */
export function createNodeQueues(loop: Loop): NodeQueueGlobals {
  const process: ProgramProcess = {
    nextTick(fn: (...args: unknown[]) => void, ...args: unknown[]): void {
      mustBeFunction(fn);
      // The first callback of a run is the program's top level (program.ts starts it first): module evaluation.
      if (loop.steps === 1 && loop.current !== null && loop.current.id === 1) loop.ticksAfterMicrotasks();
      if (args.length === 0) loop.enqueueTick(fn as () => void, loop.current);
      else loop.enqueueTick(callWithArgs, loop.current, { fn, args });
    },
  };
  const setImmediate = (fn: (...args: unknown[]) => void, ...args: unknown[]): Immediate => {
    mustBeFunction(fn);
    return new Immediate(loop.callSoon(callWithArgs, loop.current, 'setImmediate', { fn, args }));
  };
  const clearImmediate = (immediate?: Immediate): void => {
    if (immediate instanceof Immediate) immediate.handle.cancel();
  };
  return { process, setImmediate, clearImmediate };
}
