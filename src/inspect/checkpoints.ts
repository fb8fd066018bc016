/**
 * The state of a run after any prefix of its trace, rebuilt from the nearest
 * checkpoint instead of from the start: a copy of the folded state (tasks,
 * holders, queues, console lines) is kept every `every` events, taken lazily
 * the first time a moment beyond it is asked for. A step of the inspector then
 * folds at most `every` events, whatever the length of the run.
 * Tests: tests/inspect/checkpoints.test.ts (equal to the fold from scratch at
 * every event of corpus programs).
 */
import type { TraceEvent } from '../runtime/trace.ts';
import { applyQueueEvent, emptyQueueFold, type QueueFold } from './queues.ts';
import { applyHoldEvent, applyTaskEvent, type TaskState } from './state.ts';

/** Everything the inspector folds from a prefix of the trace. */
export interface Fold {
  /** How many events are folded in. */
  count: number;
  tasks: Map<number, TaskState>;
  holders: Map<string, number[]>;
  queues: QueueFold;
  /** Console lines among them. */
  lines: number;
}

/** The default spacing: a step folds at most this many events. */
export const CHECKPOINT_EVERY = 1000;

function emptyFold(): Fold {
  return { count: 0, tasks: new Map(), holders: new Map(), queues: emptyQueueFold(), lines: 0 };
}

/** A deep copy (wait labels and pending timers are never mutated, so they are shared). */
function copyFold(f: Fold): Fold {
  const tasks = new Map<number, TaskState>();
  for (const [id, task] of f.tasks) tasks.set(id, { ...task });
  const holders = new Map<string, number[]>();
  for (const [key, list] of f.holders) holders.set(key, list.slice());
  const q = f.queues;
  return {
    count: f.count,
    tasks,
    holders,
    // Started jobs are dropped from the copy: only the queued rest matters.
    queues: { ready: new Map(q.ready), timers: new Map(q.timers), jobs: q.jobs.slice(q.jobHead), jobHead: 0, recorded: q.recorded },
    lines: f.lines,
  };
}

function apply(f: Fold, e: TraceEvent): void {
  applyTaskEvent(f.tasks, e);
  applyHoldEvent(f.holders, e);
  applyQueueEvent(f.queues, e);
  if (e.kind === 'log') f.lines++;
  f.count++;
}

/** Checkpoints over one trace. */
export class Checkpoints {
  readonly #trace: readonly TraceEvent[];
  readonly #every: number;
  /** #saved[k] is the fold of the first k * every events (taken so far). */
  readonly #saved: Fold[] = [emptyFold()];

  constructor(trace: readonly TraceEvent[], every = CHECKPOINT_EVERY) {
    if (!(every >= 1)) throw new RangeError('checkpoint spacing must be at least 1');
    this.#trace = trace;
    this.#every = Math.floor(every);
  }

  /** The fold of the first `count` events (clamped to the trace); a fresh copy the caller may keep. */
  foldAfter(count: number): Fold {
    const n = Math.max(0, Math.min(this.#trace.length, Math.floor(count)));
    const k = Math.floor(n / this.#every);
    // Take the missing checkpoints up to k, each from the one before it.
    while (this.#saved.length <= k) {
      const next = copyFold(this.#saved[this.#saved.length - 1]!);
      const end = this.#saved.length * this.#every;
      while (next.count < end) apply(next, this.#trace[next.count]!);
      this.#saved.push(next);
    }
    const fold = copyFold(this.#saved[k]!);
    while (fold.count < n) apply(fold, this.#trace[fold.count]!);
    return fold;
  }
}
