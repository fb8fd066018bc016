/**
 * The loop's queues at a moment, rebuilt from the recorded facts of a run with
 * loop events (runtime/loop.ts): the tasks in the ready queue in the order
 * they became ready, the timers set and not yet fired or cancelled (soonest
 * first), and the microtask jobs queued and not yet started (FIFO).
 * DOM-free; the browser inspector and the tests share it.
 * Tests: tests/inspect/facts.test.ts.
 */
import type { TraceEvent } from '../runtime/trace.ts';

/** A timer still pending at the moment. */
export interface PendingTimer {
  id: number;
  due: number;
  source: string;
  /** The task that set it (0: the loop or the program before any task). */
  by: number;
}

/** The queues after a prefix of the trace. */
export interface Queues {
  /** Task ids in the ready queue, in the order they became ready. */
  ready: number[];
  /** Pending timers, soonest first (ties: the order they were set). */
  timers: PendingTimer[];
  /** Queued microtask jobs, oldest first: the task each runs as (0: none). */
  microtasks: number[];
  /** False when the run recorded no loop events (then timers and microtasks are unknown). */
  recorded: boolean;
}

/** The queues after the first `count` events of `trace`. */
export function queuesAfter(trace: readonly TraceEvent[], count: number): Queues {
  const ready = new Map<number, number>();
  const timers = new Map<number, PendingTimer>();
  const jobs: number[] = [];
  let jobHead = 0;
  let recorded = false;
  for (let i = 0; i < count; i++) {
    const e = trace[i]!;
    switch (e.kind) {
      case 'ready': ready.delete(e.task); ready.set(e.task, e.seq); break;
      case 'run': case 'wait': case 'done': ready.delete(e.task); break;
      case 'timer':
        recorded = true;
        if (e.detail.op === 'set') timers.set(e.detail.id, { id: e.detail.id, due: e.detail.due, source: e.detail.source, by: e.task });
        else timers.delete(e.detail.id);
        break;
      case 'microtask':
        recorded = true;
        if (e.detail.op === 'queue') jobs.push(e.task);
        else jobHead++;
        break;
      case 'macrotask': case 'microtasks': case 'wake': recorded = true; break;
    }
  }
  return {
    ready: [...ready.keys()],
    timers: [...timers.values()].sort((a, b) => a.due - b.due || a.id - b.id),
    microtasks: jobs.slice(jobHead),
    recorded,
  };
}
