/**
 * The trace: the one record of a run that the console, the timeline, the
 * Chrome-trace export and the tests all read. Events are appended in the order
 * they happen; `seq` orders events that share a virtual instant `t`.
 */

import type { JobOp, LogLevel, QueueOp, StopDetail, StopReason, TaskOutcome, TimerOp, WaitKind } from '../contract/trace-vocabulary.ts';
import { append, list, MapPrototypeGet, MapPrototypeSet, WeakMapPrototypeGet, WeakMapPrototypeSet, type List } from './primordials.ts';
import { waitLabelOf, type WaitOn } from './wait-labels.ts';

// The vocabulary (wait kinds, levels, outcomes, stop reasons) is data in one module.
export type { JobOp, LogLevel, QueueOp, StopDetail, StopReason, TaskOutcome, TimerOp, WaitKind } from '../contract/trace-vocabulary.ts';

/** A description of something a task can wait on. */
export interface WaitLabel {
  kind: WaitKind;
  /** Short human text, e.g. "sleep 100ms" or "lock#2". */
  what: string;
}

/** Every kind of trace event and its payload. */
export interface TraceDetails {
  /** A task was created. `parent` is the creating task (0 for none); `group` names a TaskGroup or nursery. */
  spawn: { name: string; parent: number; group?: string };
  /** A task starts running (a stretch of its code executes). */
  run: Record<string, never>;
  /** A task has work queued for the loop but is not running yet. `since` is when it became due (after a stall it can be earlier than `t`). */
  ready: { since: number };
  /** A task stopped running and now waits on `on`. */
  wait: { on: WaitLabel };
  /** A console line. */
  log: { level: LogLevel; text: string };
  /** Cancellation was requested for a task. */
  cancel: { message?: string };
  /** A task ended. */
  done: { outcome: TaskOutcome; error?: string };
  /** An uncaught error (stack already mapped to the reader's source). */
  error: { message: string; stack: string };
  /** The loop itself started a macrotask (timer, callback, I/O completion). */
  macrotask: { source: string };
  /** The microtask checkpoint after a macrotask ran `jobs` jobs. */
  microtasks: { jobs: number };
  /** A blocking call stalled the loop thread for `ms`. */
  block: { ms: number };
  /** A simulated worker thread started (`end` false) or finished (`end` true) a job for `task`. */
  thread: { thread: number; end: boolean; label: string };
  /**
   * Why `task` just became ready (recorded right after its `ready` when the run
   * records loop events): `by` is the task whose turn caused it - it completed
   * the future, released the lock, put the item, sent the message (0: the loop
   * itself) - and `timer` the id of the timer that fired, if one did.
   */
  wake: { by: number; timer?: number };
  /** `task` (the event's) acquired (`held`) or released a lock, semaphore or condition's lock. */
  hold: { on: WaitLabel; held: boolean };
  /** `task` put an item into or got one from a queue or channel; `size` is the item count after. */
  queue: { op: QueueOp; what: string; size: number };
  /** A timer was set (due at `due`), cancelled or fired; `id` names it across the three. Loop events only. */
  timer: { op: TimerOp; id: number; due: number; source: string };
  /** A microtask job for `task` (0: none) was queued or started. Loop events only. */
  microtask: { op: JobOp };
  /** A message `what` sent by task `from` (0: the loop) arrived on the simulated network (runtime/net/network.ts). Loop events only. */
  message: { from: number; what: string };
  /** Every remaining task is blocked and nothing can wake them. */
  deadlock: { blocked: Array<{ task: number; name: string; on: WaitLabel }> };
  /** The run stopped early: a budget was exceeded or the program failed. */
  stop: StopDetail;
}

export type TraceKind = keyof TraceDetails;

/** One trace event. `task` is 0 for events of the loop itself. */
export type TraceEvent = {
  [K in TraceKind]: { t: number; seq: number; task: number; kind: K; detail: TraceDetails[K] };
}[TraceKind];

/** Receives trace events as they happen (the console and the playground use this to stream). */
export type TraceListener = (event: TraceEvent) => void;

