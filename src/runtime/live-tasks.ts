/**
 * The live tasks of a run, in creation order: what asyncio.all_tasks returns,
 * what run() cancels at shutdown and what a deadlock report lists.
 *
 * Why not a Set: tasks are numbered densely from 1 in the order they are made,
 * so a list indexed by id holds them - adding is an append, removing a store -
 * with no hashing and no rehashing as it grows. With a Set, 100,000 sleeping
 * tasks spent about a tenth of their run time and 7 MB on it (bench/README.md).
 * Walks start after the ended prefix, and once that prefix is half of the list
 * the list is shifted down: a run whose early tasks end keeps only its live
 * span. (A task that lives all along, like the top level, keeps the list from
 * shrinking: 8 bytes for each task ever made, where the trace keeps ~170.)
 * Tests: tests/runtime/live-tasks.test.ts.
 */
import { append, list, type List } from './primordials.ts';

export class LiveTasks<T extends { readonly id: number }> {
  /** `#slots[i]` is the task with id `#base + i`, or undefined once it ended. */
  #slots: List<T | undefined> = list();
  #base = 1;
  /** Every slot before this one is ended. */
  #from = 0;
  /** How many of the slots hold a live task. */
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** True while `task` is live (added and not deleted). */
  has(task: T): boolean {
    const i = task.id - this.#base;
    return i >= this.#from && i < this.#slots.length && this.#slots[i] === task;
  }

  /** Add a new task: its id must be the next one (the last added id + 1, from 1). */
  add(task: T): void {
    if (task.id !== this.#base + this.#slots.length) throw new Error(`miniloop: task ${task.id} added out of order`);
    append(this.#slots, task);
    this.#size++;
  }

  /** Remove an ended task (nothing if it is not live). */
  delete(task: T): void {
    const slots = this.#slots;
    const i = task.id - this.#base;
    if (i < this.#from || i >= slots.length || slots[i] !== task) return;
    slots[i] = undefined;
    this.#size--;
    if (i === this.#from) this.#skipEnded();
  }

  /** The live tasks now, oldest first. */
  toList(): List<T> {
    const out = list<T>();
    const slots = this.#slots;
    for (let i = this.#from; i < slots.length; i++) {
      const task = slots[i];
      if (task !== undefined) append(out, task);
    }
    return out;
  }

  /** Move `#from` past the ended prefix; shift the list down once that prefix is half of it (amortised O(1) a task). */
  #skipEnded(): void {
    const slots = this.#slots;
    let from = this.#from;
    while (from < slots.length && slots[from] === undefined) from++;
    if (from < COMPACT_AFTER || from * 2 < slots.length) {
      this.#from = from;
      return;
    }
    const kept = list<T | undefined>();
    for (let i = from; i < slots.length; i++) append(kept, slots[i]);
    this.#slots = kept;
    this.#base += from;
    this.#from = 0;
  }
}

/** An ended prefix shorter than this is kept (copying it would cost more than it frees). */
const COMPACT_AFTER = 1024;
