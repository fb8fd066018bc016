/**
 * Future: a result that will be set later (asyncio.Future).
 *
 * Invariant, as in asyncio: done-callbacks never run inline; they are scheduled
 * with `callSoon` in the context of whoever added them. That one rule is what
 * makes wake-up order predictable (each waiter wakes in its own ready-queue turn).
 *
 * A Future is a thenable, so plain JavaScript (`Promise.all`, `.then`) works
 * with it; the async-function driver (driver.ts) awaits Futures without a
 * promise round-trip, the way an asyncio Task awaits a future.
 */
import { getLoop, type Loop, type LoopTask } from './loop.ts';
import { CancelledError, InvalidStateError } from './errors.ts';
import { append, list, type List } from './primordials.ts';
import type { WaitLabel } from './trace.ts';
import { waitLabelOf, type WaitOn } from './wait-labels.ts';

const PENDING = 0;
const FULFILLED = 1;
const REJECTED = 2;
const CANCELLED = 3;
/** REJECTED, and nobody has looked at the exception yet (a state, not a field: one field less on every future). */
const REJECTED_UNSEEN = 4;
type State = typeof PENDING | typeof FULFILLED | typeof REJECTED | typeof CANCELLED | typeof REJECTED_UNSEEN;

interface DoneCallback {
  fn: (arg: any) => void;
  /** What `fn` receives: the future for public callbacks, a waiter object for internal ones. */
  arg: unknown;
  ctx: LoopTask | null;
}

const FUTURE_WAIT: WaitLabel = { kind: 'future', what: 'future' };

/** Schedule the done-callbacks of a future that just became done (made in Future's static block). */
let scheduleCallbacks: (future: Future<any>) => void;
/** asyncio's name for a future's state, for messages (made in Future's static block). */
let stateName: (future: Future<any>) => string;
/**
 * The first waiter of a future: the argument of its first done-callback
 * (undefined: none) and that callback's context (null: none, or the loop's
 * own). For the runtime's modules only (the API does not export them: a
 * waiter is the runtime's own object, a driver frame, say): they read ahead
 * what a wake-up will read (SelfTimer.warm, loop.ts). Made in Future's static block.
 */
export let firstWaiterArg: (future: Future<any>) => unknown;
/** See firstWaiterArg. */
export let firstWaiterContext: (future: Future<any>) => LoopTask | null;
/**
 * Give `future` a label as the runtime carries it (wait-labels.ts): a sleep
 * passes its duration, whose label is made when read. For the runtime's
 * modules only: the public constructor takes a label. Made in Future's static block.
 */
export let setRawLabel: (future: Future<any>, label: WaitOn) => void;

/** A result that will be available later; awaitable (asyncio.Future). */
export class Future<T = unknown> implements PromiseLike<T> {
  /** The loop this future belongs to. */
  readonly loop: Loop;
  #label: WaitOn;
  #state: State = PENDING;
  /** The result, the exception, or (cancelled) the message given to cancel(). */
  #value: unknown = undefined;
  // Most futures have exactly one waiter: keep its three parts in fields and
  // allocate records only for more (a sleeping task then costs no extra object).
  #firstFn: ((arg: any) => void) | null = null;
  #firstArg: unknown = undefined;
  #firstCtx: LoopTask | null = null;
  #more: List<DoneCallback> | null = null;

  /** Create a pending future on the running loop; `label` says what awaiting it means. */
  constructor(label: WaitLabel = FUTURE_WAIT) {
    this.loop = getLoop();
    this.#label = label;
  }

