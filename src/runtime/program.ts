/**
 * Run a compiled program on a fresh loop and collect what a reader sees: the
 * console lines, the trace, and plain-language reports of what went wrong
 * (uncaught errors with mapped stacks, deadlocks, budgets, exceptions nobody
 * retrieved, unhandled rejections). Used by the CLI, the browser worker and
 * the tests alike.
 */
import { PROGRAM_GLOBALS, PROGRAM_PARAMETERS, programUrl, type CompiledProgram, type ProgramHelpers } from '../contract/program.ts';
import { AwaitMarker, makeAsyncGeneratorHelpers, yieldStar, yieldSync } from './async-generator.ts';
import { driverFor } from './driver.ts';
import { createGlobals } from './globals.ts';
import * as api from './index.ts';
import { Loop, type LoopLimits } from './loop.ts';
import { describeError, Task, taskRegistry } from './task.ts';
import { StackMapper } from './stack-map.ts';
import type { LogLevel, StopReason, TraceEvent, TraceListener } from './trace.ts';

/** Options of one run. */
export interface ProgramOptions extends Partial<LoopLimits> {
  /** Seed of Math.random (default 1). */
  seed?: number;
  /** Called with every trace event as it happens (for streaming output). */
  onEvent?: TraceListener;
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
  lines: ConsoleLine[];
  /** Every trace event (made on first access: large runs record about ten events per task). */
  readonly trace: TraceEvent[];
  /** How many events the trace holds (without making them). */
  traceLength: number;
  /** Task id to name and parent, for the timeline. */
  tasks: Array<{ id: number; name: string; parent: number }>;
  /** Human-readable reports, in the order they happened (empty when all went well). */
  problems: Problem[];
  /** Virtual time when the run ended. */
  endTime: number;
  steps: number;
}

/** Something that went wrong, as a reader should read it. */
export interface Problem {
  kind: StopReason | 'unretrieved' | 'unhandled-rejection';
  message: string;
}

/** The name of the task a program's top level runs as. */
export const MAIN_TASK_NAME = 'main';

/** Run `program` to the end (or until a budget stops it); synchronous and deterministic. */
export function runProgram(program: CompiledProgram, options: ProgramOptions = {}): ProgramResult {
  const loop = new Loop(options);
  const mapper = new StackMapper(program);
  loop.errorReporter = (error) => describeForReader(error, mapper);
  if (options.onEvent) loop.trace.listen(options.onEvent);
  const problems: Problem[] = [];

  let factory: (...args: unknown[]) => void;
  try {
    factory = new Function(...PROGRAM_PARAMETERS, `${program.code}\n//# sourceURL=${programUrl(program)}`) as typeof factory;
  } catch (error) {
    // esbuild accepted the syntax but this engine does not (a RegExp flag or group newer than it, say).
    return engineRefused(loop, error);
  }

  const main = loop.withActive(() => {
    const globals = createGlobals(loop, options.seed ?? 1);
    let entry: (() => Promise<unknown>) | undefined;
    const helpers: ProgramHelpers = { async: driverFor(loop), ...makeAsyncGeneratorHelpers(loop), await: AwaitMarker, yieldStar, yieldSync };
    const register = (fn: () => Promise<unknown>): void => {
      entry = fn;
    };
    // In the order of PROGRAM_PARAMETERS: API, helpers, entry, globals.
    factory(api, helpers, register, ...PROGRAM_GLOBALS.map((n) => globals[n]));
    if (!entry) throw new Error('compiled program did not register its entry point');
    const task = new Task(entry, { name: MAIN_TASK_NAME });
    task.addDoneCallback(() => {
      if (!task.cancelled() && task.exception() !== undefined) loop.reportUncaught(task.exception());
    });
    return task;
  });

  const live = taskRegistry(loop).live;
  withMappedStacks(mapper, () => {
    loop.runUntilIdle();
    if (!loop.stopped && live.size > 0 && main.done()) {
      // The top level finished: cancel what is left, as asyncio.run does, so servers shut down cleanly.
      loop.withActive(() => {
        for (const task of live) task.cancel();
      });
      loop.runUntilIdle();
    }
  });
  if (!loop.stopped && live.size > 0) reportDeadlock(loop, [...live]);

  // One pass over the trace; only error, spawn and log events are made into objects here.
  const trace = loop.trace;
  const names = new Map<number, string>();
  const tasks: ProgramResult['tasks'] = [];
  const lines: ConsoleLine[] = [];
  trace.scan(['error', 'spawn', 'log'], (event) => {
    if (event.kind === 'spawn') {
      names.set(event.task, event.detail.name);
      tasks.push({ id: event.task, name: event.detail.name, parent: event.detail.parent });
    } else if (event.kind === 'log') {
      lines.push({ t: event.t, task: names.get(event.task) ?? 'loop', taskId: event.task, level: event.detail.level, text: event.detail.text });
    } else if (event.kind === 'error') {
      problems.push({ kind: 'error', message: event.detail.stack });
    }
  });
  if (loop.stopped && loop.stopped.reason !== 'error') {
    problems.push({ kind: loop.stopped.reason, message: loop.stopped.message });
  }
  for (const task of taskRegistry(loop).failed) {
    if (task !== main && task.hasUnretrievedException()) {
      let error: unknown;
      try {
        task.result();
      } catch (e) {
        error = e;
      }
      problems.push({
        kind: 'unretrieved',
        message: `Task exception was never retrieved (task ${task.name}): ${describeForReader(error, mapper).stack}`,
      });
    }
  }
  for (const reason of loop.unhandled.values()) {
    problems.push({ kind: 'unhandled-rejection', message: `Unhandled promise rejection: ${describeForReader(reason, mapper).stack}` });
  }

  return {
    status: problems.length ? 'failed' : 'ok',
    lines,
    // Made on first access: a run of 100,000 tasks records about a million events.
    get trace() {
      return trace.events;
    },
    traceLength: trace.length,
    tasks,
    problems,
    endTime: loop.now,
    steps: loop.steps,
  };
}

/** The result of a program the engine would not compile: nothing ran. */
function engineRefused(loop: Loop, error: unknown): ProgramResult {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    status: 'failed',
    lines: [],
    trace: [],
    traceLength: 0,
    tasks: [],
    problems: [{ kind: 'error', message: `${text}\nThis JavaScript engine cannot run the compiled program (its syntax is newer than the engine); nothing ran.` }],
    endTime: loop.now,
    steps: 0,
  };
}

function reportDeadlock(loop: Loop, blocked: Task<unknown>[]): void {
  const entries = blocked.map((task) => ({
    task: task.id,
    name: task.name,
    on: task.waitLabel ?? task.futWaiter?.label ?? { kind: 'promise' as const, what: 'a promise nothing will settle' },
  }));
  loop.trace.add(loop.now, 0, 'deadlock', { blocked: entries });
  const list = entries.map((e) => `  task ${e.name} waits on ${e.on.what}`).join('\n');
  loop.stop('deadlock', `deadlock: every task is waiting and nothing can wake them (all tasks are asleep):\n${list}`);
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

/** An error's message and its stack pointing into the reader's file. */
function describeForReader(error: unknown, mapper: StackMapper): { message: string; stack: string } {
  const message = describeError(error);
  if (!(error instanceof Error) || typeof error.stack !== 'string') return { message, stack: message };
  const mapped = mapper.mapStack(error.stack);
  const cause = (error as { cause?: unknown }).cause;
  const causeText = cause === undefined ? '' : `\n  [cause]: ${describeForReader(cause, mapper).stack.replace(/\n/g, '\n  ')}`;
  return { message, stack: mapped + causeText };
}
