/**
 * Turn a run's trace into what a timeline draws: one lane per task with
 * running / ready / waiting spans and marks, lanes for the simulated worker
 * threads, the loop's own lane (macrotasks and the microtask checkpoint after
 * each), and stall bands where `blockFor` froze the loop thread.
 *
 * Pure functions over plain data (no DOM, no Node APIs), shared by the CLI's
 * ASCII timeline, the Chrome-trace export and the browser timeline
 * (src/timeline/model.ts builds its rows from them).
 *
 * Two axes. Virtual time does not advance while code runs, so every running
 * span is zero-length in milliseconds (`start === end`). To let a view draw
 * running stretches anyway, every span, mark and band also carries
 * `seqStart`/`seqEnd`: positions on the "steps" axis, i.e. the trace `seq` of
 * the event that opened it and of the event that closed it. Everything covers
 * the half-open step range [seqStart, seqEnd); a mark (an instant) covers the
 * one step of its own event, [seq, seq + 1). A steps view maps seq to x
 * linearly over [0, Timeline.endSeq); a time view maps t over [0, endTime].
 *
 * Rules (what each trace event means for a lane), after loop.ts/task.ts:
 * - spawn: the lane begins, ready (a new task is scheduled at once with callSoon);
 * - run: running; ready: ready (from `detail.since`, which is earlier than `t`
 *   after a stall); wait: waiting on `detail.on`; done: the lane ends;
 * - consecutive events with the same state (and the same wait label) extend
 *   one span instead of starting a new one;
 * - a lane still open at the end of the trace (deadlock, budget) is closed at
 *   the trace's end and keeps `end === null`.
 * Tests: tests/trace/spans.test.ts.
 */
import type { StopDetail, TaskOutcome, TraceEvent, WaitLabel } from '../runtime/trace.ts';

/** What a task does during a span. */
export type SpanState = 'running' | 'ready' | 'waiting';

/** A stretch of one state on a lane, on both axes. */
export interface Span {
  /** Virtual ms where the span starts and ends (equal for running spans). */
  start: number;
  end: number;
  /** Trace seq of the opening event and of the closing event (steps axis, half-open). */
  seqStart: number;
  seqEnd: number;
  state: SpanState;
  /** What a waiting task waits on. */
  on?: WaitLabel;
}

/** The kinds of instant marks on a lane. */
export type MarkKind = 'log' | 'spawn' | 'cancel' | 'error' | 'deadlock' | 'done';

/** An instant on a lane: a console line, a spawn, a cancel request, an error, a deadlock report, the end. */
export interface Mark {
  t: number;
  /** Steps axis: [seqStart, seqEnd) is the one step of the event (seqEnd = seq + 1). */
  seqStart: number;
  seqEnd: number;
  kind: MarkKind;
  text: string;
  /** Console level, for `log` marks. */
  level?: string;
}

/** One task's lane. */
export interface TaskLane {
  /** Task id (1 is the program's top level). */
  id: number;
  name: string;
  /** Id of the task that created it (0 for none). */
  parent: number;
  /** TaskGroup or nursery it belongs to, if any. */
  group?: string;
  /** Nesting level under its parent task: 0 for a root, parent's depth + 1 otherwise. */
  depth: number;
  /** When the task was spawned. */
  start: number;
  seqStart: number;
  /** When it ended; `end` is null if it never did (deadlock or budget), and the other fields then hold the trace's end. */
  end: number | null;
  seqEnd: number;
  /** How it ended, or null if it did not. */
  outcome: TaskOutcome | null;
  /** Spans from spawn to done, contiguous (each span starts where the previous ended). */
  spans: Span[];
  marks: Mark[];
}

/** A stretch a simulated worker thread spent on a job. */
export interface ThreadSpan {
  start: number;
  end: number;
  seqStart: number;
  seqEnd: number;
  /** The task that submitted the job. */
  task: number;
  label: string;
  /** False if the job had not finished when the trace ended. */
  finished: boolean;
}

/** A simulated worker thread (toThread / runInExecutor). */
export interface ThreadLane {
  thread: number;
  spans: ThreadSpan[];
}

/** One macrotask the loop ran, with the microtask checkpoint that followed it. */
export interface LoopSpan {
  /** From the `macrotask` event to the `microtasks` event after it. */
  start: number;
  end: number;
  seqStart: number;
  seqEnd: number;
  /** What scheduled it: "timer", "setTimeout", "future", "checkpoint", "task-start", ... */
  source: string;
  /** The task the callback ran for (0: the loop itself). */
  task: number;
  /** Microtask jobs run in the checkpoint after the callback (-1 if the trace ended first). */
  jobs: number;
  /** Trace seq of the `microtasks` event (the checkpoint), or -1. */
  checkpointSeq: number;
}

