/**
 * What counts as an awaitable in the asyncio layer, and how it becomes a
 * Future (asyncio.ensure_future).
 *
 * TypeScript spelling of Python's coroutine: a function returning a promise
 * (`() => work(1)`), which is wrapped in a Task exactly where asyncio wraps a
 * coroutine object. A promise that is already running (`work(1)`) is wrapped in
 * a Task that waits for it; its body already runs in the caller's task, so
 * passing the function is the faithful spelling.
 */
import { Future } from '../future.ts';
import { Task } from '../task.ts';

/** Anything the asyncio helpers accept: a Task or Future, a promise, or a function returning one (a "coroutine"). */
export type Awaitable<T> = Future<T> | PromiseLike<T> | (() => T | PromiseLike<T>);

/** The result type of an Awaitable. */
export type AwaitedOf<A> = A extends Future<infer T>
  ? T
  : A extends () => infer R
    ? Awaited<R>
    : A extends PromiseLike<infer T>
      ? T
      : never;

/** A Future for `aw`: itself if it is one, otherwise a new Task (asyncio.ensure_future). */
export function ensureFuture<T>(aw: Awaitable<T>): Future<T> {
  if (aw instanceof Future) return aw;
  if (typeof aw === 'function') return new Task(aw as () => T | PromiseLike<T>);
  if (aw !== null && typeof aw === 'object' && typeof (aw as PromiseLike<T>).then === 'function') {
    return new Task(aw as PromiseLike<T>);
  }
  throw new TypeError('An asyncio.Future, a coroutine or an awaitable is required');
}

/** True for the values ensureFuture accepts. */
export function isAwaitable(x: unknown): boolean {
  if (x instanceof Future || typeof x === 'function') return true;
  return x !== null && typeof x === 'object' && typeof (x as PromiseLike<unknown>).then === 'function';
}

/**
 * Start `aw` in the calling task, as `await coro` does in Python (no new
 * task): call a function, await a Future as is. A plain promise is awaited
 * through a Future, so that cancelling the waiting task (a deadline) takes
 * effect at once: a promise cannot be cancelled, but the wait for it can.
 */
export function startInline<T>(aw: Awaitable<T>): Future<T> | PromiseLike<T> | T {
  if (typeof aw === 'function') return (aw as () => T | PromiseLike<T>)();
  if (aw instanceof Future) return aw;
  const future = new Future<T>({ kind: 'promise', what: 'promise' });
  aw.then(
    (value) => {
      if (!future.done()) future.setResult(value);
    },
    (error: unknown) => {
      if (!future.done()) future.setException(error);
    },
  );
  return future;
}
