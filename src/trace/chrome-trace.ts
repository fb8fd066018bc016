/**
 * Export a run to the Chrome Trace Event Format (the `{ traceEvents: [...] }`
 * JSON object form), which Perfetto (ui.perfetto.dev) and chrome://tracing open.
 *
 * Layout: one process (pid 1, "miniloop"); one track per task (tid = task id,
 * named with a `thread_name` metadata event and ordered like the timeline's
 * lanes with `thread_sort_index`); the loop's own track (tid 0: macrotasks with
 * their microtask checkpoints, and the blockFor stalls); one track per
 * simulated worker thread (tid = THREAD_TID_BASE + thread number).
 * Spans become complete events ('X', name = state, `args.on` for waits);
 * console lines and marks become instant events ('i', thread scope).
 *
 * Timestamps. The format counts microseconds; virtual ms are multiplied by
 * 1000. Virtual time stands still while code runs, so running spans would be
 * zero-length and invisible. Each trace event therefore gets the timestamp
 * `ts(seq) = max(t * 1000, ts(seq - 1) + STEP_US)`: every step of the trace
 * takes at least STEP_US (10 ns), so a running span is a thin but visible
 * slice, the order of events across tracks is exactly the trace's order, and
 * no two slices on a track overlap. The cost is a drift of 10 ns per event at
 * one virtual instant (1 ms after 100,000 events at the same instant), which
 * the next real wait absorbs.
 * Tests: tests/trace/chrome-trace.test.ts.
 */
import type { TraceEvent } from '../runtime/trace.ts';
import { buildTimeline, type Mark, type Timeline, type TraceInput } from './spans.ts';

/** One event of the Chrome Trace Event Format (only the fields we use). */
export interface ChromeTraceEvent {
  name: string;
  /** Phase: 'X' complete, 'i' instant, 'M' metadata. */
  ph: 'X' | 'i' | 'M';
  pid: number;
  tid: number;
  /** Microseconds. */
  ts?: number;
  dur?: number;
  cat?: string;
  /** Scope of an instant event: thread, process or global. */
  s?: 't' | 'p' | 'g';
  args?: Record<string, unknown>;
}

/** The JSON object form of a Chrome trace. */
export interface ChromeTrace {
  traceEvents: ChromeTraceEvent[];
  displayTimeUnit: 'ms';
  otherData: { generator: string; clock: string; endTime: number };
}

/** Minimum microseconds per trace step (see the module comment). */
export const STEP_US = 0.01;

/** Track id of simulated worker thread n. */
export const THREAD_TID_BASE = 1_000_000;

/** The loop's own track. */
export const LOOP_TID = 0;

const PID = 1;

