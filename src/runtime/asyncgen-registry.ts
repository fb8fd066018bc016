/**
 * Async generators a run has started and not finished, for run()'s
 * `shutdown_asyncgens` (asyncio/run.ts): CPython's loop learns of each async
 * generator at its first iteration (sys.set_asyncgen_hooks' firstiter) and
 * closes the ones still open when asyncio.run's main returns. Here the
 * generator helpers (async-generator.ts) call `asyncGenStarted` on the first
 * `next()` and `asyncGenFinished` when the generator completes, so a finished
 * generator is not held. Tests: tests/runtime/asyncio-run-shutdown.test.ts.
 */
import { RunSlot, type Loop, type LoopTask } from './loop.ts';
import { append, list, MapPrototypeDelete, MapPrototypeForEach, MapPrototypeSet } from './primordials.ts';
import type { Task } from './task.ts';

/** What the registry needs of an async generator. */
export interface ClosableAsyncGen {
  return(value?: unknown): PromiseLike<unknown>;
}

/** Open generators of the run, with the task that first iterated each. */
const ASYNCGENS = new RunSlot<Map<ClosableAsyncGen, LoopTask | null>>('async generators', () => new Map());

/** `gen` was iterated for the first time (firstiter). */
export function asyncGenStarted(loop: Loop, gen: ClosableAsyncGen): void {
  MapPrototypeSet(loop.slot(ASYNCGENS) as Map<unknown, unknown>, gen, loop.current);
}

/** `gen` completed: nothing left to close. */
export function asyncGenFinished(loop: Loop, gen: ClosableAsyncGen): void {
  MapPrototypeDelete(loop.slot(ASYNCGENS) as Map<unknown, unknown>, gen);
}

/** Take (and forget) the open generators first iterated by `root` or a task it started, in the order they started. */
export function takeOpenAsyncGenerators(loop: Loop, root: Task<unknown>): ClosableAsyncGen[] {
  const open = loop.slot(ASYNCGENS);
  // Runs after the program: captured built-ins only (primordials.ts).
  const taken = list<ClosableAsyncGen>();
  MapPrototypeForEach(open as Map<unknown, unknown>, (task, gen) => {
    for (let t = task as Task<unknown> | null; t !== null; t = t.parent) {
      if (t === root) {
        append(taken, gen as ClosableAsyncGen);
        break;
      }
    }
  });
  for (let i = 0; i < taken.length; i++) MapPrototypeDelete(open as Map<unknown, unknown>, taken[i]);
  return taken;
}
