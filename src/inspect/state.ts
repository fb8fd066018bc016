/**
 * The state of every task at one moment of a finished run, rebuilt from its
 * trace (not by re-running the program): running, ready, waiting on what,
 * done, cancelled or failed. DOM-free and Node-free, so the CLI, the tests and
 * a browser inspector can share it. Tests: tests/inspect/state.test.ts.
 */
import type { TraceEvent, WaitLabel } from '../runtime/trace.ts';

/** What a task is doing at a moment. */
export type TaskStateName = 'running' | 'ready' | 'waiting' | 'done' | 'cancelled' | 'failed';

/** One task at a moment. */
export interface TaskState {
  id: number;
  name: string;
  parent: number;
  state: TaskStateName;
  /** What a waiting task waits on. */
  on?: WaitLabel;
  /** Error text of a failed task. */
  error?: string;
}

/** A moment of a run: a virtual time, the end, or a step (trace seq). */
export type Moment = { kind: 'time'; t: number } | { kind: 'end' } | { kind: 'step'; seq: number };

/** Parse `--at` text: a number of virtual ms, `end`, or `step:N`; null if it is none of these. */
export function parseMoment(text: string): Moment | null {
  if (text === 'end') return { kind: 'end' };
  const step = /^step:(\d+)$/.exec(text);
  if (step) return { kind: 'step', seq: Number(step[1]) };
  const t = Number(text.replace(/ms$/, ''));
  return text.trim() !== '' && Number.isFinite(t) && t >= 0 ? { kind: 'time', t } : null;
}

/** How many events of `trace` (a prefix) have happened at `moment`: all events at or before time t, or up to and including step N. */
export function eventsUntil(trace: readonly TraceEvent[], moment: Moment): number {
  if (moment.kind === 'end') return trace.length;
  if (moment.kind === 'step') return Math.min(trace.length, moment.seq + 1);
  let n = 0;
  while (n < trace.length && trace[n]!.t <= moment.t) n++;
  return n;
}

/** Every task spawned in the first `count` events, in spawn order, with its state after them. */
export function tasksAfter(trace: readonly TraceEvent[], count: number): TaskState[] {
  const tasks = new Map<number, TaskState>();
  for (let i = 0; i < count; i++) applyTaskEvent(tasks, trace[i]!);
  return [...tasks.values()];
}

/** Fold one event into the tasks (id -> state, spawn order); shared with the inspector's checkpoints. */
export function applyTaskEvent(tasks: Map<number, TaskState>, e: TraceEvent): void {
  if (e.kind === 'spawn') {
    tasks.set(e.task, { id: e.task, name: e.detail.name, parent: e.detail.parent, state: 'ready' });
    return;
  }
  const task = tasks.get(e.task);
  if (!task) return;
  switch (e.kind) {
    case 'run': setState(task, 'running'); break;
    case 'ready': setState(task, 'ready'); break;
    case 'wait': setState(task, 'waiting'); task.on = e.detail.on; break;
    case 'done':
      setState(task, e.detail.outcome === 'ok' ? 'done' : e.detail.outcome === 'cancelled' ? 'cancelled' : 'failed');
      if (e.detail.error !== undefined) task.error = e.detail.error;
      break;
  }
}

/** Who holds each lock, semaphore or condition after the first `count` events, from the recorded `hold` facts (key: labelKey). */
export function holdersAfter(trace: readonly TraceEvent[], count: number): Map<string, number[]> {
  const holders = new Map<string, number[]>();
  for (let i = 0; i < count; i++) applyHoldEvent(holders, trace[i]!);
  return holders;
}

/** Fold one event into the holders (key: labelKey); shared with the inspector's checkpoints. */
export function applyHoldEvent(holders: Map<string, number[]>, e: TraceEvent): void {
  if (e.kind !== 'hold') return;
  const key = labelKey(e.detail.on);
  const list = holders.get(key) ?? [];
  if (e.detail.held) list.push(e.task);
  else {
    // A lock may be released by another task than its holder: then the oldest holder lets go.
    const at = list.indexOf(e.task);
    list.splice(at >= 0 ? at : 0, 1);
  }
  holders.set(key, list);
}

/** One key per primitive: its wait kind and name. */
export function labelKey(on: WaitLabel): string {
  return `${on.kind}:${on.what}`;
}

function setState(task: TaskState, state: TaskStateName): void {
  task.state = state;
  delete task.on;
}

/**
 * The task running just after event `i`: the task of the last `run` event at
 * or before it, unless that task has since been switched out (wait, ready,
 * done) - the loop records `run` when it switches to a task and closes the
 * stretch when it switches away (runtime/loop.ts #switchTo). 0: no task runs
 * (the loop itself is moving timers or I/O into the ready queue).
 */
export function runningAt(trace: readonly TraceEvent[], i: number): number {
  for (let j = i; j >= 0; j--) {
    const e = trace[j]!;
    if (e.kind === 'run') return e.task;
    if ((e.kind === 'wait' || e.kind === 'ready' || e.kind === 'done') && isSwitchOut(trace, j)) return 0;
  }
  return 0;
}

/** Whether event j (wait/ready/done of a task) closes the running stretch of that task. */
function isSwitchOut(trace: readonly TraceEvent[], j: number): boolean {
  const task = trace[j]!.task;
  for (let k = j - 1; k >= 0; k--) {
    const e = trace[k]!;
    if (e.kind === 'run') return e.task === task;
  }
  return false;
}
