/**
 * The words a trace is written in, declared once as data: the runtime records
 * them (runtime/trace.ts), the timeline's validator accepts exactly these
 * (timeline/validate.ts), the styles give each wait kind a look
 * (timeline/styles.ts, a `Record<WaitKind, ...>`), and the playground protocol
 * checks what crosses the sandbox boundary with them. A word added here is a
 * compile error wherever a table misses it, instead of a trace the validator
 * rejects at run time. Tests: tests/runtime/trace-vocabulary.test.ts.
 */

/** What a waiting task waits on, in legend order; the timeline colours and patterns spans by it. */
export const WAIT_KINDS = [
  'sleep',
  'timer',
  'lock',
  'semaphore',
  'condition',
  'barrier',
  'queue',
  'event',
  'channel',
  'task',
  'future',
  'promise',
  'network',
  'thread',
  'nursery',
  'other',
] as const;
export type WaitKind = (typeof WAIT_KINDS)[number];

/** Console levels, as the console object names them. */
export const LOG_LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How a task ended. */
export const TASK_OUTCOMES = ['ok', 'error', 'cancelled'] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/** Why a run ended before going idle. */
export const STOP_REASONS = ['error', 'deadlock', 'time-limit', 'step-limit', 'output-limit', 'stopped'] as const;
export type StopReason = (typeof STOP_REASONS)[number];
/**
 * What a `stop` event records: the reason and the data its message needs,
 * never the message itself - the text is made where it is shown, in the
 * reader's language (runtime/messages.ts stopText for the CLI and the
 * playground's console, src/i18n for the timeline). A time-limit stop says
 * whether the clock `passed` the limit or the next timer would have.
 * Tests: tests/runtime/messages.test.ts, tests/runtime/loop.test.ts.
 */
export type StopDetail =
  | { reason: 'time-limit'; limit: number; passed: boolean }
  | { reason: 'step-limit' | 'output-limit'; limit: number }
  | { reason: 'error' | 'deadlock' | 'stopped' };

/** The budgets of a run (runtime/loop.ts LoopLimits; the playground sends its own values). */
export const LIMIT_NAMES = ['timeLimit', 'stepLimit', 'outputLimit'] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];
/** One value per budget: virtual ms, steps (callbacks plus jobs), console lines. */
export type RunLimits = Record<LimitName, number>;

/** The stop reason each budget ends a run with. */
export const LIMIT_STOP_REASON = {
  timeLimit: 'time-limit',
  stepLimit: 'step-limit',
  outputLimit: 'output-limit',
} as const satisfies Record<LimitName, StopReason>;

/** What a timer event says happened to a timer (issue 14: the inspector's timers due next). */
export const TIMER_OPS = ['set', 'cancel', 'fire'] as const;
export type TimerOp = (typeof TIMER_OPS)[number];

/** What a microtask event says happened to a job of the microtask queue. */
export const JOB_OPS = ['queue', 'run'] as const;
export type JobOp = (typeof JOB_OPS)[number];

/** What a queue event says happened to an item of a queue or channel. */
export const QUEUE_OPS = ['put', 'get'] as const;
export type QueueOp = (typeof QUEUE_OPS)[number];

/** Whether `value` is one of `words` (narrows an untrusted string to the vocabulary's type). */
export function isOneOf<const W extends readonly string[]>(words: W, value: unknown): value is W[number] {
  return typeof value === 'string' && (words as readonly string[]).includes(value);
}
