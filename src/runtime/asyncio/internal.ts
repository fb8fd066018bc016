/**
 * Small helpers shared by the asyncio layer's modules (not exported from the
 * public barrel).
 *
 * Why generators: runtime code is not lowered by the compiler, so a native
 * `async` function here would escape the loop. Every asyncio coroutine that
 * has more than one step (Lock.acquire, Queue.get, wait, TaskGroup's exit...)
 * is written as a generator run by the core driver with `co()`: inside it,
 * `yield x` is `await x` with exactly the semantics of a reader's lowered
 * async function. The coroutine runs in the calling task, so cancelling that
 * task throws CancelledError at the `yield` where it waits, as in CPython.
 */
import { RuntimeError } from '../errors.ts';
import { getLoop, maybeLoop } from '../loop.ts';
import type { WaitLabel } from '../trace.ts';

/** Run `body` as a coroutine of the running task (asyncio: awaiting a coroutine directly); the driver's `co`. */
export { co } from '../driver.ts';

/** An already finished future (the kernel's, future.ts): what a coroutine that returns without suspending looks like. */
export { doneFuture } from '../future.ts';

/** The next instance number of a primitive kind within the run ("lock#1", "lock#2"...), for wait labels. */
export { nextInstance } from '../instances.ts';

/** Remove the first occurrence of `item` (Python's deque.remove); false if absent. */
export function removeItem<T>(items: T[], item: T): boolean {
  const i = items.indexOf(item);
  if (i < 0) return false;
  items.splice(i, 1);
  return true;
}

/** Python's RuntimeError (misuse of a primitive, e.g. releasing an unlocked Lock): the runtime's one RuntimeError. */
export function runtimeError(message: string): Error {
  return new RuntimeError(message);
}

/** An error's class name, as Python's `type(exc).__name__` (the constructor's name; `typeof` for a value without one). */
export function errorName(exc: unknown): string {
  const name = (exc as { constructor?: { name?: unknown } } | null | undefined)?.constructor?.name;
  return typeof name === 'string' && name ? name : typeof exc;
}

/**
 * Print `text` as an error line of the loop, not of a task: what asyncio's
 * default exception handler logs (loop.call_exception_handler). Nothing once
 * the run is stopped or the output budget is spent (the next console line
 * stops the run with the budget's message).
 */
export function logError(text: string): void {
  const loop = getLoop();
  if (loop.stopped || loop.lines >= loop.limits.outputLimit) return;
  loop.lines++;
  loop.trace.add(loop.now, 0, 'log', { level: 'error', text });
}

/** Record in the trace that the running task acquired (`held`) or released `label`'s primitive (issue 14: who holds a lock). */
export function recordHold(label: WaitLabel, held: boolean): void {
  const loop = maybeLoop();
  if (loop !== null) loop.trace.add(loop.now, loop.current?.id ?? 0, 'hold', { on: label, held });
}

