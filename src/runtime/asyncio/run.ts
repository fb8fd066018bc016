/**
 * run(main, options): asyncio.run inside a program (asyncio/runners.py,
 * CPython 3.14, `Runner.run` + `Runner.close`).
 *
 * A program's top level is already a task on the loop (and ends as a Node
 * program ends), so `run` does not start a loop: it runs `main` as a task and,
 * when it returns, shuts down what `main` left behind exactly in asyncio.run's
 * order, each phase a `run_until_complete` of its own:
 * 1. `_cancel_all_tasks`: every live task descended from `main`'s task is
 *    cancelled (in creation order; CPython iterates a set), and the run waits
 *    for all of them with `gather(..., returnExceptions)`; a task that then
 *    ended with an error other than its cancellation is reported as
 *    "unhandled exception during asyncio.run() shutdown" (a trace `error`
 *    event, so the run's problems list it; the run goes on).
 * 2. `shutdown_asyncgens`: async generators first iterated during the run and
 *    not finished are closed (`return()`, Python's `aclose()`).
 * 3. `shutdown_default_executor`: the run waits for the simulated threads
 *    still busy (at most 300 s, asyncio's THREAD_JOIN_TIMEOUT).
 * Only then does the future `run` returned settle with `main`'s outcome.
 *
 * `run_until_complete` stops the loop at the end of the batch in which its
 * future's done callback ran, so the next phase starts between two turns:
 * that is the loop's deadline slot (`Loop.deadlineAt`), which runs before
 * anything queued in the next turn. Callbacks a leftover task had queued
 * therefore run after the cancellation reached it, as in CPython.
 *
 * `timeLimit`, `stepLimit` (counted from the start of the run) narrow the
 * loop's budgets until the run ends; `seed` reseeds `Math.random`.
 * Tests: tests/runtime/asyncio-run-shutdown.test.ts (programs and traces made
 * by CPython 3.11 and 3.14 in tests/corpus/run-shutdown/).
 */
import { Future } from '../future.ts';
import { getLoop, type Loop } from '../loop.ts';
import { RUN_MESSAGES } from '../run-messages.ts';
import { reseedRandom } from '../seeded-random.ts';
import { append, list, ReflectApply, type List } from '../primordials.ts';
import { Task, taskRegistry } from '../task.ts';
import { takeOpenAsyncGenerators } from '../asyncgen-registry.ts';
import { gather } from './gather.ts';
import { threadsIdle } from './threads.ts';

/** Options of `run`. */
export interface RunOptions {
  /** The task's name (default: the function's name followed by "()"). */
  name?: string;
  /** Virtual milliseconds the run may last (from its start), shutdown included; past it the program stops with the time-limit message. */
  timeLimit?: number;
  /** Callbacks plus microtask jobs the run may execute, shutdown included; past it the program stops with the step-limit message. */
  stepLimit?: number;
  /** Seed of `Math.random` from the start of the run (the same seed gives the same numbers). */
  seed?: number;
}

/** asyncio's THREAD_JOIN_TIMEOUT: how long the shutdown waits for busy threads (3.12+). */
export const THREAD_JOIN_TIMEOUT_MS = 300_000;

const RUN_LABEL = { kind: 'task', what: 'run' } as const;

/** The future `run` returns: cancelling it cancels `main` (the shutdown still runs). */
class RunFuture<T> extends Future<T> {
  main: Task<T> | null = null;
  override cancel(message?: string): boolean {
    if (this.done()) return false;
    if (this.main !== null && !this.main.done()) return this.main.cancel(message);
    return super.cancel(message);
  }
}

/**
 * Run `main` as a task and settle with its outcome once the run is shut down
 * as `asyncio.run` shuts it down: the tasks `main` started and left running
 * are cancelled and awaited, unfinished async generators closed, busy
 * threads awaited. The program's own top level is not part of the run.
 */
export function run<T>(main: () => T | PromiseLike<T>, options: RunOptions = {}): Future<T> {
  if (typeof main !== 'function') throw new TypeError('run expects a function (the main coroutine function)');
  const loop = getLoop();
  const restore = narrowLimits(loop, options);
  if (options.seed !== undefined) reseedRandom(loop, options.seed);
  const name = options.name ?? (main.name ? `${main.name}()` : 'run');
  const outcome = new RunFuture<T>({ ...RUN_LABEL, what: `run ${name}` });
  const task = new Task(main, { name });
  outcome.main = task;
  // Phase 0: run_until_complete(task). Its done callback (scheduled, as every future's) stops the loop after its batch.
  untilComplete(loop, task, () => cancelLeftovers(loop, task, () => finish(loop, task, outcome, restore)));
  return outcome;
}

/** asyncio's `loop.run_until_complete(future)` inside a running loop: `then` runs between the turns after the future's done callback ran. */
function untilComplete(loop: Loop, future: Future<unknown>, then: () => void): void {
  future.onDone(stopAfterBatch, { loop, then }, null);
}

function stopAfterBatch(arg: { loop: Loop; then: () => void }): void {
  arg.loop.deadlineAt(arg.loop.now, runPhase, 'run shutdown', arg.then);
}

function runPhase(then: () => void): void {
  then();
}

/** Live tasks descended from `root` (the tasks of the run), in creation order. */
// Runs after the program: captured built-ins only (primordials.ts; tests/runtime/primordials.test.ts).
function leftovers(loop: Loop, root: Task<unknown>): List<Task<unknown>> {
  const live = taskRegistry(loop).live.toList();
  const tasks = list<Task<unknown>>();
  for (let i = 0; i < live.length; i++) {
    const task = live[i]!;
    for (let p = task.parent; p !== null; p = p.parent) {
      if (p === root) {
        append(tasks, task);
        break;
      }
    }
  }
  return tasks;
}

