/**
 * The one message protocol between the page, the sandbox frame and the runner
 * worker (the Svelte REPL's rule: typed unions in one file). Every message that
 * crosses a boundary is checked with the validators below and dropped when its
 * shape is wrong: the sandbox runs untrusted code, so nothing it sends is
 * trusted further than these checks (tests/playground/protocol.test.ts).
 */
import type { CompiledProgram } from '../compiler/compile.ts';
import { isOneOf, LIMIT_NAMES, LOG_LEVELS, type LogLevel, type RunLimits } from '../contract/trace-vocabulary.ts';
import { LANGUAGES, type Lang } from '../runtime/messages.ts';

export type { RunLimits };

/** A console line as the page shows it. */
export interface WireLine {
  /** Virtual ms. */
  t: number;
  /** Task name. */
  task: string;
  level: LogLevel;
  text: string;
}

/** A problem the runtime reported at the end of a run (uncaught error, deadlock, budget...). */
export interface WireProblem {
  kind: string;
  message: string;
}

/**
 * The playground's budgets. Steps are lower than the runtime's default
 * (10,000,000) so that a runaway async loop (`while (true) await sleep(1)`)
 * meets the runtime's own budget, with its plain message, well before the
 * page's wall-time budget, even on a busy machine (300,000 steps of a sleep
 * loop take 0.5-2 s in a browser worker). The guide's examples use a few
 * thousand.
 */
export const PLAYGROUND_LIMITS: RunLimits = { stepLimit: 300_000, timeLimit: 24 * 60 * 60 * 1000, outputLimit: 10_000 };

/*
 * The messages, one union per direction (the Svelte REPL's rule), used where a
 * message is sent (the typed senders below, runner-worker.ts, the JSDoc of
 * sandbox-boot.js) as well as where it is received (validFromSandbox,
 * validRunRequest). Every run carries its request id; an answer counts only
 * for the run in progress (sandbox.ts).
 *
 *   page ──connect (window.postMessage, with the port)──▶ frame
 *   page ◀─ready──────────────────────────────────────── frame
 *   page ──init (the runner's text)──────────────────▶ frame ──starts──▶ worker
 *   page ──run {id}──────────────────────────────────▶ frame ──────────▶ worker
 *   page ◀─lines {id}… done {id}───────────────────── frame ◀────────── worker
 *   page ◀─crash───────────────────────────────────── frame (the worker died)
 */

/** Page → frame, over `window.postMessage` with exactly one transferred port: the handshake (sandbox-boot.js accepts one). */
export interface ConnectMessage {
  type: 'connect';
}

/** Page → frame (first message over the port): the runner's source text to start its workers from. */
export interface InitRequest {
  type: 'init';
  runner: string;
}

/** Page → frame → worker: run a compiled program; `id` is the request id its answers carry. */
export interface RunRequest {
  type: 'run';
  id: number;
  program: CompiledProgram;
  limits: RunLimits;
  /** The page's language: the runtime writes its stop texts, deadlock reports and error headings in it (runtime/messages.ts). */
  lang?: Lang;
  /** Exercises: record the run's trace for grading and return it with this per-run nonce (src/exercises/README.md). */
  record?: { nonce: string };
}

/**
 * The evidence an exercise is graded on (src/exercises/README.md): the trace
 * events the runtime recorded, captured by the runner with built-ins it took
 * before the program ran, and the problems the runtime reported after it.
 * Untrusted until the page has matched the nonce and validated the events.
 */
export interface RunRecord {
  nonce: string;
  /** TraceEvent[] of the kinds facts.ts reads; checked by the page (src/exercises/record.ts). */
  events: unknown;
  problems: WireProblem[];
  /** False when the runner's listener heard fewer events than the runtime recorded (a program interfered). */
  complete: boolean;
}

/** Sandbox → page: the frame has its port and waits for `init`. */
export interface ReadyMessage {
  type: 'ready';
}

/** Sandbox → page: a batch of console lines of run `id`. */
export interface LinesMessage {
  type: 'lines';
  id: number;
  lines: WireLine[];
}

/** Sandbox → page: run `id` ended. */
export interface DoneMessage {
  type: 'done';
  id: number;
  status: 'ok' | 'failed';
  problems: WireProblem[];
  /** Lines the runtime printed in all (the page may show fewer). */
  total: number;
  endTime: number;
  /** The last lines of a run that printed more than the streamed head (output.ts TAIL_LINES). */
  tail?: WireLine[];
  /** The run's trace for the timeline ({ trace, tasks, endTime }); untrusted: the page checks it with validTraceInput. Absent when the trace is too large to draw. */
  timeline?: unknown;
  /** Only for a run that asked for a record (RunRequest.record). */
  record?: RunRecord;
}

/** Sandbox → page: the worker could not start or died (out of memory, for example). */
export interface CrashMessage {
  type: 'crash';
  message: string;
}

/** Everything the page sends to the sandbox (connect over the window, the rest over the port). */
export type PageToSandbox = ConnectMessage | InitRequest | RunRequest;
/** Everything the sandbox (frame or runner worker) sends to the page. */
export type SandboxToPage = ReadyMessage | LinesMessage | DoneMessage | CrashMessage;
/** What the frame relays to a runner worker. */
export type FrameToRunner = RunRequest;
/** What a runner worker sends (relayed by the frame unchanged). */
export type RunnerToPage = LinesMessage | DoneMessage;

