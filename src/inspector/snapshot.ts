/**
 * What the browser inspector shows at a playhead, as data (DOM-free): the
 * tasks and their states, the await graph and its cycles, the queues, and for
 * each running task the cause that made it ready (the recorded `wake` fact,
 * src/inspect/why.ts). Built from the trace of the finished run, never by
 * re-running it. Tests: tests/inspect/snapshot.test.ts.
 */
import { awaitCycles, awaitEdges, type AwaitEdge } from '../inspect/graph.ts';
import { Checkpoints } from '../inspect/checkpoints.ts';
import { queuesOf, type Queues } from '../inspect/queues.ts';
import type { TaskState } from '../inspect/state.ts';
import { causeOfRun, type Cause } from '../inspect/why.ts';
import type { TraceEvent } from '../runtime/trace.ts';

/** The inspector's content after event `seq` (inclusive). */
export interface Snapshot {
  seq: number;
  t: number;
  tasks: TaskState[];
  edges: AwaitEdge[];
  cycles: number[][];
  queues: Queues;
  /** Console lines printed up to and including `seq`. */
  lines: number;
  /** Why each running task is running (task id -> cause). */
  causes: Map<number, Cause>;
}

/**
 * The snapshot after event `seq` of `trace` (clamped to the trace). Pass the
 * trace's `Checkpoints` (the panel keeps one per run) so the state is folded
 * from the nearest checkpoint rather than from the start.
 */
export function snapshotAt(trace: readonly TraceEvent[], seq: number, checkpoints = new Checkpoints(trace)): Snapshot {
  const last = Math.max(0, Math.min(trace.length - 1, seq));
  const count = trace.length === 0 ? 0 : last + 1;
  const fold = checkpoints.foldAfter(count);
  const tasks = [...fold.tasks.values()];
  const edges = awaitEdges(tasks, fold.holders);
  const causes = new Map<number, Cause>();
  for (const task of tasks) if (task.state === 'running') causes.set(task.id, causeOfRun(trace, task.id, last));
  return { seq: last, t: trace[last]?.t ?? 0, tasks, edges, cycles: awaitCycles(edges), queues: queuesOf(fold.queues), lines: fold.lines, causes };
}

/** The seq of the console line before (`dir` -1) or after (+1) `seq`, or null. */
export function lineStep(trace: readonly TraceEvent[], seq: number, dir: 1 | -1): number | null {
  for (let i = seq + dir; i >= 0 && i < trace.length; i += dir) if (trace[i]!.kind === 'log') return i;
  return null;
}

/**
 * The seq of the loop turn before (`dir` -1) or after (+1) `seq`, or null. A
 * turn starts at a `macrotask` fact (one loop callback; its microtask
 * checkpoint follows within the same turn, runtime/loop.ts), so "previous"
 * from inside a turn goes to that turn's start, like `lineStep`. A run
 * without loop events has no turns: null.
 */
export function turnStep(trace: readonly TraceEvent[], seq: number, dir: 1 | -1): number | null {
  for (let i = seq + dir; i >= 0 && i < trace.length; i += dir) if (trace[i]!.kind === 'macrotask') return i;
  return null;
}

/** The seq a cause points at (where the playhead goes for "why now?"): the waker's event, the timer's setting, the spawn. */
export function causeSeq(cause: Cause): number {
  return cause.kind === 'woken-by-timer' && cause.setSeq >= 0 ? cause.setSeq : cause.seq;
}
