/**
 * "Why did this line print?": the chain of causes behind a console line, as
 * far as the trace records them. The line's task was running; before that it
 * became ready; the ready event was recorded while another task ran (it
 * completed what this one awaited: runtime/loop.ts records `ready` when work
 * is queued, in the queuing task's turn), or while no task ran (a timer fired
 * or the simulated network delivered - the wait label says which), or at its
 * spawn (then its parent made it). Each step walks back to the waker's own
 * running stretch. Tests: tests/inspect/why.test.ts.
 */
import type { TraceEvent, WaitLabel } from '../runtime/trace.ts';
import { runningAt } from './state.ts';

/** One link of the chain, newest first. */
export type Cause =
  | { kind: 'printed'; task: number; t: number; seq: number; text: string }
  /** `task` became ready at seq, woken by `by` (a task id) after waiting on `on`. */
  | { kind: 'woken-by-task'; task: number; by: number; t: number; seq: number; on?: WaitLabel; inferred?: boolean }
  /** `task` became ready because timer `timer` (set by task `by` at step `setSeq`, -1 if not in the trace) fired. */
  | { kind: 'woken-by-timer'; task: number; by: number; timer: number; setSeq: number; t: number; seq: number; on?: WaitLabel; network?: boolean }
  /** `task` became ready while no task ran: the loop moved it (timer, network, thread); `on` says what it waited on. */
  | { kind: 'woken-by-loop'; task: number; t: number; seq: number; on?: WaitLabel }
  /** `task` was spawned by `by` (0: the program itself). */
  | { kind: 'spawned'; task: number; by: number; t: number; seq: number }
  /** The chain stops: the cause is not in the trace. */
  | { kind: 'unknown'; task: number; t: number; seq: number };

/** The seq of the `n`th console line (from 1), or -1. */
export function logSeq(trace: readonly TraceEvent[], n: number): number {
  let count = 0;
  for (const e of trace) if (e.kind === 'log' && ++count === n) return e.seq;
  return -1;
}

/** The chain of causes behind event `seq` (a log event), newest first, at most `limit` links. */
export function whyChain(trace: readonly TraceEvent[], seq: number, limit = 50): Cause[] {
  const log = trace[seq];
  if (!log || log.kind !== 'log') return [];
  const chain: Cause[] = [{ kind: 'printed', task: log.task, t: log.t, seq, text: log.detail.text }];
  let task = log.task;
  let at = seq;
  while (chain.length < limit && task !== 0) {
    const cause = causeBefore(trace, task, at);
    chain.push(cause);
    if (cause.kind === 'woken-by-task' || cause.kind === 'spawned') {
      task = cause.by;
      at = cause.seq;
    } else if (cause.kind === 'woken-by-timer' && cause.setSeq >= 0 && cause.by !== 0) {
      // Go on from the stretch in which the timer was set (the sleeping task itself, or a sender on the network).
      task = cause.by;
      at = cause.setSeq;
    } else if (cause.kind === 'woken-by-loop' && (cause.on?.kind === 'sleep' || cause.on?.kind === 'timer')) {
      // A timer was set by the same task's previous running stretch: go on from there.
      // (A network message stops the chain: the trace does not say which send it came from.)
      const slept = lastWaitSeq(trace, task, cause.seq);
      if (slept < 0) break;
      at = slept;
    } else break;
  }
  return chain;
}

/** What made `task` ready for the running stretch that contains event `at` (the inspector's "why now?"). */
export function causeOfRun(trace: readonly TraceEvent[], task: number, at: number): Cause {
  return causeBefore(trace, task, at);
}

