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
  const fold = emptyQueueFold();
  for (let i = 0; i < count; i++) applyQueueEvent(fold, trace[i]!);
  return queuesOf(fold);
}

/** The queues while being folded event by event (the inspector keeps copies as checkpoints). */
export interface QueueFold {
  /** Ready task id -> the seq it became ready (insertion order is queue order). */
  ready: Map<number, number>;
  timers: Map<number, PendingTimer>;
  /** Microtask jobs queued, of which the first `jobHead` have started. */
  jobs: number[];
  jobHead: number;
  recorded: boolean;
}

/** Nothing queued yet. */
export function emptyQueueFold(): QueueFold {
  return { ready: new Map(), timers: new Map(), jobs: [], jobHead: 0, recorded: false };
}

/** Fold one event into the queues. */
export function applyQueueEvent(fold: QueueFold, e: TraceEvent): void {
  switch (e.kind) {
    case 'ready': fold.ready.delete(e.task); fold.ready.set(e.task, e.seq); break;
    case 'run': case 'wait': case 'done': fold.ready.delete(e.task); break;
    case 'timer':
      fold.recorded = true;
      if (e.detail.op === 'set') fold.timers.set(e.detail.id, { id: e.detail.id, due: e.detail.due, source: e.detail.source, by: e.task });
      else fold.timers.delete(e.detail.id);
      break;
    case 'microtask':
      fold.recorded = true;
      if (e.detail.op === 'queue') fold.jobs.push(e.task);
      else fold.jobHead++;
      break;
    case 'macrotask': case 'microtasks': case 'wake': fold.recorded = true; break;
  }
}

/** The queues a fold stands for. */
export function queuesOf(fold: QueueFold): Queues {
  return {
    ready: [...fold.ready.keys()],
    timers: [...fold.timers.values()].sort((a, b) => a.due - b.due || a.id - b.id),
    microtasks: fold.jobs.slice(fold.jobHead),
    recorded: fold.recorded,
  };
}
