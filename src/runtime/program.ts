/**
 * Run a compiled program on a fresh loop and collect what a reader sees: the
 * console lines, the trace, and plain-language reports of what went wrong
 * (uncaught errors with mapped stacks, deadlocks, budgets, exceptions nobody
 * retrieved, unhandled rejections). Used by the CLI, the browser worker and
 * the tests alike.
 */
import { PROGRAM_GLOBALS, PROGRAM_PARAMETERS, programUrl, type CompiledProgram, type ProgramHelpers } from '../contract/program.ts';
import { AwaitMarker, makeAsyncGeneratorHelpers, yieldStar, yieldSync } from './async-generator.ts';
import { awaitedSleepHelper, directShellNoter, driverFor } from './driver.ts';
import { makeFunctionShapes } from './function-shapes.ts';
import { createGlobals } from './globals.ts';
import * as api from './index.ts';
import { Loop, type LoopLimits } from './loop.ts';
import { describeForReader } from './error-report.ts';
import { messagesFor, stopText, type Lang, type Messages } from './messages.ts';
import { machineTask, Task, taskRegistry } from './task.ts';
import { sleep } from './time.ts';
import { append, list, snapshotIntrinsics, toArray, type List } from './primordials.ts';
import { StackMapper } from './stack-map.ts';
import type { LogLevel, StopReason, TraceEvent, TraceListener, WaitLabel } from './trace.ts';

/** Options of one run. */
export interface ProgramOptions extends Partial<LoopLimits> {
  /** Seed of Math.random (default 1). */
  seed?: number;
  /** Called with every trace event as it happens (for streaming output). */
  onEvent?: TraceListener;
  /** Language of the runtime's own messages (deadlock, budgets, error headings; messages.ts); default 'en'. */
  lang?: Lang;
}

/** One console line as a reader sees it. */
export interface ConsoleLine {
  /** Virtual ms when it was printed. */
  t: number;
  /** Name of the task that printed it. */
  task: string;
  taskId: number;
  level: LogLevel;
  text: string;
}

/** Everything a run produced. */
export interface ProgramResult {
  /** 'ok' when the program finished cleanly; 'failed' on an uncaught error, deadlock, budget or unreported failure. */
  status: 'ok' | 'failed';
  /** Every console line (made on first access, from the trace). */
  readonly lines: ConsoleLine[];
  /** Every trace event (made on first access: large runs record about ten events per task). */
  readonly trace: TraceEvent[];
  /** How many events the trace holds (without making them). */
  traceLength: number;
  /** Task id to name and parent, for the timeline (made on first access, from the trace). */
  readonly tasks: Array<{ id: number; name: string; parent: number }>;
  /** Human-readable reports, in the order they happened (empty when all went well). */
  problems: Problem[];
  /** Virtual time when the run ended. */
  endTime: number;
  steps: number;
}

/** Something that went wrong, as a reader should read it. */
export interface Problem {
  kind: StopReason | 'unretrieved' | 'unhandled-rejection';
  /** The whole report as shown (for an error: its mapped stack, or an exception group's tree). */
  message: string;
  /** The report in one line (an error's `Name: message`). */
  summary?: string;
  /** Virtual ms: when the error was raised or the run stopped; for a never-retrieved exception or an unhandled rejection, the end of the run, when they are reported. */
  t?: number;
  /** The task it happened in (an uncaught error, a never-retrieved exception); absent for the loop's own stops. */
  task?: string;
  /** The error's mapped stack (an exception group: its tree), for errors. */
  stack?: string;
  /** For a deadlock: every blocked task and what it waits on. */
  blocked?: Array<{ task: string; on: WaitLabel }>;
}

/** The name of the task a program's top level runs as. */
export const MAIN_TASK_NAME = 'main';

