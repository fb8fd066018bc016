/**
 * What the view draws, derived once per run from `buildTimeline` (src/trace/
 * spans.ts, which this module wraps without changing): the rows in display
 * order (task lanes nested under their parent, a header row for each TaskGroup
 * or nursery, worker-thread lanes, the loop lane), counts, and the maps between
 * the two axes (trace step <-> virtual time) and between console lines and
 * their log events.
 *
 * Axes. Virtual time stands still while code runs, so on the time axis every
 * running span is zero-length: the view draws it at a minimum width (see
 * MIN_RUNNING_PX in render.ts). The steps axis (trace `seq`) gives every event
 * one unit, so running stretches have real width. The "microtasks" view uses
 * the steps axis and shows the loop lane (macrotasks and their checkpoints).
 * Pure functions. Tests: tests/timeline/model.test.ts.
 */
import type { TraceEvent } from '../runtime/trace.ts';
import { buildTimeline, type Mark, type Span, type TaskLane, type ThreadLane, type Timeline, type TraceInput } from '../trace/spans.ts';
import type { Extent } from './scale.ts';

/** Which picture the view shows. */
export type ViewMode = 'time' | 'steps' | 'microtasks';

/** The horizontal axis a view mode uses. */
export type Axis = 'time' | 'steps';

/** The axis of a view mode. */
export function axisOf(mode: ViewMode): Axis {
  return mode === 'time' ? 'time' : 'steps';
}

/** One row of the picture. */
export type Row =
  | { kind: 'task'; lane: TaskLane; depth: number; label: string }
  | { kind: 'group'; group: string; depth: number; label: string }
  | { kind: 'thread'; lane: ThreadLane; depth: 0; label: string }
  | { kind: 'loop'; depth: 0; label: string };

/** Anything with a position on both axes. */
export interface Placed {
  start: number;
  end: number;
  seqStart: number;
  seqEnd: number;
}

/** Start of an item on an axis. */
export function startOn(item: Placed, axis: Axis): number {
  return axis === 'time' ? item.start : item.seqStart;
}

/** End of an item on an axis. */
export function endOn(item: Placed, axis: Axis): number {
  return axis === 'time' ? item.end : item.seqEnd;
}

/** A mark's position: marks carry `t` rather than start/end. */
export function markOn(mark: Mark, axis: Axis): number {
  return axis === 'time' ? mark.t : mark.seqStart;
}

/** The timeline plus everything the view derives from it. */
export interface TimelineModel {
  timeline: Timeline;
  /** Task, group and thread rows (the loop row is added by `rowsFor` in the microtasks view). */
  rows: Row[];
  /** Number of task spans, marks, task lanes. */
  spanCount: number;
  markCount: number;
  taskCount: number;
  /** True when the run recorded loop events (loopEvents: true). */
  hasLoop: boolean;
  /** seq of each event and its t, ascending by seq (for converting between axes). */
  seqs: Float64Array;
  times: Float64Array;
  /** seq of the i-th console line's log event (ProgramResult.lines[i] is the i-th log event). */
  logSeqs: number[];
}

