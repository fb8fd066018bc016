/**
 * wait, waitFor, asCompleted (asyncio/tasks.py, CPython 3.13, ported line by line).
 *
 * Design notes (tests in tests/runtime/asyncio-gather.test.ts and asyncio-timeouts.test.ts, checked against
 * CPython, and semantics corpus 04 and 34):
 * - wait() never raises on timeout and never cancels anything: it returns
 *   [done, pending]. It wakes one turn after the completion callback that
 *   satisfied `returnWhen` (futures never call back inline).
 * - waitFor() is 3.12+: a timeout() block around awaiting the awaitable. A
 *   function is called in the current task (Python: `await coro` inside
 *   wait_for runs the coroutine in the caller's task); a Task or Future is
 *   awaited, so at the deadline it is cancelled through the awaiting task.
 *   `ms <= 0` cancels the awaitable, waits for it to finish, and raises
 *   TimeoutError unless it finished first or swallowed the cancellation.
 * - asCompleted() wraps functions in Tasks at once, feeds completions to a
 *   Queue from done-callbacks and hands out awaitables that take from it, so
 *   results come in completion order; with a timeout the remaining ones
 *   raise TimeoutError.
 */
import { CancelledError, TimeoutError, ValueError } from '../errors.ts';
import { Future } from '../future.ts';
import { getLoop, type Handle } from '../loop.ts';
import { ensureFuture, isAwaitable, startInline, type Awaitable } from './ensure.ts';
import { co } from './internal.ts';
import { Queue } from './queues.ts';
import { timeout } from './timeouts.ts';

/** wait(): return when any awaitable finishes (asyncio.FIRST_COMPLETED). */
export const FIRST_COMPLETED = 'FIRST_COMPLETED';
/** wait(): return when any awaitable raises, or all finish (asyncio.FIRST_EXCEPTION). */
export const FIRST_EXCEPTION = 'FIRST_EXCEPTION';
/** wait(): return when all awaitables finish (asyncio.ALL_COMPLETED). */
export const ALL_COMPLETED = 'ALL_COMPLETED';

/** When wait() returns. */
export type ReturnWhen = typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED;

/** Options of wait(). */
export interface WaitOptions {
  /** Return after this many virtual ms even if the condition is not met (nothing is cancelled). */
  timeout?: number | null;
  /** FIRST_COMPLETED, FIRST_EXCEPTION or ALL_COMPLETED (default). */
  returnWhen?: ReturnWhen;
}

function releaseWaiter(waiter: Future<void>): void {
  if (!waiter.done()) waiter.setResult(undefined);
}

/**
 * Wait for awaitables (functions are wrapped in Tasks) until `returnWhen` is
 * met or the timeout passes; resolves to `[done, pending]` sets (asyncio.wait).
 * Nothing is cancelled and no error is raised for a timeout.
 */
export function wait<T>(aws: Iterable<Awaitable<T>>, options: WaitOptions = {}): Promise<[Set<Future<T>>, Set<Future<T>>]> {
  if (aws instanceof Future || isAwaitable(aws)) throw new TypeError(`expect a list of futures, not ${describe(aws)}`);
  const returnWhen = options.returnWhen ?? ALL_COMPLETED;
  const fs = new Set<Future<T>>();
  for (const aw of aws) fs.add(ensureFuture(aw));
  if (fs.size === 0) throw new ValueError('Set of Tasks/Futures is empty.');
  if (returnWhen !== FIRST_COMPLETED && returnWhen !== FIRST_EXCEPTION && returnWhen !== ALL_COMPLETED) {
    throw new ValueError(`Invalid return_when value: ${String(returnWhen)}`);
  }
  const ms = options.timeout ?? null;
  const loop = getLoop();
  return co(function* () {
    const waiter = new Future<void>({ kind: 'future', what: `wait (${fs.size})` });
    let timeoutHandle: Handle | null = null;
    if (ms !== null) timeoutHandle = loop.callLater(ms, () => releaseWaiter(waiter), null, 'timeout');
    let counter = fs.size;
    const onCompletion = (f: Future<T>): void => {
      counter--;
      if (
        counter <= 0 ||
        returnWhen === FIRST_COMPLETED ||
        (returnWhen === FIRST_EXCEPTION && !f.cancelled() && f.exception() !== undefined)
      ) {
        if (timeoutHandle !== null) timeoutHandle.cancel();
        releaseWaiter(waiter);
      }
    };
    for (const f of fs) f.addDoneCallback(onCompletion, null);
    try {
      yield waiter;
    } finally {
      if (timeoutHandle !== null) timeoutHandle.cancel();
      for (const f of fs) f.removeDoneCallback(onCompletion);
    }
    const done = new Set<Future<T>>();
    const pending = new Set<Future<T>>();
    for (const f of fs) (f.done() ? done : pending).add(f);
    return [done, pending] as [Set<Future<T>>, Set<Future<T>>];
  });
}

/**
 * Await `aw` with a deadline of `ms` virtual milliseconds (asyncio.wait_for,
 * 3.12+ semantics): at the deadline it is cancelled and TimeoutError raised.
 * A function runs in the current task; `ms` null waits without deadline.
 */
