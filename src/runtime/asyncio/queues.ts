/**
 * Queues: Queue, PriorityQueue, LifoQueue (asyncio/queues.py, CPython 3.13,
 * ported line by line, including shutdown()).
 *
 * Design notes (tests in tests/runtime/asyncio-queues.test.ts):
 * - Getters and putters wait in FIFO order. `putNowait` wakes the first
 *   getter, `getNowait` the first putter; the woken task takes its item only
 *   when it runs, one turn later, and re-checks (a `while` loop, as in
 *   CPython), so a task that arrives in between can take the item first.
 * - A woken getter that is cancelled before it runs passes the wake-up on.
 * - `join()` waits on an internal Event that `taskDone()` sets when the count
 *   of unfinished items reaches zero.
 * - PriorityQueue orders items with Python's `<` rules (numbers, strings,
 *   arrays compared element by element like tuples), using a port of heapq,
 *   so equal priorities come out in the same order as in Python.
 */
import { CancelledError, ValueError } from '../errors.ts';
import { Future } from '../future.ts';
import type { WaitLabel } from '../trace.ts';
import { co, doneFuture, nextInstance, removeItem } from './internal.ts';
import { recordQueueOp } from '../queue-facts.ts';
import { Event, type PrimitiveOptions } from './locks.ts';

/** Raised by getNowait() on an empty queue (asyncio.QueueEmpty). */
export class QueueEmpty extends Error {
  constructor(message = '') {
    super(message);
    this.name = 'QueueEmpty';
  }
}

/** Raised by putNowait() on a full queue (asyncio.QueueFull). */
export class QueueFull extends Error {
  constructor(message = '') {
    super(message);
    this.name = 'QueueFull';
  }
}

/** Raised by put/get on a queue that was shut down (asyncio.QueueShutDown, Python 3.13). */
export class QueueShutDown extends Error {
  constructor(message = '') {
    super(message);
    this.name = 'QueueShutDown';
  }
}

function failed<T>(error: unknown, label: WaitLabel): Future<T> {
  const future = new Future<T>(label);
  future.setException(error);
  return future;
}

/**
 * A FIFO queue for producer and consumer tasks (asyncio.Queue). With
 * `maxsize` > 0, `put` waits while the queue is full.
 */
export class Queue<T = unknown> {
  /** Name shown in wait labels ("queue#1"). */
  readonly name: string;
  readonly #maxsize: number;
  readonly #getLabel: WaitLabel;
  readonly #putLabel: WaitLabel;
  #getters: Future<void>[] = [];
  #putters: Future<void>[] = [];
  #unfinished = 0;
  readonly #finished: Event;
  #isShutdown = false;
  /** The items; subclasses choose the order. */
  protected items: T[] = [];

  /** Create a queue holding at most `maxsize` items (0 or less: unbounded). */
  constructor(maxsize = 0, options?: PrimitiveOptions) {
    this.#maxsize = maxsize;
    this.name = options?.name ?? `queue#${nextInstance('queue')}`;
    this.#getLabel = { kind: 'queue', what: `${this.name} get` };
    this.#putLabel = { kind: 'queue', what: `${this.name} put` };
    this.#finished = new Event({ name: `${this.name} join` });
    this.#finished.label.kind = 'queue';
    this.#finished.set();
  }

  /** Add an item (subclasses override to change the order). */
  protected putItem(item: T): void {
    this.items.push(item);
  }

  /** Remove the next item (subclasses override to change the order). */
  protected getItem(): T {
    return this.items.shift() as T;
  }

