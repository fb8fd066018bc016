/**
 * Async generators for lowered code: replaces esbuild's `__asyncGenerator` and
 * `__await` helpers with the algorithm of the ECMAScript spec (AsyncGenerator
 * request queue, AsyncGeneratorYield awaiting the value, AsyncGeneratorAwaitReturn,
 * AsyncGeneratorDrainQueue), so the order of output equals V8's for programs
 * that interleave async generators with other promise work. esbuild's own
 * helper takes a different number of ticks for `return()` and queued requests
 * (tests/runtime/async-generator.test.ts compares both with native V8).
 *
 * Lowering (esbuild): the body becomes a sync generator where `await x` is
 * `yield new __await(x)`, `yield v` is `yield v`, and `yield* it` is
 * `yield* __yieldStar(it)`. Our `__yieldStar` (yieldStar below) follows the
 * spec's yield* for async iterators: it hands the helper markers that say what
 * to await and how to resume, and the values it delegates are yielded without
 * another Await.
 *
 * The compiler (compiler/async-generator-fixups.ts) tells apart what esbuild's
 * lowering mixes up: it renames each `__yieldStar` call to `__asyncStar` inside
 * an async generator (makeAsyncStar: over a sync iterable it delegates to
 * CreateAsyncFromSyncIterator, as the spec does) or to `__yieldSync` inside a
 * sync generator (plain `yield*`), and rewrites `return expr` in an async
 * generator to await `expr` where it stands, calling such a body's helper
 * `__asyncGenMended` (its completion value is then never awaited again). Code
 * it could not parse keeps `__yieldStar`, which delegates to a sync iterable
 * directly, and `__asyncGenerator`, which awaits a returned value after
 * `finally` blocks, as esbuild's helpers do.
 */
import { asyncGenFinished, asyncGenStarted } from './asyncgen-registry.ts';
import { append, descriptor, GeneratorPrototypeNext, GeneratorPrototypeReturn, GeneratorPrototypeThrow, list, ObjectDefineProperty, ReflectApply, shift, SymbolAsyncIterator, SymbolIterator, type List } from './primordials.ts';
import type { Loop } from './loop.ts';
import { isObject, makeAwait, promiseInternals, type AwaitFn, type PromiseInternals } from './promise.ts';

/** Marker the lowered body yields for `await x` (esbuild calls `new __await(x)`); yieldStar sets a mode. */
export class AwaitMarker {
  0: unknown;
  1: unknown;
  constructor(value: unknown, mode?: unknown) {
    this[0] = value;
    this[1] = mode;
  }
}

/** Await, then resume the body with next(result): how yield* waits for its inner iterator. */
const STAR_RESULT = 1;
/** Await, then resume the body with return(value): yield* ending in a return completion. */
const STAR_RETURN = 2;
/**
 * Resume the body with return(value) at once, no Await: yield* ending because the
 * inner iterator's return() said done. Since tc39/ecma262#2819 that value is not
 * awaited (V8 gives it back as it is, even a promise).
 */
const STAR_RETURN_NOW = 3;

/** A value yield* delegates from its inner iterator: yielded as it is (AsyncGeneratorYield without Await). */
class Delegated {
  readonly value: unknown;
  constructor(value: unknown) {
    this.value = value;
  }
}

/**
 * `__yieldStar(value)`: the iterator a lowered `yield*` delegates to. For an
 * async iterator it follows the spec's yield* (ECMA-262 YieldExpression,
 * async generator case): it yields AwaitMarkers for the helper to await -
 * next/throw/return results, and the value of a return completion when the
 * inner iterator has no return() - and Delegated values to yield as they are. A sync iterable is delegated to
 * directly, as esbuild's helper does: this is the helper of code the compiler
 * could not parse, where a sync generator's `yield*` and an async generator's
 * cannot be told apart (compiled code uses {@link makeAsyncStar} and
 * {@link yieldSync} instead).
 */