/** The numeric code of each kind in the recorder's columns (a Record, so a new kind cannot be forgotten here). */
const KIND_CODES: Record<TraceKind, number> = {
  spawn: 0, run: 1, ready: 2, wait: 3, log: 4, cancel: 5, done: 6, error: 7,
  macrotask: 8, microtasks: 9, block: 10, thread: 11, deadlock: 12, stop: 13,
  wake: 14, hold: 15, queue: 16, timer: 17, microtask: 18, message: 19,
};
const KINDS: readonly TraceKind[] = (Object.keys(KIND_CODES) as TraceKind[]).sort((a, b) => KIND_CODES[a] - KIND_CODES[b]);
const RUN = KIND_CODES.run;
const READY = KIND_CODES.ready;
const WAIT = KIND_CODES.wait;
const SPAWN = KIND_CODES.spawn;
const LOG = KIND_CODES.log;
const DONE = KIND_CODES.done;
const NO_DETAIL = Object.freeze({}) as Record<string, never>;
const DONE_OK = Object.freeze({ outcome: 'ok' }) as TraceDetails['done'];

/**
 * The three events of every task switch keep their detail packed in the
 * column (nothing for run, the number for ready, the label for wait) and get
 * their detail object back when the event is made; so do the two events of
 * nearly every task of a large run: a `log` line at level 'log' keeps only its
 * text, and the `spawn` of a task with its default name ("Task-N", N its id)
 * and no group keeps only its parent's id (the name is made when the event is).
 * Packed as null, the detail is not kept at all: a run, a ready whose `since`
 * is its own time, a done that ended well.
 */
function unpack(code: number, task: number, packed: unknown, t: number): unknown {
  if (code === RUN) return NO_DETAIL;
  if (code === READY) return readyDetail(packed === null ? t : (packed as number));
  if (code === DONE && packed === null) return DONE_OK;
  if (code === WAIT) return waitDetail(waitLabelOf(packed as WaitOn));
  if (code === LOG && typeof packed === 'string') return { level: 'log', text: packed };
  if (code === SPAWN && typeof packed === 'number') return { name: `Task-${task}`, parent: packed };
  return packed;
}

// Unpacked details are shared and frozen, as they were when recorded as
// objects: a trace sent to the page (structured clone) then copies one detail
// per label or per instant, not one per event.
const waitDetails = new WeakMap<WaitLabel, TraceDetails['wait']>();
function waitDetail(on: WaitLabel): TraceDetails['wait'] {
  let detail = WeakMapPrototypeGet(waitDetails, on) as TraceDetails['wait'] | undefined;
  if (detail === undefined) {
    detail = Object.freeze({ on });
    WeakMapPrototypeSet(waitDetails, on, detail);
  }
  return detail;
}

/** A ready event's `since`, packed: null when it is the event's own time (nearly always). */
function packSince(since: number, t: number): number | null {
  return since === t ? null : since;
}

let lastReady: TraceDetails['ready'] = Object.freeze({ since: 0 });
function readyDetail(since: number): TraceDetails['ready'] {
  if (lastReady.since !== since) lastReady = Object.freeze({ since });
  return lastReady;
}

function pack(code: number, detail: unknown, t: number): unknown {
  if (code === RUN) return null;
  if (code === READY) return packSince((detail as TraceDetails['ready']).since, t);
  if (code === DONE && (detail as TraceDetails['done']).outcome === 'ok' && (detail as TraceDetails['done']).error === undefined) return null;
  if (code === WAIT) return (detail as TraceDetails['wait']).on;
  if (code === LOG && (detail as TraceDetails['log']).level === 'log') return (detail as TraceDetails['log']).text;
  return detail;
}

/**
 * Appends events with a running sequence number (`seq` is the event's index)
 * and forwards them to listeners.
 *
 * Why columns: a large run records millions of events, and one object per
 * event kept alive to the end was most of the loop's cost in time (garbage
 * collection copies every surviving object) - a two-task ping-pong ran three
 * times slower with it. The recorder keeps task and kind in typed arrays, time
 * as runs of equal instants (tests/runtime/trace-recorder.test.ts, "times are
 * kept as runs") and only the detail (mostly shared, frozen objects) as a reference; event
 * objects are made on demand by `events` and for listeners. Events are
 * immutable values: compare them by `seq`, not by identity.
 */
