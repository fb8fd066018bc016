/**
 * timeout / timeoutAt (asyncio.timeout, asyncio.timeout_at; CPython 3.13
 * timeouts.py ported line by line) in TypeScript spelling: the body is a
 * function, `await timeout(100, async (cm) => { ... })` is Python's
 * `async with asyncio.timeout(0.1) as cm: ...`.
 *
 * Design notes (tests in tests/runtime/asyncio-timeouts.test.ts):
 * - At the deadline the task running the body is cancelled (Task.cancel),
 *   so CancelledError is raised where the body waits; the body's
 *   try/finally blocks run.
 * - At the boundary, `uncancel()` takes back the timeout's own cancel
 *   request; if no other request is left (the count is back to what it was
 *   on entry) the CancelledError becomes TimeoutError. If the task was also
 *   cancelled from outside, CancelledError keeps propagating: an outer
 *   cancellation always wins, and nested timeouts each convert only their
 *   own expiry.
 * - A deadline already past when the body starts fires on the next turn
 *   (call_soon), so the body runs until its first suspension.
 */
import { CancelledError, TimeoutError } from '../errors.ts';
import { getLoop, type Handle } from '../loop.ts';
import { currentTask, type Task } from '../task.ts';
import { co, runtimeError } from './internal.ts';

type TimeoutState = 'created' | 'active' | 'expiring' | 'expired' | 'finished';

/**
 * The deadline of one timeout block (asyncio.Timeout), passed to the body:
 * `when()`, `reschedule(t)`, `expired()`.
 */
export class Timeout {
  #state: TimeoutState = 'created';
  #handle: Handle | null = null;
  #task: Task<unknown> | null = null;
  #when: number | null;
  #cancelling = 0;

  /** A timeout firing at virtual time `when` (null: never). Use timeout() or timeoutAt() instead. */
  constructor(when: number | null) {
    this.#when = when;
  }

  /** The deadline in virtual ms, or null (asyncio.Timeout.when). */
  when(): number | null {
    return this.#when;
  }

  /** Move the deadline to virtual time `when` (null: none) (asyncio.Timeout.reschedule). */
  reschedule(when: number | null): void {
    if (this.#state !== 'active') {
      if (this.#state === 'created') throw runtimeError('Timeout has not been entered');
      throw runtimeError(`Cannot change state of ${this.#state} Timeout`);
    }
    this.#when = when;
    if (this.#handle !== null) this.#handle.cancel();
    if (when === null) {
      this.#handle = null;
    } else {
      const loop = getLoop();
      this.#handle = when <= loop.now
        ? loop.callSoon(() => this.#onTimeout(), null, 'timeout')
        : loop.callAt(when, () => this.#onTimeout(), null, 'timeout');
    }
  }

  /** True once the deadline has passed inside the block (asyncio.Timeout.expired). */
  expired(): boolean {
    return this.#state === 'expiring' || this.#state === 'expired';
  }

  /** Run `body(this)` as the block (Python: `async with timeout: body`). */
  run<T>(body: (timeout: Timeout) => T | PromiseLike<T>): Promise<T> {
    const self = this;
    return co(function* () {
      self.#enter();
      let result: T;
      try {
        result = (yield body(self)) as T;
      } catch (error) {
        self.#exit(true, error);
        throw error;
      }
      self.#exit(false, undefined);
      return result;
    });
  }

  #enter(): void {
    if (this.#state !== 'created') throw runtimeError('Timeout has already been entered');
    const task = currentTask();
    if (task === null) throw runtimeError('Timeout should be used inside a task');
    this.#state = 'active';
    this.#task = task;
    this.#cancelling = task.cancelling();
    this.reschedule(this.#when);
  }

  #exit(raised: boolean, error: unknown): void {
    if (this.#handle !== null) {
      this.#handle.cancel();
      this.#handle = null;
    }
    if (this.#state === 'expiring') {
      this.#state = 'expired';
      if (this.#task!.uncancel() <= this.#cancelling && raised) {
        // No other cancel request is pending: this expiry is ours to report.
        // (3.13 also links a TimeoutError into the implicit context of other
        // errors; JavaScript errors have no implicit context, so nothing to do.)
        if (error instanceof CancelledError) {
          const timeoutError = new TimeoutError();
          timeoutError.cause = error; // raise TimeoutError from exc_val
          throw timeoutError;
        }
      }
    } else if (this.#state === 'active') {
      this.#state = 'finished';
    }
  }

  #onTimeout(): void {
    this.#task!.cancel();
    this.#state = 'expiring';
    this.#handle = null;
  }
}

/**
 * Run `body` with a deadline `ms` virtual milliseconds from now (asyncio.timeout):
 * at the deadline the task is cancelled and the CancelledError leaves the block
 * as TimeoutError. `ms` null: no deadline. The body receives the Timeout, whose
 * deadline it can move with `reschedule`.
 */
export function timeout<T>(ms: number | null, body: (timeout: Timeout) => T | PromiseLike<T>): Promise<T> {
  const loop = getLoop();
  return new Timeout(ms === null || ms === undefined ? null : loop.now + ms).run(body);
}

/** Like timeout(), with an absolute deadline in virtual ms (asyncio.timeout_at). */
export function timeoutAt<T>(when: number | null, body: (timeout: Timeout) => T | PromiseLike<T>): Promise<T> {
  return new Timeout(when ?? null).run(body);
}