export function yieldStar(value: unknown): Iterator<unknown> {
  const asyncMethod = getMethod(value, Symbol.asyncIterator);
  if (asyncMethod === undefined) {
    // Only code the compiler could not parse gets here with a sync iterable.
    const syncMethod = getMethod(value, Symbol.iterator);
    if (syncMethod === undefined) throw new TypeError(`${typeof value} is not iterable`);
    const obj = ReflectApply(syncMethod, value, []) as Iterator<unknown> & Record<string, unknown>;
    const it: Record<string | symbol, unknown> = { [Symbol.iterator]: () => it, next: (x: unknown) => obj.next(x) };
    it.throw = 'throw' in obj ? (x: unknown) => obj.throw!(x) : (x: unknown) => {
      throw x;
    };
    if ('return' in obj) it.return = (x: unknown) => obj.return!(x);
    return it as unknown as Iterator<unknown>;
  }
  return delegateAsync(value, asyncMethod);
}

/** yield* over an async iterable whose @@asyncIterator method was read (once: as Node 24, the spec reads it once in GetIterator). */
function delegateAsync(value: unknown, asyncMethod: (this: unknown, ...args: unknown[]) => unknown): Iterator<unknown> {
  const inner: unknown = ReflectApply(asyncMethod, value, []);
  if (!isObject(inner)) throw new TypeError('Result of the Symbol.asyncIterator method is not an object');
  return delegate(inner, (inner as { next?: unknown }).next);
}

/** `__yieldSync(value)`: a sync generator's `yield*`, left to the engine. */
export function yieldSync<T>(value: T): T {
  return value;
}

/**
 * Make `__asyncStar(value)` for one loop's promises: an async generator's
 * `yield*` (GetIterator(value, async)): an async iterator is delegated to as
 * in {@link yieldStar}; a sync iterable through CreateAsyncFromSyncIterator.
 */
function makeAsyncStar(internals: PromiseInternals, awaitValue: AwaitFn): (value: unknown) => Iterator<unknown> {
  return function asyncStar(value: unknown): Iterator<unknown> {
    const asyncMethod = getMethod(value, Symbol.asyncIterator);
    if (asyncMethod !== undefined) return delegateAsync(value, asyncMethod);
    const syncMethod = getMethod(value, Symbol.iterator);
    if (syncMethod === undefined) throw new TypeError(`${typeof value} is not async iterable`);
    const sync: unknown = ReflectApply(syncMethod, value, []);
    if (!isObject(sync)) throw new TypeError('Result of the Symbol.iterator method is not an object');
    const wrapper = asyncFromSync(sync, (sync as { next?: unknown }).next, internals, awaitValue);
    return delegate(wrapper, wrapper.next);
  };
}

interface AsyncFromSync {
  next(value: unknown): Promise<unknown>;
  return(value: unknown): Promise<unknown>;
  throw(value: unknown): Promise<unknown>;
}

/**
 * CreateAsyncFromSyncIterator (ECMA-262 %AsyncFromSyncIteratorPrototype%): each
 * method calls the sync iterator, then awaits the value it gave, closing the
 * sync iterator if that value rejects (AsyncFromSyncIteratorContinuation).
 */