/** Build the model of a run. */
export function buildModel(input: TraceInput): TimelineModel {
  const timeline = buildTimeline(input);
  const rows: Row[] = [];
  // Display depth of each task row, and the group of the last child seen per parent:
  // a group header goes before the first of a run of siblings in the same
  // TaskGroup / nursery, and those siblings are nested one level under it.
  const depthOf = new Map<number, number>();
  const lastGroup = new Map<number, string | undefined>();
  for (const lane of timeline.lanes) {
    const base = (depthOf.get(lane.parent) ?? -1) + 1;
    let depth = base;
    if (lane.group !== undefined) {
      if (lastGroup.get(lane.parent) !== lane.group) rows.push({ kind: 'group', group: lane.group, depth: base, label: lane.group });
      depth = base + 1;
    }
    lastGroup.set(lane.parent, lane.group);
    depthOf.set(lane.id, depth);
    rows.push({ kind: 'task', lane, depth, label: lane.name });
  }
  for (const lane of timeline.threads) rows.push({ kind: 'thread', lane, depth: 0, label: `thread ${lane.thread}` });
  const events = input.trace;
  const seqs = new Float64Array(events.length);
  const times = new Float64Array(events.length);
  const logSeqs: number[] = [];
  let maxT = 0;
  events.forEach((e, i) => {
    seqs[i] = e.seq;
    // Times along the trace never go back (a 'ready' event's `since` may, but its own t does not).
    maxT = Math.max(maxT, e.t);
    times[i] = maxT;
    if (e.kind === 'log') logSeqs.push(e.seq);
  });
  let spanCount = 0;
  let markCount = timeline.loopMarks.length;
  for (const lane of timeline.lanes) {
    spanCount += lane.spans.length;
    markCount += lane.marks.length;
  }
  return {
    timeline,
    rows,
    spanCount,
    markCount,
    taskCount: timeline.lanes.length,
    hasLoop: timeline.loop.length > 0,
    seqs,
    times,
    logSeqs,
  };
}

/** The rows a view mode shows: the loop row comes first in the microtasks view. */
export function rowsFor(model: TimelineModel, mode: ViewMode): Row[] {
  if (mode !== 'microtasks') return model.rows;
  return [{ kind: 'loop', depth: 0, label: 'event loop' }, ...model.rows];
}

/** The whole domain of an axis, with a zoom-in limit (0.01 ms or 4 steps). */
export function extentOf(model: TimelineModel, axis: Axis): Extent {
  if (axis === 'time') return { min: 0, max: Math.max(model.timeline.endTime, 1), minSpan: 0.01 };
  return { min: 0, max: Math.max(model.timeline.endSeq, 1), minSpan: 4 };
}

/** Virtual time at step `seq` (the t of the last event at or before it). */
export function timeAtSeq(model: TimelineModel, seq: number): number {
  const i = upperBound(model.seqs, seq) - 1;
  return i >= 0 ? model.times[i]! : 0;
}

/** The first step at virtual time `t` or later (endSeq if none). */
export function seqAtTime(model: TimelineModel, t: number): number {
  let lo = 0;
  let hi = model.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (model.times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo < model.seqs.length ? model.seqs[lo]! : model.timeline.endSeq;
}

/** Index of the first element > v in an ascending array. */
function upperBound(values: Float64Array, v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first item whose end on `axis` is >= v (items sorted by start, ends non-decreasing). */
export function firstEndingAtOrAfter<T extends Placed>(items: readonly T[], v: number, axis: Axis): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (endOn(items[mid]!, axis) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first mark at or after v on `axis` (marks are in trace order). */
export function firstMarkAtOrAfter(marks: readonly Mark[], v: number, axis: Axis): number {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (markOn(marks[mid]!, axis) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One row of the text alternative. */
export interface SpanRow {
  task: string;
  state: Span['state'];
  from: number;
  to: number;
  seqFrom: number;
  seqTo: number;
  /** Wait label text and kind, for waiting spans. */
  on?: { kind: string; what: string };
}

/** The task spans in display order (lane by lane), at most `limit` of them. */
export function spanRows(model: TimelineModel, limit = Infinity): SpanRow[] {
  const out: SpanRow[] = [];
  for (const lane of model.timeline.lanes) {
    for (const s of lane.spans) {
      if (out.length >= limit) return out;
      out.push({
        task: lane.name,
        state: s.state,
        from: s.start,
        to: s.end,
        seqFrom: s.seqStart,
        seqTo: s.seqEnd,
        ...(s.on ? { on: { kind: s.on.kind, what: s.on.what } } : {}),
      });
    }
  }
  return out;
}

/** The trace events of a run that the console shows as lines, with their seq (for `highlight({ line })`). */
export function logEventSeqs(trace: readonly TraceEvent[]): number[] {
  return trace.filter((e) => e.kind === 'log').map((e) => e.seq);
}