  /** What a task awaiting this future is shown waiting on. */
  get label(): WaitLabel {
    return waitLabelOf(this.#label);
  }

  set label(label: WaitLabel) {
    this.#label = label;
  }

  /** @internal The label as the runtime carries it (wait-labels.ts): a sleep's duration stands for its label. */
  get rawLabel(): WaitOn {
    const label = this.#label;
    // Not the number: the label a subclass may show instead (a Task shows "task NAME").
    return typeof label === 'number' ? label : this.label;
  }

  /** True while an exception was set and nobody has looked at it yet. */
  protected get exceptionUnretrieved(): boolean {
    return this.#state === REJECTED_UNSEEN;
  }

  /** True once the future has a result, an exception, or was cancelled. */
  done(): boolean {
    return this.#state !== PENDING;
  }

  /** True if the future was cancelled. */
  cancelled(): boolean {
    return this.#state === CANCELLED;
  }

  /** The result; throws the exception, CancelledError if cancelled, InvalidStateError if not done. */
  result(): T {
    switch (this.#state) {
      case FULFILLED:
        return this.#value as T;
      case REJECTED_UNSEEN:
        this.#state = REJECTED;
        throw this.#value;
      case REJECTED:
        throw this.#value;
      case CANCELLED:
        throw this.makeCancelledError();
      default:
        throw new InvalidStateError('Result is not set.');
    }
  }

  /** The exception (undefined if the future succeeded); throws CancelledError if cancelled. */
  exception(): unknown {
    if (this.#state === CANCELLED) throw this.makeCancelledError();
    if (this.#state === PENDING) throw new InvalidStateError('Exception is not set.');
    if (this.#state === REJECTED_UNSEEN) this.#state = REJECTED;
    return this.#state === REJECTED ? this.#value : undefined;
  }

  /** Mark the future done with a result and schedule its callbacks. */
  setResult(value: T): void {
    if (this.#state !== PENDING) throw new InvalidStateError(`invalid state: ${stateName(this)}`);
    this.#state = FULFILLED;
    this.#value = value;
    scheduleCallbacks(this);
  }

  /** Mark the future done with an exception and schedule its callbacks. */
  setException(error: unknown): void {
    if (this.#state !== PENDING) throw new InvalidStateError(`invalid state: ${stateName(this)}`);
    this.#state = REJECTED_UNSEEN;
    this.#value = error;
    scheduleCallbacks(this);
  }

  /** Cancel the future; returns false if it was already done. */
  cancel(message?: string): boolean {
    if (this.#state !== PENDING) return false;
    this.#state = CANCELLED;
    this.#value = message;
    scheduleCallbacks(this);
    return true;
  }

  /**
   * Call `fn(future)` (via callSoon) when the future is done; on the next turn if it already is.
   * The callback runs attributed to `context` (default: the running task); runtime
   * internals pass null so their bookkeeping is not drawn as a task running.
   */
  addDoneCallback(fn: (future: Future<T>) => void, context: LoopTask | null = this.loop.current): void {
    this.onDone(fn, this, context);
  }

  /** @internal Call `fn(arg)` via callSoon when done (the runtime's form of addDoneCallback: no closure needed). */
  onDone<A>(fn: (arg: A) => void, arg: A, ctx: LoopTask | null): void {
    if (this.#state !== PENDING) {
      this.loop.schedule(fn, ctx, 'future', arg);
      return;
    }
    if (this.#firstFn === null && this.#more === null) {
      this.#firstFn = fn;
      this.#firstArg = arg;
      this.#firstCtx = ctx;
    } else {
      append((this.#more ??= list()), { fn, arg, ctx });
    }
  }

  /** Remove every registration of `fn`; returns how many were removed. */
  removeDoneCallback(fn: (future: Future<T>) => void): number {
    let removed = 0;
    if (this.#firstFn !== null && this.#firstFn === fn) {
      this.#firstFn = null;
      this.#firstArg = undefined;
      this.#firstCtx = null;
      removed++;
    }
    if (this.#more !== null) {
      const before = this.#more.length;
      const kept = list<DoneCallback>();
      for (let i = 0; i < this.#more.length; i++) if (this.#more[i]!.fn !== fn) append(kept, this.#more[i]!);
      this.#more = kept;
      removed += before - this.#more.length;
    }
    return removed;
  }

  /** Thenable interop: settle a new promise of this run when the future is done. */
  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    const P = this.loop.Promise;
    return new P<R1 | R2>((resolve, reject) => {
      this.addDoneCallback(() => {
        let value: T;
        try {
          value = this.result();
        } catch (error) {
          if (typeof onRejected !== 'function') return reject(error);
          try {
            resolve(onRejected(error));
          } catch (inner) {
            reject(inner);
          }
          return;
        }
        if (typeof onFulfilled !== 'function') return resolve(value as unknown as R1);
        try {
          resolve(onFulfilled(value));
        } catch (inner) {
          reject(inner);
        }
      });
    });
  }

  /** Like Promise.prototype.catch. */
  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onRejected);
  }

  /** The error a cancelled future raises. */
  protected makeCancelledError(): CancelledError {
    return new CancelledError(this.cancelMessage ?? '');
  }

  /** The message given to cancel(), if any. */
  protected get cancelMessage(): string | undefined {
    return this.#state === CANCELLED ? (this.#value as string | undefined) : undefined;
  }

  // The helpers that read private fields are made in a static block, not as
  // instance private methods: those cost every instance a field (V8's class
  // brand), 8 bytes on each of 100,000 sleeping tasks; and not as static ones
  // called through the class's name, which makes esbuild rename the class.
  static {
    scheduleCallbacks = (future) => {
      const firstFn = future.#firstFn;
      const more = future.#more;
      if (firstFn !== null) {
        const arg = future.#firstArg;
        const ctx = future.#firstCtx;
        future.#firstFn = null;
        future.#firstArg = undefined;
        future.#firstCtx = null;
        future.loop.schedule(firstFn, ctx, 'future', arg);
      }
      future.#more = null;
      if (more !== null) {
        for (let i = 0; i < more.length; i++) {
          const cb = more[i]!;
          future.loop.schedule(cb.fn, cb.ctx, 'future', cb.arg);
        }
      }
    };
    stateName = (future) => ['PENDING', 'FINISHED', 'FINISHED', 'CANCELLED', 'FINISHED'][future.#state]!;
    firstWaiterArg = (future) => future.#firstArg;
    firstWaiterContext = (future) => future.#firstCtx;
    setRawLabel = (future, label) => {
      future.#label = label;
    };
  }

  get [Symbol.toStringTag](): string {
    return 'Future';
  }
}

/**
 * A future that is already done with `value`: what a coroutine that returns without suspending
 * looks like to its awaiter (awaiting it costs no loop turn and no microtask; traps.ts FUTURE_DONE).
 */
export function doneFuture<T>(label: WaitLabel, value: T): Future<T> {
  const future = new Future<T>(label);
  future.setResult(value);
  return future;
}

/** A future that already failed with `error` (awaiting it throws without suspending). */
export function failedFuture<T>(label: WaitLabel, error: unknown): Future<T> {
  const future = new Future<T>(label);
  future.setException(error);
  return future;
}

/**
 * The awaitable of `checkpoint()` and `sleep(0)`: yield to the loop exactly
 * once, as asyncio's bare `yield` does (one ready-queue turn, no timer).
 */
export class Yield<T = undefined> implements PromiseLike<T> {
  /** What the await produces. */
  readonly value: T;
  constructor(value: T) {
    this.value = value;
  }

  /** Thenable interop: resolve on the next loop turn. */
  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    const loop = getLoop();
    return new loop.Promise<T>((resolve) => {
      loop.callSoon(() => resolve(this.value), loop.current, 'checkpoint');
    }).then(onFulfilled, onRejected);
  }
}