/** Convert a run (ProgramResult or its trace) to a Chrome trace object; `JSON.stringify` it to write the file. */
export function toChromeTrace(input: TraceInput): ChromeTrace {
  const timeline = buildTimeline(input);
  const tsOf = stepClock(input.trace, timeline);
  const out: ChromeTraceEvent[] = [];
  const meta = (tid: number, name: string, sort: number): void => {
    out.push({ name: 'thread_name', ph: 'M', pid: PID, tid, args: { name } });
    out.push({ name: 'thread_sort_index', ph: 'M', pid: PID, tid, args: { sort_index: sort } });
  };
  out.push({ name: 'process_name', ph: 'M', pid: PID, tid: LOOP_TID, args: { name: 'miniloop' } });
  meta(LOOP_TID, 'event loop', 0);
  timeline.lanes.forEach((lane, i) => meta(lane.id, `${'  '.repeat(lane.depth)}${lane.name} (#${lane.id})`, i + 1));
  timeline.threads.forEach((lane, i) => meta(THREAD_TID_BASE + lane.thread, `thread ${lane.thread}`, timeline.lanes.length + 1 + i));

  const track: ChromeTraceEvent[][] = [];
  const instant = (tid: number, m: Mark): ChromeTraceEvent => ({
    name: m.kind === 'log' ? m.text : `${m.kind}: ${m.text}`,
    ph: 'i',
    s: 't',
    pid: PID,
    tid,
    ts: tsOf(m.seqStart),
    cat: m.kind,
    args: { t: m.t, ...(m.level ? { level: m.level } : {}), text: m.text },
  });

  // The loop's track: macrotasks (with their checkpoint) and stalls, in seq order.
  const loopTrack: Array<ChromeTraceEvent & { seq: number }> = [];
  for (const m of timeline.loop) {
    loopTrack.push({
      seq: m.seqStart,
      name: m.source,
      ph: 'X',
      cat: 'macrotask',
      pid: PID,
      tid: LOOP_TID,
      ts: tsOf(m.seqStart),
      dur: round(tsOf(m.seqEnd) - tsOf(m.seqStart)),
      args: { t: m.start, task: m.task, microtasks: m.jobs },
    });
  }
  for (const s of timeline.stalls) {
    loopTrack.push({
      seq: s.seqStart,
      name: `blocked ${s.end - s.start}ms`,
      ph: 'X',
      cat: 'block',
      pid: PID,
      tid: LOOP_TID,
      ts: tsOf(s.seqStart),
      dur: round(Math.max(s.end * 1000, tsOf(s.seqEnd)) - tsOf(s.seqStart)),
      args: { t: s.start, ms: s.end - s.start, task: s.task },
    });
  }
  for (const m of timeline.loopMarks) loopTrack.push({ seq: m.seqStart, ...instant(LOOP_TID, m) });
  loopTrack.sort((a, b) => a.seq - b.seq);
  track.push(loopTrack.map(({ seq: _seq, ...event }) => event));

  for (const lane of timeline.lanes) {
    const events: Array<ChromeTraceEvent & { seq: number }> = [];
    for (const span of lane.spans) {
      const ts = tsOf(span.seqStart);
      events.push({
        seq: span.seqStart,
        name: span.state === 'waiting' && span.on ? `waiting: ${span.on.what}` : span.state,
        ph: 'X',
        cat: span.state,
        pid: PID,
        tid: lane.id,
        ts,
        dur: round(tsOf(span.seqEnd) - ts),
        args: { start: span.start, end: span.end, ...(span.on ? { on: span.on } : {}) },
      });
    }
    for (const m of lane.marks) events.push({ seq: m.seqStart, ...instant(lane.id, m) });
    events.sort((a, b) => a.seq - b.seq);
    track.push(events.map(({ seq: _seq, ...event }) => event));
  }

  for (const lane of timeline.threads) {
    track.push(
      lane.spans.map((span) => ({
        name: span.label,
        ph: 'X' as const,
        cat: 'thread',
        pid: PID,
        tid: THREAD_TID_BASE + lane.thread,
        ts: tsOf(span.seqStart),
        dur: round(Math.max(span.end * 1000, tsOf(span.seqEnd)) - tsOf(span.seqStart)),
        args: { task: span.task, start: span.start, end: span.end, finished: span.finished },
      })),
    );
  }

  for (const events of track) out.push(...events);
  return {
    traceEvents: out,
    displayTimeUnit: 'ms',
    otherData: { generator: 'miniloop', clock: 'virtual (1 virtual ms = 1000 us)', endTime: timeline.endTime },
  };
}

/**
 * The timestamp (us) of each step: ts(seq) = max(t * 1000, ts(seq - 1) + STEP_US).
 * Steps at or beyond the end of the trace continue the same clock.
 */
function stepClock(trace: readonly TraceEvent[], timeline: Timeline): (seq: number) => number {
  const stamps = new Float64Array(timeline.endSeq + 1);
  let previous = -STEP_US;
  let lastT = 0;
  // seq numbers are 0..n-1 in order; index by seq, so gaps (a filtered trace) still work.
  let k = 0;
  for (let seq = 0; seq <= timeline.endSeq; seq++) {
    while (k < trace.length && trace[k]!.seq < seq) k++;
    if (k < trace.length && trace[k]!.seq === seq) lastT = trace[k]!.t;
    else if (seq === timeline.endSeq) lastT = timeline.endTime;
    previous = round(Math.max(lastT * 1000, previous + STEP_US));
    stamps[seq] = previous;
  }
  return (seq) => stamps[Math.min(Math.max(seq, 0), timeline.endSeq)]!;
}

/** Round to nanoseconds so float noise does not show in the JSON. */
function round(us: number): number {
  return Math.round(us * 1000) / 1000;
}