function asyncFromSync(sync: object, syncNext: unknown, internals: PromiseInternals, awaitValue: AwaitFn): AsyncFromSync {
  /** Run `step` for a new promise; a throw rejects the promise (IfAbruptRejectPromise). */
  const capability = (step: (promise: Promise<unknown>) => void): Promise<unknown> => {
    const promise = internals.create();
    try {
      step(promise);
    } catch (error) {
      internals.reject(promise, error);
    }
    return promise;
  };
  const call = (fn: unknown, args: unknown[]): object => {
    if (typeof fn !== 'function') throw notCallable(fn);
    const result: unknown = ReflectApply(fn, sync, args);
    if (!isObject(result)) throw new TypeError(`Iterator result ${String(result)} is not an object`);
    return result;
  };
  /** IteratorClose after a throw completion: call return() if any, ignore what it does, throw `error`. */
  const closeAfterThrow = (error: unknown): never => {
    try {
      const ret = getMethod(sync, 'return');
      if (ret !== undefined) ReflectApply(ret, sync, []);
    } catch {
      // The original error wins.
    }
    throw error;
  };
  const continuation = (promise: Promise<unknown>, result: object, closeOnRejection: boolean): void => {
    const done = Boolean((result as IteratorResult<unknown>).done);
    const value = (result as IteratorResult<unknown>).value;
    const closes = !done && closeOnRejection;
    try {
      awaitValue(
        value,
        (v) => internals.resolve(promise, { value: v, done }),
        (e) => {
          if (!closes) internals.reject(promise, e);
          else {
            try {
              closeAfterThrow(e);
            } catch (error) {
              internals.reject(promise, error);
            }
          }
        },
      );
    } catch (error) {
      // PromiseResolve itself threw (a `constructor` getter).
      if (closes) closeAfterThrow(error);
      throw error;
    }
  };
  return {
    // "If value is present": next()/return() without an argument pass none on (for-await calls them so).
    next(value) {
      const args = arguments.length > 0 ? [value] : [];
      return capability((promise) => continuation(promise, call(syncNext, args), true));
    },
    return(value) {
      const args = arguments.length > 0 ? [value] : [];
      return capability((promise) => {
        const ret = getMethod(sync, 'return');
        if (ret === undefined) internals.resolve(promise, { value, done: true });
        else continuation(promise, call(ret, args), false);
      });
    },
    throw: (value) =>
      capability((promise) => {
        const thrower = getMethod(sync, 'throw');
        if (thrower === undefined) {
          // Close the sync iterator (its own errors first), then the protocol violation.
          const ret = getMethod(sync, 'return');
          if (ret !== undefined) {
            const closed: unknown = ReflectApply(ret, sync, []);
            if (!isObject(closed)) throw new TypeError(`Iterator result ${String(closed)} is not an object`);
          }
          throw new TypeError("The iterator does not provide a 'throw' method.");
        }
        continuation(promise, call(thrower, [value]), true);
      }),
  };
}

/**
 * V8's TypeError for calling a value that is not a function, where it cannot
 * print the call's source: `number 5`, `string "s"`, `object null`,
 * `boolean true`, and only the type for objects, symbols and bigints
 * (tests/runtime/for-await.test.ts, Node 22.23's messages).
 */
function notCallable(value: unknown): TypeError {
  let shown: string;
  if (value === undefined) shown = 'undefined';
  else if (value === null) shown = 'object null';
  else if (typeof value === 'string') shown = `string "${value}"`;
  else if (typeof value === 'number' || typeof value === 'boolean') shown = `${typeof value} ${String(value)}`;
  else shown = typeof value;
  return new TypeError(`${shown} is not a function`);
}

/** GetMethod(value, key): undefined for null or undefined, a TypeError for anything else that is not callable. */
function getMethod(value: unknown, key: PropertyKey): ((this: unknown, ...args: unknown[]) => unknown) | undefined {
  const fn = (value as Record<PropertyKey, unknown>)[key];
  if (fn === undefined || fn === null) return undefined;
  if (typeof fn !== 'function') throw notCallable(fn);
  return fn as (this: unknown, ...args: unknown[]) => unknown;
}