export class TraceRecorder {
  // Filled chunks, and the chunk being filled in the fields below (chunks are
  // never copied: a long run would otherwise copy its trace again and again).
  #chunks: List<Chunk> = list();
  // Times as runs: `#runT[r]` is the time of the chunk's events from index `#runAt[r]` on.
  // Events come in time order and many share an instant (100,000 tasks waking at
  // 10,000 instants), so a run costs ~0 bytes an event where a time each cost 8.
  #runT = new Float64Array(RUNS_FIRST);
  #runAt = new Uint16Array(RUNS_FIRST);
  #runs = 0;
  #task = new Int32Array(CHUNK);
  #kind = new Uint8Array(CHUNK);
  // Details: `#detailAt[j]` is 1 + the index in `#details` of event j's packed detail, 0 for none (null).
  #detailAt = new Uint16Array(CHUNK);
  #details: List<unknown> = list();
  #pos = 0;
  #length = 0;
  /** Event objects made so far (a prefix of the trace). */
  #events: TraceEvent[] = [];
  #listeners: List<TraceListener> = list();
  /** One bit (1 << code) for each kind recorded so far: a scan for kinds the run never had walks nothing. */
  #kindsSeen = 0;
  /** The names given at spawn, by task id: every other task's spawn name is `Task-${id}` (spawnName). */
  #givenNames = new Map<number, string>();