/** Phase 1, asyncio.runners._cancel_all_tasks. */
function cancelLeftovers(loop: Loop, root: Task<unknown>, then: () => void): void {
  const toCancel = leftovers(loop, root);
  if (toCancel.length === 0) {
    then();
    return;
  }
  for (let i = 0; i < toCancel.length; i++) toCancel[i]!.cancel();
  const args = list<unknown>();
  for (let i = 0; i < toCancel.length; i++) append(args, toCancel[i]);
  append(args, { returnExceptions: true });
  const all = loop.withActive(() => ReflectApply(gather, undefined, args) as ReturnType<typeof gather>);
  untilComplete(loop, all, () => {
    for (let i = 0; i < toCancel.length; i++) {
      const task = toCancel[i]!;
      if (task.cancelled()) continue;
      const error = task.exception();
      if (error !== undefined) reportShutdownError(loop, task, error);
    }
    then();
  });
}

/** loop.call_exception_handler({'message': 'unhandled exception during asyncio.run() shutdown', ...}): logged, the run goes on. */
function reportShutdownError(loop: Loop, task: Task<unknown>, error: unknown): void {
  const heading = loop.slot(RUN_MESSAGES).text.shutdownError(task.name);
  const { message, stack } = loop.errorReporter(error);
  loop.trace.add(loop.now, task.id, 'error', { message: `${heading}: ${message}`, stack: `${heading}\n${stack}` });
}

/** Phases 2 and 3, then settle the run's future with main's outcome. */
function finish<T>(loop: Loop, main: Task<T>, outcome: RunFuture<T>, restore: () => void): void {
  coroutinePhase(loop, () => closeAsyncGenerators(loop, main), () => {
    coroutinePhase(loop, () => threadsIdle(loop, THREAD_JOIN_TIMEOUT_MS), () => {
      restore();
      if (main.cancelled()) outcome.cancel();
      else {
        const error = main.exception();
        if (error !== undefined) outcome.setException(error);
        else outcome.setResult(main.result());
      }
    });
  });
}

/**
 * `run_until_complete(coroutine())` for the loop's own shutdown coroutines,
 * with the turns their task takes in CPython (first step; a wake-up when what
 * it awaits is done; the done callback that stops the loop) but no task of
 * the reader's to show: `work` starts the work and returns what to wait for,
 * or null when there is nothing to do.
 */
function coroutinePhase(loop: Loop, work: () => Future<unknown> | null, then: () => void): void {
  const done = { loop, then };
  loop.schedule(firstStep, null, 'run shutdown', { work, done });
}

function firstStep(arg: { work: () => Future<unknown> | null; done: { loop: Loop; then: () => void } }): void {
  const waitFor = arg.work();
  if (waitFor === null) arg.done.loop.schedule(stopAfterBatch, null, 'run shutdown', arg.done);
  else waitFor.onDone(wokenStep, arg.done, null);
}

function wokenStep(done: { loop: Loop; then: () => void }): void {
  done.loop.schedule(stopAfterBatch, null, 'run shutdown', done);
}

/** shutdown_asyncgens: close the run's open async generators together (each in a task, as gather wraps aclose()). */
function closeAsyncGenerators(loop: Loop, root: Task<unknown>): Future<unknown> | null {
  const gens = takeOpenAsyncGenerators(loop, root);
  if (gens.length === 0) return null;
  const args = list<unknown>();
  for (let i = 0; i < gens.length; i++) {
    const gen = gens[i]!;
    append(args, () => gen.return(undefined));
  }
  append(args, { returnExceptions: true });
  const closing = ReflectApply(gather, undefined, args) as ReturnType<typeof gather>;
  closing.addDoneCallback(() => {
    const results = closing.result() as unknown[];
    for (let i = 0; i < results.length; i++) {
      const value = results[i];
      if (value instanceof Error) reportClosingError(loop, value);
    }
  }, null);
  return closing;
}

/** "an error occurred during closing of asynchronous generator": logged, the shutdown goes on. */
function reportClosingError(loop: Loop, error: unknown): void {
  const heading = loop.slot(RUN_MESSAGES).text.asyncGenCloseError();
  const { message, stack } = loop.errorReporter(error);
  loop.trace.add(loop.now, 0, 'error', { message: `${heading}: ${message}`, stack: `${heading}\n${stack}` });
}

/** Narrow the loop's time and step budgets for the run; returns what puts them back. */
function narrowLimits(loop: Loop, options: RunOptions): () => void {
  const limits = loop.limits;
  const saved = { timeLimit: limits.timeLimit, stepLimit: limits.stepLimit };
  if (options.timeLimit !== undefined) {
    if (!(options.timeLimit >= 0)) throw new RangeError('run: timeLimit must be a number of milliseconds >= 0');
    limits.timeLimit = Math.min(limits.timeLimit, loop.now + options.timeLimit);
  }
  if (options.stepLimit !== undefined) {
    if (!(options.stepLimit >= 0)) throw new RangeError('run: stepLimit must be a number >= 0');
    limits.stepLimit = Math.min(limits.stepLimit, loop.steps + options.stepLimit);
  }
  return () => {
    limits.timeLimit = saved.timeLimit;
    limits.stepLimit = saved.stepLimit;
  };
}