/** The sync iterator the lowered `yield*` runs over, driving the async iterator `inner` through markers. */
function delegate(inner: object, next: unknown): Iterator<unknown> {
  // What the next resumption of the body carries: a result to check, the end of a close, a return value.
  let phase: 'idle' | 'result' | 'return-result' | 'close-then-throw' | 'returning' = 'idle';
  const call = (fn: unknown, args: unknown[]): unknown => {
    if (typeof fn !== 'function') throw notCallable(fn);
    return ReflectApply(fn, inner, args);
  };
  const awaitThen = (x: unknown, mode: number): IteratorResult<unknown> => ({ done: false, value: new AwaitMarker(x, mode) });
  const it = {
    [Symbol.iterator]: () => it,
    next(received: unknown): IteratorResult<unknown> {
      if (phase === 'result' || phase === 'return-result') {
        const wasReturn = phase === 'return-result';
        phase = 'idle';
        const result = received;
        if (!isObject(result)) throw new TypeError(`Iterator result ${String(result)} is not an object`);
        if (!(result as IteratorResult<unknown>).done) return { done: false, value: new Delegated((result as IteratorResult<unknown>).value) };
        const final = (result as IteratorResult<unknown>).value;
        if (!wasReturn) return { done: true, value: final };
        phase = 'returning';
        return awaitThen(final, STAR_RETURN_NOW);
      }
      if (phase === 'close-then-throw') {
        phase = 'idle';
        if (!isObject(received)) throw new TypeError(`Iterator result ${String(received)} is not an object`);
        throw new TypeError("The iterator does not provide a 'throw' method.");
      }
      phase = 'result';
      return awaitThen(call(next, [received]), STAR_RESULT);
    },
    throw(error: unknown): IteratorResult<unknown> {
      if (phase !== 'idle') {
        // An await of ours failed: the error is thrown at the yield*.
        phase = 'idle';
        throw error;
      }
      const throwMethod = getMethod(inner, 'throw');
      if (throwMethod !== undefined) {
        phase = 'result';
        return awaitThen(call(throwMethod, [error]), STAR_RESULT);
      }
      // No throw(): close the inner iterator (AsyncIteratorClose), then a TypeError.
      const returnMethod = getMethod(inner, 'return');
      if (returnMethod === undefined) throw new TypeError("The iterator does not provide a 'throw' method.");
      phase = 'close-then-throw';
      return awaitThen(call(returnMethod, []), STAR_RESULT);
    },
    return(received: unknown): IteratorResult<unknown> {
      if (phase === 'returning') {
        phase = 'idle';
        return { done: true, value: received };
      }
      const returnMethod = getMethod(inner, 'return');
      if (returnMethod === undefined) {
        phase = 'returning';
        return awaitThen(received, STAR_RETURN);
      }
      phase = 'return-result';
      return awaitThen(call(returnMethod, [received]), STAR_RESULT);
    },
  };
  return it;
}

type Kind = 'next' | 'throw' | 'return';