/** Run `program` to the end (or until a budget stops it); synchronous and deterministic. */
export function runProgram(program: CompiledProgram, options: ProgramOptions = {}): ProgramResult {
  const loop = new Loop(options);
  const text = messagesFor(options.lang);
  const mapper = new StackMapper(program);
  loop.errorReporter = (error) => describeForReader(error, mapper);
  if (options.onEvent) loop.trace.listen(options.onEvent);
  const problems = list<Problem>();

  let factory: (...args: unknown[]) => void;
  try {
    // Strict, as a module: the top level is an ES module's, as Node runs a .mjs file (README "Top level").
    // On the first line, which is esbuild's or the wrapper's, so no line of the reader's moves.
    factory = new Function(...PROGRAM_PARAMETERS, `'use strict';${program.code}\n//# sourceURL=${programUrl(program)}`) as typeof factory;
  } catch (error) {
    // esbuild accepted the syntax but this engine does not (a RegExp flag or group newer than it, say).
    return engineRefused(loop, error, text);
  }

  let mainErrorSeq = -1;
  // The program may patch built-ins (Array.prototype, Promise.prototype.then, ...): the runtime's
  // own code does not depend on them (primordials.ts), and they are put back when the run ends,
  // so what reads the result - the CLI, a test runner, the next run - sees the realm it had.
  const restoreIntrinsics = snapshotIntrinsics();
  try {
    return finishRun(loop, factory, options, text, mapper, problems, () => mainErrorSeq, (seq) => {
      mainErrorSeq = seq;
    }, restoreIntrinsics);
  } finally {
    restoreIntrinsics();
  }
}

/** The run proper, from calling the program's code to the result; `restoreIntrinsics` is called once the program's code can no longer run. */
function finishRun(
  loop: Loop,
  factory: (...args: unknown[]) => void,
  options: ProgramOptions,
  text: Messages,
  mapper: StackMapper,
  problems: Problem[],
  mainErrorSeqOf: () => number,
  setMainErrorSeq: (seq: number) => void,
  restoreIntrinsics: () => void,
): ProgramResult {
  const main = loop.withActive(() => {
    const globals = createGlobals(loop, options.seed ?? 1, text);
    let entry: (() => Promise<unknown>) | undefined;
    const { asyncGeneratorPrototype, ...generators } = makeAsyncGeneratorHelpers(loop);
    const helpers: ProgramHelpers = { async: driverFor(loop), ...generators, await: AwaitMarker, yieldStar, yieldSync, ...makeFunctionShapes(asyncGeneratorPrototype, directShellNoter(loop)), sleep: awaitedSleepHelper(loop, sleep), taskOf: machineTask };
    const register = (fn: () => Promise<unknown>): void => {
      entry = fn;
    };
    // In the order of PROGRAM_PARAMETERS: API, helpers, entry, globals.
    factory(api, helpers, register, ...PROGRAM_GLOBALS.map((n) => globals[n]));
    if (!entry) throw new Error('compiled program did not register its entry point');
    const task = new Task(entry, { name: MAIN_TASK_NAME });
    task.addDoneCallback(() => {
      if (task.cancelled() || task.exception() === undefined) return;
      // Reported from the loop's own callback: remember which event it is, to name the task in the problem.
      setMainErrorSeq(loop.trace.length);
      loop.reportUncaught(task.exception());
    });
    return task;
  });

  const live = taskRegistry(loop).live;
  withMappedStacks(mapper, () => {
    loop.runUntilIdle();
    if (!loop.stopped && live.size > 0 && main.done()) {
      // The top level finished: cancel what is left, as asyncio.run does, so servers shut down cleanly.
      loop.withActive(() => {
        const left = live.toList();
        for (let i = 0; i < left.length; i++) left[i]!.cancel();
      });
      loop.runUntilIdle();
    }
  });
  restoreIntrinsics();
  const blocked = !loop.stopped && live.size > 0 ? reportDeadlock(loop, toArray(live.toList())) : undefined;

  // The result's tasks and lines come straight from the trace's columns (no event objects: a run
  // of 100,000 tasks has 200,000 of these events), and only when they are read: the playground's
  // worker streams lines as they are printed and draws tasks only for a trace it can send, so a
  // large run never makes them (tests/runtime/program-result.test.ts).
  const trace = loop.trace;
  /** The task name a line or an error shows: its spawn name (task 0 is the loop's own work). */
  const nameOf = (id: number): string => (id === 0 ? 'loop' : trace.spawnName(id));
  let lines: ConsoleLine[] | undefined;
  let tasks: ProgramResult['tasks'] | undefined;
  trace.scan(['error', 'stop'], (event) => {
    if (event.kind === 'error') {
      append(problems, { kind: 'error', message: event.detail.stack, summary: event.detail.message, t: event.t, task: event.seq === mainErrorSeqOf() ? MAIN_TASK_NAME : nameOf(event.task), stack: event.detail.stack });
    } else if (event.kind === 'stop' && event.detail.reason !== 'error') {
      append(problems, { kind: event.detail.reason, message: stopText(event.detail, text, blocked), t: event.t, ...(blocked ? { blocked } : {}) });
    }
  });
  const failed = taskRegistry(loop).failed;
  for (let i = 0; i < failed.length; i++) {
    const task = failed[i]!;
    if (task !== main && task.hasUnretrievedException()) {
      let error: unknown;
      try {
        task.result();
      } catch (e) {
        error = e;
      }
      const { message, stack } = describeForReader(error, mapper);
      const heading = text.neverRetrieved(task.name);
      append(problems, { kind: 'unretrieved', message: `${heading}: ${stack}`, summary: `${heading}: ${message}`, t: loop.now, task: task.name, stack });
    }
  }
  for (const reason of loop.unhandled.values()) {
    const { message, stack } = describeForReader(reason, mapper);
    const heading = text.unhandledRejection();
    append(problems, { kind: 'unhandled-rejection', message: `${heading}: ${stack}`, summary: `${heading}: ${message}`, t: loop.now, stack });
  }

  return {
    status: problems.length ? 'failed' : 'ok',
    get lines() {
      if (lines === undefined) {
        // Lists, not arrays, until they are handed over: see toArray.
        const made = list<ConsoleLine>();
        trace.forEachLog((t, task, level, text) => {
          append(made, { t, task: nameOf(task), taskId: task, level, text });
        });
        lines = toArray(made);
      }
      return lines;
    },
    // Made on first access: a run of 100,000 tasks records about a million events.
    get trace() {
      return trace.events;
    },
    traceLength: trace.length,
    get tasks() {
      if (tasks === undefined) {
        const made = list<ProgramResult['tasks'][number]>();
        trace.forEachSpawn((id, name, parent) => {
          append(made, { id, name, parent });
        });
        tasks = toArray(made);
      }
      return tasks;
    },
    problems: toArray(problems),
    endTime: loop.now,
    steps: loop.steps,
  };
}

