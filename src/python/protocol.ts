/**
 * Messages between the page (or the sandbox frame relaying for it) and the
 * Python worker (src/python/python-worker.ts). Console lines use the
 * TypeScript runner's WireLine, and `timeline` the same { trace, tasks,
 * endTime } shape, so the console and the timeline show a Python run as they
 * show a TypeScript one. Everything the worker sends is checked here first: a
 * Python program runs in that worker, so nothing it sends is trusted further
 * than these checks (tests/python/protocol.test.ts). The timeline itself is
 * checked by validTraceInput (src/timeline/validate.ts) where it is drawn.
 */
import { validLine, type RunLimits, type WireLine, type WireProblem } from '../playground/protocol.ts';

/** Budgets of a Python run: task steps, virtual ms, console lines (virtual_asyncio.py DEFAULT_LIMITS). */
export type PythonLimits = RunLimits;

/** The Python runner's defaults, as the TypeScript playground's. */
export const PYTHON_LIMITS: PythonLimits = { stepLimit: 300_000, timeLimit: 24 * 60 * 60 * 1000, outputLimit: 10_000 };

/** Page → worker: run `source` (id identifies the run). The first request also loads Python, from `indexURL`. */
export interface PythonRunRequest {
  type: 'python-run';
  id: number;
  /** Where the Pyodide files are served (ends with '/'), e.g. `${base}pyodide/`. */
  indexURL: string;
  source: string;
  /**
   * The Pyodide files themselves, for a worker that may load nothing (the
   * sandbox frame's `connect-src 'none'`): the page fetches them from the
   * site and hands them over; the worker then makes no request at all. Read
   * on the first request only. Without them the worker loads from indexURL.
   */
  files?: PyodideFiles;
  /** Shown in tracebacks, e.g. "tasks.py". */
  filename: string;
  limits: PythonLimits;
}

/** The files src/python/pyodide-files.mjs serves, by name (PYODIDE_FILES there). */
export const PYODIDE_FILE_NAMES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'] as const;
export type PyodideFiles = Record<(typeof PYODIDE_FILE_NAMES)[number], ArrayBuffer>;

/** Worker → page: loading Python, one stage at a time (only before the first run). */
export interface PythonProgressMessage {
  type: 'python-progress';
  /** What is loading: the interpreter (wasm), the standard library, the runner. */
  stage: 'interpreter' | 'stdlib' | 'runner';
  /** Bytes loaded so far of this stage and its size (0 when unknown). */
  loaded: number;
  total: number;
}

/** Worker → page: Python is loaded; `ms` is how long loading took (wall clock). */
export interface PythonReadyMessage {
  type: 'python-ready';
  version: string;
  ms: number;
}

/** Worker → page: the console lines of run `id` (at most LINE_CAP). */
export interface PythonLinesMessage {
  type: 'python-lines';
  id: number;
  lines: WireLine[];
}

/** Worker → page: run `id` ended. */
export interface PythonDoneMessage {
  type: 'python-done';
  id: number;
  status: 'ok' | 'failed';
  problems: WireProblem[];
  /** Lines the program printed in all (the page may have been sent fewer). */
  total: number;
  endTime: number;
  /** { trace, tasks, endTime } for the timeline; untrusted: check with validTraceInput. */
  timeline?: unknown;
}

/** Worker → page: Python could not load or the worker failed. */
export interface PythonCrashMessage {
  type: 'python-crash';
  message: string;
}

export type ToPythonWorker = PythonRunRequest;
export type FromPythonWorker = PythonProgressMessage | PythonReadyMessage | PythonLinesMessage | PythonDoneMessage | PythonCrashMessage;

const MAX_SOURCE = 200_000;
const MAX_BATCH = 5_000;
const STAGES = new Set(['interpreter', 'stdlib', 'runner']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** A well-formed run request (limits filled in from PYTHON_LIMITS), or undefined. */
export function validPythonRequest(v: unknown): PythonRunRequest | undefined {
  if (!isObject(v) || v.type !== 'python-run' || !isId(v.id) || !isText(v.source, MAX_SOURCE) || !isText(v.filename, 200) || !isText(v.indexURL, 2000) || !v.indexURL.endsWith('/')) return undefined;
  const limits = { ...PYTHON_LIMITS };
  if (isObject(v.limits)) {
    for (const key of ['stepLimit', 'timeLimit', 'outputLimit'] as const) {
      const value = v.limits[key];
      if (typeof value === 'number' && value > 0 && Number.isFinite(value)) limits[key] = value;
    }
  }
  const request: PythonRunRequest = { type: 'python-run', id: v.id, indexURL: v.indexURL, source: v.source, filename: v.filename, limits };
  if (v.files !== undefined) {
    const files = v.files;
    if (!isObject(files) || !PYODIDE_FILE_NAMES.every((name) => files[name] instanceof ArrayBuffer)) return undefined;
    request.files = Object.fromEntries(PYODIDE_FILE_NAMES.map((name) => [name, files[name]])) as PyodideFiles;
  }
  return request;
}

/** Checks a message from the Python worker; returns a clean copy (known fields only) or undefined. */
export function validFromPythonWorker(v: unknown): FromPythonWorker | undefined {
  if (!isObject(v)) return undefined;
  switch (v.type) {
    case 'python-progress':
      return STAGES.has(v.stage as string) && isCount(v.loaded) && isCount(v.total)
        ? { type: 'python-progress', stage: v.stage as PythonProgressMessage['stage'], loaded: v.loaded, total: v.total }
        : undefined;
    case 'python-ready':
      return isText(v.version, 50) && isCount(v.ms) ? { type: 'python-ready', version: v.version, ms: v.ms } : undefined;
    case 'python-crash':
      return isText(v.message, 2000) ? { type: 'python-crash', message: v.message } : undefined;
    case 'python-lines': {
      if (!isId(v.id) || !Array.isArray(v.lines) || v.lines.length > MAX_BATCH) return undefined;
      const lines: WireLine[] = [];
      for (const raw of v.lines) {
        const line = validLine(raw);
        if (!line) return undefined;
        lines.push(line);
      }
      return { type: 'python-lines', id: v.id, lines };
    }
    case 'python-done': {
      if (!isId(v.id) || (v.status !== 'ok' && v.status !== 'failed') || !Array.isArray(v.problems) || v.problems.length > 100) return undefined;
      if (!isId(v.total) || !isCount(v.endTime)) return undefined;
      const problems: WireProblem[] = [];
      for (const p of v.problems) {
        if (!isObject(p) || !isText(p.kind, 50) || !isText(p.message, 100_000)) return undefined;
        problems.push({ kind: p.kind, message: p.message });
      }
      const done: PythonDoneMessage = { type: 'python-done', id: v.id, status: v.status, problems, total: v.total, endTime: v.endTime };
      if (v.timeline !== undefined) done.timeline = v.timeline;
      return done;
    }
    default:
      return undefined;
  }
}