function causeBefore(trace: readonly TraceEvent[], task: number, at: number): Cause {
  // Back to the `run` that opened this stretch, then to the ready (or spawn) before it.
  let i = at;
  while (i >= 0 && !(trace[i]!.kind === 'run' && trace[i]!.task === task)) i--;
  for (i--; i >= 0; i--) {
    const e = trace[i]!;
    if (e.task !== task) continue;
    if (e.kind === 'ready') {
      // The first ready after a spawn is the spawn's own scheduling: the cause is the parent.
      const before = previousOf(trace, task, i);
      if (before?.kind === 'spawn') return { kind: 'spawned', task, by: before.detail.parent, t: before.t, seq: before.seq };
      const on = lastWaitBefore(trace, task, i);
      // Recorded cause (runs with loop events: the playground, the CLI's --at/--why): no inference needed.
      const wake = trace[i + 1];
      if (wake?.kind === 'wake' && wake.task === task) {
        const { by, timer } = wake.detail;
        if (timer !== undefined) {
          const setSeq = timerSetSeq(trace, timer, i);
          const set = trace[setSeq];
          // A network delivery is a timer the sender's turn set (runtime/net/network.ts transmit).
          const network = set?.kind === 'timer' && set.detail.source === 'network';
          return { kind: 'woken-by-timer', task, by, timer, setSeq, t: e.t, seq: e.seq, ...(on ? { on } : {}), ...(network ? { network } : {}) };
        }
        if (by !== 0) return { kind: 'woken-by-task', task, by, t: e.t, seq: e.seq, ...(on ? { on } : {}) };
        return { kind: 'woken-by-loop', task, t: e.t, seq: e.seq, ...(on ? { on } : {}) };
      }
      const by = runningAt(trace, i - 1);
      // by === task: the ready was recorded as the task switched out with its next step already queued (a yield).
      if (by !== 0) return { kind: 'woken-by-task', task, by, t: e.t, seq: e.seq, ...(on ? { on } : {}) };
      // A future's callbacks run as loop callbacks of their own (never inline), so the wake-up of a task
      // awaiting a future, a task or a gather is recorded while no task runs. The trace does not say which
      // task completed it; the last task that ran at this instant is the one (tests/inspect: the gather).
      if (!on || !LOOP_WAKES.has(on.kind)) {
        const last = lastRunBefore(trace, i, e.t);
        if (last !== 0 && last !== task) return { kind: 'woken-by-task', task, by: last, t: e.t, seq: e.seq, inferred: true, ...(on ? { on } : {}) };
      }
      return { kind: 'woken-by-loop', task, t: e.t, seq: e.seq, ...(on ? { on } : {}) };
    }
    if (e.kind === 'spawn') return { kind: 'spawned', task, by: e.detail.parent, t: e.t, seq: e.seq };
    if (e.kind === 'run') break;
  }
  return { kind: 'unknown', task, t: trace[Math.max(0, at)]?.t ?? 0, seq: at };
}

/** Waits that the loop itself ends (a timer, the simulated network, a worker thread), not another task. */
const LOOP_WAKES = new Set<string>(['sleep', 'timer', 'network', 'thread']);

/** The task of the last `run` event before event i at virtual time t, or 0. */
function lastRunBefore(trace: readonly TraceEvent[], i: number, t: number): number {
  for (let j = i - 1; j >= 0 && trace[j]!.t === t; j--) if (trace[j]!.kind === 'run') return trace[j]!.task;
  return 0;
}

/** The seq of the event that set timer `id` (before event i), or -1. */
export function timerSetSeq(trace: readonly TraceEvent[], id: number, i: number): number {
  for (let j = i; j >= 0; j--) {
    const e = trace[j]!;
    if (e.kind === 'timer' && e.detail.id === id && e.detail.op === 'set') return j;
  }
  return -1;
}

/** The event of `task` before event i, if any. */
function previousOf(trace: readonly TraceEvent[], task: number, i: number): TraceEvent | undefined {
  for (let j = i - 1; j >= 0; j--) if (trace[j]!.task === task) return trace[j];
  return undefined;
}

function lastWaitSeq(trace: readonly TraceEvent[], task: number, i: number): number {
  for (let j = i - 1; j >= 0; j--) if (trace[j]!.task === task && trace[j]!.kind === 'wait') return j;
  return -1;
}

function lastWaitBefore(trace: readonly TraceEvent[], task: number, i: number): WaitLabel | undefined {
  for (let j = i - 1; j >= 0; j--) {
    const e = trace[j]!;
    if (e.task !== task) continue;
    if (e.kind === 'wait') return e.detail.on;
    if (e.kind === 'run' || e.kind === 'spawn') return undefined;
  }
  return undefined;
}
