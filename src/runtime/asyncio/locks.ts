/**
 * Synchronization primitives: Lock, Event, Condition, Semaphore,
 * BoundedSemaphore (asyncio/locks.py, CPython 3.13, ported line by line).
 *
 * Design notes (all from CPython; tests in tests/runtime/asyncio-locks.test.ts):
 * - Waiters are FIFO. A release wakes the first waiter by completing its
 *   future; the waiter takes the lock only when its task actually resumes,
 *   one ready-queue turn later. A waiter cancelled in between passes the wake
 *   up on to the next one (Lock: `_wake_up_first` in the except branch;
 *   Semaphore: the bookkeeping in `acquire`'s except/finally).
 * - Fairness (3.11+): `acquire` never jumps the queue. A Lock that is free
 *   while a woken waiter has not run yet still makes a newcomer wait, unless
 *   every waiter was cancelled; a Semaphore counts as locked while any
 *   waiter is not cancelled.
 * - A call that does not have to wait returns an already finished Future, so
 *   `await lock.acquire()` costs no loop turn, like an asyncio coroutine that
 *   returns without suspending.
 * - Every waiter future carries a wait label naming the primitive
 *   ("lock#1", "semaphore#2"...), shown on the timeline and in deadlock reports.
 */
import { CancelledError, ValueError } from '../errors.ts';
import { Future } from '../future.ts';
import type { WaitKind, WaitLabel } from '../trace.ts';
import { co, doneFuture, nextInstance, recordHold, removeItem, runtimeError } from './internal.ts';

/** Python's `async with primitive:` - acquire, run `body`, release however it ends. */
function holding<T>(primitive: { acquire(): unknown; release(): void }, body: () => T | PromiseLike<T>): Promise<T> {
  return co(function* () {
    yield primitive.acquire();
    try {
      return (yield body()) as T;
    } finally {
      primitive.release();
    }
  });
}

/** Options shared by the primitives. */
export interface PrimitiveOptions {
  /** Name shown on the timeline and in deadlock reports (default e.g. "lock#1"). */
  name?: string;
}

function labelFor(kind: WaitKind, options: PrimitiveOptions | undefined): WaitLabel {
  return { kind, what: options?.name ?? `${kind}#${nextInstance(kind)}` };
}

/**
 * A mutual-exclusion lock with FIFO waiters (asyncio.Lock).
 * Use as `await lock.acquire(); try { ... } finally { lock.release(); }`
 * or `await lock.withLock(async () => { ... })` (Python: `async with lock:`).
 */
export class Lock {
  /** What a task waiting for this lock is shown waiting on. */
  readonly label: WaitLabel;
  #locked = false;
  #waiters: Future<boolean>[] = [];

  /** Create an unlocked lock. */
  constructor(options?: PrimitiveOptions) {
    this.label = labelFor('lock', options);
  }

  /** True if the lock is held (asyncio.Lock.locked). */
  locked(): boolean {
    return this.#locked;
  }