export function waitFor<T>(aw: Awaitable<T>, ms: number | null): Promise<T> {
  if (ms !== null && ms !== undefined && ms <= 0) {
    const fut = ensureFuture(aw);
    return co(function* () {
      if (fut.done()) return fut.result();
      yield cancelAndWait(fut);
      try {
        return fut.result();
      } catch (error) {
        if (error instanceof CancelledError) {
          const timeoutError = new TimeoutError();
          timeoutError.cause = error;
          throw timeoutError;
        }
        throw error;
      }
    });
  }
  return timeout(ms ?? null, () => startInline(aw) as T | PromiseLike<T>);
}

/** Cancel `fut` and wait until it is done, without awaiting it directly (so this wait is itself cancellable). */
function cancelAndWait(fut: Future<unknown>): Promise<void> {
  return co(function* () {
    const waiter = new Future<void>(fut.label);
    const cb = (): void => releaseWaiter(waiter);
    fut.addDoneCallback(cb, null);
    try {
      fut.cancel();
      yield waiter;
    } finally {
      fut.removeDoneCallback(cb);
    }
  });
}

/**
 * The iterator asCompleted returns (asyncio's _AsCompletedIterator, 3.13):
 * `for (const next of it) { const result = await next; }` gives results in
 * completion order; `for await (const fut of it)` gives the finished
 * futures (the Tasks passed in, or the Tasks wrapping functions).
 */
export class AsCompleted<T> implements Iterable<Promise<T>>, AsyncIterable<Future<T>> {
  // Boxed: a promise can never resolve to a thenable, so a Future taken from the queue would be unwrapped.
  readonly #done: Queue<{ f: Future<T> } | null>;
  #timeoutHandle: Handle | null = null;
  readonly #todo: Set<Future<T>>;
  #todoLeft: number;

  /** Start watching `aws` (use asCompleted()). */
  constructor(aws: Iterable<Awaitable<T>>, ms: number | null) {
    this.#done = new Queue<{ f: Future<T> } | null>(0, { name: 'asCompleted' });
    const loop = getLoop();
    const todo = new Set<Future<T>>();
    for (const aw of new Set(aws)) todo.add(ensureFuture(aw));
    const onCompletion = (f: Future<T>): void => this.#handleCompletion(f, onCompletion);
    for (const f of todo) f.addDoneCallback(onCompletion, null);
    if (todo.size > 0 && ms !== null) {
      this.#timeoutHandle = loop.callLater(ms, () => this.#handleTimeout(onCompletion), null, 'timeout');
    }
    this.#todo = todo;
    this.#todoLeft = todo.size;
  }

  #handleTimeout(onCompletion: (f: Future<T>) => void): void {
    for (const f of this.#todo) {
      f.removeDoneCallback(onCompletion);
      this.#done.putNowait(null); // sentinel: that awaitable times out
    }
    this.#todo.clear();
  }

  #handleCompletion(f: Future<T>, _self: (f: Future<T>) => void): void {
    if (this.#todo.size === 0) return; // the timeout came first
    this.#todo.delete(f);
    this.#done.putNowait({ f });
    if (this.#todo.size === 0 && this.#timeoutHandle !== null) this.#timeoutHandle.cancel();
  }

  #waitForOne(resolve: true): Promise<T>;
  #waitForOne(resolve: false): Promise<{ f: Future<T> }>;
  #waitForOne(resolve: boolean): Promise<T | { f: Future<T> }> {
    const done = this.#done;
    return co(function* () {
      const box = (yield done.get()) as { f: Future<T> } | null;
      if (box === null) throw new TimeoutError();
      return resolve ? box.f.result() : box;
    });
  }

  /** Plain iteration: one awaitable per input, each resolving to the next result to complete. */
  *[Symbol.iterator](): Iterator<Promise<T>> {
    while (this.#todoLeft > 0) {
      this.#todoLeft--;
      yield this.#waitForOne(true);
    }
  }

  /** Async iteration: the input futures themselves, as they finish. */
  [Symbol.asyncIterator](): AsyncIterator<Future<T>> {
    return {
      next: (): Promise<IteratorResult<Future<T>>> => {
        if (this.#todoLeft === 0) return getLoop().Promise.resolve({ done: true, value: undefined });
        this.#todoLeft--;
        const self = this;
        return co(function* () {
          const box = (yield self.#waitForOne(false)) as { f: Future<T> };
          return { done: false, value: box.f };
        });
      },
    };
  }
}

/**
 * Results in completion order (asyncio.as_completed): iterate and await each
 * item to get the next result to finish (or its error). With a timeout
 * (`asCompleted(aws, 500)` or `{ timeout: 500 }`, virtual ms), items not
 * finished by then raise TimeoutError. `for await` yields the finished futures instead.
 */
export function asCompleted<T>(aws: Iterable<Awaitable<T>>, options: number | null | { timeout?: number | null } = {}): AsCompleted<T> {
  if (isAwaitable(aws)) throw new TypeError(`expects an iterable of awaitables, not ${describe(aws)}`);
  const ms = typeof options === 'number' || options === null ? options : (options.timeout ?? null);
  return new AsCompleted(aws, ms);
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (typeof x === 'object') return (x as object).constructor?.name ?? 'object';
  return typeof x;
}