/** Anything with postMessage: a MessagePort, a Worker's global scope. */
interface Poster {
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

/** The page's handshake: hands `port` to the sandbox frame's window (its only accepted window message). */
export function connectSandbox(frame: Pick<Window, 'postMessage'>, port: MessagePort): void {
  const message: ConnectMessage = { type: 'connect' };
  frame.postMessage(message, '*', [port]);
}

/** Sends a message to the sandbox over its port (typed: only PageToSandbox messages). */
export function postToSandbox(port: Poster, message: Exclude<PageToSandbox, ConnectMessage>): void {
  port.postMessage(message);
}

/** Sends a message from the runner worker to the page (typed: only RunnerToPage messages). */
export function postToPage(target: Poster, message: RunnerToPage): void {
  target.postMessage(message);
}

const LEVELS: ReadonlySet<string> = new Set(LOG_LEVELS);
const MAX_TEXT = 100_000;
const MAX_BATCH = 5_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isText = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;

/** A well-formed console line, or undefined. */
export function validLine(v: unknown): WireLine | undefined {
  if (!isObject(v)) return undefined;
  const { t, task, level, text } = v;
  if (typeof t !== 'number' || !Number.isFinite(t) || !isText(task, 200) || typeof level !== 'string' || !LEVELS.has(level) || !isText(text)) return undefined;
  return { t, task, level: level as WireLine['level'], text };
}

/**
 * Checks a message from the sandbox. Returns a clean copy (only known fields)
 * or undefined for anything else; callers also check that `id` is the run
 * they are waiting for.
 */
export function validFromSandbox(v: unknown): SandboxToPage | undefined {
  if (!isObject(v)) return undefined;
  switch (v.type) {
    case 'ready':
      return { type: 'ready' };
    case 'crash':
      return isText(v.message, 2000) ? { type: 'crash', message: v.message } : undefined;
    case 'lines': {
      if (!isId(v.id) || !Array.isArray(v.lines) || v.lines.length > MAX_BATCH) return undefined;
      const lines: WireLine[] = [];
      for (const raw of v.lines) {
        const line = validLine(raw);
        if (!line) return undefined;
        lines.push(line);
      }
      return { type: 'lines', id: v.id, lines };
    }
    case 'done': {
      if (!isId(v.id) || (v.status !== 'ok' && v.status !== 'failed') || !Array.isArray(v.problems) || v.problems.length > 100) return undefined;
      if (!isId(v.total) || typeof v.endTime !== 'number') return undefined;
      const problems: WireProblem[] = [];
      for (const p of v.problems) {
        if (!isObject(p) || !isText(p.kind, 50) || !isText(p.message)) return undefined;
        problems.push({ kind: p.kind, message: p.message });
      }
      const done: DoneMessage = { type: 'done', id: v.id, status: v.status, problems, total: v.total, endTime: v.endTime };
      if (v.tail !== undefined) {
        if (!Array.isArray(v.tail) || v.tail.length > MAX_BATCH) return undefined;
        const tail: WireLine[] = [];
        for (const raw of v.tail) {
          const line = validLine(raw);
          if (!line) return undefined;
          tail.push(line);
        }
        done.tail = tail;
      }
      if (v.timeline !== undefined) done.timeline = v.timeline;
      if (v.record !== undefined) {
        const r = v.record;
        if (!isObject(r) || !isText(r.nonce, 100) || typeof r.complete !== 'boolean' || !Array.isArray(r.problems) || r.problems.length > 100) return undefined;
        const recorded: WireProblem[] = [];
        for (const p of r.problems) {
          if (!isObject(p) || !isText(p.kind, 50) || !isText(p.message)) return undefined;
          recorded.push({ kind: p.kind, message: p.message });
        }
        done.record = { nonce: r.nonce, events: r.events, problems: recorded, complete: r.complete };
      }
      return done;
    }
    default:
      return undefined;
  }
}

/** Checks a run request inside the worker (the page is trusted, but a confused message must not crash the runner). */
export function validRunRequest(v: unknown): RunRequest | undefined {
  if (!isObject(v) || v.type !== 'run' || !isId(v.id) || !isObject(v.program)) return undefined;
  const p = v.program;
  if (p.ok !== true || typeof p.code !== 'string' || typeof p.map !== 'string' || typeof p.lineOffset !== 'number' || typeof p.filename !== 'string' || typeof p.source !== 'string') return undefined;
  const limits = { ...PLAYGROUND_LIMITS };
  if (isObject(v.limits)) {
    for (const key of LIMIT_NAMES) {
      const value = v.limits[key];
      if (typeof value === 'number' && value > 0 && Number.isFinite(value)) limits[key] = value;
    }
  }
  const request: RunRequest = { type: 'run', id: v.id, program: { ok: true, code: p.code, map: p.map, lineOffset: p.lineOffset, filename: p.filename, source: p.source }, limits };
  if (isObject(v.record) && isText(v.record.nonce, 100)) request.record = { nonce: v.record.nonce };
  if (isOneOf(LANGUAGES, v.lang)) request.lang = v.lang;
  return request;
}