  /**
   * Acquire the lock, waiting in FIFO order if it is held (asyncio.Lock.acquire).
   * Resolves to true. Cancelled while waiting: the lock is not taken, and the
   * next waiter is woken if the lock is free.
   */
  acquire(): PromiseLike<true> {
    // Fair scheduling: wait for our turn unless nobody (alive) is queued.
    if (!this.#locked && this.#waiters.every((w) => w.cancelled())) {
      this.#locked = true;
      recordHold(this.label, true);
      return doneFuture(this.label, true as const);
    }
    const fut = new Future<boolean>(this.label);
    this.#waiters.push(fut);
    return co(() => this.#acquireSlow(fut));
  }

  *#acquireSlow(fut: Future<boolean>): Generator<unknown, true, unknown> {
    try {
      try {
        yield fut;
      } finally {
        removeItem(this.#waiters, fut);
      }
    } catch (error) {
      // Keep the invariant: if the lock is free and someone waits, the head of the queue will run.
      if (error instanceof CancelledError && !this.#locked) this.#wakeUpFirst();
      throw error;
    }
    this.#locked = true;
    recordHold(this.label, true);
    return true;
  }

  /** Release the lock and wake the first waiter (asyncio.Lock.release); RuntimeError if not locked. */
  release(): void {
    if (!this.#locked) throw runtimeError('Lock is not acquired.');
    this.#locked = false;
    recordHold(this.label, false);
    this.#wakeUpFirst();
  }

  /** Run `body` holding the lock, releasing it however `body` ends (Python: `async with lock:`). */
  withLock<T>(body: () => T | PromiseLike<T>): Promise<T> {
    return holding(this, body);
  }

  #wakeUpFirst(): void {
    const first = this.#waiters[0];
    // done() means the first waiter is already set to wake up.
    if (first !== undefined && !first.done()) first.setResult(true);
  }
}

/** A flag tasks can wait for (asyncio.Event): `set()` wakes every waiter, in the order they started waiting. */
export class Event {
  /** What a task waiting for this event is shown waiting on. */
  readonly label: WaitLabel;
  #value = false;
  #waiters: Future<boolean>[] = [];

  /** Create an event whose flag is false. */
  constructor(options?: PrimitiveOptions) {
    this.label = labelFor('event', options);
  }

  /** True if the flag is set (asyncio.Event.is_set). */
  isSet(): boolean {
    return this.#value;
  }

  /** Set the flag and wake every waiter (asyncio.Event.set). */
  set(): void {
    if (this.#value) return;
    this.#value = true;
    for (const fut of this.#waiters) if (!fut.done()) fut.setResult(true);
  }

  /** Reset the flag to false (asyncio.Event.clear). */
  clear(): void {
    this.#value = false;
  }

  /** Wait until the flag is set; resolves to true at once if it already is (asyncio.Event.wait). */
  wait(): PromiseLike<true> {
    if (this.#value) return doneFuture(this.label, true as const);
    const fut = new Future<boolean>(this.label);
    this.#waiters.push(fut);
    const waiters = this.#waiters;
    return co(function* () {
      try {
        yield fut;
        return true as const;
      } finally {
        removeItem(waiters, fut);
      }
    });
  }
}

/**
 * A condition variable (asyncio.Condition): tasks holding its lock wait to be
 * notified; `notify(n)` wakes the first n waiters, which then re-acquire the lock.
 */
export class Condition {
  /** What a task waiting on this condition is shown waiting on. */
  readonly label: WaitLabel;
  /** The underlying lock (a new one unless given). */
  readonly lock: Lock;
  #waiters: Future<boolean>[] = [];

  /** Create a condition on `lock` (default: a new Lock). */
  constructor(lock?: Lock, options?: PrimitiveOptions) {
    this.label = labelFor('condition', options);
    this.lock = lock ?? new Lock({ name: `${this.label.what} lock` });
  }

  /** True if the underlying lock is held. */
  locked(): boolean {
    return this.lock.locked();
  }

  /** Acquire the underlying lock. */
  acquire(): PromiseLike<true> {
    return this.lock.acquire();
  }

  /** Release the underlying lock. */
  release(): void {
    this.lock.release();
  }

  /** Run `body` holding the underlying lock (Python: `async with cond:`). */
  withLock<T>(body: () => T | PromiseLike<T>): Promise<T> {
    return this.lock.withLock(body);
  }

  /**
   * Release the lock, wait to be notified, re-acquire the lock, resolve to true
   * (asyncio.Condition.wait). The lock is re-acquired even when the wait is
   * cancelled; RuntimeError if the lock is not held.
   */
  wait(): Promise<true> {
    if (!this.locked()) throw runtimeError('cannot wait on un-acquired lock');
    return co(() => this.#wait());
  }

  *#wait(): Generator<unknown, true, unknown> {
    const fut = new Future<boolean>(this.label);
    this.release();
    try {
      try {
        this.#waiters.push(fut);
        try {
          yield fut;
          return true;
        } finally {
          removeItem(this.#waiters, fut);
        }
      } finally {
        // Must re-acquire the lock even if the wait is cancelled; only CancelledError is retried.
        let err: unknown = null;
        for (;;) {
          try {
            yield this.acquire();
            break;
          } catch (e) {
            if (!(e instanceof CancelledError)) throw e;
            err = e;
          }
        }
        if (err !== null) throw err;
      }
    } catch (error) {
      // We may have been notified before failing: pass the notification on (a spurious wake-up is allowed).
      this.#notify(1);
      throw error;
    }
  }

  /** Wait until `predicate()` is truthy, re-checking after each notification; resolves to its value (asyncio.Condition.wait_for). */
  waitFor<T>(predicate: () => T): Promise<T> {
    const self = this;
    return co(function* () {
      let result = predicate();
      while (!result) {
        yield self.wait();
        result = predicate();
      }
      return result;
    });
  }

  /** Wake up to `n` waiters (default 1); RuntimeError if the lock is not held (asyncio.Condition.notify). */
  notify(n = 1): void {
    if (!this.locked()) throw runtimeError('cannot notify on un-acquired lock');
    this.#notify(n);
  }

  /** Wake every waiter (asyncio.Condition.notify_all). */
  notifyAll(): void {
    this.notify(this.#waiters.length);
  }

  #notify(n: number): void {
    let idx = 0;
    for (const fut of this.#waiters) {
      if (idx >= n) break;
      if (!fut.done()) {
        idx++;
        fut.setResult(false);
      }
    }
  }
}

/**
 * A counter of permits (asyncio.Semaphore): `acquire` takes one, waiting in
 * FIFO order when none is left; `release` gives one back.
 */
export class Semaphore {
  /** What a task waiting for this semaphore is shown waiting on. */
  readonly label: WaitLabel;
  /** Permits currently available (may be read; change it through acquire/release). */
  protected value: number;
  #waiters: Future<boolean>[] = [];

  /** Create a semaphore with `value` permits (default 1); ValueError if negative. */
  constructor(value = 1, options?: PrimitiveOptions) {
    if (value < 0) throw new ValueError('Semaphore initial value must be >= 0');
    this.value = value;
    this.label = labelFor('semaphore', options);
  }

  /** True if `acquire` would wait: no permit left, or others are queued first (asyncio.Semaphore.locked). */
  locked(): boolean {
    return this.value === 0 || this.#waiters.some((w) => !w.cancelled());
  }

  /** Take a permit, waiting in FIFO order if none is free (asyncio.Semaphore.acquire); resolves to true. */
  acquire(): PromiseLike<true> {
    if (!this.locked()) {
      // Maintain FIFO: only take a permit directly when nobody waits.
      this.value--;
      recordHold(this.label, true);
      return doneFuture(this.label, true as const);
    }
    const fut = new Future<boolean>(this.label);
    this.#waiters.push(fut);
    return co(() => this.#acquireSlow(fut));
  }

  *#acquireSlow(fut: Future<boolean>): Generator<unknown, true, unknown> {
    try {
      try {
        yield fut;
      } finally {
        removeItem(this.#waiters, fut);
      }
    } catch (error) {
      if (error instanceof CancelledError && fut.done() && !fut.cancelled()) {
        // We were given a permit by #wakeUpNext but will not take it: give it back.
        this.value++;
      }
      throw error;
    } finally {
      // New waiters may have queued behind us (FIFO): wake as many as permits allow.
      while (this.value > 0) {
        if (!this.#wakeUpNext()) break;
      }
    }
    recordHold(this.label, true);
    return true;
  }

  /** Give a permit back and wake the first waiter (asyncio.Semaphore.release). */
  release(): void {
    this.value++;
    recordHold(this.label, false);
    this.#wakeUpNext();
  }

  /** Run `body` holding a permit (Python: `async with sem:`). */
  withLock<T>(body: () => T | PromiseLike<T>): Promise<T> {
    return holding(this, body);
  }

  #wakeUpNext(): boolean {
    for (const fut of this.#waiters) {
      if (!fut.done()) {
        this.value--;
        fut.setResult(true);
        return true;
      }
    }
    return false;
  }
}

/** A Semaphore whose `release` throws ValueError if it would exceed the initial value (asyncio.BoundedSemaphore). */
export class BoundedSemaphore extends Semaphore {
  readonly #bound: number;

  /** Create a bounded semaphore with `value` permits (default 1). */
  constructor(value = 1, options?: PrimitiveOptions) {
    super(value, options);
    this.#bound = value;
  }

  /** Give a permit back; ValueError('BoundedSemaphore released too many times') past the initial value. */
  override release(): void {
    if (this.value >= this.#bound) throw new ValueError('BoundedSemaphore released too many times');
    super.release();
  }
}
