/**
 * The timer queue: scheduled callbacks ordered by (when, seq), so timers that
 * fall due at the same virtual instant run in the order they were scheduled.
 * Cancelled entries stay queued and are skipped when they surface (as asyncio
 * does), which keeps cancel O(1).
 *
 * Why buckets: programs schedule many timers for the same instant (100,000
 * tasks sleeping whole milliseconds share at most 10,000 instants). Entries
 * with equal `when` go into one FIFO bucket - pushes come in `seq` order, so a
 * bucket is already sorted - and a binary min-heap orders only the distinct
 * instants, as plain numbers. Popping from a bucket is O(1) and touches no
 * other entry.
 */
import { append, list, MapPrototypeDelete, MapPrototypeGet, MapPrototypeSet, type List } from './primordials.ts';

export interface HeapEntry {
  when: number;
}

/**
 * Entries due at one instant, oldest first, from index 1; index 0 holds the
 * index of the next to pop. One list rather than an object holding a list and
 * that index: a push or pop at a random instant then waits for one object
 * fewer from memory (bench/README.md, eighth session: ~5% of benchmark (b)).
 * Tests: tests/runtime/timer-heap.test.ts.
 */
type Bucket<T> = List<T | number>;

export class TimerHeap<T extends HeapEntry> {
  /** Min-heap of the instants that have a bucket. */
  // Lists and captured Map methods (primordials.ts): a program's patches of built-ins do not reach the queue.
  #whens: List<number> = list();
  /** How many instants the heap holds (the list is not shrunk: trimming an array's length is slow in V8). */
  #n = 0;
  #buckets = new Map<number, Bucket<T>>();
  /** The bucket of the earliest instant (cached: most pops come from it). */
  #front: Bucket<T> | undefined = undefined;
  #size = 0;

  get size(): number {
    return this.#size;
  }

  peek(): T | undefined {
    const front = this.#frontBucket();
    return front === undefined ? undefined : (front[front[0] as number] as T);
  }

  /** Add `item`; it runs after every item already queued for the same `when` (the loop's scheduling order). */
  push(item: T): void {
    const when = item.when;
    let bucket = MapPrototypeGet(this.#buckets, when) as Bucket<T> | undefined;
    if (bucket === undefined) {
      bucket = list<T | number>();
      bucket[0] = 1;
      bucket[1] = item;
      MapPrototypeSet(this.#buckets, when, bucket);
      this.#pushWhen(when);
      if (this.#whens[0] === when) this.#front = bucket;
    } else {
      append(bucket, item);
    }
    this.#size++;
  }

  pop(): T | undefined {
    const front = this.#frontBucket();
    if (front === undefined) return undefined;
    const head = front[0] as number;
    const item = front[head] as T;
    front[head] = undefined as unknown as T;
    front[0] = head + 1;
    this.#size--;
    if (head + 1 === front.length) {
      MapPrototypeDelete(this.#buckets, this.#popWhen());
      this.#front = undefined;
    }
    return item;
  }

  #frontBucket(): Bucket<T> | undefined {
    if (this.#front === undefined && this.#n > 0) this.#front = MapPrototypeGet(this.#buckets, this.#whens[0]!) as Bucket<T> | undefined;
    return this.#front;
  }

  #pushWhen(when: number): void {
    const whens = this.#whens;
    let i = this.#n++;
    whens[i] = when;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (whens[parent]! <= when) break;
      whens[i] = whens[parent]!;
      i = parent;
    }
    whens[i] = when;
  }

  #popWhen(): number {
    const whens = this.#whens;
    const top = whens[0]!;
    const n = --this.#n;
    const last = whens[n]!;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && whens[r]! < whens[l]! ? r : l;
        if (whens[c]! >= last) break;
        whens[i] = whens[c]!;
        i = c;
      }
      whens[i] = last;
    }
    return top;
  }
}
