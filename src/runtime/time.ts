/**
 * Loop and time: the clock, sleeping, yielding and callbacks (run() is
 * asyncio's, in asyncio/run.ts). Every suspension in the runtime is built from
 * `Future` and `Yield`; these are the smallest ways to get one.
 */
import { Future, Yield } from './future.ts';
import { formatMs } from '../trace/format-ms.ts';
import { getLoop, type Handle } from './loop.ts';
import type { Task } from './task.ts';
import type { WaitLabel } from './trace.ts';
import { CHECKPOINT } from './traps.ts';
import { MapPrototypeGet, MapPrototypeSet, ObjectFreeze } from './primordials.ts';

/** Virtual milliseconds since the run started (asyncio `loop.time()`, trio.current_time, in ms). */
export function now(): number {
  return getLoop().now;
}

/**
 * Resolve with `value` after `ms` virtual milliseconds (asyncio.sleep / trio.sleep).
 * `sleep(0)` yields to the loop exactly once, like `asyncio.sleep(0)`.
 */
export function sleep<T = undefined>(ms: number, value?: T): Future<T> | Yield<T> {
  if (!(ms > 0)) return new Yield(value as T);
  return new SleepFuture(ms, value as T);
}

// Captured Map methods (primordials.ts): a program that patches Map.prototype cannot reach the table.
const sleepLabels = new Map<number, WaitLabel>();
let sleepLabelCount = 0;
/** Labels are shared per duration (a run with many sleepers would otherwise make one per sleep). */
function sleepLabel(ms: number): WaitLabel {
  let label = MapPrototypeGet(sleepLabels, ms) as WaitLabel | undefined;
  if (label === undefined) {
    label = ObjectFreeze({ kind: 'sleep', what: `sleep ${formatMs(ms, { compact: true })}` }) as WaitLabel;
    if (sleepLabelCount < 10_000) {
      sleepLabelCount++;
      MapPrototypeSet(sleepLabels, ms, label);
    }
  }
  return label;
}

/**
 * The future of a sleep: its timer is the loop's own (not attributed to a task), and cancelling
 * the sleep drops the timer. A layer may time its tasks' sleeps itself (TaskHooks.sleepTimer).
 */
class SleepFuture<T> extends Future<T> {
  readonly #handle: { cancel(): void };
  readonly #wakeValue: T;
  constructor(ms: number, value: T) {
    super(sleepLabel(ms));
    this.#wakeValue = value;
    // A shared callback with the future as its argument: no closure per sleep.
    const loop = this.loop;
    const sleepTimer = (loop.current as Task<unknown> | null)?.hooks?.sleepTimer;
    this.#handle =
      sleepTimer !== undefined
        ? sleepTimer(loop, loop.now + ms, wakeSleeper, this as SleepFuture<unknown>)
        : loop.callLater(ms, wakeSleeper, null, 'sleep', this as SleepFuture<unknown>);
  }

  /** The timer fired (internal). */
  wake(): void {
    if (!this.done()) this.setResult(this.#wakeValue);
  }

  override cancel(message?: string): boolean {
    const cancelled = super.cancel(message);
    if (cancelled) this.#handle.cancel();
    return cancelled;
  }
}

/** True if `future` is the future of a `sleep()` (a layer may treat an ended sleep as a checkpoint). */
export function isSleepFuture(future: unknown): boolean {
  return future instanceof SleepFuture;
}

function wakeSleeper(future: SleepFuture<unknown>): void {
  future.wake();
}

/** Yield to the loop once so other ready tasks run (asyncio.sleep(0), trio.lowlevel.checkpoint). */
export function checkpoint(): Yield<undefined> {
  return CHECKPOINT;
}

/** Run `fn` on the next loop turn (asyncio loop.call_soon). */
export function callSoon(fn: () => void): Handle {
  return getLoop().callSoon(fn);
}

/** Run `fn` after `ms` virtual milliseconds (asyncio loop.call_later). */
export function callLater(ms: number, fn: () => void): Handle {
  return getLoop().callLater(ms, fn);
}

/** Run `fn` at virtual time `t` (asyncio loop.call_at). */
export function callAt(t: number, fn: () => void): Handle {
  return getLoop().callAt(t, fn);
}

/**
 * Simulate a blocking call on the loop's own thread: the clock moves on by
 * `ms` and nothing else runs meanwhile (like calling time.sleep() inside a
 * coroutine). The timeline shows every lane stalled.
 */
export function blockFor(ms: number): void {
  getLoop().advanceBlocked(Math.max(0, ms));
}
