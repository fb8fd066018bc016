/**
 * Loop and time: the clock, sleeping, yielding and callbacks (run() is
 * asyncio's, in asyncio/run.ts). Every suspension in the runtime is built from
 * `Future` and `Yield`; these are the smallest ways to get one.
 */
import { firstWaiterArg, firstWaiterContext, Future, setRawLabel, Yield } from './future.ts';
import { warmWaiter } from './driver.ts';
import { getLoop, type Handle, type SelfTimer } from './loop.ts';
import { warmTask, type Task } from './task.ts';
import { CHECKPOINT } from './traps.ts';
import { MathMax } from './primordials.ts';

/** Virtual milliseconds since the run started (asyncio `loop.time()`, trio.current_time, in ms). */
export function now(): number {
  return getLoop().now;
}

/**
 * Resolve with `value` after `ms` virtual milliseconds (asyncio.sleep / trio.sleep).
 * `sleep(0)` yields to the loop exactly once, like `asyncio.sleep(0)`.
 */
export function sleep<T = undefined>(ms: number, value?: T): Future<T> | Yield<T> {
  // Converted once, as setTimeout converts its delay: a duration given as a string or an object
  // counts as its number everywhere (the timer, the label). Test: tests/runtime/wait-labels.test.ts.
  const duration = +ms;
  if (!(duration > 0)) return new Yield(value as T);
  return new SleepFuture(duration, value as T);
}

/** A self-timed sleep's #handle once it was cancelled (the flag lives in the loop's own code: nothing a program can patch, primordials.ts). */
const TIMER_CANCELLED: { cancel(): void } = { cancel() {} };

/**
 * The future of a sleep: its timer is the loop's own (not attributed to a task), and cancelling
 * the sleep drops the timer. A layer may time its tasks' sleeps itself (TaskHooks.sleepTimer).
 */
class SleepFuture<T> extends Future<T> implements SelfTimer {
  /**
   * The layer's timer (TaskHooks.sleepTimer) or a loop Handle; null when the
   * future is its own timer entry, and TIMER_CANCELLED once that entry must
   * not fire (one field for both: there are as many sleeps as sleeping tasks).
   */
  #handle: { cancel(): void } | null;
  readonly #wakeValue: T;
  /** @internal When the timer is due (SelfTimer). */
  when = 0;
  constructor(ms: number, value: T) {
    super();
    // The duration stands for the label ("sleep 1.5s"), made only when something reads it: the
    // trace keeps the number too (wait-labels.ts).
    setRawLabel(this, ms);
    this.#wakeValue = value;
    const loop = this.loop;
    const sleepTimer = (loop.current as Task<unknown> | null)?.hooks?.sleepTimer;
    if (sleepTimer !== undefined) {
      // A shared callback with the future as its argument: no closure per sleep.
      this.#handle = sleepTimer(loop, loop.now + ms, wakeSleeper, this as SleepFuture<unknown>);
    } else if (loop.limits.loopEvents) {
      // Timer events (set, fire, cancel) are recorded through a Handle.
      this.#handle = loop.callLater(ms, wakeSleeper, null, 'sleep', this as SleepFuture<unknown>);
    } else {
      // The future is the timer: nobody but its own cancel() can cancel it, so no Handle is needed.
      this.#handle = null;
      loop.addTimer(this, loop.now + MathMax(0, ms));
    }
  }

  /** @internal The timer must not fire: the sleep was cancelled (as its Handle would have been). */
  timerCancelled(): boolean {
    return this.#handle === TIMER_CANCELLED;
  }

  /** @internal The timer fired. */
  fire(): void {
    this.wake();
  }

  /** @internal Read what firing will read (SelfTimer.warm): the waiting frame's generator and its task's live slot. */
  warm(): number {
    return warmWaiter(firstWaiterArg(this)) + warmTask(firstWaiterContext(this));
  }

  /** The timer fired (internal). */
  wake(): void {
    if (!this.done()) this.setResult(this.#wakeValue);
  }

  override cancel(message?: string): boolean {
    const cancelled = super.cancel(message);
    if (cancelled) {
      if (this.#handle !== null) this.#handle.cancel();
      else this.#handle = TIMER_CANCELLED;
    }
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