  /** Subscribe to events as they are recorded. A listener that throws is removed (like trio's instruments) so it cannot break the run. */
  listen(listener: TraceListener): void {
    append(this.#listeners, listener);
  }

  /** How many events were recorded. */
  get length(): number {
    return this.#length;
  }

  /** Every event so far, oldest first (objects are made on first access and kept). */
  get events(): TraceEvent[] {
    const events = this.#events;
    this.#walk(ALL_KINDS, events.length, (chunk, j, i, t) => {
      events.push(makeEvent(chunk, j, i, t));
    });
    return events;
  }

  /** A fresh object for event `i` (0 <= i < length); its time is found by bisection (walks keep a cursor instead). */
  at(i: number): TraceEvent {
    const j = i & (CHUNK - 1);
    const chunk = this.#chunk(i >> CHUNK_BITS);
    return makeEvent(chunk, j, i, timeAt(chunk, j));
  }

  /** Call `fn` with an object for each event of one of `kinds`, in order, without making the others. */
  scan(kinds: readonly TraceKind[], fn: (event: TraceEvent) => void): void {
    let mask = 0;
    for (const kind of kinds) mask |= 1 << KIND_CODES[kind];
    // A run's result looks for errors and stops this way: most runs have none (a walk of a million events).
    if ((mask & this.#kindsSeen) === 0) return;
    this.#walk(mask, 0, (chunk, j, i, t) => fn(makeEvent(chunk, j, i, t)));
  }

  /** The `name` of task `task`'s spawn event, without walking the events (a run's result names each console line's task). */
  spawnName(task: number): string {
    return (MapPrototypeGet(this.#givenNames, task) as string | undefined) ?? `Task-${task}`;
  }

  /**
   * Each `spawn` event, in order, as `fn(task, name, parent)`, without making
   * event objects (a run's result lists 100,000 tasks this way).
   */
  forEachSpawn(fn: (task: number, name: string, parent: number) => void): void {
    this.#forEachOf(SPAWN, (_t, task, packed) => {
      if (typeof packed === 'number') fn(task, `Task-${task}`, packed);
      else fn(task, (packed as TraceDetails['spawn']).name, (packed as TraceDetails['spawn']).parent);
    });
  }

  /** Each `log` event, in order, as `fn(t, task, level, text)`, without making event objects. */
  forEachLog(fn: (t: number, task: number, level: LogLevel, text: string) => void): void {
    this.#forEachOf(LOG, (t, task, packed) => {
      if (typeof packed === 'string') fn(t, task, 'log', packed);
      else fn(t, task, (packed as TraceDetails['log']).level, (packed as TraceDetails['log']).text);
    });
  }

  /** Each event of kind `code` as its columns (the detail still packed). */
  #forEachOf(code: number, fn: (t: number, task: number, packed: unknown) => void): void {
    this.#walk(1 << code, 0, (chunk, j, _i, t) => fn(t, chunk.task[j]!, packedAt(chunk, j)));
  }

  /**
   * Call `fn(chunk, j, i, t)` for each event `i` from `from` on whose kind is in `mask`
   * (bit 1 << code), in order: the one walk over the columns, keeping the time run
   * as a cursor (no bisection per event, one view of the chunk being filled).
   */
  #walk(mask: number, from: number, fn: (chunk: Chunk, j: number, i: number, t: number) => void): void {
    const end = this.#length;
    for (let base = from - (from & (CHUNK - 1)); base < end; base += CHUNK) {
      const chunk = this.#chunk(base >> CHUNK_BITS);
      const { runT, runAt, runs, kind } = chunk;
      const count = Math.min(CHUNK, end - base);
      let r = 0;
      for (let j = base < from ? from - base : 0; j < count; j++) {
        if (((mask >> kind[j]!) & 1) === 0) continue;
        while (r + 1 < runs && runAt[r + 1]! <= j) r++;
        fn(chunk, j, base + j, runT[r]!);
      }
    }
  }

  /** Chunk `n`: a filled one, or the columns being filled. */
  #chunk(n: number): Chunk {
    return n < this.#chunks.length ? this.#chunks[n]! : { runT: this.#runT, runAt: this.#runAt, runs: this.#runs, task: this.#task, kind: this.#kind, detailAt: this.#detailAt, details: this.#details };
  }

  /** Record one event at virtual time `t` for `task`. */
  add<K extends TraceKind>(t: number, task: number, kind: K, detail: TraceDetails[K]): void {
    const code = KIND_CODES[kind];
    if (code === SPAWN) MapPrototypeSet(this.#givenNames, task, (detail as TraceDetails['spawn']).name);
    this.#push(t, task, code, pack(code, detail, t));
  }

  /** `add(t, task, 'run', {})`, for the loop's hot path. */
  addRun(t: number, task: number): void {
    this.#push(t, task, RUN, null);
  }

  /** `add(t, task, 'ready', { since })`, for the loop's hot path. */
  addReady(t: number, task: number, since: number): void {
    this.#push(t, task, READY, packSince(since, t));
  }

  /** `add(t, task, 'log', { level, text })` without the detail object. */
  addLog(t: number, task: number, level: LogLevel, text: string): void {
    this.#push(t, task, LOG, level === 'log' ? text : { level, text });
  }

  /**
   * `add(t, task, 'spawn', { name, parent, group })`; `name` null is the
   * default name, `Task-${task}` (made only when the event is read).
   */
  addSpawn(t: number, task: number, name: string | null, parent: number, group: string | undefined): void {
    let packed: unknown = parent;
    if (name !== null || group) {
      const detail: TraceDetails['spawn'] = { name: name ?? `Task-${task}`, parent };
      if (group) detail.group = group;
      packed = detail;
      MapPrototypeSet(this.#givenNames, task, detail.name);
    }
    this.#push(t, task, SPAWN, packed);
  }

  /** `add(t, task, 'wait', { on })`, for the loop's hot path; a sleep's duration stands for its label (made when the event is read, wait-labels.ts). */
  addWait(t: number, task: number, on: WaitOn): void {
    this.#push(t, task, WAIT, on);
  }

  #push(t: number, task: number, code: number, packed: unknown): void {
    let j = this.#pos;
    if (j === CHUNK) {
      this.#newChunk();
      j = 0;
    }
    const r = this.#runs;
    // A chunk's first event starts a run; so does every change of time.
    if (r === 0 || this.#runT[r - 1] !== t) {
      if (r === this.#runT.length) this.#growRuns();
      this.#runT[r] = t;
      this.#runAt[r] = j;
      this.#runs = r + 1;
    }
    this.#task[j] = task;
    this.#kind[j] = code;
    this.#kindsSeen |= 1 << code;
    if (packed !== null) {
      const details = this.#details;
      append(details, packed);
      this.#detailAt[j] = details.length;
    }
    this.#pos = j + 1;
    const i = this.#length++;
    if (this.#listeners.length === 0) return;
    const event = { t, seq: i, task, kind: KINDS[code]!, detail: unpack(code, task, packed, t) } as TraceEvent;
    // Index loops over a copy, no array methods: listeners hear every event while a program patches Array (primordials.ts).
    const listeners = this.#listeners;
    const n = listeners.length;
    const copy = list<TraceListener>();
    for (let k = 0; k < n; k++) append(copy, listeners[k]!);
    for (let k = 0; k < n; k++) {
      const listener = copy[k]!;
      try {
        listener(event);
      } catch {
        const kept = list<TraceListener>();
        const now = this.#listeners;
        for (let m = 0; m < now.length; m++) if (now[m] !== listener) append(kept, now[m]!);
        this.#listeners = kept;
      }
    }
  }

  /** Twice the room for runs (at most one per event of the chunk). */
  #growRuns(): void {
    const size = Math.min(CHUNK, this.#runT.length * 2);
    const runT = new Float64Array(size);
    const runAt = new Uint16Array(size);
    runT.set(this.#runT);
    runAt.set(this.#runAt);
    this.#runT = runT;
    this.#runAt = runAt;
  }

  #newChunk(): void {
    const runs = this.#runs;
    // Kept at their size: a filled chunk gets no more runs.
    append(this.#chunks, { runT: this.#runT.slice(0, runs), runAt: this.#runAt.slice(0, runs), runs, task: this.#task, kind: this.#kind, detailAt: this.#detailAt, details: this.#details });
    this.#runT = new Float64Array(RUNS_FIRST);
    this.#runAt = new Uint16Array(RUNS_FIRST);
    this.#runs = 0;
    this.#task = new Int32Array(CHUNK);
    this.#kind = new Uint8Array(CHUNK);
    this.#detailAt = new Uint16Array(CHUNK);
    this.#details = list();
    this.#pos = 0;
  }
}

const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;
/** Every kind's bit (KIND_CODES are below 32). */
const ALL_KINDS = -1;
/** Room for this many time runs in a new chunk (grown as needed, up to CHUNK). */
const RUNS_FIRST = 64;

/** 4,096 events in columns (small enough to be ordinary young objects, not large-object pages). */
interface Chunk {
  /** The times of the chunk's events as `runs` runs: `runT[r]` from event `runAt[r]` on (runAt[0] is 0). */
  runT: Float64Array;
  runAt: Uint16Array;
  runs: number;
  task: Int32Array;
  kind: Uint8Array;
  /** 1 + the index in `details` of each event's packed detail; 0: none (null). */
  detailAt: Uint16Array;
  details: List<unknown>;
}

/** The packed detail of event `j` of `chunk` (null: none kept). */
function packedAt(chunk: Chunk, j: number): unknown {
  const k = chunk.detailAt[j]!;
  return k === 0 ? null : chunk.details[k - 1];
}

/** The time of event `j` of `chunk`: its run's, found by bisection. */
function timeAt(chunk: Chunk, j: number): number {
  const runAt = chunk.runAt;
  let lo = 0;
  let hi = chunk.runs - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runAt[mid]! <= j) lo = mid;
    else hi = mid - 1;
  }
  return chunk.runT[lo]!;
}

/** The event object for event `j` of `chunk` (event `i` of the trace), at time `t`. */
function makeEvent(chunk: Chunk, j: number, i: number, t: number): TraceEvent {
  const code = chunk.kind[j]!;
  const id = chunk.task[j]!;
  return { t, seq: i, task: id, kind: KINDS[code]!, detail: unpack(code, id, packedAt(chunk, j), t) } as TraceEvent;
}
