/**
 * Barrier (asyncio.Barrier, CPython 3.13 locks.py, ported line by line).
 *
 * Built on a Condition exactly as CPython's is, so the wake-up order is the
 * same: the last party to arrive switches the barrier to "draining" and
 * notifies everyone; each waiter re-acquires the condition's lock in turn,
 * and the last one out switches the barrier back to "filling".
 * Tests: tests/runtime/asyncio-queues.test.ts (the Barrier twins, checked against CPython).
 */
import { ValueError } from '../errors.ts';
import type { WaitLabel } from '../trace.ts';
import { co, nextInstance } from './internal.ts';
import { Condition, Lock, type PrimitiveOptions } from './locks.ts';

/** Raised by Barrier.wait when the barrier is broken or reset while waiting (asyncio.BrokenBarrierError). */
export class BrokenBarrierError extends Error {
  constructor(message = '') {
    super(message);
    this.name = 'BrokenBarrierError';
  }
}

type BarrierState = 'filling' | 'draining' | 'resetting' | 'broken';

/**
 * Lets a fixed number of tasks wait until all of them have arrived (asyncio.Barrier).
 * `wait()` resolves to an index from 0 to parties-1 (the last to arrive gets parties-1).
 */
export class Barrier {
  /** What a task waiting at this barrier is shown waiting on. */
  readonly label: WaitLabel;
  readonly #cond: Condition;
  readonly #parties: number;
  #state: BarrierState = 'filling';
  #count = 0;

  /** Create a barrier for `parties` tasks; ValueError if parties < 1. */
  constructor(parties: number, options?: PrimitiveOptions) {
    if (parties < 1) throw new ValueError('parties must be >= 1');
    this.label = { kind: 'barrier', what: options?.name ?? `barrier#${nextInstance('barrier')}` };
    this.#cond = new Condition(new Lock({ name: this.label.what }), { name: this.label.what });
    // The condition's waits are the barrier's waits: show them as such on the timeline.
    this.#cond.label.kind = 'barrier';
    this.#cond.lock.label.kind = 'barrier';
    this.#parties = parties;
  }

  /**
   * Wait until `parties` tasks are waiting, then release them all (asyncio.Barrier.wait).
   * BrokenBarrierError if the barrier is aborted or reset meanwhile.
   */
  wait(): Promise<number> {
    const self = this;
    const cond = this.#cond;
    return co(function* () {
      yield cond.acquire();
      try {
        yield self.#block();
        try {
          const index = self.#count;
          self.#count++;
          if (index + 1 === self.#parties) self.#release();
          else yield self.#wait();
          return index;
        } finally {
          self.#count--;
          self.#exit();
        }
      } finally {
        cond.release();
      }
    });
  }

  /** Block while the barrier drains or resets; BrokenBarrierError if it is broken. */
  #block(): Promise<void> {
    const self = this;
    return co(function* () {
      yield self.#cond.waitFor(() => self.#state !== 'draining' && self.#state !== 'resetting');
      if (self.#state === 'broken') throw new BrokenBarrierError('Barrier aborted');
    });
  }

  #release(): void {
    this.#state = 'draining';
    this.#cond.notifyAll();
  }

  #wait(): Promise<void> {
    const self = this;
    return co(function* () {
      yield self.#cond.waitFor(() => self.#state !== 'filling');
      if (self.#state === 'broken' || self.#state === 'resetting') {
        throw new BrokenBarrierError('Abort or reset of barrier');
      }
    });
  }

  #exit(): void {
    // The last task out lets tasks waiting for the drain in.
    if (this.#count === 0) {
      if (this.#state === 'resetting' || this.#state === 'draining') this.#state = 'filling';
      this.#cond.notifyAll();
    }
  }

  /** Return to the empty state; tasks waiting get BrokenBarrierError (asyncio.Barrier.reset). */
  reset(): Promise<void> {
    const self = this;
    const cond = this.#cond;
    return co(function* () {
      yield cond.acquire();
      try {
        if (self.#count > 0) {
          if (self.#state !== 'resetting') self.#state = 'resetting';
        } else {
          self.#state = 'filling';
        }
        cond.notifyAll();
      } finally {
        cond.release();
      }
    });
  }

  /** Break the barrier: current and future waiters get BrokenBarrierError (asyncio.Barrier.abort). */
  abort(): Promise<void> {
    const self = this;
    const cond = this.#cond;
    return co(function* () {
      yield cond.acquire();
      try {
        self.#state = 'broken';
        cond.notifyAll();
      } finally {
        cond.release();
      }
    });
  }

  /** How many tasks must wait before the barrier opens (asyncio.Barrier.parties). */
  get parties(): number {
    return this.#parties;
  }

  /** How many tasks are waiting now (asyncio.Barrier.n_waiting). */
  get nWaiting(): number {
    return this.#state === 'filling' ? this.#count : 0;
  }

  /** True if the barrier is broken (asyncio.Barrier.broken). */
  get broken(): boolean {
    return this.#state === 'broken';
  }
}