/** The loop thread was blocked (blockFor): nothing ran on any lane. */
export interface Stall {
  start: number;
  end: number;
  /** The one step of the `block` event: [seq, seq + 1). */
  seqStart: number;
  seqEnd: number;
  /** The task that blocked the loop. */
  task: number;
}

/** Why the run stopped early, if it did. */
export type StopInfo = { t: number; seq: number } & StopDetail;

/** Everything a timeline view draws. */
export interface Timeline {
  /** Task lanes in display order: depth-first, children in spawn order after their parent. */
  lanes: TaskLane[];
  threads: ThreadLane[];
  /** The loop's own lane, for a "microtasks" view. */
  loop: LoopSpan[];
  /** Console lines and errors of the loop itself (task 0). */
  loopMarks: Mark[];
  stalls: Stall[];
  stop: StopInfo | null;
  /** Largest virtual time in the trace (or the run's end time if given and larger). */
  endTime: number;
  /** One past the last seq: the length of the steps axis. */
  endSeq: number;
}

/** The part of a ProgramResult the timeline needs. */
export interface TraceInput {
  trace: readonly TraceEvent[];
  /** Task ids and names (ProgramResult.tasks); optional, spawn events carry the same data. */
  tasks?: ReadonlyArray<{ id: number; name: string; parent: number }>;
  /** The run's end time (ProgramResult.endTime). */
  endTime?: number;
}

interface Open {
  lane: TaskLane;
  span: Span | null;
}

/** Build the timeline of a run (see the module comment for the rules). */
export function buildTimeline(input: TraceInput): Timeline {
  const events = input.trace;
  const last = events[events.length - 1];
  let endTime = input.endTime ?? 0;
  for (const e of events) if (e.t > endTime) endTime = e.t;
  const endSeq = last ? last.seq + 1 : 0;

  const names = new Map<number, string>();
  for (const task of input.tasks ?? []) names.set(task.id, task.name);

  const open = new Map<number, Open>();
  const lanes: TaskLane[] = [];
  const threads = new Map<number, ThreadLane>();
  const runningThreadJob = new Map<number, ThreadSpan>();
  const loop: LoopSpan[] = [];
  const loopMarks: Mark[] = [];
  const stalls: Stall[] = [];
  let stop: StopInfo | null = null;
  let pendingMacrotask: LoopSpan | null = null;

  const mark = (e: TraceEvent, kind: MarkKind, text: string, level?: string): Mark => ({
    t: e.t,
    seqStart: e.seq,
    seqEnd: e.seq + 1,
    kind,
    text,
    ...(level === undefined ? {} : { level }),
  });
  const addMark = (task: number, m: Mark): void => {
    const lane = open.get(task)?.lane ?? lanes.find((l) => l.id === task);
    if (lane) lane.marks.push(m);
    else loopMarks.push(m);
  };
  /** Switch lane `o` to `state` at (t, seq); same state and label extends the current span. */
  const enter = (o: Open, state: SpanState, t: number, seq: number, on?: WaitLabel): void => {
    const cur = o.span;
    if (cur && cur.state === state && sameLabel(cur.on, on)) return;
    const at = cur ? Math.max(t, cur.start) : t;
    if (cur) {
      cur.end = at;
      cur.seqEnd = seq;
    }
    const span: Span = { start: at, end: at, seqStart: seq, seqEnd: seq, state, ...(on ? { on } : {}) };
    o.lane.spans.push(span);
    o.span = span;
  };

  for (const e of events) {
    switch (e.kind) {
      case 'spawn': {
        const lane: TaskLane = {
          id: e.task,
          name: names.get(e.task) ?? e.detail.name,
          parent: e.detail.parent,
          ...(e.detail.group === undefined ? {} : { group: e.detail.group }),
          depth: 0,
          start: e.t,
          seqStart: e.seq,
          end: null,
          seqEnd: endSeq,
          outcome: null,
          spans: [],
          marks: [],
        };
        lanes.push(lane);
        const o: Open = { lane, span: null };
        open.set(e.task, o);
        enter(o, 'ready', e.t, e.seq);
        lane.marks.push(mark(e, 'spawn', `spawn ${lane.name}`));
        break;
      }
      case 'run': {
        const o = open.get(e.task);
        if (o) enter(o, 'running', e.t, e.seq);
        break;
      }
      case 'ready': {
        const o = open.get(e.task);
        if (o) enter(o, 'ready', Math.min(e.t, e.detail.since), e.seq);
        break;
      }
      case 'wait': {
        const o = open.get(e.task);
        if (o) enter(o, 'waiting', e.t, e.seq, e.detail.on);
        break;
      }
      case 'done': {
        const o = open.get(e.task);
        if (!o) break;
        if (o.span) {
          o.span.end = Math.max(e.t, o.span.start);
          o.span.seqEnd = e.seq;
        }
        o.lane.end = e.t;
        o.lane.seqEnd = e.seq + 1;
        o.lane.outcome = e.detail.outcome;
        const text = e.detail.outcome === 'error' ? `error: ${e.detail.error ?? ''}` : e.detail.outcome;
        o.lane.marks.push(mark(e, 'done', text));
        open.delete(e.task);
        break;
      }
      case 'log':
        addMark(e.task, mark(e, 'log', e.detail.text, e.detail.level));
        break;
      case 'cancel':
        addMark(e.task, mark(e, 'cancel', e.detail.message === undefined ? 'cancel' : `cancel: ${e.detail.message}`));
        break;
      case 'error':
        addMark(e.task, mark(e, 'error', e.detail.message));
        break;
      case 'deadlock':
        for (const b of e.detail.blocked) addMark(b.task, mark(e, 'deadlock', `deadlock: waits on ${b.on.what}`));
        break;
      case 'stop':
        stop ??= { t: e.t, seq: e.seq, ...e.detail };
        break;
      case 'macrotask':
        pendingMacrotask = {
          start: e.t,
          end: e.t,
          seqStart: e.seq,
          seqEnd: endSeq,
          source: e.detail.source,
          task: 0,
          jobs: -1,
          checkpointSeq: -1,
        };
        loop.push(pendingMacrotask);
        break;
      case 'microtasks':
        if (pendingMacrotask) {
          pendingMacrotask.end = e.t;
          pendingMacrotask.seqEnd = e.seq + 1;
          pendingMacrotask.jobs = e.detail.jobs;
          pendingMacrotask.checkpointSeq = e.seq;
          pendingMacrotask = null;
        }
        break;
      case 'block':
        stalls.push({ start: e.t, end: e.t + e.detail.ms, seqStart: e.seq, seqEnd: e.seq + 1, task: e.task });
        break;
      case 'thread': {
        let lane = threads.get(e.detail.thread);
        if (!lane) {
          lane = { thread: e.detail.thread, spans: [] };
          threads.set(e.detail.thread, lane);
        }
        if (!e.detail.end) {
          const span: ThreadSpan = {
            start: e.t,
            end: endTime,
            seqStart: e.seq,
            seqEnd: endSeq,
            task: e.task,
            label: e.detail.label,
            finished: false,
          };
          lane.spans.push(span);
          runningThreadJob.set(e.detail.thread, span);
        } else {
          const span = runningThreadJob.get(e.detail.thread);
          if (span) {
            span.end = e.t;
            span.seqEnd = e.seq;
            span.finished = true;
            runningThreadJob.delete(e.detail.thread);
          }
        }
        break;
      }
    }
    // The first `run` after a macrotask event tells which task the callback ran for.
    if (e.kind === 'run' && pendingMacrotask && pendingMacrotask.task === 0) pendingMacrotask.task = e.task;
  }

  // Lanes still open at the end (deadlock, budget): close their last span at the trace's end.
  for (const o of open.values()) {
    if (o.span) {
      o.span.end = Math.max(endTime, o.span.start);
      o.span.seqEnd = endSeq;
    }
    o.lane.seqEnd = endSeq;
  }

  return {
    lanes: orderLanes(lanes),
    threads: [...threads.values()].sort((a, b) => a.thread - b.thread),
    loop,
    loopMarks,
    stalls,
    stop,
    endTime,
    endSeq,
  };
}