interface Request {
  kind: Kind;
  value: unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

type State = 'start' | 'yield' | 'executing' | 'awaiting-return' | 'completed';

/** Make the `__asyncGenerator(thisArg, args, generatorFunction)` helper, its mended twin and `__asyncStar` for one loop. */
export function makeAsyncGeneratorHelpers(loop: Loop) {
  const P = loop.Promise;
  // The spec's Await: PromiseResolve + PerformPromiseThen, no `then` lookup on our promises.
  const awaitValue = makeAwait(P);

  /**
   * Await: when PromiseResolve itself throws (a `constructor` getter), the error is the
   * await's throw completion, delivered now (`? Await(v)`), not an escape from the runtime.
   * Test: tests/runtime/primordials.test.ts.
   */
  const awaitOrThrow = (value: unknown, onFulfilled: (v: unknown) => void, onRejected: (e: unknown) => void): void => {
    let threw = false;
    let error: unknown;
    try {
      awaitValue(value, onFulfilled, onRejected);
    } catch (e) {
      threw = true;
      error = e;
    }
    if (threw) onRejected(error);
  };

  class AsyncGen {
    #gen: Generator;
    #state: State = 'start';
    #queue: List<Request> = list();
    /** The compiler mended this body: its `return expr` statements await where they stand. */
    #mended: boolean;

    constructor(gen: Generator, mended: boolean) {
      this.#gen = gen;
      this.#mended = mended;
    }

    next(value?: unknown): Promise<IteratorResult<unknown>> {
      return this.#request('next', value);
    }

    throw(error?: unknown): Promise<IteratorResult<unknown>> {
      return this.#request('throw', error);
    }

    return(value?: unknown): Promise<IteratorResult<unknown>> {
      return this.#request('return', value);
    }

    [Symbol.asyncIterator](): this {
      return this;
    }

    get [Symbol.toStringTag](): string {
      return 'AsyncGenerator';
    }

    #request(kind: Kind, value: unknown): Promise<IteratorResult<unknown>> {
      let resolve!: (v: unknown) => void;
      let reject!: (r: unknown) => void;
      const promise = new P<IteratorResult<unknown>>((res, rej) => {
        resolve = res as (v: unknown) => void;
        reject = rej;
      });
      if (kind === 'next' && this.#state === 'start') asyncGenStarted(loop, this);
      if (kind === 'throw' && this.#state === 'start') this.#state = 'completed';
      if (this.#state === 'completed' && kind !== 'return') {
        if (kind === 'throw') reject(value);
        else resolve({ value: undefined, done: true });
        return promise;
      }
      append(this.#queue, { kind, value, resolve, reject });
      if (kind === 'return' && (this.#state === 'start' || this.#state === 'completed')) {
        this.#state = 'awaiting-return';
        this.#awaitReturn();
      } else if (this.#state === 'start' || this.#state === 'yield') {
        this.#resume(this.#queue[0]!);
      }
      return promise;
    }

    /** AsyncGeneratorResume, with AsyncGeneratorUnwrapYieldResumption for a return request. */
    #resume(request: Request): void {
      this.#state = 'executing';
      if (request.kind === 'return') {
        awaitOrThrow(request.value, (v) => this.#run('return', v), (e) => this.#run('throw', e));
        return;
      }
      this.#run(request.kind, request.value);
    }

    /** Run the body until it awaits, yields or finishes. */
    #run(kind: Kind, value: unknown): void {
      let step: IteratorResult<unknown, unknown>;
      try {
        step = kind === 'next' ? GeneratorPrototypeNext(this.#gen, value) : kind === 'throw' ? GeneratorPrototypeThrow(this.#gen, value) : GeneratorPrototypeReturn(this.#gen, value);
      } catch (error) {
        this.#finish('throw', error);
        return;
      }
      const yielded = step.value;
      if (step.done) {
        // `return expr` in the body awaits expr (spec ReturnStatement); a bare end of
        // body does not, nor does a return() request (its value was awaited already).
        // In a mended body the value was awaited at its `return` already, or comes from a return() request.
        if (yielded === undefined || kind === 'return' || this.#mended) this.#finish('next', yielded);
        else awaitOrThrow(yielded, (v) => this.#finish('next', v), (e) => this.#finish('throw', e));
        return;
      }
      if (yielded instanceof AwaitMarker) {
        if (yielded[1] === STAR_RETURN_NOW) {
          this.#run('return', yielded[0]);
          return;
        }
        const resumeWith = yielded[1] === STAR_RETURN ? 'return' : 'next';
        awaitOrThrow(yielded[0], (y) => this.#run(resumeWith, y), (e) => this.#run('throw', e));
        return;
      }
      if (yielded instanceof Delegated) {
        // yield* hands on its inner iterator's value: AsyncGeneratorYield without Await.
        this.#yield(yielded.value);
        return;
      }
      // AsyncGeneratorYield(? Await(value)).
      awaitOrThrow(yielded, (v) => this.#yield(v), (e) => this.#run('throw', e));
    }

    #yield(value: unknown): void {
      this.#completeStep('next', value, false);
      const next = this.#queue[0];
      if (next) this.#resume(next);
      else this.#state = 'yield';
    }

    #finish(kind: 'next' | 'throw', value: unknown): void {
      this.#state = 'completed';
      asyncGenFinished(loop, this);
      this.#completeStep(kind, value, true);
      this.#drain();
    }

    #completeStep(kind: 'next' | 'throw', value: unknown, done: boolean): void {
      const request = shift(this.#queue)!;
      if (kind === 'throw') request.reject(value);
      else request.resolve({ value, done });
    }

    #drain(): void {
      while (this.#queue.length > 0) {
        const next = this.#queue[0]!;
        if (next.kind === 'return') {
          this.#state = 'awaiting-return';
          this.#awaitReturn();
          return;
        }
        if (next.kind === 'throw') this.#completeStep('throw', next.value, true);
        else this.#completeStep('next', undefined, true);
      }
    }

    #awaitReturn(): void {
      const request = this.#queue[0]!;
      const settle = (kind: 'next' | 'throw', v: unknown): void => {
        this.#state = 'completed';
        asyncGenFinished(loop, this);
        this.#completeStep(kind, v, true);
        this.#drain();
      };
      try {
        awaitValue(request.value, (v) => settle('next', v), (e) => settle('throw', e));
      } catch (error) {
        settle('throw', error);
      }
    }
  }

  type GeneratorFunction = (...a: unknown[]) => Generator;
  return {
    /** What the run's async generator objects inherit from (runtime/function-shapes.ts gives it its `constructor`). */
    asyncGeneratorPrototype: AsyncGen.prototype as object,
    /** `__asyncGenerator(thisArg, args, body)`: a body as esbuild lowered it. */
    asyncGenerator: (thisArg: unknown, args: unknown, genFn: GeneratorFunction): AsyncGen => new AsyncGen(ReflectApply(genFn, thisArg, (args ?? []) as unknown[]), false),
    /** `__asyncGenMended(...)`: a body the compiler's fix-ups rewrote. */
    asyncGenMended: (thisArg: unknown, args: unknown, genFn: GeneratorFunction): AsyncGen => new AsyncGen(ReflectApply(genFn, thisArg, (args ?? []) as unknown[]), true),
    /** `__asyncStar(value)`: `yield*` inside a mended body. */
    asyncStar: makeAsyncStar(promiseInternals(P), awaitValue),
    /** `__forAwait(value)`: the iterator record of a `for await` loop. */
    forAwait: makeForAwait(promiseInternals(P), awaitValue),
  };
}

/**
 * Make `__forAwait(value)`: GetIterator(value, async) for esbuild's lowered
 * `for await`, which calls `iter.next()` each step and, on an early exit,
 * `(temp = iter.return) && temp.call(iter)`. What it gives is the spec's
 * iterator record: `next` read once (ForIn/OfBodyEvaluation calls
 * [[NextMethod]], it does not read `next` again), called with no argument;
 * `return` read when the loop closes (AsyncIteratorClose's GetMethod). A sync
 * iterable goes through CreateAsyncFromSyncIterator, which closes the sync
 * iterator when a value it gave rejects (tc39/ecma262#2600). Replaces
 * esbuild's helper, which read `next` on every step, passed an explicit
 * `undefined`, looked up `constructor` once a step and never closed the sync
 * iterator. The check that each awaited next() result is an object is the
 * compiler's: it passes the result through `__forAwaitResult` in the loop's
 * head (compiler/lowered-functions.ts, runtime/function-shapes.ts).
 * Test: tests/runtime/for-await.test.ts.
 */
function makeForAwait(internals: PromiseInternals, awaitValue: AwaitFn): (value: unknown) => object {
  return function forAwait(value: unknown): object {
    let iterator: unknown;
    const asyncMethod = getMethod(value, SymbolAsyncIterator);
    if (asyncMethod !== undefined) {
      iterator = ReflectApply(asyncMethod, value, []);
      if (!isObject(iterator)) throw new TypeError('Result of the Symbol.asyncIterator method is not an object');
    } else {
      const syncMethod = getMethod(value, SymbolIterator);
      if (syncMethod === undefined) throw new TypeError(`${value === null ? 'null' : typeof value} is not async iterable`);
      const sync: unknown = ReflectApply(syncMethod, value, []);
      if (!isObject(sync)) throw new TypeError('Result of the Symbol.iterator method is not an object');
      iterator = asyncFromSync(sync, (sync as { next?: unknown }).next, internals, awaitValue);
    }
    const target = iterator as object;
    const nextMethod: unknown = (target as { next?: unknown }).next;
    const record = {
      next: (): unknown => {
        if (typeof nextMethod !== 'function') throw notCallable(nextMethod);
        return ReflectApply(nextMethod, target, []);
      },
    };
    ObjectDefineProperty(record, 'return', descriptor({
      get(): unknown {
        const ret = getMethod(target, 'return');
        if (ret === undefined) return undefined;
        // esbuild calls `temp.call(iter)`: an own `call`, so a patched Function.prototype.call is not used.
        const close = (): unknown => ReflectApply(ret, target, []);
        ObjectDefineProperty(close, 'call', descriptor({ value: close }));
        return close;
      },
    }));
    return record;
  };
}
