/**
 * Output capping, shared by the runner worker (which stops sending) and the
 * console panel (which stops drawing): a run keeps its first LINE_CAP lines and
 * counts the rest, so a flood of console.log never freezes the page
 * (tests/playground/output.test.ts, tests/browser/playground-hostile.test.ts).
 */

/** Lines of one run that the console keeps: the first HEAD_LINES as they are printed, and the last TAIL_LINES. */
export const LINE_CAP = 2000;
/** The first lines of a run, streamed while it runs. */
export const HEAD_LINES = 1000;
/** The last lines of a run, sent at its end when there were more than HEAD_LINES (a runaway program is debugged from its last lines). */
export const TAIL_LINES = LINE_CAP - HEAD_LINES;

/** The last `size` items offered (a ring buffer), in order. */
export class Tail<T> {
  readonly #ring: T[] = [];
  readonly #size: number;
  #next = 0;

  constructor(size = TAIL_LINES) {
    this.#size = size;
  }

  add(item: T): void {
    if (this.#ring.length < this.#size) this.#ring.push(item);
    else this.#ring[this.#next] = item;
    this.#next = (this.#next + 1) % this.#size;
  }

  /** The items kept, oldest first. */
  items(): T[] {
    return this.#ring.length < this.#size ? [...this.#ring] : [...this.#ring.slice(this.#next), ...this.#ring.slice(0, this.#next)];
  }
}

/** Keeps at most `cap` items and counts the ones it dropped. */
export class CappedList<T> {
  readonly cap: number;
  readonly items: T[] = [];
  /** Items offered after the cap was reached. */
  dropped = 0;

  constructor(cap = LINE_CAP) {
    this.cap = cap;
  }

  /** Adds what fits; returns the items that were kept (for incremental drawing). */
  push(batch: readonly T[]): T[] {
    const room = Math.max(0, this.cap - this.items.length);
    const kept = batch.slice(0, room);
    for (const item of kept) this.items.push(item);
    this.dropped += batch.length - kept.length;
    return kept;
  }

  /** Every item offered so far. */
  get total(): number {
    return this.items.length + this.dropped;
  }
}

/**
 * Groups items into batches for postMessage. The first `eager` items go out
 * one by one, as they come: a program that prints a few lines and then hangs
 * (a busy loop, stopped by the wall-time budget) must not lose them, and a
 * worker that is busy cannot send later. After that, a batch is sent when it
 * holds `maxItems` or when `maxMs` of wall time passed since the last send
 * (checked on every item and on every `tick()`, which the runner calls on
 * each trace event), so a flood costs few messages and the page stays
 * responsive (tests/playground/output.test.ts).
 */
export class Batcher<T> {
  #batch: T[] = [];
  #last: number;
  #eager: number;
  readonly #send: (batch: T[]) => void;
  readonly #now: () => number;
  readonly #maxItems: number;
  readonly #maxMs: number;

  constructor(send: (batch: T[]) => void, { maxItems = 500, maxMs = 30, eager = 0, now = () => performance.now() } = {}) {
    this.#send = send;
    this.#now = now;
    this.#maxItems = maxItems;
    this.#maxMs = maxMs;
    this.#eager = eager;
    this.#last = now();
  }

  add(item: T): void {
    this.#batch.push(item);
    if (this.#eager > 0) {
      this.#eager--;
      this.flush();
    } else if (this.#batch.length >= this.#maxItems || this.#now() - this.#last >= this.#maxMs) this.flush();
  }

  /** Sends a waiting batch if it has waited `maxMs`. */
  tick(): void {
    if (this.#batch.length && this.#now() - this.#last >= this.#maxMs) this.flush();
  }

  flush(): void {
    this.#last = this.#now();
    if (this.#batch.length === 0) return;
    const batch = this.#batch;
    this.#batch = [];
    this.#send(batch);
  }
}