/** Depth-first order: each lane followed by its children (spawn order); sets `depth`. */
function orderLanes(lanes: TaskLane[]): TaskLane[] {
  const ids = new Set(lanes.map((l) => l.id));
  const children = new Map<number, TaskLane[]>();
  const roots: TaskLane[] = [];
  for (const lane of lanes) {
    if (lane.parent !== 0 && ids.has(lane.parent)) {
      const list = children.get(lane.parent) ?? [];
      list.push(lane);
      children.set(lane.parent, list);
    } else {
      roots.push(lane);
    }
  }
  const out: TaskLane[] = [];
  // Iterative DFS: a long chain of nested tasks must not overflow the stack.
  const stack: Array<{ lane: TaskLane; depth: number }> = roots.map((lane) => ({ lane, depth: 0 })).reverse();
  while (stack.length) {
    const { lane, depth } = stack.pop()!;
    lane.depth = depth;
    out.push(lane);
    const kids = children.get(lane.id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ lane: kids[i]!, depth: depth + 1 });
  }
  return out;
}

function sameLabel(a: WaitLabel | undefined, b: WaitLabel | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.kind === b.kind && a.what === b.what;
}

/** The span of `lane` in effect at step `seq`, if the lane is alive then. */
export function spanAtSeq(lane: TaskLane, seq: number): Span | undefined {
  return lane.spans.find((s) => s.seqStart <= seq && seq < s.seqEnd);
}
