/**
 * The trace: the one record of a run that the console, the timeline, the
 * Chrome-trace export and the tests all read. Events are appended in the order
 * they happen; `seq` orders events that share a virtual instant `t`.
 */

/** What a waiting task waits on; the timeline colours spans by `kind`. */
export type WaitKind =
  | 'sleep'
  | 'timer'
  | 'lock'
  | 'semaphore'
  | 'condition'
  | 'barrier'
  | 'queue'
  | 'event'
  | 'channel'
  | 'task'
  | 'future'
  | 'promise'
  | 'network'
  | 'thread'
  | 'nursery'
  | 'other';

/** A description of something a task can wait on. */
export interface WaitLabel {
  kind: WaitKind;
  /** Short human text, e.g. "sleep 100ms" or "lock#2". */
  what: string;
}

/** Console levels, as the console object names them. */
export type LogLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

/** Terminal state of a task. */
export type TaskOutcome = 'ok' | 'error' | 'cancelled';

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
  /** Every remaining task is blocked and nothing can wake them. */
  deadlock: { blocked: Array<{ task: number; name: string; on: WaitLabel }> };
  /** The run stopped early: a budget was exceeded or the program failed. */
  stop: { reason: StopReason; message: string };
}

/** Why a run ended before going idle. */
export type StopReason = 'error' | 'deadlock' | 'time-limit' | 'step-limit' | 'output-limit' | 'stopped';

export type TraceKind = keyof TraceDetails;

/** One trace event. `task` is 0 for events of the loop itself. */
export type TraceEvent = {
  [K in TraceKind]: { t: number; seq: number; task: number; kind: K; detail: TraceDetails[K] };
}[TraceKind];

/** Receives trace events as they happen (the console and the playground use this to stream). */
export type TraceListener = (event: TraceEvent) => void;

/** Appends events with a running sequence number and forwards them to listeners. */
export class TraceRecorder {
  readonly events: TraceEvent[] = [];
  #seq = 0;
  #listeners: TraceListener[] = [];

  /** Subscribe to events as they are recorded. A listener that throws is removed (like trio's instruments) so it cannot break the run. */
  listen(listener: TraceListener): void {
    this.#listeners.push(listener);
  }

  /** Record one event at virtual time `t` for `task`. */
  add<K extends TraceKind>(t: number, task: number, kind: K, detail: TraceDetails[K]): void {
    const event = { t, seq: this.#seq++, task, kind, detail } as TraceEvent;
    this.events.push(event);
    if (this.#listeners.length === 0) return;
    for (const listener of this.#listeners.slice()) {
      try {
        listener(event);
      } catch {
        this.#listeners = this.#listeners.filter((l) => l !== listener);
      }
    }
  }
}