  #wakeupNext(waiters: Future<void>[]): void {
    // Wake the first waiter that is not cancelled.
    while (waiters.length > 0) {
      const waiter = waiters.shift()!;
      if (!waiter.done()) {
        waiter.setResult(undefined);
        break;
      }
    }
  }

  /** Number of items in the queue (asyncio.Queue.qsize). */
  qsize(): number {
    return this.items.length;
  }

  /** Maximum number of items (0: unbounded) (asyncio.Queue.maxsize). */
  get maxsize(): number {
    return this.#maxsize;
  }

  /** True if the queue is empty (asyncio.Queue.empty). */
  empty(): boolean {
    return this.items.length === 0;
  }

  /** True if the queue holds maxsize items; never for an unbounded queue (asyncio.Queue.full). */
  full(): boolean {
    return this.#maxsize > 0 && this.qsize() >= this.#maxsize;
  }

  /** Put an item, waiting while the queue is full (asyncio.Queue.put). QueueShutDown after shutdown(). */
  put(item: T): PromiseLike<void> {
    if (!this.full()) {
      try {
        this.putNowait(item);
      } catch (error) {
        return failed(error, this.#putLabel);
      }
      return doneFuture(this.#putLabel, undefined);
    }
    return co(() => this.#putSlow(item));
  }

  *#putSlow(item: T): Generator<unknown, void, unknown> {
    while (this.full()) {
      if (this.#isShutdown) throw new QueueShutDown();
      const putter = new Future<void>(this.#putLabel);
      this.#putters.push(putter);
      try {
        yield putter;
      } catch (error) {
        putter.cancel(); // in case it is not done yet
        removeItem(this.#putters, putter); // may already be gone (getNowait or shutdown took it)
        // Woken by getNowait() but not taking the slot: wake the next in line.
        if (!this.full() && !putter.cancelled()) this.#wakeupNext(this.#putters);
        throw error;
      }
    }
    this.putNowait(item);
  }

  /** Put an item without waiting; QueueFull if the queue is full (asyncio.Queue.put_nowait). */
  putNowait(item: T): void {
    if (this.#isShutdown) throw new QueueShutDown();
    if (this.full()) throw new QueueFull();
    this.putItem(item);
    recordQueueOp('put', this.name, this.qsize());
    this.#unfinished++;
    this.#finished.clear();
    this.#wakeupNext(this.#getters);
  }

  /** Remove and return an item, waiting while the queue is empty (asyncio.Queue.get). */
  get(): PromiseLike<T> {
    if (!this.empty()) return doneFuture(this.#getLabel, this.getNowait());
    if (this.#isShutdown) return failed(new QueueShutDown(), this.#getLabel);
    return co(() => this.#getSlow());
  }

  *#getSlow(): Generator<unknown, T, unknown> {
    while (this.empty()) {
      if (this.#isShutdown && this.empty()) throw new QueueShutDown();
      const getter = new Future<void>(this.#getLabel);
      this.#getters.push(getter);
      try {
        yield getter;
      } catch (error) {
        getter.cancel(); // in case it is not done yet
        removeItem(this.#getters, getter); // may already be gone (putNowait or shutdown took it)
        // Woken by putNowait() but not taking the item: wake the next in line.
        if (!this.empty() && !getter.cancelled()) this.#wakeupNext(this.#getters);
        throw error;
      }
    }
    return this.getNowait();
  }

  /** Remove and return an item without waiting; QueueEmpty if there is none (asyncio.Queue.get_nowait). */
  getNowait(): T {
    if (this.empty()) {
      if (this.#isShutdown) throw new QueueShutDown();
      throw new QueueEmpty();
    }
    const item = this.getItem();
    recordQueueOp('get', this.name, this.qsize());
    this.#wakeupNext(this.#putters);
    return item;
  }

  /**
   * Mark one item taken with get() as processed (asyncio.Queue.task_done);
   * ValueError if called more times than items were put.
   */
  taskDone(): void {
    if (this.#unfinished <= 0) throw new ValueError('task_done() called too many times');
    this.#unfinished--;
    if (this.#unfinished === 0) this.#finished.set();
  }

  /** Wait until every item put has been marked done with taskDone() (asyncio.Queue.join). */
  join(): PromiseLike<void> {
    if (this.#unfinished > 0) {
      const wait = this.#finished.wait();
      return co(function* () {
        yield wait;
      });
    }
    return doneFuture(this.#getLabel, undefined);
  }

  /**
   * Shut the queue down (asyncio.Queue.shutdown, Python 3.13): put raises
   * QueueShutDown at once, get once the queue is empty (at once with
   * `immediate`, which also drops the items and counts them as done).
   * Blocked callers are woken.
   */
  shutdown(immediate = false): void {
    this.#isShutdown = true;
    if (immediate) {
      while (!this.empty()) {
        this.getItem();
        if (this.#unfinished > 0) this.#unfinished--;
      }
      if (this.#unfinished === 0) this.#finished.set();
    }
    // Every getter and putter re-checks and raises QueueShutDown.
    while (this.#getters.length > 0) {
      const getter = this.#getters.shift()!;
      if (!getter.done()) getter.setResult(undefined);
    }
    while (this.#putters.length > 0) {
      const putter = this.#putters.shift()!;
      if (!putter.done()) putter.setResult(undefined);
    }
  }
}

/**
 * A queue that returns the smallest item first (asyncio.PriorityQueue).
 * Items compare as in Python: numbers and strings by value, arrays element by
 * element like tuples (`[priority, data]`); anything else throws TypeError.
 */
export class PriorityQueue<T = unknown> extends Queue<T> {
  protected override putItem(item: T): void {
    heappush(this.items, item);
  }

  protected override getItem(): T {
    return heappop(this.items);
  }
}

/** A queue that returns the most recently added item first (asyncio.LifoQueue). */
export class LifoQueue<T = unknown> extends Queue<T> {
  protected override getItem(): T {
    return this.items.pop() as T;
  }
}

// --- heapq (Lib/heapq.py), so ties come out in Python's order ---

function heappush<T>(heap: T[], item: T): void {
  heap.push(item);
  siftdown(heap, 0, heap.length - 1);
}

function heappop<T>(heap: T[]): T {
  const last = heap.pop() as T;
  if (heap.length > 0) {
    const top = heap[0]!;
    heap[0] = last;
    siftup(heap, 0);
    return top;
  }
  return last;
}

function siftdown<T>(heap: T[], startpos: number, pos: number): void {
  const newitem = heap[pos]!;
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const parent = heap[parentpos]!;
    if (pyLess(newitem, parent)) {
      heap[pos] = parent;
      pos = parentpos;
      continue;
    }
    break;
  }
  heap[pos] = newitem;
}

function siftup<T>(heap: T[], pos: number): void {
  const endpos = heap.length;
  const startpos = pos;
  const newitem = heap[pos]!;
  let childpos = 2 * pos + 1;
  while (childpos < endpos) {
    const rightpos = childpos + 1;
    if (rightpos < endpos && !pyLess(heap[childpos]!, heap[rightpos]!)) childpos = rightpos;
    heap[pos] = heap[childpos]!;
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  heap[pos] = newitem;
  siftdown(heap, startpos, pos);
}

type Scalar = number | bigint | boolean;

function isScalar(x: unknown): x is Scalar {
  return typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean';
}

/** Python's `==` for the values a priority can hold. */
function pyEq(a: unknown, b: unknown): boolean {
  if (isScalar(a) && isScalar(b)) return a == b; // loose on purpose: 1 == 1n == true, as in Python
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => pyEq(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    // Python compares dicts by content.
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && pyEq(a[k], b[k]));
  }
  return a === b;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== 'object') return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** Python's `<`: numbers, strings, and arrays compared like tuples; TypeError otherwise. */
export function pyLess(a: unknown, b: unknown): boolean {
  if (isScalar(a) && isScalar(b)) return a < b;
  if (typeof a === 'string' && typeof b === 'string') return a < b;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (!pyEq(a[i], b[i])) return pyLess(a[i], b[i]);
    }
    return a.length < b.length;
  }
  throw new TypeError(`'<' not supported between instances of '${typeName(a)}' and '${typeName(b)}' (PriorityQueue items must be numbers, strings or [priority, ...] arrays)`);
}

function typeName(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'Array';
  if (typeof x === 'object') return (x as object).constructor?.name ?? 'Object';
  return typeof x;
}
