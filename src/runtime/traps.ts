/**
 * The ways a task suspends: everything a coroutine can hand the driver at an
 * `await` (a reader's lowered async function) or a `yield` (a runtime
 * coroutine), and what the task does for each. curio's traps table (and the
 * `_core/_traps.py` of the Python library the structured-concurrency layer
 * follows) plays the same part: one short list that every wait in every layer
 * comes down to.
 *
 * | trap          | awaited value           | the task                                                          | resumes when                                |
 * | ------------- | ----------------------- | ----------------------------------------------------------------- | ------------------------------------------- |
 * | FUTURE        | a pending loop `Future` | `Task.suspendOn(future)`: waits on it, `cancel()` cancels it      | its done-callback runs (`Task.wokeFrom`)    |
 * | FUTURE_DONE   | a finished `Future`     | does not suspend (asyncio: awaiting a done future does not yield) | at once, with its result or error           |
 * | TURN          | a `Yield`               | `Task.yieldTurn()`: its resume goes to the back of the ready queue | the next turn (`Task.resumeTurn`)           |
 * | PROMISE       | anything else           | the spec's Await on this run's Promise (`Task.suspendOnPromise`)  | a microtask job settles it (V8's tick count) |
 * | SLEEP         | `AWAITED_SLEEP`         | `Task.suspendOn(frame)`: the frame is its own timer, `cancel()` cancels it | the timer fires (`Task.wokeFrom`)    |
 *
 * SLEEP is FUTURE for the commonest wait, without the future: the compiler
 * gives a reader's `await sleep(ms)` to `__sleep(ms)` where nothing but that
 * await could see the sleep's future (compiler/awaited-sleeps.ts), and
 * `__sleep` hands the frame this token instead of making one, in every case
 * the frame can take (runtime/driver.ts, `awaitedSleepHelper`).
 *
 * A cancellation or a layer's resume error owed to the task is thrown in at
 * whichever resume comes next (`Task.takeResumeError`). Everything else -
 * locks, queues, nurseries, channels, sockets - is a Future that someone
 * finishes. Tests: tests/runtime/kernel-layers.test.ts (each trap),
 * tests/runtime/loop.test.ts, the ordering and semantics corpora.
 */
import { Future, Yield } from './future.ts';

/** The awaited value is a pending loop Future. */
export const FUTURE = 0;
/** The awaited value is a Future that is already done. */
export const FUTURE_DONE = 1;
/** The awaited value is a Yield: one ready-queue turn. */
export const TURN = 2;
/** Anything else: the spec's Await. */
export const PROMISE = 3;

/** The awaited value is AWAITED_SLEEP: sleep `AWAITED_SLEEP.ms` on the frame's own timer. */
export const SLEEP = 4;

/** One of the five traps. */
export type Trap = typeof FUTURE | typeof FUTURE_DONE | typeof TURN | typeof PROMISE | typeof SLEEP;

/**
 * The token `__sleep(ms)` returns for the frame awaiting it, with the duration: one for all,
 * since nothing runs between the helper's return and the driver's reading it (the `await` is
 * the helper call's only user).
 */
export const AWAITED_SLEEP: { ms: number } = { ms: 0 };

/** Which trap awaiting `awaited` is. */
export function trapOf(awaited: unknown): Trap {
  if (awaited === AWAITED_SLEEP) return SLEEP;
  if (awaited instanceof Future) return awaited.done() ? FUTURE_DONE : FUTURE;
  if (awaited instanceof Yield) return TURN;
  return PROMISE;
}

/** The one `Yield` every `checkpoint()` hands the driver (a Yield carries no state but its value). */
export const CHECKPOINT: Yield<undefined> = new Yield(undefined);
