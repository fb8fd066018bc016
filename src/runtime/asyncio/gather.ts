/**
 * gather and shield (asyncio/tasks.py, CPython 3.13; shield as in 3.14, ported line by line).
 *
 * Design notes (tests in tests/runtime/asyncio-gather.test.ts):
 * - Functions are wrapped in Tasks in argument order, so they start in that
 *   order on the next turn; a duplicate argument is awaited once.
 * - Each child's completion runs gather's done-callback on a later turn
 *   (futures never call back inline); the gather future completes from the
 *   last one, and its awaiter wakes one turn after that.
 * - Without returnExceptions the first error (or a child's cancellation, as
 *   CancelledError) completes the gather future at once; the other children
 *   keep running.
 * - Cancelling the gather future (or the task awaiting it) cancels every
 *   child; the gather future then ends with CancelledError even if
 *   returnExceptions is set (CPython issue 32684).
 * - Children that are already done are counted at once (3.12+), so gathering
 *   finished futures needs no loop turn.
 */
import { CancelledError } from '../errors.ts';
import { Future } from '../future.ts';
import { getLoop } from '../loop.ts';
import { append, ArrayIsArray, createDataProperty, list, MapPrototypeGet, MapPrototypeSet, ObjectGetPrototypeOf } from '../primordials.ts';
import { ensureFuture, isAwaitable, type Awaitable, type AwaitedOf } from './ensure.ts';
import { errorName, logError } from './internal.ts';

/** Options of gather. */
export interface GatherOptions {
  /** Put errors (and CancelledError for cancelled children) in the results instead of failing (return_exceptions). */
  returnExceptions?: boolean;
}

const GATHER_LABEL = { kind: 'future', what: 'gather' } as const;

/** The future gather returns: cancelling it cancels the children (asyncio's _GatheringFuture). */
export class GatheringFuture<T = unknown[]> extends Future<T> {
  readonly #children: Future<unknown>[];
  /** True once cancel() reached at least one child: the gather then ends with CancelledError. */
  cancelRequested = false;

  /** Aggregate `children` (used by gather). */
  constructor(children: Future<unknown>[]) {
    super({ ...GATHER_LABEL, what: `gather (${children.length})` });
    this.#children = children;
  }

  /** Cancel every child that is not done; the gather itself ends when they do. */
  override cancel(message?: string): boolean {
    if (this.done()) return false;
    let ret = false;
    const children = this.#children;
    for (let i = 0; i < children.length; i++) if (children[i]!.cancel(message)) ret = true;
    if (ret) this.cancelRequested = true;
    return ret;
  }
}