/** The result of a program the engine would not compile: nothing ran. */
function engineRefused(loop: Loop, error: unknown, messages: Messages): ProgramResult {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    status: 'failed',
    lines: [],
    trace: [],
    traceLength: 0,
    tasks: [],
    problems: [{ kind: 'error', message: `${text}\n${messages.engineRefused()}`, summary: text, t: 0 }],
    endTime: loop.now,
    steps: 0,
  };
}

/** Record and stop on a deadlock; returns the blocked tasks by name. */
function reportDeadlock(loop: Loop, blocked: Task<unknown>[]): Array<{ task: string; on: WaitLabel }> {
  const entries = blocked.map((task) => ({
    task: task.id,
    name: task.name,
    on: task.waitLabel ?? task.futWaiter?.label ?? { kind: 'promise' as const, what: 'a promise nothing will settle' },
  }));
  loop.trace.add(loop.now, 0, 'deadlock', { blocked: entries });
  loop.stop({ reason: 'deadlock' });
  return entries.map((e) => ({ task: e.name, on: e.on }));
}

type PrepareStackTrace = (error: Error, sites: readonly { toString(): string }[]) => unknown;

/**
 * While the program runs, stacks are formatted (V8 formats `error.stack` when
 * it is first read) with the reader's file and lines, so `console.log(error)`
 * and `error.stack` show the reader's code, not the compiled program and the
 * runtime. The host's own hook is put back afterwards.
 */
function withMappedStacks(mapper: StackMapper, fn: () => void): void {
  const E = Error as unknown as { prepareStackTrace?: PrepareStackTrace };
  const previous = E.prepareStackTrace;
  E.prepareStackTrace = (error, sites) => mapper.formatStack(error, sites);
  try {
    fn();
  } finally {
    try {
      E.prepareStackTrace = previous;
    } catch {
      // A program made the property read-only; the run is over, nothing else depends on it.
    }
  }
}
