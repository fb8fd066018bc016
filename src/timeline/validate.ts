/**
 * Check a trace that crossed a trust boundary. In the playground the trace
 * comes from the sandboxed runner (untrusted code runs there), so the page
 * passes what it received through `validTraceInput` before `update()`: every
 * event must have the shape trace.ts declares (numbers finite, kinds known,
 * texts bounded), seq strictly increasing, and the whole trace bounded in size.
 * Anything else is rejected (undefined), never half-drawn.
 * Pure. Tests: tests/timeline/validate.test.ts.
 */
import { JOB_OPS, LOG_LEVELS, QUEUE_OPS, STOP_REASONS, TASK_OUTCOMES, TIMER_OPS, WAIT_KINDS as WAIT_KIND_LIST, isOneOf } from '../contract/trace-vocabulary.ts';
import type { TraceDetails, TraceEvent, TraceKind } from '../runtime/trace.ts';
import type { TraceInput } from '../trace/spans.ts';

/** Most events a timeline accepts (the view stays fast far beyond the 10,000-span budget). */
export const MAX_EVENTS = 500_000;
/** Longest text in an event (console line, label, message). */
export const MAX_TEXT = 100_000;

const WAIT_KINDS = new Set<string>(WAIT_KIND_LIST);
const LEVELS = new Set<string>(LOG_LEVELS);
const OUTCOMES = new Set<string>(TASK_OUTCOMES);
const STOPS = new Set<string>(STOP_REASONS);

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const int = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const text = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
const label = (v: unknown): boolean => isObj(v) && WAIT_KINDS.has(v.kind as string) && text(v.what);

type Detail = Record<string, unknown>;

/** One check per event kind: a kind added to TraceDetails without a check here fails to compile. */
const DETAIL_CHECKS = {
  spawn: (d: Detail) => text(d.name) && int(d.parent) && (d.group === undefined || text(d.group)),
  run: () => true,
  ready: (d: Detail) => num(d.since),
  wait: (d: Detail) => label(d.on),
  log: (d: Detail) => LEVELS.has(d.level as string) && text(d.text),
  cancel: (d: Detail) => d.message === undefined || text(d.message),
  done: (d: Detail) => OUTCOMES.has(d.outcome as string) && (d.error === undefined || text(d.error)),
  error: (d: Detail) => text(d.message) && text(d.stack),
  macrotask: (d: Detail) => text(d.source),
  microtasks: (d: Detail) => int(d.jobs),
  block: (d: Detail) => num(d.ms) && d.ms >= 0,
  thread: (d: Detail) => int(d.thread) && typeof d.end === 'boolean' && text(d.label),
  deadlock: (d: Detail) => Array.isArray(d.blocked) && d.blocked.length <= MAX_EVENTS && d.blocked.every((b) => isObj(b) && int(b.task) && text(b.name) && label(b.on)),
  stop: (d: Detail) => STOPS.has(d.reason as string) && (d.limit === undefined || num(d.limit)) && (d.passed === undefined || typeof d.passed === 'boolean'),
  wake: (d: Detail) => int(d.by) && (d.timer === undefined || int(d.timer)),
  hold: (d: Detail) => label(d.on) && typeof d.held === 'boolean',
  queue: (d: Detail) => isOneOf(QUEUE_OPS, d.op) && text(d.what) && int(d.size),
  timer: (d: Detail) => isOneOf(TIMER_OPS, d.op) && int(d.id) && num(d.due) && text(d.source),
  microtask: (d: Detail) => isOneOf(JOB_OPS, d.op),
  message: (d: Detail) => int(d.from) && text(d.what),
} satisfies Record<TraceKind, (d: Detail) => boolean> as Record<TraceKind, (d: Detail) => boolean>;

function validDetail(kind: string, d: Detail): boolean {
  return Object.hasOwn(DETAIL_CHECKS, kind) && DETAIL_CHECKS[kind as keyof TraceDetails](d);
}

/** The trace input if `value` is a well-formed `{ trace, tasks?, endTime? }`, else undefined. */
export function validTraceInput(value: unknown): TraceInput | undefined {
  if (!isObj(value) || !Array.isArray(value.trace) || value.trace.length > MAX_EVENTS) return undefined;
  let lastSeq = -1;
  let lastT = -Infinity;
  for (const e of value.trace as unknown[]) {
    if (!isObj(e) || !num(e.t) || e.t < 0 || !int(e.seq) || !int(e.task) || typeof e.kind !== 'string' || !isObj(e.detail)) return undefined;
    // seq strictly increasing; virtual time never goes back along the trace.
    if (e.seq <= lastSeq || e.t < lastT) return undefined;
    lastSeq = e.seq;
    lastT = e.t;
    if (!validDetail(e.kind, e.detail)) return undefined;
  }
  let tasks: TraceInput['tasks'];
  if (value.tasks !== undefined) {
    if (!Array.isArray(value.tasks) || value.tasks.length > MAX_EVENTS) return undefined;
    if (!value.tasks.every((t) => isObj(t) && int(t.id) && text(t.name) && int(t.parent))) return undefined;
    tasks = value.tasks as TraceInput['tasks'];
  }
  if (value.endTime !== undefined && (!num(value.endTime) || value.endTime < 0)) return undefined;
  return {
    trace: value.trace as TraceEvent[],
    ...(tasks ? { tasks } : {}),
    ...(value.endTime !== undefined ? { endTime: value.endTime as number } : {}),
  };
}