function isOptions(x: unknown): x is GatherOptions {
  if (x === null || typeof x !== 'object' || isAwaitable(x) || ArrayIsArray(x)) return false;
  const proto = ObjectGetPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

function cancelledErrorOf(fut: Future<unknown>): CancelledError {
  try {
    fut.result();
  } catch (error) {
    if (error instanceof CancelledError) return error;
  }
  return new CancelledError();
}

type Results<A extends readonly unknown[]> = { -readonly [K in keyof A]: AwaitedOf<A[K]> };
/** With returnExceptions, each slot holds the result or the error (or CancelledError) that took its place. */
type ResultsOrErrors<A extends readonly unknown[]> = { -readonly [K in keyof A]: AwaitedOf<A[K]> | Error };

/**
 * Run awaitables concurrently and resolve to their results in argument order
 * (asyncio.gather). Functions are wrapped in Tasks. A last argument
 * `{ returnExceptions: true }` puts errors in the results instead of failing.
 * Cancelling the returned future cancels every child.
 */
export function gather<A extends readonly Awaitable<unknown>[]>(...args: [...A]): GatheringFuture<Results<A>>;
export function gather<A extends readonly Awaitable<unknown>[]>(...args: [...A, { returnExceptions: true }]): GatheringFuture<ResultsOrErrors<A>>;
export function gather<A extends readonly Awaitable<unknown>[]>(...args: [...A, GatherOptions]): GatheringFuture<Results<A>>;
export function gather(...all: unknown[]): GatheringFuture<unknown[]> {
  // Captured built-ins only: run()'s shutdown gathers after the program may have patched Array (primordials.ts; tests/runtime/primordials.test.ts).
  let n = all.length;
  let returnExceptions = false;
  if (n > 0 && isOptions(all[n - 1])) {
    returnExceptions = (all[n - 1] as GatherOptions).returnExceptions === true;
    n--;
  }
  const args = list<unknown>();
  for (let i = 0; i < n; i++) append(args, all[i]);
  for (let i = 0; i < args.length; i++) {
    if (ArrayIsArray(args[i])) throw new TypeError('gather takes awaitables as separate arguments: gather(...list), not gather(list)');
  }
  getLoop();
  if (args.length === 0) {
    const outer = new GatheringFuture<unknown[]>([]);
    outer.setResult([]);
    return outer;
  }

  const argToFut = new Map<unknown, Future<unknown>>();
  const children = list<Future<unknown>>();
  const doneFuts = list<Future<unknown>>();
  let nfuts = 0;
  let nfinished = 0;
  let outer: GatheringFuture<unknown[]> | null = null;

  const doneCallback = (fut: Future<unknown>): void => {
    nfinished++;
    if (outer === null || outer.done()) {
      if (!fut.cancelled()) fut.exception(); // mark the exception retrieved
      return;
    }
    if (!returnExceptions) {
      if (fut.cancelled()) {
        outer.setException(cancelledErrorOf(fut));
        return;
      }
      const exc = fut.exception();
      if (exc !== undefined) {
        outer.setException(exc);
        return;
      }
    }
    if (nfinished === nfuts) {
      // The reader's array: defined, not assigned, so a setter on Array.prototype is not called.
      const results: unknown[] = [];
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!;
        if (child.cancelled()) createDataProperty(results, i, cancelledErrorOf(child));
        else {
          const exc = child.exception();
          createDataProperty(results, i, exc !== undefined ? exc : child.result());
        }
      }
      if (outer.cancelRequested) outer.setException(cancelledErrorOf(fut));
      else outer.setResult(results);
    }
  };

  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    let fut = MapPrototypeGet(argToFut as Map<unknown, unknown>, arg) as Future<unknown> | undefined;
    if (fut === undefined) {
      fut = ensureFuture(arg as Awaitable<unknown>);
      nfuts++;
      MapPrototypeSet(argToFut as Map<unknown, unknown>, arg, fut);
      if (fut.done()) append(doneFuts, fut);
      else fut.addDoneCallback(doneCallback, null);
    }
    append(children, fut);
  }
  outer = new GatheringFuture<unknown[]>(children);
  // Children already done are counted now, after the outer future exists (3.12+).
  for (let i = 0; i < doneFuts.length; i++) doneCallback(doneFuts[i]!);
  return outer;
}

/**
 * Protect `aw` from cancellation (asyncio.shield): cancelling the task that
 * awaits the returned future raises CancelledError there, but the inner task
 * keeps running. If the inner one is cancelled by other means, so is this.
 * 3.14 (gh-86802): once the outer future is cancelled, an error the inner one
 * ends with is reported as asyncio's default exception handler logs it
 * ("ValueError exception in shielded future", an error line); up to 3.13 it
 * was marked retrieved and never shown (tests/corpus/semantics/53-shield-late-error).
 */
export function shield<T>(aw: Awaitable<T>): Future<T> {
  const inner = ensureFuture(aw);
  if (inner.done()) return inner;
  const outer = new Future<T>({ kind: inner.label.kind, what: `shield(${inner.label.what})` });

  const innerDone = (): void => {
    if (outer.cancelled()) return;
    if (inner.cancelled()) {
      outer.cancel();
    } else {
      const exc = inner.exception();
      if (exc !== undefined) outer.setException(exc);
      else outer.setResult(inner.result());
    }
  };
  const outerDone = (): void => {
    if (!inner.done()) {
      inner.removeDoneCallback(innerDone);
      // Keep only one callback to log on cancel (a future shielded twice).
      inner.removeDoneCallback(logOnException);
      inner.addDoneCallback(logOnException, null);
    }
  };
  inner.addDoneCallback(innerDone, null);
  outer.addDoneCallback(outerDone, null);
  return outer;
}

/** asyncio.tasks._log_on_exception (3.14): retrieves the error and logs it. */
function logOnException(fut: Future<unknown>): void {
  if (fut.cancelled()) return;
  const exc = fut.exception();
  if (exc === undefined) return;
  logError(`${errorName(exc)} exception in shielded future`);
}
